/* Expect: stdio buffers live in the process's memory, so fork copies
 * whatever they hold. (1) A partial line in line-buffered stdout is printed
 * by both processes. (2) After fflush it is printed once. (3) A fully
 * buffered file stream (setvbuf _IOFBF) holding two lines at fork gets them
 * written twice, once at each process's exit/fclose; the shared file offset
 * keeps the copies one after the other. Every step waits for its child,
 * so the output order is fixed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	pid_t pid;
	FILE *f;
	char line[64];

	printf("1: partial line before fork, ");
	pid = fork();
	if (pid == 0) {
		printf("printed by the child\n");
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("printed by the parent\n");

	printf("2: flushed before fork, ");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("child\n");
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("parent\n");

	f = fopen("buffered.txt", "w");
	if (f == NULL) {
		perror("fopen");
		return 1;
	}
	setvbuf(f, NULL, _IOFBF, 4096);
	fprintf(f, "3: first line\n");
	fprintf(f, "3: second line\n");
	pid = fork();
	if (pid == 0) {
		fprintf(f, "3: written by the child\n");
		exit(0); /* exit flushes the child's copy of the buffer */
	}
	waitpid(pid, NULL, 0);
	fprintf(f, "3: written by the parent\n");
	fclose(f);

	f = fopen("buffered.txt", "r");
	while (fgets(line, sizeof line, f) != NULL)
		printf("file: %s", line);
	fclose(f);
	unlink("buffered.txt");

	printf("4: partial line, then _exit in the child: ");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("lost, never flushed");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("only the parent's text\n");
	return 0;
}
