/* Signals between two processes: parent and child send SIGUSR1 back and
 * forth, each waiting in sigsuspend with the signal blocked in between;
 * the child's exit reaches the parent as SIGCHLD, whose handler reaps it;
 * an alarm ends the parent's last pause. */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t got, reaped;

static void on_usr1(int sig) { got++; }

static void on_chld(int sig)
{
	int status;
	while (waitpid(-1, &status, WNOHANG) > 0)
		reaped++;
}

static void on_alarm(int sig) { }

int main(void)
{
	sigset_t usr1, old;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	signal(SIGUSR1, on_usr1);
	signal(SIGCHLD, on_chld);
	signal(SIGALRM, on_alarm);
	pid_t child = fork();
	if (child == 0) {
		for (int i = 0; i < 3; i++) {
			while (got == i)
				sigsuspend(&old);
			printf("child: ping %d\n", got);
			kill(getppid(), SIGUSR1);
		}
		return 0;
	}
	for (int i = 0; i < 3; i++) {
		kill(child, SIGUSR1);
		while (got == i)
			sigsuspend(&old);
		printf("parent: pong %d\n", got);
	}
	alarm(1);
	pause();
	printf("parent: reaped %d\n", reaped);
	return 0;
}
