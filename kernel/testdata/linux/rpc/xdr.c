/* Expect: XDR's encoding (RFC 4506) as <osplay/rpc.h> writes it: a
 * 32-bit integer most significant byte first, whatever the machine's
 * order (x86 keeps 1 as 01 00 00 00 in memory); negative numbers in two's
 * complement; a string as its length, its bytes and zeros up to a
 * multiple of 4; decoding gives the values back; a buffer too short, a
 * string longer than its maximum or than what is left, refused (0). */
#include <stdio.h>
#include <limits.h>
#include <osplay/rpc.h>

static void show(const char *what, unsigned char *buf, int n)
{
	printf("%-22s", what);
	for (int i = 0; i < n; i++)
		printf(" %02x", buf[i]);
	printf("\n");
}

int main(void)
{
	unsigned char buf[64];
	int ints[] = {0, 1, -1, 258, -3, 984459987, INT_MAX, INT_MIN};
	char *strs[] = {"", "a", "ab", "abc", "abcd", "Tue!x"};
	char text[16], *tp = text;
	XDR x;
	int v, one = 1;
	unsigned int u;
	long l;

	show("1 in memory (x86)", (unsigned char *)&one, 4);
	for (int i = 0; i < 8; i++) {
		char what[32];
		xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
		xdr_int(&x, &ints[i]);
		snprintf(what, sizeof what, "xdr_int %d", ints[i]);
		show(what, buf, x.pos);
		xdrmem_create(&x, buf, 4, XDR_DECODE);
		v = 12345;
		int ok = xdr_int(&x, &v);
		printf("%-22s %d %d\n", "  decoded", ok, v);
	}
	for (int i = 0; i < 6; i++) {
		char what[32];
		xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
		xdr_string(&x, &strs[i], 16);
		snprintf(what, sizeof what, "xdr_string \"%s\"", strs[i]);
		show(what, buf, x.pos);
		int n = x.pos;
		xdrmem_create(&x, buf, n, XDR_DECODE);
		int ok = xdr_string(&x, &tp, 15);
		printf("%-22s %d \"%s\" %d bytes\n", "  decoded", ok, text, x.pos);
	}
	l = -2;
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	xdr_long(&x, &l);
	show("xdr_long -2", buf, x.pos);

	/* refusals */
	xdrmem_create(&x, buf, 3, XDR_DECODE);
	v = xdr_int(&x, &v);
	printf("int from 3 bytes: %d pos %d\n", v, x.pos);
	xdrmem_create(&x, buf, 3, XDR_ENCODE);
	v = xdr_int(&x, &v);
	printf("int into 3 bytes: %d pos %d\n", v, x.pos);
	u = 0x7fffffff;
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	xdr_u_int(&x, &u);
	xdrmem_create(&x, buf, sizeof buf, XDR_DECODE);
	printf("string of length 0x7fffffff: %d\n", xdr_string(&x, &tp, 15));
	u = 12;
	xdrmem_create(&x, buf, 8, XDR_ENCODE);
	xdr_u_int(&x, &u);
	xdrmem_create(&x, buf, 8, XDR_DECODE);
	printf("string of 12 in 8 bytes: %d\n", xdr_string(&x, &tp, 15));
	u = 0xfffffffe;	/* with its padding of 2, 2^32: a check of len + pad would wrap to 0 */
	xdrmem_create(&x, buf, 8, XDR_ENCODE);
	xdr_u_int(&x, &u);
	xdrmem_create(&x, buf, 8, XDR_DECODE);
	printf("string of 2^32-2 with no maximum: %d\n", xdr_string(&x, &tp, 0xffffffff));
	xdrmem_create(&x, buf, 6, XDR_ENCODE);
	printf("\"abc\" into 6 bytes: %d\n", xdr_string(&x, &strs[3], 15));
	return 0;
}
