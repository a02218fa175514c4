/* Expect: a lab's mini-shell, side by side with /bin/sh. Each line of
 * stdin is a command; the mini-shell splits it into words, makes a pipe
 * for every |, redirects < and >, forks and execvp's each command and
 * waits for them all; then system() runs the same line through sh. Both
 * print what the command printed and its exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAXARGS 32
#define MAXCMDS 16

struct cmd {
	char *argv[MAXARGS];
	char *in, *out;
};

static int parse(char *line, struct cmd *cmds)
{
	int n = 0, argc = 0;
	char *w;
	memset(cmds, 0, sizeof(struct cmd) * MAXCMDS);
	for (w = strtok(line, " \t\n"); w != NULL; w = strtok(NULL, " \t\n")) {
		if (strcmp(w, "|") == 0) {
			n++;
			argc = 0;
		} else if (strcmp(w, "<") == 0) {
			cmds[n].in = strtok(NULL, " \t\n");
		} else if (strcmp(w, ">") == 0) {
			cmds[n].out = strtok(NULL, " \t\n");
		} else if (argc < MAXARGS - 1) {
			cmds[n].argv[argc++] = w;
		}
	}
	return n + 1;
}

static int minish(char *line)
{
	struct cmd cmds[MAXCMDS];
	pid_t pids[MAXCMDS];
	int n = parse(line, cmds), prev = -1, status = 0;

	for (int i = 0; i < n; i++) {
		int fd[2] = {-1, -1};
		if (i + 1 < n)
			pipe(fd);
		pids[i] = fork();
		if (pids[i] == 0) {
			if (prev != -1) {
				dup2(prev, 0);
				close(prev);
			}
			if (fd[1] != -1) {
				dup2(fd[1], 1);
				close(fd[0]);
				close(fd[1]);
			}
			if (cmds[i].in != NULL) {
				int f = open(cmds[i].in, O_RDONLY);
				if (f < 0) {
					perror(cmds[i].in);
					exit(1);
				}
				dup2(f, 0);
				close(f);
			}
			if (cmds[i].out != NULL) {
				int f = open(cmds[i].out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
				dup2(f, 1);
				close(f);
			}
			execvp(cmds[i].argv[0], cmds[i].argv);
			perror(cmds[i].argv[0]);
			exit(127);
		}
		if (prev != -1)
			close(prev);
		if (fd[1] != -1)
			close(fd[1]);
		prev = fd[0];
	}
	for (int i = 0; i < n; i++)
		waitpid(pids[i], &status, 0);
	return WEXITSTATUS(status);
}

int main(void)
{
	char line[256], copy[256];
	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0')
			continue;
		strcpy(copy, line);
		printf("minish> %s\n", line);
		fflush(stdout);
		int mine = minish(copy);
		printf("minish: exit %d\n", mine);
		printf("sh> %s\n", line);
		fflush(stdout);
		int st = system(line);
		printf("sh: exit %d\n", WEXITSTATUS(st));
		printf("same status: %s\n", mine == WEXITSTATUS(st) ? "yes" : "no");
	}
	return 0;
}
