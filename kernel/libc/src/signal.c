/*
 * Signals: their descriptions (strsignal, psignal) and raise.
 */
#include <signal.h>
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

int raise(int sig)
{
	return kill(getpid(), sig);
}
