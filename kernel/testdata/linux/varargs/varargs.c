/* Expect: variadic functions with stdarg.h: a count-first sum, a
 * sentinel-terminated list of strings, default argument promotions (char
 * and short become int, float becomes double), va_copy, and a tiny printf
 * built on vsnprintf. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int sum(int count, ...)
{
	va_list ap;
	int s = 0;
	va_start(ap, count);
	while (count-- > 0)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static double average(int count, ...)
{
	va_list ap;
	double s = 0;
	int i;
	va_start(ap, count);
	for (i = 0; i < count; i++)
		s += va_arg(ap, double);
	va_end(ap);
	return count ? s / count : 0;
}

static void join(const char *sep, ...)
{
	va_list ap;
	const char *s;
	int first = 1;
	va_start(ap, sep);
	while ((s = va_arg(ap, const char *)) != NULL) {
		printf("%s%s", first ? "" : sep, s);
		first = 0;
	}
	va_end(ap);
	printf("\n");
}

static void mixed(const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	for (; *types; types++) {
		switch (*types) {
		case 'i': printf("int %d; ", va_arg(ap, int)); break;
		case 'l': printf("long %ld; ", va_arg(ap, long)); break;
		case 'd': printf("double %.3f; ", va_arg(ap, double)); break;
		case 's': printf("string %s; ", va_arg(ap, char *)); break;
		case 'c': printf("char %c; ", va_arg(ap, int)); break;
		}
	}
	va_end(ap);
	printf("\n");
}

static int twice(int count, ...)
{
	va_list ap, again;
	int s = 0, i;
	va_start(ap, count);
	va_copy(again, ap);
	for (i = 0; i < count; i++)
		s += va_arg(ap, int);
	for (i = 0; i < count; i++)
		s += va_arg(again, int);
	va_end(again);
	va_end(ap);
	return s;
}

static void log_line(const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	printf("[log %d] %s\n", n, buf);
}

int main(void)
{
	char c = 'x';
	short sh = -7;
	float f = 2.5f;

	printf("sum() = %d, sum(1..5) = %d\n", sum(0), sum(5, 1, 2, 3, 4, 5));
	printf("sum of 10 = %d\n", sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
	printf("average = %.4f\n", average(3, 1.0, 2.0, 4.0));
	join(", ", "fork", "exec", "wait", "exit", (char *)NULL);
	join("-", (char *)NULL);
	mixed("ilcdsd", 42, 1234567890123L, c, f, "str", (double)sh);
	printf("promoted short %d\n", sum(2, sh, c));
	printf("va_copy twice(3, 1, 2, 3) = %d\n", twice(3, 1, 2, 3));
	log_line("%s has %d children", "init", 3);
	log_line("%-10s|%5.2f|%x", "pad", 3.14159, 255);
	return 0;
}
