/* printf conversions, compared with glibc: every format with every value. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

static char buf[4096];

/* Show the result with control characters visible, and the return value. */
static void show(const char *fmt, int r)
{
	int i;

	printf("%-10s %4d [", fmt, r);
	for (i = 0; i < r && i < (int)sizeof buf - 1; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c < 32 || c > 126)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	printf("]\n");
}

#define T(fmt, ...) show(fmt, snprintf(buf, sizeof buf, fmt, __VA_ARGS__))

static const char *int_formats[] = {
	"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+5d", "%-+5d|", "% 05d", "%+05d",
	"%.3d", "%.0d", "%8.3d", "%-8.3d|", "%08.3d", "%u", "%o", "%#o", "%x", "%#x", "%X",
	"%#X", "%#8x", "%#08x", "%-#8x|", "%.0x", "%#.0x", "%#.0o", "%#5.3o", "%hd", "%hhd",
	"%hu", "%hhu", "%hx", "%hhx", "%c", "%5c", "%-5c|", "%05c", "%'d", "%+u", "% x", "%+o",
	"%.10u", "%-10.5x|", "%#.3x", "%#3x",
};

static const int int_values[] = {
	0, 1, -1, 7, 42, -42, 255, 256, 1000, 65535, 65536, 123456789, INT_MAX, INT_MIN,
	'A', -128, 127,
};

static const char *long_formats[] = {
	"%ld", "%li", "%lu", "%lx", "%lX", "%lo", "%#lo", "%#lx", "%lld", "%llu", "%llx",
	"%zu", "%zd", "%zx", "%jd", "%ju", "%td", "%+ld", "% ld", "%25ld", "%-25ld|", "%025ld",
	"%.20ld", "%+.20ld", "%Lu",
};

static const long long long_values[] = {
	0, 1, -1, 4294967295LL, 4294967296LL, 1234567890123LL, -987654321098LL, LLONG_MAX,
	LLONG_MIN, 0x7f7f7f7f7f7fLL,
};

static const char *string_formats[] = {
	"%s", "%10s", "%-10s|", "%.3s", "%10.3s", "%-10.3s|", "%.0s", "%.10s", "%05s", "%-05s|",
	"[%s]", "%3s", "%.1s",
};

static const char *string_values[] = {"", "a", "hello", "hello, world", "tab\there"};

static const char *double_formats[] = {
	"%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%10.3f", "%-10.3f|", "%+f", "% f",
	"%010.3f", "%#.0f", "%+.0f", "%e", "%.0e", "%.1e", "%.3e", "%#.0e", "%E", "%12.4e",
	"%-12.4e|", "%+e", "%012.3e", "%g", "%.0g", "%.1g", "%.2g", "%.3g", "%.10g", "%.17g",
	"%#g", "%#.3g", "%#.0g", "%G", "%10g", "%-10g|", "%010g", "%+g", "% g", "%a", "%.0a",
	"%.1a", "%.3a", "%.13a", "%.20a", "%A", "%#a", "%#.0a", "%15a", "%015a", "%-15a|",
	"%+a", "%F", "%.20f", "%5.1f", "%08.2f", "%-08.2f|", "%+08.2f", "% 08.2f",
};

static double double_values[23 + 30];
static int n_double_values;

static void add(double v)
{
	double_values[n_double_values++] = v;
}

int main(void)
{
	size_t i, j;
	int n1 = -1, n2 = -1;
	signed char hn = 0;
	long ln = 0;
	double inf = 1e308 * 10;

	for (i = 0; i < sizeof int_formats / sizeof int_formats[0]; i++)
		for (j = 0; j < sizeof int_values / sizeof int_values[0]; j++)
			T(int_formats[i], int_values[j]);
	for (i = 0; i < sizeof long_formats / sizeof long_formats[0]; i++)
		for (j = 0; j < sizeof long_values / sizeof long_values[0]; j++)
			T(long_formats[i], long_values[j]);
	for (i = 0; i < sizeof string_formats / sizeof string_formats[0]; i++)
		for (j = 0; j < sizeof string_values / sizeof string_values[0]; j++)
			T(string_formats[i], string_values[j]);

	add(0.0); add(-0.0); add(1.0); add(-1.0); add(0.5); add(1.5); add(2.5); add(-2.5);
	add(0.1); add(0.125); add(1.0 / 3); add(2.0 / 3); add(1e-5); add(1.234e-7);
	add(123456.789); add(1e15); add(1e16); add(1.5e17); add(999999.5); add(0.00001234);
	add(1e100); add(1e300); add(1.7976931348623157e308); add(2.2250738585072014e-308);
	add(4.9406564584124654e-324); add(9.5); add(10.5); add(0.05); add(0.15); add(0.25);
	add(0.35); add(999.9995); add(3.14159265358979); add(100); add(1e-10); add(99.99);
	add(0.000099995); add(123456789012345678.0); add(6.02214076e23); add(1.0 / 1024);
	add(inf); add(-inf); add(inf - inf); add(-(inf - inf)); add(9.999999999999999e22);
	add(0.9999995); add(5e-5);
	for (i = 0; i < sizeof double_formats / sizeof double_formats[0]; i++)
		for (j = 0; j < (size_t)n_double_values; j++)
			T(double_formats[i], double_values[j]);

	/* Pointers: glibc prints NULL as (nil). */
	T("%p", (void *)0);
	T("%p", (void *)0x1234);
	T("%20p", (void *)0x1234);
	T("%-20p|", (void *)0x1234);
	T("%20p", (void *)0);
	T("%-8p|", (void *)0);
	T("%.3p", (void *)0);
	T("%.8p", (void *)0xabc);
	T("%+p", (void *)0x10);
	T("% p", (void *)0x10);
	T("%#p", (void *)0x10);
	T("%020p", (void *)0x10);
	T("%p", (void *)-1);

	/* Strings: glibc prints NULL as (null), or nothing if the precision is short. */
	T("%s", (char *)0);
	T("%.3s", (char *)0);
	T("%.6s", (char *)0);
	T("%10s", (char *)0);
	T("%-10s|", (char *)0);

	/* Star widths and precisions, including negative ones. */
	T("%*d", 6, 42);
	T("%-*d|", 6, 42);
	T("%*d|", -6, 42);
	T("%.*d", 4, 42);
	T("%.*d", -4, 42);
	T("%*.*f", 10, 2, 3.14159);
	T("%*.*s|", -8, 3, "abcdef");
	T("%.*s", 2, "abcdef");
	T("%0*d", 5, -42);

	/* %n and friends */
	T("abc%n%d", &n1, 5);
	T("%s%n", "hello", &n2);
	printf("n1=%d n2=%d\n", n1, n2);
	T("12345%hhn", &hn);
	T("1234567%ln", &ln);
	printf("hn=%d ln=%ld\n", hn, ln);

	/* Odd specifications */
	T("%%", 0);
	T("%5%", 0);
	T("%-5%|", 0);
	T("100%% sure %d", 1);
	T("%y %d", 5);
	T("%c%c%c", 'a', 0, 'b');
	T("%lc", 'x');
	errno = ENOENT;
	T("%m", 0);
	errno = 0;
	T("%m", 0);
	T("%d %s %c %f %x", 1, "two", '3', 4.0, 5);
	T("%ld %ld", (long)INT_MIN - 1, LONG_MIN);
	T("%hhd %hhu %hd %hu", 257, 257, 65537, 65537);

	/* Return values and truncation */
	printf("%d\n", snprintf(buf, 5, "%s", "hello, world"));
	printf("[%s]\n", buf);
	printf("%d\n", snprintf(NULL, 0, "%d-%d", 123, 456));
	printf("%d\n", snprintf(buf, 1, "abc"));
	printf("[%s]\n", buf);
	printf("%d\n", sprintf(buf, "%5.2f|%-4d|", 2.5, 7));
	printf("[%s]\n", buf);
	printf("%d\n", printf("%s\n", "printf returns"));
	printf("%d\n", fprintf(stdout, "%d %d\n", 1, 2));
	printf("%d\n", puts("puts"));
	printf("%d\n", fputs("fputs\n", stdout));
	printf("%d\n", putchar('x'));
	printf("%d\n", printf(""));
	fflush(stdout);
	printf("%d\n", dprintf(1, "dprintf %d\n", 42));
	return 0;
}
