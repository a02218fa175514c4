/* Expect: poll reports what a pipe's ends are ready for (POLLIN with
 * data, POLLOUT while there is room, POLLHUP once every writer has
 * closed, POLLERR on a write end with no reader, POLLNVAL for a closed
 * descriptor, nothing for a negative one), waits for a child's write,
 * and times out with 0; select gathers two children's messages through
 * two pipes until both end, times out leaving the time not waited at
 * zero, finds a file always ready, and fails with EBADF on a closed
 * descriptor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>

static void show(const char *what, struct pollfd *p, int n, int r)
{
	printf("%s: %d ready:", what, r);
	for (int i = 0; i < n; i++)
		printf(" fd%d=%#x", i, p[i].revents);
	printf("\n");
}

static void polls(void)
{
	int fd[2];
	pipe(fd);
	struct pollfd p[4] = {
		{fd[0], POLLIN, 0}, {fd[1], POLLOUT, 0}, {99, POLLIN, 0}, {-1, POLLIN, 0},
	};
	show("empty", p, 4, poll(p, 4, 0));
	write(fd[1], "abc", 3);
	show("3 bytes", p, 4, poll(p, 4, 0));
	close(fd[1]);
	p[1].fd = -1;
	show("writer closed", p, 4, poll(p, 4, 0));
	char buf[16];
	read(fd[0], buf, sizeof buf);
	show("drained", p, 4, poll(p, 4, 0));
	close(fd[0]);

	pipe(fd);
	close(fd[0]);
	struct pollfd w = {fd[1], POLLOUT, 0};
	show("no reader", &w, 1, poll(&w, 1, 0));
	close(fd[1]);

	pipe(fd);
	pid_t pid = fork();
	if (pid == 0) {
		usleep(100000);
		write(fd[1], "late", 4);
		exit(0);
	}
	struct pollfd r = {fd[0], POLLIN, 0};
	show("waited 5 s at most", &r, 1, poll(&r, 1, 5000));
	read(fd[0], buf, sizeof buf);
	show("timed out", &r, 1, poll(&r, 1, 50));
	waitpid(pid, NULL, 0);
	close(fd[0]);
	close(fd[1]);
}

static void selects(void)
{
	int a[2], b[2];
	pipe(a);
	pipe(b);
	if (fork() == 0) {
		close(a[0]);
		close(b[0]);
		close(b[1]);
		write(a[1], "from A", 6);
		exit(0);
	}
	if (fork() == 0) {
		close(a[0]);
		close(a[1]);
		close(b[0]);
		usleep(50000);
		write(b[1], "from B", 6);
		exit(0);
	}
	close(a[1]);
	close(b[1]);
	char got[2][32] = {"", ""};
	int open_ = 2, ends[2] = {0, 0};
	while (open_ > 0) {
		fd_set rs;
		FD_ZERO(&rs);
		if (!ends[0])
			FD_SET(a[0], &rs);
		if (!ends[1])
			FD_SET(b[0], &rs);
		int max = a[0] > b[0] ? a[0] : b[0];
		if (select(max + 1, &rs, NULL, NULL, NULL) < 0) {
			perror("select");
			break;
		}
		int fds[2] = {a[0], b[0]};
		for (int i = 0; i < 2; i++) {
			if (!ends[i] && FD_ISSET(fds[i], &rs)) {
				char buf[32];
				int n = read(fds[i], buf, sizeof buf - 1);
				if (n <= 0) {
					ends[i] = 1;
					open_--;
				} else {
					buf[n] = '\0';
					strcat(got[i], buf);
				}
			}
		}
	}
	printf("select: A sent \"%s\", B sent \"%s\", both ended\n", got[0], got[1]);
	while (wait(NULL) > 0)
		;

	int fd[2];
	pipe(fd);
	fd_set rs, ws;
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(fd[0], &rs);
	struct timeval tv = {0, 50000};
	int r = select(fd[0] + 1, &rs, NULL, NULL, &tv);
	printf("select timeout: %d, readable %d, left %ld.%06ld\n", r, FD_ISSET(fd[0], &rs), (long)tv.tv_sec,
	       (long)tv.tv_usec);
	int file = open("pollselect.c", O_RDONLY);
	FD_ZERO(&rs);
	FD_SET(file, &rs);
	FD_SET(fd[1], &ws);
	tv.tv_sec = 1;
	tv.tv_usec = 0;
	r = select(file > fd[1] ? file + 1 : fd[1] + 1, &rs, &ws, NULL, &tv);
	printf("file and write end: %d, %d %d\n", r, FD_ISSET(file, &rs), FD_ISSET(fd[1], &ws));
	close(file);
	FD_ZERO(&rs);
	FD_SET(file, &rs);
	r = select(file + 1, &rs, NULL, NULL, NULL);
	printf("closed descriptor: %d %s\n", r, strerror(errno));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	polls();
	selects();
	return 0;
}
