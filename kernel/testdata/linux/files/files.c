/* Expect: file descriptors as on Linux: open returns the lowest free
 * descriptor (3 after stdin, stdout, stderr), write/read/lseek move one
 * offset, read returns 0 at end of file, O_APPEND writes at the end,
 * O_CREAT|O_EXCL fails on an existing file, seeking past the end and
 * writing leaves a hole of zeros, dup shares the offset, a forked child
 * shares it too, an unlinked file stays readable through an open
 * descriptor, and dup2 redirects stdout into a file (also for an exec'd
 * program) until it is restored; cat then prints the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/wait.h>

static void cat(const char *path)
{
	pid_t pid;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/cat", "cat", path, (char *)0);
		perror("execl cat");
		exit(127);
	}
	waitpid(pid, NULL, 0);
}

int main(void)
{
	int fd, fd2, saved, out, i, zeros;
	ssize_t n;
	off_t off;
	char buf[64];
	pid_t pid;

	fd = open("data.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	printf("open for writing -> fd %d\n", fd);
	n = write(fd, "hello, file\n", 12);
	printf("write -> %zd, close -> %d\n", n, close(fd));

	fd = open("data.txt", O_RDONLY);
	printf("open for reading -> fd %d\n", fd);
	n = read(fd, buf, 5);
	buf[n] = '\0';
	printf("read 5 -> %zd [%s], offset now %ld\n", n, buf, (long)lseek(fd, 0, SEEK_CUR));
	off = lseek(fd, -5, SEEK_END);
	n = read(fd, buf, sizeof buf - 1);
	buf[n] = '\0';
	printf("lseek(-5, SEEK_END) -> %ld, read -> %zd [%.4s]\n", (long)off, n, buf);
	printf("read at end of file -> %zd\n", read(fd, buf, sizeof buf));
	off = lseek(fd, 100, SEEK_SET);
	n = read(fd, buf, 10);
	printf("lseek(100, SEEK_SET) -> %ld, read there -> %zd\n", (long)off, n);
	fd2 = dup(fd);
	lseek(fd, 7, SEEK_SET);
	printf("dup -> fd %d, shares the offset: %ld\n", fd2, (long)lseek(fd2, 0, SEEK_CUR));
	close(fd2);
	close(fd);

	fd = open("data.txt", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	write(fd, "appended\n", 9);
	printf("O_APPEND: size now %ld\n", (long)lseek(fd, 0, SEEK_END));
	close(fd);
	errno = 0;
	fd = open("data.txt", O_CREAT | O_EXCL | O_WRONLY, 0644);
	printf("O_CREAT|O_EXCL on an existing file -> %d, EEXIST %d\n", fd, errno == EEXIST);

	fd = open("data.txt", O_RDWR);
	lseek(fd, 30, SEEK_SET);
	write(fd, "X", 1);
	lseek(fd, 21, SEEK_SET);
	n = read(fd, buf, 10);
	for (i = 0, zeros = 0; i < n; i++)
		zeros += buf[i] == '\0';
	printf("hole: read %zd bytes, %d zeros, then [%c]\n", n, zeros, buf[n - 1]);
	close(fd);

	fd = open("data.txt", O_RDONLY);
	printf("unlink while open -> %d\n", unlink("data.txt"));
	n = read(fd, buf, 12);
	printf("still readable: %zd [%.11s]\n", n, buf);
	close(fd);
	errno = 0;
	fd = open("data.txt", O_RDONLY);
	printf("open after unlink -> %d, ENOENT %d\n", fd, errno == ENOENT);

	fd = open("shared.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
	pid = fork();
	if (pid == 0) {
		write(fd, "child wrote first\n", 18);
		exit(0);
	}
	waitpid(pid, NULL, 0);
	write(fd, "parent wrote after it\n", 22);
	printf("shared offset after both writes: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
	close(fd);
	cat("shared.txt");
	unlink("shared.txt");

	printf("redirecting stdout into out.txt\n");
	fflush(stdout);
	saved = dup(1);
	out = open("out.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	printf("dup(1) -> %d, open -> %d, ", saved, out);
	fflush(stdout);
	printf("dup2 -> %d\n", dup2(out, 1)); /* dup2 runs first: this goes into the file */
	close(out);
	printf("this line goes into out.txt\n");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/echo", "echo", "so does the output of an exec'd echo", (char *)0);
		exit(127);
	}
	waitpid(pid, NULL, 0);
	dup2(saved, 1);
	close(saved);
	printf("stdout restored; out.txt holds:\n");
	cat("out.txt");
	unlink("out.txt");
	return 0;
}
