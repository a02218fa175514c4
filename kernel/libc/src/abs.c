/*
 * Integer absolute values and divisions. C99 division truncates toward
 * zero, so the remainder has the sign of the dividend.
 */
#include <stdlib.h>
#include <inttypes.h>

int abs(int n)
{
	return n < 0 ? -n : n;
}

long labs(long n)
{
	return n < 0 ? -n : n;
}

long long llabs(long long n)
{
	return n < 0 ? -n : n;
}

intmax_t imaxabs(intmax_t n)
{
	return n < 0 ? -n : n;
}

div_t div(int num, int den)
{
	div_t r;

	r.quot = num / den;
	r.rem = num % den;
	return r;
}

ldiv_t ldiv(long num, long den)
{
	ldiv_t r;

	r.quot = num / den;
	r.rem = num % den;
	return r;
}

lldiv_t lldiv(long long num, long long den)
{
	lldiv_t r;

	r.quot = num / den;
	r.rem = num % den;
	return r;
}

imaxdiv_t imaxdiv(intmax_t num, intmax_t den)
{
	imaxdiv_t r;

	r.quot = num / den;
	r.rem = num % den;
	return r;
}
