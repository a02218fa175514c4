/*
 * String to integer conversions. They all share one parser, which reads
 * optional white space, an optional sign, an optional "0x" (base 16 or 0)
 * or "0" (base 0: octal) prefix, then digits; values that do not fit set
 * errno to ERANGE and give the nearest limit, as glibc does.
 */
#include <stdlib.h>
#include <inttypes.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>

static int digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

/* Returns the magnitude; *negative and *overflow report the rest. */
static unsigned long long parse(const char *s, char **end, int base, int *negative, int *overflow)
{
	const char *p = s;
	unsigned long long v = 0;
	int any = 0;
	int d;

	*negative = 0;
	*overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-') {
		*negative = *p == '-';
		p++;
	}
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && digit(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (; (d = digit((unsigned char)*p)) < base; p++) {
		any = 1;
		if (v > (ULLONG_MAX - d) / base)
			*overflow = 1;
		else
			v = v * base + d;
	}
	if (end != NULL)
		*end = (char *)(any ? p : s);
	return v;
}

long long strtoll(const char *s, char **end, int base)
{
	int negative, overflow;
	unsigned long long v = parse(s, end, base, &negative, &overflow);

	if (!negative && (overflow || v > (unsigned long long)LLONG_MAX)) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	if (negative && (overflow || v > (unsigned long long)LLONG_MAX + 1)) {
		errno = ERANGE;
		return LLONG_MIN;
	}
	return negative ? (long long)(0 - v) : (long long)v;
}

/* A minus sign negates the value in unsigned arithmetic: "-1" is ULLONG_MAX. */
unsigned long long strtoull(const char *s, char **end, int base)
{
	int negative, overflow;
	unsigned long long v = parse(s, end, base, &negative, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return negative ? 0 - v : v;
}

/* long and long long are both 64 bits wide. */
long strtol(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

intmax_t strtoimax(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

double atof(const char *s)
{
	return strtod(s, NULL);
}

float strtof(const char *s, char **end)
{
	return (float)strtod(s, end);
}
