/*
 * Signals: their descriptions (strsignal, psignal), raise, signal, the
 * sigset_t operations. The kernel keeps actions, masks and pending
 * signals (sigaction, sigprocmask… are system calls).
 */
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>


/* glibc's descriptions of signals 1 to 31. */
static const char *const descriptions[] = {
	NULL,
	"Hangup",
	"Interrupt",
	"Quit",
	"Illegal instruction",
	"Trace/breakpoint trap",
	"Aborted",
	"Bus error",
	"Floating point exception",
	"Killed",
	"User defined signal 1",
	"Segmentation fault",
	"User defined signal 2",
	"Broken pipe",
	"Alarm clock",
	"Terminated",
	"Stack fault",
	"Child exited",
	"Continued",
	"Stopped (signal)",
	"Stopped",
	"Stopped (tty input)",
	"Stopped (tty output)",
	"Urgent I/O condition",
	"CPU time limit exceeded",
	"File size limit exceeded",
	"Virtual timer expired",
	"Profiling timer expired",
	"Window changed",
	"I/O possible",
	"Power failure",
	"Bad system call",
};

/* Room for "Unknown signal -2147483648". */
static char unknown[32];

char *strsignal(int sig)
{
	if (sig >= 1 && sig <= 31)
		return (char *)descriptions[sig];
	/* The real-time signals run from 34 (SIGRTMIN) to 64. */
	if (sig >= 34 && sig <= 64)
		snprintf(unknown, sizeof unknown, "Real-time signal %d", sig - 34);
	else
		snprintf(unknown, sizeof unknown, "Unknown signal %d", sig);
	return unknown;
}

void psignal(int sig, const char *s)
{
	if (s == NULL || *s == '\0')
		fprintf(stderr, "%s\n", strsignal(sig));
	else
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
}

/* raise signals the calling thread, as glibc's (tgkill). */
int raise(int sig)
{
	return __osplay_tgkill(gettid(), sig);
}

/* glibc's signal: the handler stays installed and interrupted calls
 * start over (BSD semantics). */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;
	act.sa_handler = handler;
	sigemptyset(&act.sa_mask);
	act.sa_flags = SA_RESTART;
	act.sa_restorer = NULL;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

int sigemptyset(sigset_t *set)
{
	for (int i = 0; i < 16; i++)
		set->__val[i] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	/* glibc leaves out the two signals its threads library uses
	 * internally (32 and 33); the kernel ignores SIGKILL and SIGSTOP. */
	set->__val[0] = ~0UL & ~(3UL << 31);
	for (int i = 1; i < 16; i++)
		set->__val[i] = 0;
	return 0;
}

static int badsig(int sig)
{
	if (sig < 1 || sig > 64) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	set->__val[0] |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	set->__val[0] &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	return (set->__val[0] >> (sig - 1)) & 1;
}

/* The threads library's mask call: the error is returned, not in errno. */
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset)
{
	int saved = errno;
	if (sigprocmask(how, set, oldset) < 0) {
		int e = errno;
		errno = saved;
		return e;
	}
	return 0;
}

int pthread_kill(pthread_t thread, int sig)
{
	int saved = errno;
	if (__osplay_tgkill((int)thread, sig) < 0) {
		int e = errno;
		errno = saved;
		return e;
	}
	return 0;
}
