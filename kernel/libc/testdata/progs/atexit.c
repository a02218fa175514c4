/* atexit handlers run in reverse order before stdio is flushed; _Exit skips both. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void first(void)
{
	printf("first registered, runs last\n");
}

static void second(void)
{
	printf("second registered, runs first\n");
}

int main(int argc, char **argv)
{
	int status;

	if (fork() == 0) {
		atexit(first);
		printf("child leaves with _Exit: this is lost");
		_Exit(3);
	}
	wait(&status);
	printf("child status %d\n", WEXITSTATUS(status));
	printf("atexit: %d\n", atexit(first));
	atexit(second);
	printf("main returns without a newline...");
	if (argc > 1)
		exit(atoi(argv[1]));
	return 0;
}
