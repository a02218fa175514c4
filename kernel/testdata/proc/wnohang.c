/* WNOHANG: 0 while the child still runs, its pid once it has exited. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status, polls = 0;
	pid_t pid = fork(), got;
	if (pid == 0) {
		sleep(1);
		return 5;
	}
	while ((got = waitpid(pid, &status, WNOHANG)) == 0) {
		polls++;
		usleep(100000);
	}
	printf("first poll returned 0: %s\n", polls > 0 ? "yes" : "no");
	printf("then the child: %s, exit code %d\n", got == pid ? "yes" : "no", WEXITSTATUS(status));
	return 0;
}
