/* Expect: IEEE-754 double and float arithmetic and glibc's printf of them:
 * %f %e %g (no %a) with widths, precisions and flags, exact
 * rounding of binary values (0.1 is not 0.1), ties printed by the exact
 * decimal value, float's 24-bit precision, int<->double conversions,
 * infinities, -0.0, NaN (0.0/0.0 on x86-64 is a NaN with the sign bit set,
 * which glibc prints as "-nan"), and a few libm functions. */
#include <stdio.h>
#include <math.h>
#include <float.h>

int main(void)
{
	double a = 0.1, b = 0.2, c = a + b;
	float f = 0.1f, g = 16777216.0f;
	double zero = 0.0;
	double vals[] = {0.0, 1.0, -1.5, 3.14159265358979, 123456.789, 1e-5, 1e21, 2.5e-300, 1.0 / 3.0};
	int i;

	printf("0.1+0.2 = %.17g, == 0.3: %d, %.20f\n", c, c == 0.3, a);
	printf("float 0.1 = %.10f, as double %.20g, sizeof %zu\n", f, (double)f, sizeof f);
	printf("float 2^24+1 = %.1f, double 2^53+1 = %.1f\n", g + 1.0f, 9007199254740992.0 + 1.0);
	printf("1/3 = %f %.3f %.10f %e %.2e %g %.3g\n", 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3);
	for (i = 0; i < (int)(sizeof vals / sizeof vals[0]); i++)
		printf("[%f] [%.2f] [%e] [%g] [%10.3f] [%-10.1e] [%+g] [%G]\n",
			vals[i], vals[i], vals[i], vals[i], vals[i], vals[i], vals[i], vals[i]);
	printf("%g %g %g %g %g %g\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0, 1.5e-7);
	printf("%#g %#.3g %#.0f %.0f %.0e\n", 1.0, 2.0, 3.0, 3.0, 12345.0);
	printf("ties: %.0f %.0f %.0f %.0f %.1f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 0.35, 1.005);
	printf("width: [%8.3f] [%-8.3f] [%08.3f] [% .3f] [%+.3f]\n", 3.14159, 3.14159, -3.14159, 3.14159, 3.14159);
	printf("%.30f\n", 0.1);
	printf("%.0f\n", 1e22);
	printf("%f\n", DBL_MAX / 1e300);
	printf("DBL_EPSILON %g FLT_EPSILON %g DBL_MIN %g FLT_MAX %g\n", DBL_EPSILON, FLT_EPSILON, DBL_MIN, FLT_MAX);
	printf("DBL_DIG %d FLT_DIG %d DBL_MANT_DIG %d\n", DBL_DIG, FLT_DIG, DBL_MANT_DIG);

	printf("(int)2.999 %d, (int)-2.999 %d, (long)1e15 %ld, (double)7/2 %.2f, 7/2 %d\n",
		(int)2.999, (int)-2.999, (long)1e15, (double)7 / 2, 7 / 2);
	printf("(float)1/3 %.9f, (double)(float)0.3 %.17g\n", (float)1 / 3, (double)(float)0.3);
	printf("1e308*10 = %f, -1e308*10 = %f, 1/0.0 = %e\n", 1e308 * 10, -1e308 * 10, 1 / zero);
	printf("-0.0 = %f %g, -0.0 == 0.0: %d, 1/-0.0 = %f\n", -0.0, -0.0, -0.0 == 0.0, 1 / -zero);
	printf("0.0/0.0 = %f, isnan %d, nan == nan %d\n", zero / zero, isnan(zero / zero), (zero / zero) == (zero / zero));
	printf("INFINITY %f, -INFINITY %e, NAN %f, -NAN %f\n", INFINITY, -INFINITY, NAN, -NAN);

	printf("sqrt(2) %.15f, pow(2, 10) %.1f, pow(2, 0.5) %.15f\n", sqrt(2.0), pow(2, 10), pow(2, 0.5));
	printf("floor(-2.5) %.1f ceil(-2.5) %.1f fabs(-3) %.1f fmod(7.5, 2) %.2f fmod(-7.5, 2) %.2f\n",
		floor(-2.5), ceil(-2.5), fabs(-3.0), fmod(7.5, 2), fmod(-7.5, 2));
	printf("sin(0.5) %.10f cos(0.5) %.10f exp(1) %.12f log(10) %.12f\n", sin(0.5), cos(0.5), exp(1.0), log(10.0));

	{
		double sum = 0;
		float fsum = 0;
		for (i = 0; i < 1000; i++) {
			sum += 0.001;
			fsum += 0.001f;
		}
		printf("sum of 1000 x 0.001: double %.17g float %.9g\n", sum, fsum);
	}
	{
		double x = 1.0;
		int steps = 0;
		while (1.0 + x != 1.0) {
			x /= 2;
			steps++;
		}
		printf("machine epsilon found after %d halvings: %g\n", steps, x * 2);
	}
	{
		double celsius;
		for (celsius = -40; celsius <= 100; celsius += 35)
			printf("%6.1fC = %6.1fF\n", celsius, celsius * 9 / 5 + 32);
	}
	return 0;
}
