/* Expect: integer widths, limits and signedness as on x86-64 Linux (LP64):
 * char is signed, unsigned arithmetic wraps modulo 2^N, the usual
 * arithmetic conversions and integer promotions apply, and casts truncate
 * or sign-extend. */
#include <stdio.h>
#include <limits.h>
#include <stdint.h>

int main(void)
{
	char c = 200;          /* implementation-defined: wraps to -56 */
	signed char sc = -1;
	unsigned char uc = 255;
	short s = SHRT_MAX;
	unsigned short us = USHRT_MAX;
	int i = INT_MAX;
	unsigned u = UINT_MAX;
	long l = LONG_MAX;
	unsigned long ul = ULONG_MAX;
	long long ll = LLONG_MIN;
	unsigned long long ull = 0;

	printf("limits: %d %d %d %d %u\n", CHAR_MIN, CHAR_MAX, SCHAR_MIN, SHRT_MIN, USHRT_MAX);
	printf("int: %d %d %u\n", INT_MIN, INT_MAX, UINT_MAX);
	printf("long: %ld %ld %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
	printf("llong: %lld %lld %llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);

	printf("char 200 -> %d, signed char -1 -> %d, unsigned char 255 -> %d\n", c, sc, uc);
	uc++;
	printf("unsigned char 255+1 -> %d\n", uc);
	s++;
	printf("short max+1 -> %d\n", s);
	us++;
	printf("unsigned short max+1 -> %d\n", us);
	u++;
	printf("unsigned max+1 -> %u\n", u);
	ul++;
	printf("unsigned long max+1 -> %lu\n", ul);
	ull--;
	printf("unsigned long long 0-1 -> %llu\n", ull);
	i = (int)((unsigned)i + 1u);
	printf("int max+1 (via unsigned) -> %d\n", i);
	l = (long)((unsigned long)l + 1ul);
	printf("long max+1 (via unsigned) -> %ld\n", l);
	ll = -(ll + 1);
	printf("-(llong min + 1) -> %lld\n", ll);

	/* promotions and the usual arithmetic conversions */
	printf("-1 < 1u: %d\n", -1 < 1u);
	printf("-1 < 1l: %d\n", -1 < 1l);
	printf("-1L < 1u: %d\n", -1L < 1u);
	printf("(unsigned char)255 + 1 = %d\n", (unsigned char)255 + 1);
	printf("(signed char)127 + 1 = %d\n", (signed char)127 + 1);
	printf("sizeof(uc + uc) = %zu, sizeof(s * s) = %zu\n", sizeof(uc + uc), sizeof(s * s));
	printf("sizeof(1u + 1l) = %zu, sizeof('a') = %zu\n", sizeof(1u + 1l), sizeof('a'));
	printf("~(unsigned char)0 = %d\n", ~(unsigned char)0);
	printf("(unsigned)-1 / 2 = %u, -1 / 2 = %d, -7 %% 3 = %d, 7 %% -3 = %d\n",
		(unsigned)-1 / 2, -1 / 2, -7 % 3, 7 % -3);
	printf("-7 / 2 = %d, -7 >> 1 = %d\n", -7 / 2, -7 >> 1);

	/* casts */
	printf("(char)0x1234 = %d, (short)0x12345678 = %d\n", (char)0x1234, (short)0x12345678);
	printf("(unsigned char)-3 = %d, (unsigned short)-3 = %d\n", (unsigned char)-3, (unsigned short)-3);
	printf("(int)3000000000u = %d, (long)(int)-5 = %ld\n", (int)3000000000u, (long)(int)-5);
	printf("(unsigned long)(int)-1 = %lu\n", (unsigned long)(int)-1);
	printf("(unsigned long)(unsigned)-1 = %lu\n", (unsigned long)(unsigned)-1);
	printf("(int)3.99 = %d, (int)-3.99 = %d, (unsigned char)300.0 = %d\n",
		(int)3.99, (int)-3.99, (unsigned char)(int)300.0);
	printf("(long long)1e18 = %lld, (double)(1LL<<53)+1 = %.1f\n", (long long)1e18, (double)((1LL << 53) + 1));

	/* fixed-width types */
	{
		int8_t a = -128; uint8_t b = 255; int16_t c16 = -32768; uint16_t d = 65535;
		int32_t e = -2147483647 - 1; uint32_t f = 4294967295u;
		int64_t g = INT64_MIN; uint64_t h = UINT64_MAX;
		printf("int8 %d uint8 %d int16 %d uint16 %d\n", a, b, c16, d);
		printf("int32 %d uint32 %u\n", e, f);
		printf("int64 %lld uint64 %llu\n", (long long)g, (unsigned long long)h);
		a--; b++; c16--; d++;
		printf("wrapped: %d %d %d %d\n", a, b, c16, d);
		printf("sizes: %zu %zu %zu %zu %zu %zu\n", sizeof(int8_t), sizeof(int16_t),
			sizeof(int32_t), sizeof(int64_t), sizeof(intptr_t), sizeof(size_t));
	}

	/* multiplication overflow in unsigned, and mixing signed and unsigned */
	{
		unsigned x = 65536;
		unsigned long long y = (unsigned long long)x * x;
		unsigned z = x * x;
		int neg = -10;
		unsigned pos = 3;
		printf("65536*65536: unsigned %u, ull %llu\n", z, y);
		printf("-10 + 3u = %u, (int)(-10 + 3u) = %d\n", neg + pos, (int)(neg + pos));
		printf("-10 / 3u = %u\n", neg / pos);
		printf("-10 > 3u: %d\n", neg > pos);
	}
	return 0;
}
