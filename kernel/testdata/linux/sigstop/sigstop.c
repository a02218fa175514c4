/* Expect: SIGSTOP stops a child and SIGCONT continues it; waitpid with
 * WUNTRACED reports the stop (WIFSTOPPED, WSTOPSIG), with WCONTINUED the
 * continue (WIFCONTINUED); the parent's SIGCHLD handler hears of the stop
 * and of the continue unless SA_NOCLDSTOP; the continued child goes on
 * where it stopped. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t chld;

static void on_child(int sig)
{
	chld++;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	int fds, status;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_child;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);

	pid_t child = fork();
	if (child == 0) {
		for (int i = 0; i < 3; i++)
			sleep(1);
		printf("child: done\n");
		_exit(5);
	}
	kill(child, SIGSTOP);
	pid_t r = waitpid(child, &status, WUNTRACED);
	printf("stopped: %d, WIFSTOPPED %d, WSTOPSIG %d\n", r == child, WIFSTOPPED(status), WSTOPSIG(status));
	kill(child, SIGCONT);
	r = waitpid(child, &status, WCONTINUED);
	printf("continued: %d, WIFCONTINUED %d\n", r == child, WIFCONTINUED(status));
	r = waitpid(child, &status, 0);
	printf("exited: %d, status %d, SIGCHLDs %d\n", r == child, WEXITSTATUS(status), chld);

	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	chld = 0;
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGSTOP);
	waitpid(child, &status, WUNTRACED);
	kill(child, SIGCONT);
	kill(child, SIGTERM);
	waitpid(child, &status, 0);
	printf("SA_NOCLDSTOP: killed by %d, SIGCHLDs %d\n", WTERMSIG(status), chld);
	(void)fds;
	return 0;
}
