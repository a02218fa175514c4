#define _GNU_SOURCE /* pipe2 */
/* Expect: a pipe holds 65,536 bytes written one at a time, 64,000 written
 * 100 at a time (a write that does not fit in the last page starts a new
 * one), sixteen writes of PIPE_BUF; a nonblocking write into a full pipe
 * fails with EAGAIN (== EWOULDBLOCK), a larger one into a part-full pipe
 * writes what fits; FIONREAD counts the bytes ready; fcntl and FIONBIO
 * set and clear O_NONBLOCK; F_DUPFD and F_DUPFD_CLOEXEC pick the lowest
 * free descriptor from their argument; bad calls fail as on Linux. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

static char buf[70000];

static void drain(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	while (read(fd, buf, sizeof buf) > 0)
		;
	fcntl(fd, F_SETFL, flags);
}

static void fill(int fd[2], int chunk)
{
	long total = 0;
	int n, writes = 0;
	while ((n = write(fd[1], buf, chunk)) > 0) {
		total += n;
		writes++;
	}
	int avail = -1;
	ioctl(fd[0], FIONREAD, &avail);
	printf("chunks of %d: %d writes, %ld bytes, then %d %s; FIONREAD %d\n", chunk, writes, total,
	       n, errno == EAGAIN ? "EAGAIN" : strerror(errno), avail);
	drain(fd[0]);
}

int main(void)
{
	int fd[2];
	printf("PIPE_BUF %d, EAGAIN == EWOULDBLOCK: %d\n", PIPE_BUF, EAGAIN == EWOULDBLOCK);
	if (pipe2(fd, O_NONBLOCK) < 0)
		perror("pipe2");
	printf("F_GETFL read end %o, write end %o\n", fcntl(fd[0], F_GETFL), fcntl(fd[1], F_GETFL));
	fill(fd, 1);
	fill(fd, 100);
	fill(fd, 4096);
	fill(fd, 5000);

	/* A write of more than PIPE_BUF into a part-full pipe: what fits. */
	write(fd[1], buf, 60000);
	int n = write(fd[1], buf, 8192);
	printf("8192 more into 60000: %d\n", n);
	n = write(fd[1], buf, 100);
	printf("100 more: %d (%s)\n", n, n < 0 ? strerror(errno) : "ok");
	drain(fd[0]);

	/* Empty: a nonblocking read waits for nothing. */
	n = read(fd[0], buf, 10);
	printf("read of an empty pipe: %d %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "");

	/* Blocking again, and nonblocking through FIONBIO. */
	int off = 0, on = 1;
	fcntl(fd[0], F_SETFL, fcntl(fd[0], F_GETFL) & ~O_NONBLOCK);
	printf("after F_SETFL: %o\n", fcntl(fd[0], F_GETFL));
	ioctl(fd[0], FIONBIO, &on);
	printf("after FIONBIO on: %o\n", fcntl(fd[0], F_GETFL));
	n = read(fd[0], buf, 10);
	printf("read: %d %s\n", n, n < 0 && errno == EWOULDBLOCK ? "EWOULDBLOCK" : "");
	ioctl(fd[0], FIONBIO, &off);
	printf("after FIONBIO off: %o\n", fcntl(fd[0], F_GETFL));

	/* The flags belong to the description: a dup shares them. */
	int d = fcntl(fd[1], F_DUPFD, 100);
	int c = fcntl(fd[1], F_DUPFD_CLOEXEC, 100);
	printf("F_DUPFD 100 -> %d, F_DUPFD_CLOEXEC 100 -> %d, F_GETFD %d %d\n", d, c,
	       fcntl(d, F_GETFD), fcntl(c, F_GETFD));
	fcntl(d, F_SETFL, 0);
	printf("write end after clearing through the dup: %o\n", fcntl(fd[1], F_GETFL));

	/* No writer left: the end of the file, not EAGAIN, even nonblocking. */
	close(fd[1]);
	close(d);
	close(c);
	ioctl(fd[0], FIONBIO, &on);
	n = read(fd[0], buf, 10);
	printf("read with no writer: %d\n", n);

	struct stat st;
	fstat(fd[0], &st);
	long pos = (long)lseek(fd[0], 0, SEEK_CUR);
	printf("S_ISFIFO %d, lseek %ld (%s)\n", S_ISFIFO(st.st_mode) != 0, pos, strerror(errno));
	close(fd[0]);

	/* Errors. */
	int r;
	r = fcntl(99, F_GETFL);
	printf("fcntl(99, F_GETFL): %d %s\n", r, strerror(errno));
	r = fcntl(0, 12345);
	printf("fcntl(0, 12345): %d %s\n", r, strerror(errno));
	r = pipe2(fd, 1);
	printf("pipe2 bad flags: %d %s\n", r, strerror(errno));
	int file = open("capacity.c", O_RDONLY);
	printf("file F_GETFL %o\n", fcntl(file, F_GETFL));
	int avail = 0;
	ioctl(file, FIONREAD, &avail);
	printf("file FIONREAD %d\n", avail > 1000);
	r = ioctl(file, 0x1234, &avail);
	printf("ioctl(file, 0x1234): %d %s\n", r, strerror(errno));
	return 0;
}
