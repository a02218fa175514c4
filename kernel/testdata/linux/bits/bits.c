/* Expect: bitwise operators and shifts as on x86-64 with gcc: >> of a
 * negative int is arithmetic, << and >> of unsigned are logical, and the
 * classic bit tricks (popcount, power of two, lowest bit, rotation).
 * Wide hex values are printed without 0x so that masking leaves them. */
#include <stdio.h>

static int popcount(unsigned v)
{
	int n = 0;
	while (v) {
		v &= v - 1;
		n++;
	}
	return n;
}

static unsigned rotl(unsigned v, int k)
{
	return (v << k) | (v >> (32 - k));
}

static void binary(unsigned char b)
{
	int i;
	for (i = 7; i >= 0; i--)
		putchar(b & (1 << i) ? '1' : '0');
	putchar('\n');
}

int main(void)
{
	unsigned a = 0xF0F0u, b = 0x0FF0u;
	int n = -16;
	unsigned i;

	printf("a&b=%#x a|b=%#x a^b=%#x ~a=%x\n", a & b, a | b, a ^ b, ~a);
	printf("1u<<31=%u 0x80000000u>>31=%u\n", 1u << 31, 0x80000000u >> 31);
	printf("-16>>2=%d -16<<2=%d -1>>31=%d\n", n >> 2, n * 4, -1 >> 31);
	printf("(unsigned)-16>>2=%u\n", (unsigned)n >> 2);
	printf("1L<<40=%ld 1ULL<<63=%llu\n", 1L << 40, 1ULL << 63);
	printf("popcount 0=%d 7=%d 0xFFFFFFFF=%d 0x80000001=%d\n",
		popcount(0), popcount(7), popcount(0xFFFFFFFFu), popcount(0x80000001u));
	for (i = 1; i <= 64; i *= 4)
		printf("%u is power of two: %d, lowest bit %u\n", i, (i & (i - 1)) == 0, i & -i);
	printf("12 is power of two: %d, lowest bit %u\n", (12 & 11) == 0, 12u & -12u);
	printf("rotl(0x80000001, 1)=%#x rotl(0x12345678, 8)=%x\n", rotl(0x80000001u, 1), rotl(0x12345678u, 8));
	binary(0);
	binary(5);
	binary(0xA5);
	binary((unsigned char)~0x0F);
	printf("set bit 3 of 0: %d, clear bit 0 of 7: %d, toggle bit 1 of 5: %d\n",
		0 | (1 << 3), 7 & ~1, 5 ^ (1 << 1));
	printf("mask low 12 bits of 0x12345678: %#x\n", 0x12345678 & 0xFFF);
	printf("page of 0x12345678: %x\n", 0x12345678u >> 12);
	printf("xor swap: ");
	{
		int x = 3, y = 9;
		x ^= y; y ^= x; x ^= y;
		printf("%d %d\n", x, y);
	}
	printf("%%o of 8=%o, %%#o of 8=%#o, %%X of 48879=%X, %%#x of 0=%#x\n", 8, 8, 48879, 0);
	return 0;
}
