/* Expect: a blocked signal stays pending (sigpending) until it is
 * unblocked, and its handler runs before sigprocmask returns; a standard
 * signal sent twice while blocked is handled once; ignoring a pending
 * signal discards it; SIGKILL cannot be caught; sigwait takes a blocked
 * signal without a handler; the sigset_t operations. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <signal.h>
#include <pthread.h>

static volatile sig_atomic_t handled;

static void handler(int sig)
{
	handled++;
	printf("handler: %s\n", strsignal(sig));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	sigset_t set, old, pend;

	sigemptyset(&set);
	printf("empty: USR1 %d\n", sigismember(&set, SIGUSR1));
	sigaddset(&set, SIGUSR1);
	printf("added: USR1 %d USR2 %d\n", sigismember(&set, SIGUSR1), sigismember(&set, SIGUSR2));
	sigfillset(&pend);
	printf("full: INT %d TERM %d\n", sigismember(&pend, SIGINT), sigismember(&pend, SIGTERM));
	sigdelset(&pend, SIGINT);
	printf("deleted: INT %d\n", sigismember(&pend, SIGINT));
	printf("bad signal: %d %s\n", sigaddset(&set, 0), strerror(errno));

	signal(SIGUSR1, handler);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigpending(&pend);
	printf("blocked: handled %d, pending USR1 %d\n", handled, sigismember(&pend, SIGUSR1));
	printf("unblocking\n");
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("unblocked: handled %d\n", handled);

	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	sigpending(&pend);
	printf("ignored while pending: pending USR1 %d\n", sigismember(&pend, SIGUSR1));
	signal(SIGUSR1, handler);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("handled %d\n", handled);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	printf("catch SIGKILL: %d %s\n", sigaction(SIGKILL, &sa, NULL), strerror(errno));

	sigset_t w;
	sigemptyset(&w);
	sigaddset(&w, SIGUSR2);
	sigprocmask(SIG_BLOCK, &w, NULL);
	kill(getpid(), SIGUSR2);
	int sig = 0;
	int r = sigwait(&w, &sig);
	printf("sigwait: %d, %s\n", r, strsignal(sig));

	sigset_t cur;
	pthread_sigmask(SIG_SETMASK, NULL, &cur);
	printf("mask: USR1 %d USR2 %d\n", sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2));
	return 0;
}
