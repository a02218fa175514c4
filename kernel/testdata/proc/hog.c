/* Allocates until malloc fails: the virtual size limit makes sbrk fail. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long total = 0;
	while (malloc(1 << 20) != NULL)
		total++;
	printf("malloc failed after %ld MiB\n", total);
	return 0;
}
