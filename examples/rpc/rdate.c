/*
 * The client of slide 3.70, rdate.c, with its stub: bin_date_1,
 * str_date_1 and add_1 look like local functions, but each marshals its
 * arguments, sends them to the server and unmarshals the reply (slide
 * 3.64). clnt_create first asks the matchmaker which port DATE_PROG has.
 * rpc_trace makes every call print its bytes: XDR puts the most
 * significant byte first, 4 bytes a unit.
 */
#include <stdio.h>
#include <stdlib.h>
#include "date.h"

/* The client stub, as rpcgen would write it into date_clnt.c. */
long *bin_date_1(void *arg, CLIENT *cl)
{
	static long res;

	if (clnt_call(cl, BIN_DATE, xdr_void, arg, xdr_long_p, &res) < 0)
		return NULL;
	return &res;
}

char **str_date_1(long *bintime, CLIENT *cl)
{
	static char buf[DATE_MAX + 1];
	static char *res;

	res = buf;
	if (clnt_call(cl, STR_DATE, xdr_long_p, bintime, xdr_date_string, &res) < 0)
		return NULL;
	return &res;
}

int *add_1(struct add_in *in, CLIENT *cl)
{
	static int res;

	if (clnt_call(cl, ADD, xdr_add_in, in, xdr_int_p, &res) < 0)
		return NULL;
	return &res;
}

int main(int argc, char *argv[])
{
	CLIENT *cl;
	char *server;
	long *lresult;
	char **sresult;
	int *sum;
	long slide = 984459987;	/* the time slide 3.66 prints */
	struct add_in in = {258, -3};

	if (argc != 2) {
		fprintf(stderr, "usage: %s hostname\n", argv[0]);
		exit(1);
	}
	server = argv[1];
	rpc_trace = 1;
	printf("rdate: asks the matchmaker for program 0x%x version %d\n", DATE_PROG, DATE_VERS);
	if ((cl = clnt_create(server, DATE_PROG, DATE_VERS, 0)) == NULL) {
		printf("rdate: %s: %s\n", server, rpc_errstr(rpc_error));
		exit(1);
	}

	printf("rdate: ADD(%d, %d)\n", in.a, in.b);
	if ((sum = add_1(&in, cl)) == NULL)
		printf("rdate: %s: %s\n", server, rpc_errstr(rpc_error));
	else
		printf("rdate: %d + %d = %d\n", in.a, in.b, *sum);

	printf("rdate: STR_DATE(%ld)\n", slide);
	if ((sresult = str_date_1(&slide, cl)) == NULL)
		printf("rdate: %s: %s\n", server, rpc_errstr(rpc_error));
	else
		printf("rdate: time %ld on host %s = %s", slide, server, *sresult);

	cl->trace = 0;	/* the time of day differs from run to run: its bytes are not shown */
	printf("rdate: BIN_DATE()\n");
	if ((lresult = bin_date_1(NULL, cl)) == NULL)
		printf("rdate: %s: %s\n", server, rpc_errstr(rpc_error));
	else
		printf("rdate: time on host %s = %ld\n", server, *lresult);

	printf("rdate: procedure 9\n");
	if (clnt_call(cl, 9, xdr_void, NULL, xdr_void, NULL) < 0)
		printf("rdate: %s: %s\n", server, rpc_errstr(rpc_error));
	clnt_destroy(cl);
	return 0;
}
