/* Expect: strtol/strtoul/atoi/atol as glibc: base 0 detects 0x and 0
 * prefixes, leading spaces and signs are accepted, the end pointer stops at
 * the first invalid character (and stays at the start when nothing was
 * converted), overflow clamps to LONG_MAX/LONG_MIN with errno ERANGE,
 * strtoul accepts a minus sign and negates, atoi stops quietly. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static void show(const char *s, int base)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, rest \"%s\", consumed %ld, errno %d\n",
		s, base, v, end, (long)(end - s), errno);
}

static void showu(const char *s, int base)
{
	char *end;
	unsigned long v;
	errno = 0;
	v = strtoul(s, &end, base);
	printf("strtoul(\"%s\", %d) = %lu, rest \"%s\", errno %d\n", s, base, v, end, errno);
}

int main(void)
{
	show("42", 10);
	show("   -17xyz", 10);
	show("+8", 10);
	show("0x1A", 0);
	show("0x1A", 16);
	show("1A", 16);
	show("0X1a", 0);
	show("017", 0);
	show("017", 10);
	show("08", 0);
	show("0x", 0);
	show("0xg", 16);
	show("z", 36);
	show("Zz", 36);
	show("1010", 2);
	show("777", 8);
	show("abc", 10);
	show("", 10);
	show("   ", 10);
	show("- 5", 10);
	show("9223372036854775807", 10);
	show("9223372036854775808", 10);
	show("-9223372036854775808", 10);
	show("-9223372036854775809", 10);
	show("99999999999999999999999", 10);
	show("12 34", 10);
	show("\t 5", 10);
	showu("18446744073709551615", 10);
	showu("18446744073709551616", 10);
	showu("-1", 10);
	showu("0xffffffff", 0);
	printf("atoi: %d %d %d %d %d %d\n", atoi("123"), atoi("  -42abc"), atoi("abc"), atoi(""),
		atoi("+7"), atoi("3.99"));
	printf("atol: %ld %ld\n", atol("-2147483649"), atol("  1234567890123"));
	printf("atof: %.3f %.3f %g\n", atof("3.14159"), atof("-2.5e3"), atof("1e-3x"));
	{
		char *end;
		double d = strtod("  6.02e23 mol", &end);
		printf("strtod: %g rest \"%s\"\n", d, end);
		d = strtod("inf", &end);
		printf("strtod(\"inf\") = %f, strtod(\"0x10\") = %g\n", d, strtod("0x10", NULL));
	}
	return 0;
}
