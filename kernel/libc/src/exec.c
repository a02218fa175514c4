/*
 * The exec family. Only execve is a system call; the others build its
 * argument vector (execl...) or search PATH for the program (...p).
 */
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>

/* Where execvp looks when PATH is not set: glibc's default, without ".". */
#define DEFAULT_PATH "/bin:/usr/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * Try each directory of PATH in turn. Errors meaning "not here" move on
 * to the next directory; any other error means the program was found but
 * could not run, and is reported at once. If some candidate was not
 * executable, the final error is EACCES, as glibc reports it.
 */
int execvp(const char *file, char *const argv[])
{
	char buf[PATH_MAX];
	const char *path;
	const char *p;
	const char *end;
	size_t flen, dlen;
	int eacces = 0;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != NULL)
		return execve(file, argv, environ);
	flen = strlen(file);
	if (flen > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	path = getenv("PATH");
	if (path == NULL)
		path = DEFAULT_PATH;
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		dlen = end - p;
		if (dlen + 1 + flen < sizeof buf) {
			/* An empty entry means the current directory. */
			if (dlen > 0) {
				memcpy(buf, p, dlen);
				buf[dlen++] = '/';
			}
			memcpy(buf + dlen, file, flen + 1);
			execve(buf, argv, environ);
			switch (errno) {
			case EACCES:
				eacces = 1;
				break;
			case ENOENT:
			case ENOTDIR:
			case ESTALE:
			case ENODEV:
			case ETIMEDOUT:
				break;
			default:
				return -1;
			}
		}
		if (*end == '\0')
			break;
	}
	if (eacces)
		errno = EACCES;
	return -1;
}

#define SMALL_ARGV 64

/*
 * Gather the arguments that follow arg0 up to the terminating NULL, in
 * small if they fit, else in memory from malloc. For execle, *envp
 * receives the pointer after the NULL.
 */
static char **arglist(char **small, const char *arg0, va_list ap, char ***envp)
{
	va_list count;
	size_t n = 1;
	size_t i;
	char **argv = small;

	if (arg0 != NULL) {
		va_copy(count, ap);
		while (va_arg(count, char *) != NULL)
			n++;
		va_end(count);
	}
	if (n + 1 > SMALL_ARGV) {
		argv = malloc((n + 1) * sizeof *argv);
		if (argv == NULL) {
			errno = ENOMEM;
			return NULL;
		}
	}
	argv[0] = (char *)arg0;
	for (i = 1; i < n; i++)
		argv[i] = va_arg(ap, char *);
	argv[n] = NULL;
	if (arg0 != NULL)
		(void)va_arg(ap, char *);
	if (envp != NULL)
		*envp = va_arg(ap, char **);
	return argv;
}

static int done(char **argv, char **small)
{
	int saved = errno;

	if (argv != small)
		free(argv);
	errno = saved;
	return -1;
}

int execl(const char *path, const char *arg, ...)
{
	char *small[SMALL_ARGV];
	char **argv;
	va_list ap;

	va_start(ap, arg);
	argv = arglist(small, arg, ap, NULL);
	va_end(ap);
	if (argv == NULL)
		return -1;
	execve(path, argv, environ);
	return done(argv, small);
}

int execlp(const char *file, const char *arg, ...)
{
	char *small[SMALL_ARGV];
	char **argv;
	va_list ap;

	va_start(ap, arg);
	argv = arglist(small, arg, ap, NULL);
	va_end(ap);
	if (argv == NULL)
		return -1;
	execvp(file, argv);
	return done(argv, small);
}

int execle(const char *path, const char *arg, ...)
{
	char *small[SMALL_ARGV];
	char **argv;
	char **envp;
	va_list ap;

	va_start(ap, arg);
	argv = arglist(small, arg, ap, &envp);
	va_end(ap);
	if (argv == NULL)
		return -1;
	execve(path, argv, envp);
	return done(argv, small);
}
