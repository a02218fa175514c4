/* Expect: sigqueue sends a signal with a value (si_code SI_QUEUE, si_pid
 * the sender, si_value). Real-time signals SIGRTMIN..SIGRTMAX are queued:
 * each one sent is delivered, in the order sent within a signal, lowest
 * signal first; a standard signal sent twice while blocked comes once.
 * Handlers entered one after another nest, so the last entered prints
 * first, as on Linux. sigwaitinfo takes them in the same order. */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void handler(int sig, siginfo_t *si, void *uc)
{
	printf("handler: %s%d, code SI_QUEUE %d, value %d, from me %d\n", sig >= SIGRTMIN ? "SIGRTMIN+" : "signal ",
	       sig >= SIGRTMIN ? sig - SIGRTMIN : sig, si->si_code == SI_QUEUE, si->si_value.sival_int,
	       si->si_pid == getpid());
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("SIGRTMIN %d SIGRTMAX %d\n", SIGRTMIN, SIGRTMAX);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGRTMIN, &sa, NULL);
	sigaction(SIGRTMIN + 1, &sa, NULL);
	sigaction(SIGRTMAX, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGRTMAX);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < 3; i++) {
		union sigval v;
		v.sival_int = 100 + i;
		sigqueue(getpid(), SIGRTMIN + 1, v);
		v.sival_int = 200 + i;
		sigqueue(getpid(), SIGRTMIN, v);
		v.sival_int = 300 + i;
		sigqueue(getpid(), SIGUSR1, v);
	}
	union sigval last;
	last.sival_int = 999;
	sigqueue(getpid(), SIGRTMAX, last);
	printf("unblocking\n");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked\n");

	/* The same, taken one at a time with sigwaitinfo. */
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < 2; i++) {
		union sigval v;
		v.sival_int = 10 + i;
		sigqueue(getpid(), SIGRTMIN + 1, v);
		v.sival_int = 20 + i;
		sigqueue(getpid(), SIGRTMIN, v);
	}
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	siginfo_t si;
	for (int i = 0; i < 5; i++) {
		int sig = sigwaitinfo(&set, &si);
		printf("sigwaitinfo: %d (signo %d), code %d, value %d\n", sig, si.si_signo, si.si_code,
		       si.si_code == SI_QUEUE ? si.si_value.sival_int : -1);
	}
	sigset_t pending;
	sigpending(&pending);
	printf("left pending: %d\n", sigismember(&pending, SIGUSR1) || sigismember(&pending, SIGRTMIN));

	/* To a child, which takes them once all are sent (a byte through a
	   pipe says so): lowest signal first, each in the order sent. */
	int fd[2];
	pipe(fd);
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		read(fd[0], &c, 1);
		for (int i = 0; i < 3; i++) {
			sigwaitinfo(&set, &si);
			printf("child: SIGRTMIN+%d value %d, from my parent %d\n", si.si_signo - SIGRTMIN, si.si_value.sival_int,
			       si.si_pid == getppid());
		}
		exit(0);
	}
	for (int i = 0; i < 3; i++) {
		union sigval v;
		v.sival_int = 7 * (i + 1);
		sigqueue(pid, SIGRTMIN + i % 2, v);
	}
	write(fd[1], "x", 1);
	waitpid(pid, NULL, 0);

	union sigval v;
	v.sival_int = 0;
	errno = 0;
	int r = sigqueue(pid, SIGRTMIN, v);
	printf("to a reaped child: %d %s\n", r, strerror(errno));
	r = sigqueue(getpid(), 65, v);
	printf("signal 65: %d %s\n", r, strerror(errno));
	r = sigqueue(getpid(), 0, v);
	printf("signal 0 to myself: %d\n", r);
	return 0;
}
