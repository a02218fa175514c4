/* Expect: with SIGPIPE ignored, a write to a pipe that nobody can read
 * fails with EPIPE instead of killing the writer; perror says so on
 * stderr. A handler for SIGPIPE runs first and the write still fails
 * with EPIPE; a blocked SIGPIPE stays pending and the write fails too. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <signal.h>

static volatile sig_atomic_t caught;

static void on_pipe(int sig)
{
	caught = sig;
}

int main(void)
{
	int fd[2];
	setvbuf(stdout, NULL, _IONBF, 0);
	if (pipe(fd) < 0) {
		perror("pipe");
		return 1;
	}
	close(fd[0]);

	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	ssize_t n = write(fd[1], "x", 1);
	printf("ignored: write returned %zd, errno EPIPE: %d\n", n, errno == EPIPE);
	if (n < 0)
		perror("write");

	signal(SIGPIPE, on_pipe);
	n = write(fd[1], "xy", 2);
	printf("handled: write returned %zd, errno EPIPE: %d, caught %d\n", n, errno == EPIPE, caught);

	sigset_t set, pending;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, NULL);
	caught = 0;
	n = write(fd[1], "z", 1);
	sigpending(&pending);
	printf("blocked: write returned %zd, %s, pending %d, caught %d\n", n, strerror(errno),
	       sigismember(&pending, SIGPIPE), caught);
	signal(SIGPIPE, SIG_IGN); /* discards the pending one */
	sigpending(&pending);
	printf("after SIG_IGN: pending %d\n", sigismember(&pending, SIGPIPE));
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	FILE *f = fdopen(fd[1], "w");
	if (f != NULL) {
		fputs("buffered\n", f);
		if (fflush(f) == EOF)
			perror("fflush");
	}
	return 0;
}
