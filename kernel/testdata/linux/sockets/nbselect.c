/* Expect: nonblocking sockets and readiness: accept on a nonblocking
 * listener fails with EAGAIN, and poll and select find the listener
 * readable once a connection waits; a nonblocking connect says
 * EINPROGRESS, the socket turns writable, SO_ERROR is 0, the next
 * connect succeeds and the one after says EISCONN; recv with nothing to
 * read: EAGAIN (O_NONBLOCK, MSG_DONTWAIT); a full socket: EAGAIN, and
 * not writable; FIONREAD; MSG_WAITALL waits for all the bytes; a
 * backlog of 1 takes two connections, a third waits until accept makes
 * room; select over two connections whose writers take turns; poll's
 * events after the peer's shutdown and close. Ports 6131-6133. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>

static void say(const char *what, long r)
{
	if (r < 0)
		printf("%s: %ld %s\n", what, r, strerror(errno));
	else
		printf("%s: %ld\n", what, r);
	errno = 0;
}

static struct sockaddr_in at(int port)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int listener(int port, int backlog)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	struct sockaddr_in a = at(port);
	if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, backlog) < 0)
		say("listener", -1);
	return s;
}

static int pollone(int fd, int events, int timeout)
{
	struct pollfd p = {fd, events, 0};
	int r = poll(&p, 1, timeout);
	return r <= 0 ? r : p.revents;
}

static void accepts(void)
{
	int l = listener(6131, 4);
	fcntl(l, F_SETFL, fcntl(l, F_GETFL) | O_NONBLOCK);
	say("accept on an empty nonblocking listener", accept(l, NULL, NULL));
	printf("poll listener: %#x\n", pollone(l, POLLIN, 0));
	fd_set r;
	FD_ZERO(&r);
	FD_SET(l, &r);
	struct timeval tv = {0, 0};
	say("select listener", select(l + 1, &r, NULL, NULL, &tv));

	int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in a = at(6131);
	say("nonblocking connect", connect(c, (struct sockaddr *)&a, sizeof a));
	printf("poll connecting socket for POLLOUT: %#x\n", pollone(c, POLLOUT, 5000));
	int err = -1;
	socklen_t len = sizeof err;
	getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len);
	printf("SO_ERROR %d\n", err);
	say("connect again", connect(c, (struct sockaddr *)&a, sizeof a));
	say("and again", connect(c, (struct sockaddr *)&a, sizeof a));
	printf("poll listener: %#x\n", pollone(l, POLLIN, 5000));
	FD_ZERO(&r);
	FD_SET(l, &r);
	tv.tv_sec = 5;
	say("select listener", select(l + 1, &r, NULL, NULL, &tv));
	printf("listener in the set: %d\n", FD_ISSET(l, &r));
	int s = accept4(l, NULL, NULL, SOCK_NONBLOCK);
	say("accept4", s > 0 ? 0 : -1);
	printf("accepted socket nonblocking: %s\n", fcntl(s, F_GETFL) & O_NONBLOCK ? "yes" : "no");
	printf("F_GETFL of a socket: %#x\n", fcntl(c, F_GETFL));
	char b[8];
	say("recv on empty, nonblocking", recv(s, b, sizeof b, 0));
	fcntl(s, F_SETFL, 0);
	say("recv on empty, MSG_DONTWAIT", recv(s, b, sizeof b, MSG_DONTWAIT));
	write(c, "12345", 5);
	int n = -1;
	ioctl(s, FIONREAD, &n);
	printf("FIONREAD: %d\n", n);
	printf("poll for POLLIN: %#x\n", pollone(s, POLLIN | POLLOUT, 0));

	/* Fill the connection: c writes until EAGAIN, nobody reads. */
	char chunk[4096];
	memset(chunk, 'x', sizeof chunk);
	long total = 0, w;
	while ((w = write(c, chunk, sizeof chunk)) > 0)
		total += w;
	printf("filled: %s (%s)\n", total > 4096 ? "yes" : "no", strerror(errno));
	printf("poll full socket for POLLOUT: %#x\n", pollone(c, POLLOUT, 0));
	close(c);
	close(s);

	/* MSG_WAITALL: the reader waits until all 10 bytes have come. */
	c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof a);
	fcntl(l, F_SETFL, 0);
	s = accept(l, NULL, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 5; i++) {
			write(c, "ab", 2);
			usleep(10000);
		}
		exit(0);
	}
	char all[16] = {0};
	say("recv MSG_WAITALL 10", recv(s, all, 10, MSG_WAITALL));
	printf("got: %s\n", all);
	waitpid(pid, NULL, 0);
	close(c);
	close(s);
	close(l);
}

static void backlog(void)
{
	int l = listener(6132, 1);
	struct sockaddr_in a = at(6132);
	int c[3];
	for (int i = 0; i < 3; i++) {
		c[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		connect(c[i], (struct sockaddr *)&a, sizeof a);
	}
	for (int i = 0; i < 3; i++)
		printf("connection %d writable at once: %s\n", i, pollone(c[i], POLLOUT, 100) > 0 ? "yes" : "no");
	int s = accept(l, NULL, NULL);
	printf("connection 2 writable after an accept: %s\n", pollone(c[2], POLLOUT, 10000) > 0 ? "yes" : "no");
	for (int i = 0; i < 3; i++)
		close(c[i]);
	close(s);
	close(l);
}

static void turns(void)
{
	int l = listener(6133, 4);
	struct sockaddr_in a = at(6133);
	/* The parent lets one thing happen at a time: A writes, A closes,
	 * B writes, B closes, each when told through its pipe. */
	int go[2][2];
	pipe(go[0]);
	pipe(go[1]);
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			int c = socket(AF_INET, SOCK_STREAM, 0);
			connect(c, (struct sockaddr *)&a, sizeof a);
			char t;
			read(go[k][0], &t, 1);
			write(c, k == 0 ? "from A" : "from B", 6);
			read(go[k][0], &t, 1);
			close(c);
			exit(0);
		}
	}
	int s[2];
	s[0] = accept(l, NULL, NULL);
	s[1] = accept(l, NULL, NULL);
	int open = 2, maxfd = (s[0] > s[1] ? s[0] : s[1]) + 1, step = 0;
	const int next[4] = {0, 0, 1, 1}; /* whose turn each step is */
	write(go[next[step]][1], "g", 1);
	while (open > 0) {
		fd_set r;
		FD_ZERO(&r);
		for (int i = 0; i < 2; i++)
			if (s[i] >= 0)
				FD_SET(s[i], &r);
		int n = select(maxfd, &r, NULL, NULL, NULL);
		for (int i = 0; i < 2; i++) {
			if (s[i] < 0 || !FD_ISSET(s[i], &r))
				continue;
			char buf[16] = {0};
			int k = read(s[i], buf, sizeof buf - 1);
			if (k > 0) {
				printf("select (%d ready): %s\n", n, buf);
			} else {
				printf("select (%d ready): end of a stream\n", n);
				close(s[i]);
				s[i] = -1;
				open--;
			}
			if (++step < 4)
				write(go[next[step]][1], "g", 1);
		}
	}
	while (wait(NULL) > 0)
		;

	/* poll after the peer's shutdown, then after our own. */
	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof a);
	int t = accept(l, NULL, NULL);
	printf("poll connected: %#x\n", pollone(t, POLLIN | POLLOUT, 0));
	shutdown(c, SHUT_WR);
	printf("poll after the peer's SHUT_WR: %#x\n", pollone(t, POLLIN | POLLOUT, 0));
	shutdown(t, SHUT_WR);
	printf("poll after both shut down writing: %#x\n", pollone(t, POLLIN | POLLOUT, 0));
	printf("poll the peer: %#x\n", pollone(c, POLLIN | POLLOUT, 0));
	close(c);
	close(t);
	close(l);
}

int main(void)
{
	accepts();
	backlog();
	turns();
	return 0;
}
