/* Expect: the exec family replaces the child's program and keeps its pid:
 * execl, execv, execlp and execvp run /bin/echo (by path, or found through
 * PATH); execl and execv run the sibling program ./showargs with arguments
 * (including an empty one and a chosen argv[0]); text still in the stdio
 * buffer is lost by exec; a failed exec returns -1 with errno (ENOENT for a
 * missing file or command, EACCES for a directory) and perror prints the
 * reason on stderr; the exec'd program's exit code reaches the parent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

static int step;

static void child(int which)
{
	char *echo_argv[] = {"echo", "execv", "runs", "echo", NULL};
	char *echo_argvp[] = {"echo", "execvp", "searched", "PATH", NULL};
	char *show_argv[] = {"renamed", "argv[0] is", "what the caller chose", NULL};
	char pid[32];

	switch (which) {
	case 0:
		execl("/bin/echo", "echo", "execl", "runs", "echo", (char *)0);
		break;
	case 1:
		execv("/bin/echo", echo_argv);
		break;
	case 2:
		execlp("echo", "echo", "execlp", "searched", "PATH", (char *)0);
		break;
	case 3:
		execvp("echo", echo_argvp);
		break;
	case 4:
		execl("./showargs", "showargs", "one", "two words", "", "last", (char *)0);
		break;
	case 5:
		execv("./showargs", show_argv);
		break;
	case 6:
		sprintf(pid, "%d", (int)getpid());
		execl("./showargs", "showargs", "--pid", pid, (char *)0);
		break;
	case 7:
		printf("this partial line is lost by exec ");
		execl("/bin/echo", "echo", "exec replaced the image, buffer and all", (char *)0);
		break;
	case 8:
		execl("./showargs", "showargs", "--exit", "7", (char *)0);
		break;
	case 9:
		execl("/no/such/program", "program", (char *)0);
		printf("execl returned, errno %d ENOENT %d\n", errno, errno == ENOENT);
		perror("execl /no/such/program");
		break;
	case 10:
		execlp("no-such-command", "no-such-command", (char *)0);
		printf("execlp returned, errno %d ENOENT %d\n", errno, errno == ENOENT);
		perror("execlp no-such-command");
		break;
	case 11:
		execl("/bin", "bin", (char *)0);
		printf("exec of a directory returned, errno %d EACCES %d\n", errno, errno == EACCES);
		perror("execl /bin");
		break;
	case 12:
		execl("/bin/false", "false", (char *)0);
		break;
	case 13:
		execl("/bin/true", "true", (char *)0);
		break;
	}
	fflush(stdout);
	exit(127);
}

int main(void)
{
	int i, status;
	pid_t pid;

	for (i = 0; i < 14; i++) {
		step = i;
		fflush(stdout);
		pid = fork();
		if (pid == 0)
			child(i);
		waitpid(pid, &status, 0);
		printf("step %d: exit code %d\n", step, WEXITSTATUS(status));
	}
	return 0;
}
