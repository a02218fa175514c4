/* The exec family, PATH search, and the environment passed along. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

static void run(int which)
{
	char *argv[] = {"printenv", "GREETING", "PATH", NULL};
	char *envp[] = {"ONLY=this", NULL};
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		switch (which) {
		case 0:
			execl("/bin/echo", "echo", "execl", "works", (char *)NULL);
			break;
		case 1:
			execlp("echo", "echo", "execlp", "works", (char *)NULL);
			break;
		case 2:
			execv("/usr/bin/printenv", argv);
			break;
		case 3:
			execvp("printenv", argv);
			break;
		case 4:
			execle("/usr/bin/env", "env", (char *)NULL, envp);
			break;
		case 5:
			execlp("no-such-program-anywhere", "x", (char *)NULL);
			break;
		case 6:
			execl("/tmp", "tmp", (char *)NULL);
			break;
		case 7:
			execvp("", argv);
			break;
		case 8:
			execl("/bin/sh", "sh", "-c", "echo $0 $1 $#", "zero", "one", (char *)NULL);
			break;
		}
		printf("exec %d failed: %s (errno %d)\n", which, strerror(errno), errno);
		exit(127);
	}
	waitpid(pid, &status, 0);
	printf("status %d\n", WEXITSTATUS(status));
}

int main(void)
{
	int i, n;

	printf("HOME=%s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
	printf("missing=%s\n", getenv("NO_SUCH_VARIABLE") ? "set" : "NULL");
	setenv("GREETING", "hello", 0);
	printf("GREETING=%s\n", getenv("GREETING"));
	setenv("GREETING", "replaced", 0);
	printf("GREETING=%s\n", getenv("GREETING"));
	setenv("GREETING", "replaced", 1);
	printf("GREETING=%s\n", getenv("GREETING"));
	errno = 0;
	i = setenv("A=B", "x", 1);
	printf("setenv bad: %d errno=%d\n", i, errno);
	errno = 0;
	i = setenv("", "x", 1);
	printf("setenv empty: %d errno=%d\n", i, errno);
	putenv("PUT=by putenv");
	printf("PUT=%s\n", getenv("PUT"));
	setenv("GONE", "soon", 1);
	unsetenv("GONE");
	printf("GONE=%s\n", getenv("GONE") ? "set" : "NULL");
	for (i = 0, n = 0; environ[i] != NULL; i++)
		n++;
	printf("environ has %d entries\n", n);
	for (i = 0; i < 9; i++)
		run(i);
	unsetenv("PATH");
	run(1);
	return 0;
}
