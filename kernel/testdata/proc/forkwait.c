/* A child exits with 42; the parent reads the status bits (3.23, 3.30). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	pid_t pid = fork();
	if (pid == 0) {
		printf("child: my parent is the one who forked me: %s\n", getppid() > 1 ? "yes" : "no");
		exit(42);
	}
	pid_t got = wait(&status);
	printf("wait returned the child: %s\n", got == pid ? "yes" : "no");
	printf("low: %d, high: %d\n", status & 0xFF, status >> 8);
	printf("WIFEXITED %d WEXITSTATUS %d\n", WIFEXITED(status), WEXITSTATUS(status));
	if (wait(&status) == -1)
		perror("second wait");
	return 0;
}
