#define _GNU_SOURCE /* pipe2 */
/* Expect: a pipe between a parent and its child carries a message; the
 * reader sees the end of the file once every writer has closed (a copy of
 * the write end left open in the reader would keep it waiting for ever);
 * a 1 MB write goes through the 64 KiB pipe whole as the reader drains
 * it; `ls | wc -l` built with pipe, dup2 and exec counts this folder;
 * O_CLOEXEC and FD_CLOEXEC close a descriptor across exec and nothing
 * else does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>

static void parent_child(void)
{
	int fd[2];
	char buf[64];
	if (pipe(fd) < 0) {
		perror("pipe");
		exit(1);
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[1]);
		int n = read(fd[0], buf, sizeof buf - 1);
		buf[n > 0 ? n : 0] = '\0';
		printf("child read %d bytes: %s\n", n, buf);
		n = read(fd[0], buf, sizeof buf);
		printf("child read again: %d (end of file)\n", n);
		exit(0);
	}
	close(fd[0]);
	const char *msg = "hello through the pipe";
	int n = write(fd[1], msg, strlen(msg));
	close(fd[1]);
	waitpid(pid, NULL, 0);
	printf("parent wrote %d bytes\n", n);
}

static void many_writers(void)
{
	int fd[2];
	pipe(fd);
	for (int i = 0; i < 3; i++) {
		if (fork() == 0) {
			close(fd[0]);
			char line[32];
			int k = snprintf(line, sizeof line, "writer %d\n", i);
			write(fd[1], line, k);
			exit(0);
		}
	}
	close(fd[1]);
	char buf[256];
	int total = 0, n;
	while ((n = read(fd[0], buf, sizeof buf)) > 0)
		total += n;
	printf("read %d bytes from three writers, then %d\n", total, n);
	close(fd[0]);
	while (wait(NULL) > 0)
		;
}

static void big_write(void)
{
	int fd[2];
	pipe(fd);
	int size = 1024 * 1024 + 123;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		char *big = malloc(size);
		for (int i = 0; i < size; i++)
			big[i] = (char)(i % 251);
		int n = write(fd[1], big, size);
		printf("writer: write returned %d\n", n);
		exit(0);
	}
	close(fd[1]);
	static char buf[10000];
	long total = 0, sum = 0, bad = 0;
	int n;
	while ((n = read(fd[0], buf, sizeof buf)) > 0) {
		for (int i = 0; i < n; i++) {
			if (buf[i] != (char)((total + i) % 251))
				bad++;
			sum += (unsigned char)buf[i];
		}
		total += n;
	}
	waitpid(pid, NULL, 0);
	printf("reader: %ld bytes, sum %ld, %ld out of place\n", total, sum, bad);
	close(fd[0]);
}

static void ls_wc(void)
{
	int fd[2];
	pipe(fd);
	pid_t a = fork();
	if (a == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp("ls", "ls", (char *)NULL);
		perror("ls");
		exit(127);
	}
	pid_t b = fork();
	if (b == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execlp("wc", "wc", "-l", (char *)NULL);
		perror("wc");
		exit(127);
	}
	close(fd[0]);
	close(fd[1]);
	int sa, sb;
	waitpid(a, &sa, 0);
	waitpid(b, &sb, 0);
	printf("ls exited %d, wc exited %d\n", WEXITSTATUS(sa), WEXITSTATUS(sb));
}

static void cloexec(void)
{
	int keep[2], drop[2];
	pipe(keep);
	pipe2(drop, O_CLOEXEC);
	int marked = dup(keep[0]);
	fcntl(marked, F_SETFD, FD_CLOEXEC);
	printf("F_GETFD: keep %d, drop %d, marked %d\n", fcntl(keep[0], F_GETFD),
	       fcntl(drop[0], F_GETFD), fcntl(marked, F_GETFD));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char a[4][16];
		snprintf(a[0], 16, "%d", keep[0]);
		snprintf(a[1], 16, "%d", drop[0]);
		snprintf(a[2], 16, "%d", drop[1]);
		snprintf(a[3], 16, "%d", marked);
		execl("./fdcheck", "fdcheck", a[0], a[1], a[2], a[3], (char *)NULL);
		perror("exec");
		exit(127);
	}
	waitpid(pid, NULL, 0);
	close(keep[0]);
	close(keep[1]);
	close(drop[0]);
	close(drop[1]);
	close(marked);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	parent_child();
	many_writers();
	big_write();
	ls_wc();
	cloexec();
	return 0;
}
