/* A failing assertion: glibc's message on stderr, then SIGABRT. */
#include <assert.h>
#include <stdio.h>

static int square(int x)
{
	assert(x >= 0 && "only for natural numbers");
	return x * x;
}

int main(void)
{
	printf("buffered, lost by abort\n");
	fprintf(stderr, "square(3) = %d\n", square(3));
	square(-2);
	return 0;
}
