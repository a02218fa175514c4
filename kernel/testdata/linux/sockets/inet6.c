/* Expect: inet_pton and inet_ntop for IPv6 text as glibc reads and
 * writes it: "::" for the longest run of zero groups, lowercase, IPv4
 * mapped and compatible forms, the malformed ones refused, ENOSPC and
 * EAFNOSUPPORT. (The machine's network itself has no IPv6.) */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <arpa/inet.h>
int main(void) {
	const char *in[] = {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "2001:db8::1", "2001:DB8:0:0:1:0:0:1", "fe80::1:0:0:1",
		"::ffff:192.168.1.1", "::192.168.1.1", "::0.0.0.1", "1:0:0:2:0:0:0:3", "0:0:1:0:0:0:0:0", "::ffff:0:1",
		"1:2:3:4:5:6:1.2.3.4", "12345::", ":1::", "1:::2", "1:2:3:4:5:6:7:8:9", "1::2::3", "::1.2.3", "g::", "1:2:3:4:5:6:7::",
		"::1:2:3:4:5:6:7", "", ":", "1:", "0000:0000::0001", "00000::1"};
	for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
		unsigned char b[16]; char out[64];
		memset(b, 0xAA, sizeof b);
		int r = inet_pton(AF_INET6, in[i], b);
		printf("inet_pton6(\"%s\") = %d", in[i], r);
		if (r == 1) printf(" -> %s", inet_ntop(AF_INET6, b, out, sizeof out));
		printf("\n");
	}
	unsigned char b[16] = {0x20, 0x01, 0x0d, 0xb8}; char small[8];
	const char *p = inet_ntop(AF_INET6, b, small, sizeof small);
	printf("small: %s %s\n", p ? p : "NULL", strerror(errno));
	errno = 0;
	printf("family 99: %d %s\n", inet_pton(99, "1", b), strerror(errno));
	return 0;
}
