/* Wait statuses decoded with the <sys/wait.h> macros. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

static void report(const char *what, int status)
{
	printf("%-10s exited=%d code=%d signaled=%d sig=%d stopped=%d core=%d\n", what,
		WIFEXITED(status), WEXITSTATUS(status), WIFSIGNALED(status), WTERMSIG(status),
		WIFSTOPPED(status), WCOREDUMP(status) != 0);
}

int main(void)
{
	int status;
	pid_t pid;
	int i;

	for (i = 0; i < 6; i++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			switch (i) {
			case 0:
				exit(0);
			case 1:
				exit(42);
			case 2:
				exit(300);
			case 3:
				raise(SIGTERM);
				break;
			case 4:
				kill(getpid(), SIGKILL);
				break;
			case 5:
				abort();
			}
			exit(99);
		}
		if (waitpid(pid, &status, 0) != pid)
			perror("waitpid");
		report(i == 0 ? "exit 0" : i == 1 ? "exit 42" : i == 2 ? "exit 300" : i == 3 ? "SIGTERM"
			: i == 4 ? "SIGKILL" : "abort", status);
	}
	pid = wait(&status);
	printf("no children: %d errno=%d\n", pid, errno);
	pid = fork();
	if (pid == 0) {
		sleep(1);
		exit(5);
	}
	printf("WNOHANG: %d\n", waitpid(pid, &status, WNOHANG));
	printf("wait: %d\n", wait(&status) == pid);
	report("later", status);
	printf("getppid matches: %d\n", getppid() != getpid());
	return 0;
}
