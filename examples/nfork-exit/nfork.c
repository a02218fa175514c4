#include <stdlib.h>
#include <stdio.h>

int main()
{
	int pid1, pid2;

	if ((pid1=fork()) == 0) {
		printf("[child 1] : Hello, world! pid=%d\n", getpid());
		exit(0);
	}
	printf("[parent] : Hello, world! pid=%d\n", getpid());

	if ((pid2=fork()) == 0) {
		printf("[child 2] : Hello, world! pid=%d\n", getpid());
		exit(0);
	}
}
