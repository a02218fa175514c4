/*
 * The parts of <math.h> that can be computed exactly in C; the others
 * (sqrt, sin, pow, ...) are system calls.
 */
#include <math.h>

/* The IEEE-754 bits of a double. */
static unsigned long bits(double x)
{
	union {
		double d;
		unsigned long u;
	} v;

	v.d = x;
	return v.u;
}

#define SIGN 0x8000000000000000UL
#define EXPONENT 0x7ff0000000000000UL

int __isnan(double x)
{
	return (bits(x) & ~SIGN) > EXPONENT;
}

int __isinf(double x)
{
	unsigned long u = bits(x);

	if ((u & ~SIGN) != EXPONENT)
		return 0;
	return (u & SIGN) ? -1 : 1;
}

int __finite(double x)
{
	return (bits(x) & EXPONENT) != EXPONENT;
}

int __signbit(double x)
{
	return (bits(x) & SIGN) != 0;
}

double trunc(double x)
{
	return x < 0 ? ceil(x) : floor(x);
}

/* Halfway cases go away from zero: round(2.5) is 3, round(-2.5) is -3. */
double round(double x)
{
	double t;

	if (__isnan(x))
		return x;
	if (x < 0)
		return -round(-x);
	t = floor(x);
	if (x - t >= 0.5)
		t += 1.0;
	return t;
}

double fmin(double x, double y)
{
	if (__isnan(x))
		return y;
	if (__isnan(y))
		return x;
	return x < y ? x : y;
}

double fmax(double x, double y)
{
	if (__isnan(x))
		return y;
	if (__isnan(y))
		return x;
	return x > y ? x : y;
}
