/* String to number conversions against glibc, including errno and end pointers. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <inttypes.h>

static const char *inputs[] = {
	"0", "42", "-42", "+42", "  \t\n 17", "12abc", "abc", "", " ", "-", "+", "0x", "0x1f",
	"0X1F", "-0x1f", "0xg", "077", "08", "0b101", "1010", "zZ", "Zz9", "9223372036854775807",
	"9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
	"18446744073709551616", "-18446744073709551615", "-18446744073709551616", "99999999999999999999999",
	"2147483647", "2147483648", "-2147483649", "4294967296", "0000000000000000000000001",
	"--5", "+-5", "1e5", "  -0", "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff",
	"0x10000000000000000", "777777777777777777777", "1777777777777777777777", "2000000000000000000000",
};

static const int bases[] = {0, 2, 8, 10, 16, 36, 1, 37, -1};

int main(void)
{
	size_t i, j;
	char *end;
	long l;
	unsigned long ul;
	long long ll;
	unsigned long long ull;

	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		const char *s = inputs[i];

		for (j = 0; j < sizeof bases / sizeof bases[0]; j++) {
			int b = bases[j];

			errno = 0;
			end = (char *)s;
			l = strtol(s, &end, b);
			printf("strtol(\"%s\", %d) = %ld errno=%d end=%ld\n", s, b, l, errno, (long)(end - s));
			errno = 0;
			end = (char *)s;
			ul = strtoul(s, &end, b);
			printf("strtoul(\"%s\", %d) = %lu errno=%d end=%ld\n", s, b, ul, errno, (long)(end - s));
			errno = 0;
			ll = strtoll(s, &end, b);
			ull = strtoull(s, NULL, b);
			printf("strtoll = %lld, strtoull = %llu errno=%d\n", ll, ull, errno);
		}
		printf("atoi=%d atol=%ld atoll=%lld imax=%jd umax=%ju\n", atoi(s), atol(s), atoll(s),
			strtoimax(s, NULL, 0), strtoumax(s, NULL, 0));
	}
	printf("%d %ld %lld %jd\n", abs(-5), labs(-6L), llabs(-7LL), imaxabs(-8));
	printf("%d %d %ld %ld %lld %lld\n", div(-7, 2).quot, div(-7, 2).rem, ldiv(7, -2).quot,
		ldiv(7, -2).rem, lldiv(-7, -2).quot, lldiv(-7, -2).rem);
	return 0;
}
