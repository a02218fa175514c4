/*
 * Reserves 100 MB and touches 1 MB of it, a byte a page: with memory
 * committed lazily only the pages touched count, so the process stays far
 * below its limit. It prints how much it touched.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char *p = malloc(100e6);
	long n = 0;

	if (p == NULL) {
		perror("malloc");
		return 1;
	}
	for (long i = 0; i < 1000000; i += 4096) {
		p[i] = 1;
		n++;
	}
	printf("touched %ld pages of 100 MB\n", n);
	return 0;
}
