#ifndef _MATH_H
#define _MATH_H

/* System calls: the kernel computes them with the host's IEEE arithmetic. */
double sqrt(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double exp(double x);
double log(double x);
double floor(double x);
double ceil(double x);
double fabs(double x);
double fmod(double x, double y);

/* Exact functions built on them. */
double trunc(double x);
double round(double x);
double fmin(double x, double y);
double fmax(double x, double y);

#ifdef __OSPLAY__
#define HUGE_VAL (1.0 / 0.0)
#define INFINITY ((float)HUGE_VAL)
/* x86 makes 0.0/0.0 the negative "default NaN"; glibc's NAN is positive. */
#define NAN (-(float)(0.0 / 0.0))
#else
#define HUGE_VAL (__builtin_huge_val())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#endif
#define HUGE_VALF ((float)HUGE_VAL)

/* Classification by the bits of the double, as glibc answers it. */
int __isnan(double x);
int __isinf(double x);    /* -1 for -inf, 1 for +inf, else 0 */
int __finite(double x);
int __signbit(double x);
#define isnan(x) __isnan(x)
#define isinf(x) __isinf(x)
#define isfinite(x) __finite(x)
#define signbit(x) __signbit(x)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

#endif
