#include <stdio.h>
#include <string.h>
#include <math.h>
#include <float.h>
#include <stdint.h>
int main(void) {
	double vals[] = {0.0, -0.0, 1, -1, 0.5, 1.5, 2.5, 0.1, 1.0/3, 123456789.125, 1e-5, 1e-4, 1e15, 1e16, 1e17,
		1e300, 5e-324, 2.2250738585072014e-308, 1e-310, DBL_MAX, 9.9999995, 0.00001234, INFINITY, -INFINITY, NAN, -NAN,
		100, 1e6, 999999.5, 0.0001, 123.456, 0.125, 0.375, 3.0, 255.0/256, 1.0000000000000002, 0.95, 9.5, 99.5, 0.00095};
	const char *convs = "feEgGaAF";
	int precs[] = {-1, 0, 1, 2, 3, 6, 10, 17, 20};
	const char *flagsets[] = {"", "#", "+", " ", "#+"};
	int flagbits[] = {0, 1, 2, 4, 3};
	for (size_t v = 0; v < sizeof vals / sizeof vals[0]; v++)
	for (const char *c = convs; *c; c++)
	for (size_t p = 0; p < sizeof precs / sizeof precs[0]; p++)
	for (int f = 0; f < 5; f++) {
		char fmt[32], out[512];
		if (precs[p] < 0) snprintf(fmt, sizeof fmt, "%%%s%c", flagsets[f], *c);
		else snprintf(fmt, sizeof fmt, "%%%s.%d%c", flagsets[f], precs[p], *c);
		snprintf(out, sizeof out, fmt, vals[v]);
		uint64_t bits; memcpy(&bits, &vals[v], 8);
		printf("%016llx %c %d %d %s\n", (unsigned long long)bits, *c, precs[p], flagbits[f], out);
	}
	return 0;
}
