/* Expect: SA_RESETHAND handles the first signal and leaves the second to
 * the default action; without SA_NODEFER a signal raised in its own
 * handler waits until the handler returns, with SA_NODEFER it nests; a
 * handler's sa_mask blocks another signal while it runs; a handler that
 * saves and restores errno leaves the interrupted code's errno alone;
 * abort runs a SIGABRT handler, then dies of SIGABRT all the same. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t depth, calls;

static void nest(int sig)
{
	int d = ++depth;
	calls++;
	printf("enter %d\n", d);
	if (calls < 3)
		raise(sig);
	printf("leave %d\n", d);
	depth--;
}

static void other(int sig)
{
	printf("USR2 handler\n");
}

static void masking(int sig)
{
	printf("USR1 handler raises USR2\n");
	raise(SIGUSR2);
	printf("USR1 handler returns\n");
}

static void clobber(int sig)
{
	int saved = errno;
	close(-1); /* EBADF */
	errno = saved;
}

static void install(int sig, void (*h)(int), int flags, int masked)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (masked)
		sigaddset(&sa.sa_mask, masked);
	sigaction(sig, &sa, NULL);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	pid_t child = fork();
	if (child == 0) {
		install(SIGUSR1, nest, SA_RESETHAND, 0);
		raise(SIGUSR1);
		printf("child: first handled\n");
		raise(SIGUSR1);
		printf("child: not reached\n");
		return 0;
	}
	int status;
	waitpid(child, &status, 0);
	printf("SA_RESETHAND: child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);

	calls = 0;
	install(SIGUSR1, nest, 0, 0);
	printf("deferred:\n");
	raise(SIGUSR1);
	calls = 0;
	install(SIGUSR1, nest, SA_NODEFER, 0);
	printf("nested:\n");
	raise(SIGUSR1);

	install(SIGUSR2, other, 0, 0);
	install(SIGUSR1, masking, 0, SIGUSR2);
	raise(SIGUSR1);

	install(SIGUSR1, clobber, 0, 0);
	errno = ERANGE;
	raise(SIGUSR1);
	printf("errno after the handler: %s\n", errno == ERANGE ? "ERANGE" : strerror(errno));

	child = fork();
	if (child == 0) {
		install(SIGABRT, other, 0, 0);
		abort();
	}
	waitpid(child, &status, 0);
	printf("abort past a handler: killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return 0;
}
