/* The child exits at once and stays a zombie while the parent sleeps. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	pid_t pid = fork();
	if (pid == 0)
		exit(7);
	sleep(2);
	if (waitpid(pid, &status, 0) == pid)
		printf("reaped the zombie, exit code %d\n", WEXITSTATUS(status));
	return 0;
}
