/* Expect: a write to a pipe that nobody can read kills the writer with
 * SIGPIPE (status 13 for its parent), and then kills this program too:
 * the shell sees 141 (128 + 13). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	int fd[2];
	pipe(fd);
	close(fd[0]); /* nobody can read any more */
	pid_t pid = fork();
	if (pid == 0) {
		write(fd[1], "x", 1);
		printf("child: not reached\n");
		exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	if (WIFSIGNALED(st))
		printf("child killed by signal %d (SIGPIPE is %d)\n", WTERMSIG(st), SIGPIPE);
	else
		printf("child exited %d\n", WEXITSTATUS(st));
	fflush(stdout);
	write(fd[1], "y", 1);
	printf("parent: not reached\n");
	return 0;
}
