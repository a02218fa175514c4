/* Expect: sigaltstack and SA_ONSTACK: a handler installed with
 * SA_ONSTACK runs on the alternate stack (its locals are there, and
 * sigaltstack says SS_ONSTACK), one without it on the ordinary stack;
 * the stack cannot change while on it (EPERM), a small one is ENOMEM;
 * and the classic use: a stack overflow's SIGSEGV handled on the
 * alternate stack. */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static char *alt;
static size_t altsize = 65536;

static int on_alt(void *p)
{
	return (char *)p >= alt && (char *)p < alt + altsize;
}

static void handler(int sig)
{
	int local;
	stack_t now, ss;
	sigaltstack(NULL, &now);
	memset(&ss, 0, sizeof ss);
	ss.ss_sp = alt;
	ss.ss_size = altsize;
	errno = 0;
	int r = sigaltstack(&ss, NULL);
	printf("handler of %d: local on the alternate stack %d, SS_ONSTACK %d, change: %d %s\n", sig, on_alt(&local),
	       now.ss_flags == SS_ONSTACK, r, r < 0 ? strerror(errno) : "");
}

static volatile int depth;

static int recurse(int n)
{
	char pad[256];
	pad[n % 256] = (char)n;
	depth = n;
	return recurse(n + 1) + pad[(n + 1) % 256];
}

static void on_segv(int sig)
{
	int local;
	printf("SIGSEGV after deep recursion, handled on the alternate stack: %d\n", on_alt(&local));
	_exit(3);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	stack_t ss, old;
	sigaltstack(NULL, &old);
	printf("at first: SS_DISABLE %d\n", old.ss_flags == SS_DISABLE);
	alt = malloc(altsize);
	memset(&ss, 0, sizeof ss);
	ss.ss_sp = alt;
	ss.ss_size = 1024;
	errno = 0;
	int r = sigaltstack(&ss, NULL);
	printf("1024 bytes: %d %s\n", r, strerror(errno));
	ss.ss_size = altsize;
	ss.ss_flags = 12345;
	r = sigaltstack(&ss, NULL);
	printf("bad flags: %d %s\n", r, strerror(errno));
	ss.ss_flags = 0;
	printf("set: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("read back: same pointer %d, size %zu, flags %d\n", old.ss_sp == alt, old.ss_size, old.ss_flags);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_flags = 0;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR1);
	raise(SIGUSR2);
	struct sigaction back;
	sigaction(SIGUSR1, NULL, &back);
	printf("SA_ONSTACK read back: %d\n", (back.sa_flags & SA_ONSTACK) != 0);

	pid_t pid = fork();
	if (pid == 0) {
		/* The child inherits the alternate stack. */
		raise(SIGUSR1);
		sa.sa_handler = on_segv;
		sa.sa_flags = SA_ONSTACK;
		sigaction(SIGSEGV, &sa, NULL);
		recurse(0);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	printf("child: exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st));

	ss.ss_flags = SS_DISABLE;
	printf("disable: %d\n", sigaltstack(&ss, NULL));
	raise(SIGUSR1);
	return 0;
}
