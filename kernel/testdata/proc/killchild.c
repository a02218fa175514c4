/* The parent kills a child that loops forever; wait reports the signal. */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	pid_t pid = fork();
	if (pid == 0)
		for (;;)
			;
	sleep(1);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	printf("signaled %d, signal %d\n", WIFSIGNALED(status), WTERMSIG(status));
	printf("kill of a reaped child: %d\n", kill(pid, 0));
	return 0;
}
