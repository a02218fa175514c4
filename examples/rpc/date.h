/*
 * date.h: slide 3.68's RPC specification date.x, written as C. rpcgen
 * would make this header of it; the stubs are in rdate.c (the client's)
 * and date_svc.c (the server's skeleton).
 *
 *	program DATE_PROG {
 *		version DATE_VERS {
 *			long BIN_DATE(void) = 1;
 *			string STR_DATE(long) = 2;
 *			int ADD(add_in) = 3;	(not on the slide)
 *		} = 1;
 *	} = 0x31234567;
 */
#include <osplay/rpc.h>

#define DATE_PROG 0x31234567	/* 0x20000000-0x3fffffff: defined by the user */
#define DATE_VERS 1
#define BIN_DATE 1
#define STR_DATE 2
#define ADD 3

#define DATE_PORT 6312		/* the port the server binds */
#define DATE_MAX 64		/* the longest string STR_DATE returns */

/* ADD's arguments: two ints, marshalled one after the other. */
struct add_in {
	int a, b;
};

static int xdr_add_in(XDR *x, void *p)
{
	struct add_in *in = p;

	return xdr_int(x, &in->a) && xdr_int(x, &in->b);
}

static int xdr_long_p(XDR *x, void *p)
{
	return xdr_long(x, p);
}

static int xdr_int_p(XDR *x, void *p)
{
	return xdr_int(x, p);
}

static int xdr_date_string(XDR *x, void *p)
{
	return xdr_string(x, p, DATE_MAX);
}
