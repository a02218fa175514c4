/*
 * system: run a command through /bin/sh -c and wait for it, as glibc
 * does. While the command runs the caller ignores SIGINT and SIGQUIT
 * (the terminal's keys are for the command) and blocks SIGCHLD (a
 * handler must not reap the child system waits for); the child gets the
 * caller's actions and mask back before it execs the shell.
 */
#include <stdlib.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

int system(const char *command)
{
	struct sigaction ign, oldint, oldquit;
	sigset_t chld, oldmask;
	pid_t pid;
	int status;

	/* Is there a shell? There always is: glibc asks it to exit 0. */
	if (command == NULL)
		return system("exit 0") == 0;

	ign.sa_handler = SIG_IGN;
	ign.sa_flags = 0;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oldint);
	sigaction(SIGQUIT, &ign, &oldquit);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &oldmask);

	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oldint, NULL);
		sigaction(SIGQUIT, &oldquit, NULL);
		sigprocmask(SIG_SETMASK, &oldmask, NULL);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	if (pid < 0) {
		status = -1;
	} else {
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
	}

	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGQUIT, &oldquit, NULL);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	return status;
}
