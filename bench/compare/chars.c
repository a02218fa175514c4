#include <stdio.h>

#define N 5000000

char buf[N];
long counts[256];

int main(void) {
	unsigned seed = 1;
	for (int i = 0; i < N; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i] = 'a' + (seed >> 16) % 26;
	}
	for (int i = 0; i < N; i++)
		counts[(unsigned char)buf[i]]++;
	long check = 0;
	for (int c = 0; c < 256; c++)
		check = check * 31 % 1000000007 + counts[c];
	printf("%ld %ld\n", counts['e'], check);
	return 0;
}
