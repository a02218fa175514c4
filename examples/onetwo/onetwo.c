#include <stdio.h>

main()
{
	int pid;

	printf("one\n");
	pid = fork();
	printf("two\n");
}
