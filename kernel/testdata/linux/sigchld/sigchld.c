/* Expect: a SIGCHLD handler that reaps with waitpid(-1, WNOHANG) in a
 * loop leaves no zombie however the signals merge; with SIGCHLD ignored,
 * or SA_NOCLDWAIT, children are reaped by the kernel and wait fails with
 * ECHILD once they are all gone. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t reaped, sum;

static void on_child(int sig)
{
	int saved = errno, status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		reaped++;
		sum += WEXITSTATUS(status);
	}
	errno = saved;
}

static void children(int n)
{
	for (int i = 1; i <= n; i++)
		if (fork() == 0) {
			usleep(100000 * i);
			_exit(i);
		}
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_child;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	children(4);
	while (reaped < 4)
		pause();
	printf("handler reaped %d children, exit codes sum %d\n", reaped, sum);
	pid_t r = wait(NULL);
	printf("wait after: %d %s\n", r, strerror(errno));

	signal(SIGCHLD, SIG_IGN);
	children(3);
	r = wait(NULL);
	printf("ignored: wait %d %s\n", r, strerror(errno));

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDWAIT;
	sigaction(SIGCHLD, &sa, NULL);
	children(2);
	r = wait(NULL);
	printf("SA_NOCLDWAIT: wait %d %s\n", r, strerror(errno));

	signal(SIGCHLD, SIG_DFL);
	children(1);
	int status;
	pid_t pid = wait(&status);
	printf("default: reaped %d, exit %d\n", pid > 0, WEXITSTATUS(status));
	return 0;
}
