/*
 * Ending a process: exit, atexit, _Exit and abort.
 */
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>
#include <bits/stdio_file.h>

#define ATEXIT_MAX 64

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

/*
 * exit runs the atexit handlers, the last registered first, then writes
 * out whatever stdio still holds in its buffers, and only then asks the
 * kernel to end the process. _exit skips both steps: output that a
 * forked child leaves in a buffer is lost with it.
 */
void exit(int status)
{
	while (nhandlers > 0) {
		nhandlers--;
		handlers[nhandlers]();
	}
	__stdio_exit();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

/*
 * Like glibc, abort does not flush stdio: buffered output is lost. The
 * default action of SIGABRT ends the process and dumps core. Still here,
 * SIGABRT was blocked or its handler returned: as glibc, abort unblocks
 * it, puts back its default action and sends it again.
 */
void abort(void)
{
	kill(getpid(), SIGABRT);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGABRT, &dfl, NULL);
	kill(getpid(), SIGABRT);
	_exit(127);
}
