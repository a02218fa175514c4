/* On a terminal stdout is line buffered: a complete line is not duplicated by fork. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	printf("isatty=%d\n", isatty(1));
	printf("a complete line\n");
	printf("an incomplete one|");
	if (fork() == 0)
		exit(0);
	wait(NULL);
	printf("\nprompt> ");
	fprintf(stderr, "(stderr)");
	printf("end\n");
	return 0;
}
