/* Expect: a handler installed with SA_SIGINFO learns the signal, who
 * sent it and how: si_code SI_USER for kill, SI_TKILL for raise,
 * CLD_EXITED or CLD_KILLED with si_status for SIGCHLD, si_pid the sender
 * (the child, for SIGCHLD). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static volatile pid_t expect;

static const char *code(int c)
{
	switch (c) {
	case SI_USER: return "SI_USER";
	case SI_TKILL: return "SI_TKILL";
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	}
	return "?";
}

static void handler(int sig, siginfo_t *si, void *uc)
{
	printf("%s: si_signo %d, si_code %s, from the expected process %s", strsignal(sig),
	       si->si_signo, code(si->si_code), si->si_pid == expect ? "yes" : "no");
	if (sig == SIGCHLD)
		printf(", si_status %d", si->si_status);
	printf(", context %s\n", uc != NULL ? "given" : "missing");
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);

	expect = getpid();
	kill(getpid(), SIGUSR1);
	raise(SIGUSR1);

	/* SIGCHLD is blocked until the handler knows the child's pid. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(42);
	expect = child;
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	waitpid(child, NULL, 0);

	sigprocmask(SIG_BLOCK, &chld, NULL);
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	expect = child;
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);

	struct sigaction old;
	sigaction(SIGUSR1, NULL, &old);
	printf("sigaction reads back: SA_SIGINFO %d, SA_RESTART %d, handler %s\n",
	       (old.sa_flags & SA_SIGINFO) != 0, (old.sa_flags & SA_RESTART) != 0,
	       old.sa_sigaction == handler ? "same" : "other");
	return 0;
}
