/* The lecture's first fork program (3.25). */
#include <stdio.h>
#include <unistd.h>

int main()
{
	int pid;
	printf("one\n");
	pid = fork();
	printf("two\n");
	return 0;
}
