/*
 * stdio buffers live in process memory: fork copies them. Run with stdout
 * and stderr on one pipe, this shows which output was buffered when.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	pid_t pid;
	int status;

	printf("before fork, no newline ");
	fprintf(stderr, "[stderr is unbuffered]\n");
	printf("and a line\n");
	pid = fork();
	if (pid == 0) {
		printf("child says hi\n");
		exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent after child\n");

	/* _exit in the child throws its copy of the buffer away. */
	printf("only the parent prints this\n");
	pid = fork();
	if (pid == 0) {
		printf("lost");
		_exit(3);
	}
	wait(&status);
	printf("child status: exited=%d code=%d\n", WIFEXITED(status), WEXITSTATUS(status));

	/* fflush before fork: nothing is duplicated. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		return 7;
	wait(&status);
	printf("returned from main: %d\n", WEXITSTATUS(status));

	/* setvbuf: unbuffered stdout writes at once, before stderr. */
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("unbuffered ");
	fprintf(stderr, "[err]\n");
	printf("done\n");
	return argc > 1 ? atoi(argv[1]) : 0;
}
