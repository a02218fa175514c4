/* Expect: the lecture's signal example (seed 002, "Example Code of
 * Signal"): parent and child install one handler for SIGUSR1 and SIGUSR2
 * (the child inherits it), the parent sends SIGUSR2 to the child and
 * waits, the child sends SIGUSR1 to its parent, the parent ends the child
 * with SIGTERM and reaps it.
 *
 * As on the slide but for what makes it run the same every time on
 * Linux: the slide's parent pauses after the child may already have sent
 * SIGUSR1 (on a machine with two CPUs it then waits for ever), and its
 * child may die of SIGTERM before it handles SIGUSR2. Here both signals
 * are blocked before the fork and each process waits for its signal with
 * sigsuspend, the child sending SIGUSR1 only once it has handled SIGUSR2;
 * cur_pid is set before the switch (the slide declares it inside, where
 * its initialiser never runs); stdout is unbuffered so that the child's
 * lines are written before it is killed. The parent's lines come in
 * order; the child's too, in any order with the parent's first line. */
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void sig_handler(int);
static volatile sig_atomic_t got;

int main()
{
	int parent_pid, child_pid, status;
	sigset_t both, old;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (signal(SIGUSR1, sig_handler) == SIG_ERR)
		printf("Parent: Unable to create handler for SIGUSR1\n");
	if (signal(SIGUSR2, sig_handler) == SIG_ERR)
		printf("Parent: Unable to create handler for SIGUSR2\n");
	sigemptyset(&both);
	sigaddset(&both, SIGUSR1);
	sigaddset(&both, SIGUSR2);
	sigprocmask(SIG_BLOCK, &both, &old);
	parent_pid = getpid();
	if ((child_pid = fork()) == 0) {
		child_pid = getpid();
		printf("Child pid: %d\n", child_pid);
		while (got != SIGUSR2)
			sigsuspend(&old);
		kill(parent_pid, SIGUSR1);
		for (;;)
			pause();
	} else {
		printf("Parent pid: %d\n", parent_pid);
		kill(child_pid, SIGUSR2);
		while (got != SIGUSR1)
			sigsuspend(&old);
		printf("Parent: Terminating child \n");
		kill(child_pid, SIGTERM);
		wait(&status);
		printf("child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		printf("done\n");
	}
}

static void sig_handler(int signo)
{
	int cur_pid = getpid();
	got = signo;
	switch (signo) {
	case SIGUSR1: /* Incoming SIGUSR1 */
		printf("Parent: Received SIGUSER1 (pid: %d)\n", cur_pid);
		break;
	case SIGUSR2: /* Incoming SIGUSR2 */
		printf("Child: Received SIGUSER2\n (pid: %d)\n", cur_pid);
		break;
	default:
		break;
	}
	return;
}
