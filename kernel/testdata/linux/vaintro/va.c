/*
 * OSTEP, "The Abstraction: Address Spaces" (vm-intro/va.c): where the
 * code, the heap and the stack of a process lie. The heap block is
 * 100 MB, more than a process may touch here; it succeeds because memory
 * is committed lazily, as on Linux: only the pages touched count.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[])
{
	printf("location of code : %p\n", main);
	printf("location of heap : %p\n", malloc(100e6));
	int x = 3;
	printf("location of stack: %p\n", &x);
	return 0;
}
