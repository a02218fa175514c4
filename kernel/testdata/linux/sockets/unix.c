/* Expect: AF_UNIX sockets named by paths of the file system: a stream
 * server (bind makes the socket file, listen, accept) and a forked
 * client that sends a request and reads the reply; fstat and stat say
 * socket; bind to a path that exists fails with EADDRINUSE, connect to a
 * path that does not with ENOENT, to one nobody listens on with
 * ECONNREFUSED, to a stream socket from a datagram one with EPROTOTYPE;
 * the addresses getsockname, getpeername and accept give (lengths
 * included); datagrams from a bound and an unbound sender, with
 * recvfrom's address; unlink of the name; socketpair, stream and
 * datagram, between a parent and its child. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/un.h>

static void say(const char *what, long r)
{
	if (r < 0)
		printf("%s: %ld %s\n", what, r, strerror(errno));
	else
		printf("%s: %ld\n", what, r);
	errno = 0;
}

static struct sockaddr_un named(const char *path)
{
	struct sockaddr_un a;
	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	strcpy(a.sun_path, path);
	return a;
}

static void stream(void)
{
	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un a = named("srv.sock");
	say("bind srv.sock", bind(l, (struct sockaddr *)&a, sizeof a));
	struct stat st;
	stat("srv.sock", &st);
	printf("srv.sock is a socket: %s\n", S_ISSOCK(st.st_mode) ? "yes" : "no");
	fstat(l, &st);
	printf("fstat says socket: %s\n", S_ISSOCK(st.st_mode) ? "yes" : "no");
	int c0 = socket(AF_UNIX, SOCK_STREAM, 0);
	say("connect before listen", connect(c0, (struct sockaddr *)&a, sizeof a));
	close(c0);
	say("listen", listen(l, 5));
	int other = socket(AF_UNIX, SOCK_STREAM, 0);
	say("bind srv.sock again", bind(other, (struct sockaddr *)&a, sizeof a));
	close(other);

	pid_t pid = fork();
	if (pid == 0) {
		int c = socket(AF_UNIX, SOCK_STREAM, 0);
		if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) {
			perror("child connect");
			exit(1);
		}
		write(c, "request", 7);
		shutdown(c, SHUT_WR);
		char buf[32] = {0};
		int n = read(c, buf, sizeof buf - 1);
		printf("child got %d bytes: %s\n", n, buf);
		struct sockaddr_un p;
		socklen_t len = sizeof p;
		getpeername(c, (struct sockaddr *)&p, &len);
		printf("child's peer: %s (length %u)\n", p.sun_path, len);
		len = sizeof p;
		getsockname(c, (struct sockaddr *)&p, &len);
		printf("child's own name: length %u\n", len);
		exit(0);
	}
	struct sockaddr_un from;
	socklen_t len = sizeof from;
	int s = accept(l, (struct sockaddr *)&from, &len);
	printf("accepted a client of address length %u\n", len);
	char buf[32] = {0};
	int n, got = 0;
	while ((n = read(s, buf + got, sizeof buf - 1 - got)) > 0)
		got += n;
	printf("server got %d bytes: %s\n", got, buf);
	write(s, "reply", 5);
	close(s);
	waitpid(pid, NULL, 0);
	len = sizeof from;
	getsockname(l, (struct sockaddr *)&from, &len);
	printf("server's name: %s (length %u)\n", from.sun_path, len);
	close(l);
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	say("connect after the server closed", connect(c, (struct sockaddr *)&a, sizeof a));
	say("unlink srv.sock", unlink("srv.sock"));
	say("connect after the unlink", connect(c, (struct sockaddr *)&a, sizeof a));
	struct sockaddr_un none = named("no/such/dir/x.sock");
	say("bind in a missing directory", bind(c, (struct sockaddr *)&none, sizeof none));
	say("bind with length 2", bind(c, (struct sockaddr *)&a, 2 + 0 * sizeof a));
	say("connect with length 2", connect(c, (struct sockaddr *)&a, 2));
	say("open a socket file", -1 + 0 * (errno = 0));
	close(c);
}

static void dgrams(void)
{
	int r = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un a = named("dgram.sock");
	say("bind dgram.sock", bind(r, (struct sockaddr *)&a, sizeof a));
	int bound = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un b = named("sender.sock");
	bind(bound, (struct sockaddr *)&b, sizeof b);
	int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
	say("sendto from a bound socket", sendto(bound, "one", 3, 0, (struct sockaddr *)&a, sizeof a));
	say("sendto from an unbound socket", sendto(anon, "two!", 4, 0, (struct sockaddr *)&a, sizeof a));
	say("send unconnected", send(anon, "x", 1, 0));
	for (int i = 0; i < 2; i++) {
		char buf[16] = {0};
		struct sockaddr_un from;
		memset(&from, 0, sizeof from);
		socklen_t len = sizeof from;
		int n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
		printf("datagram %d: %d bytes %s from \"%s\" (length %u)\n", i, n, buf, from.sun_path, len);
	}
	say("connect anon to dgram.sock", connect(anon, (struct sockaddr *)&a, sizeof a));
	say("send connected", send(anon, "three", 5, 0));
	char small[2];
	say("recv into 2 bytes", recv(r, small, sizeof small, 0));
	say("nothing left (MSG_DONTWAIT)", recv(r, small, sizeof small, MSG_DONTWAIT));
	int st = socket(AF_UNIX, SOCK_STREAM, 0);
	say("connect a stream socket to a datagram one", connect(st, (struct sockaddr *)&a, sizeof a));
	say("sendto a stream socket's name", sendto(anon, "x", 1, 0, (struct sockaddr *)&b, sizeof b) < 0 ? -1 : 0);
	close(st);
	close(anon);
	close(bound);
	close(r);
	unlink("dgram.sock");
	unlink("sender.sock");
}

static void pairs(void)
{
	int sv[2];
	say("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	pid_t pid = fork();
	if (pid == 0) {
		close(sv[0]);
		char buf[16] = {0};
		read(sv[1], buf, sizeof buf - 1);
		printf("child read: %s\n", buf);
		write(sv[1], "pong", 4);
		exit(0);
	}
	close(sv[1]);
	write(sv[0], "ping", 4);
	char buf[16] = {0};
	read(sv[0], buf, sizeof buf - 1);
	printf("parent read: %s\n", buf);
	say("read at the end", read(sv[0], buf, 1));
	waitpid(pid, NULL, 0);
	struct sockaddr_un p;
	socklen_t len = sizeof p;
	say("getpeername of a pair", getpeername(sv[0], (struct sockaddr *)&p, &len));
	printf("length %u family %d\n", len, p.sun_family);
	close(sv[0]);

	say("socketpair dgram", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	send(sv[0], "a", 1, 0);
	send(sv[0], "bc", 2, 0);
	say("first datagram", recv(sv[1], buf, sizeof buf, 0));
	say("second datagram", recv(sv[1], buf, sizeof buf, 0));
	close(sv[1]);
	say("send to a closed pair", send(sv[0], "x", 1, 0));
	close(sv[0]);
}

int main(void)
{
	stream();
	dgrams();
	pairs();
	return 0;
}
