/*
 * popen and pclose: a command run through /bin/sh -c with a pipe to its
 * standard input ("w") or from its standard output ("r"). Each stream
 * remembers its child, so that pclose can wait for it and return its
 * wait status (a stream popen did not open is only closed, as glibc
 * does); a child does not inherit the pipes of earlier popens
 * (POSIX), nor the caller's end of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

struct popened {
	FILE *f;
	pid_t pid;
	struct popened *next;
};

static struct popened *popened;

FILE *popen(const char *command, const char *mode)
{
	int reading, cloexec = 0, fd[2];
	struct popened *p;
	pid_t pid;
	FILE *f;

	if (mode == NULL || (mode[0] != 'r' && mode[0] != 'w')) {
		errno = EINVAL;
		return NULL;
	}
	for (const char *m = mode + 1; *m != '\0'; m++) {
		if (*m != 'e') {
			errno = EINVAL;
			return NULL;
		}
		cloexec = 1;
	}
	reading = mode[0] == 'r';
	p = malloc(sizeof *p);
	if (p == NULL)
		return NULL;
	if (pipe2(fd, O_CLOEXEC) < 0) {
		free(p);
		return NULL;
	}
	pid = fork();
	if (pid < 0) {
		int e = errno;
		close(fd[0]);
		close(fd[1]);
		free(p);
		errno = e;
		return NULL;
	}
	if (pid == 0) {
		/* The child's end becomes its stdin or stdout (dup2 clears
		   close-on-exec); the other streams' pipes close at exec. */
		int mine = reading ? fd[1] : fd[0];
		int target = reading ? 1 : 0;
		for (struct popened *q = popened; q != NULL; q = q->next)
			close(fileno(q->f));
		if (mine == target)
			fcntl(mine, F_SETFD, 0);
		else
			dup2(mine, target);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(reading ? fd[1] : fd[0]);
	int ours = reading ? fd[0] : fd[1];
	if (!cloexec)
		fcntl(ours, F_SETFD, 0);
	f = fdopen(ours, reading ? "r" : "w");
	if (f == NULL) {
		close(ours);
		free(p);
		return NULL;
	}
	p->f = f;
	p->pid = pid;
	p->next = popened;
	popened = p;
	return f;
}

int pclose(FILE *f)
{
	struct popened **pp, *p;
	pid_t pid;
	int status;

	for (pp = &popened; *pp != NULL && (*pp)->f != f; pp = &(*pp)->next)
		;
	p = *pp;
	if (p == NULL) /* not popen's: glibc just closes it */
		return fclose(f);
	*pp = p->next;
	pid = p->pid;
	free(p);
	fclose(f);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return status;
}
