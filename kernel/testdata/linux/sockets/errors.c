/* Expect: Linux's errors for sockets: bad domains, types and protocols;
 * bad descriptors (EBADF, ENOTSOCK); bad addresses and lengths (EFAULT,
 * EINVAL, EAFNOSUPPORT, EADDRNOTAVAIL); ECONNREFUSED with no listener;
 * EADDRINUSE beside a listener, and after a connection its server closed
 * first (TIME_WAIT) unless both sockets set SO_REUSEADDR; the calls that
 * need a listening or a connected socket (EOPNOTSUPP, EINVAL, ENOTCONN,
 * EISCONN); SIGPIPE and EPIPE writing to a socket never connected and to
 * a peer that has closed (the first write after the close goes through);
 * ECONNRESET when the peer closed with data unread; a connect to its own
 * address; getsockname after a bind to port 0; the socket options. Ports
 * 6121-6129, and ephemeral ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static int pipes;

static void onpipe(int sig)
{
	pipes++;
}

static void say(const char *what, long r)
{
	if (r < 0)
		printf("%s: %ld %s\n", what, r, strerror(errno));
	else
		printf("%s: %ld\n", what, r);
	errno = 0;
}

static struct sockaddr_in at(unsigned ip, int port)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(ip);
	return a;
}

static int tcp(int reuse)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	if (reuse)
		setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	return s;
}

static int server(int port, int reuse)
{
	int s = tcp(reuse);
	struct sockaddr_in a = at(INADDR_ANY, port);
	if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 4) < 0)
		say("server", -1);
	return s;
}

static int dial(int port)
{
	int s = tcp(0);
	struct sockaddr_in a = at(INADDR_LOOPBACK, port);
	if (connect(s, (struct sockaddr *)&a, sizeof a) < 0)
		say("dial", -1);
	return s;
}

static void creation(void)
{
	say("socket(12345, SOCK_STREAM, 0)", socket(12345, SOCK_STREAM, 0));
	say("socket(AF_INET, 0x4000001, 0)", socket(AF_INET, 0x4000001, 0));
	say("socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));
	say("socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP)", socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP));
	int s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	say("socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", s > 2 ? 0 : -1);
	close(s);
	say("socketpair(AF_INET)", socketpair(AF_INET, SOCK_STREAM, 0, (int[2]){0, 0}));
	int fd[2];
	pipe(fd);
	struct sockaddr_in a = at(INADDR_ANY, 6121);
	say("bind on a pipe", bind(fd[0], (struct sockaddr *)&a, sizeof a));
	say("listen on a pipe", listen(fd[0], 1));
	say("bind on a closed descriptor", bind(99, (struct sockaddr *)&a, sizeof a));
	close(fd[0]);
	close(fd[1]);
}

static void addresses(void)
{
	int s = tcp(0);
	struct sockaddr_in a = at(INADDR_ANY, 6121);
	say("bind with length 8", bind(s, (struct sockaddr *)&a, 8));
	say("bind with length 200", bind(s, (struct sockaddr *)&a, 200));
	say("bind with NULL", bind(s, NULL, sizeof a));
	a.sin_family = AF_UNIX;
	say("bind with family AF_UNIX", bind(s, (struct sockaddr *)&a, sizeof a));
	a = at(0x0a000001, 6121);
	say("bind to 10.0.0.1", bind(s, (struct sockaddr *)&a, sizeof a));
	a = at(INADDR_LOOPBACK, 6121);
	say("bind to 127.0.0.1:6121", bind(s, (struct sockaddr *)&a, sizeof a));
	say("bind again", bind(s, (struct sockaddr *)&a, sizeof a));
	close(s);

	s = tcp(0);
	a = at(INADDR_LOOPBACK, 6129);
	say("connect with no listener", connect(s, (struct sockaddr *)&a, sizeof a));
	say("connect with NULL", connect(s, NULL, sizeof a));
	say("connect with length 4", connect(s, (struct sockaddr *)&a, 4));
	close(s);

	s = tcp(0);
	a = at(INADDR_ANY, 0);
	say("bind to port 0", bind(s, (struct sockaddr *)&a, sizeof a));
	socklen_t len = sizeof a;
	say("getsockname", getsockname(s, (struct sockaddr *)&a, &len));
	printf("bound to %s, port %d, length %u; ephemeral: %s\n", inet_ntoa(a.sin_addr), ntohs(a.sin_port), len,
	       ntohs(a.sin_port) >= 1024 ? "yes" : "no");
	len = 4;
	say("getsockname into 4 bytes", getsockname(s, (struct sockaddr *)&a, &len));
	printf("length now %u\n", len);
	say("getsockname with NULL length", getsockname(s, (struct sockaddr *)&a, NULL));
	close(s);
}

static void inuse(void)
{
	int l = server(6122, 1);
	int s = tcp(1);
	struct sockaddr_in a = at(INADDR_ANY, 6122);
	say("bind beside a listener (both SO_REUSEADDR)", bind(s, (struct sockaddr *)&a, sizeof a));
	a = at(INADDR_LOOPBACK, 6122);
	say("bind 127.0.0.1 beside a listener on any", bind(s, (struct sockaddr *)&a, sizeof a));
	close(s);
	close(l);

	/* The server closes first: its end of the connection waits in
	 * TIME_WAIT, holding the port. The port is a fresh ephemeral one, so
	 * that no earlier run's TIME_WAIT holds it already. */
	for (int reuse = 0; reuse < 2; reuse++) {
		l = server(0, reuse);
		socklen_t len = sizeof a;
		getsockname(l, (struct sockaddr *)&a, &len);
		int port = ntohs(a.sin_port);
		int c = dial(port);
		int srv = accept(l, NULL, NULL);
		close(srv);
		char b;
		say("client reads the server's close", read(c, &b, 1));
		close(c);
		close(l);
		s = tcp(reuse);
		a = at(INADDR_ANY, port);
		printf("SO_REUSEADDR %d: ", reuse);
		say("bind after the server closed first", bind(s, (struct sockaddr *)&a, sizeof a));
		close(s);
	}
	/* The client closes first: the server's port is free. */
	l = server(6125, 0);
	int c = dial(6125);
	int srv = accept(l, NULL, NULL);
	close(c);
	char b;
	say("server reads the client's close", read(srv, &b, 1));
	close(srv);
	close(l);
	s = tcp(0);
	a = at(INADDR_ANY, 6125);
	say("bind after the client closed first", bind(s, (struct sockaddr *)&a, sizeof a));
	close(s);
}

static void states(void)
{
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	say("listen on UDP", listen(u, 1));
	say("accept on UDP", accept(u, NULL, NULL));
	close(u);
	int s = tcp(0);
	say("accept without listen", accept(s, NULL, NULL));
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	say("getpeername unconnected", getpeername(s, (struct sockaddr *)&a, &len));
	say("shutdown unconnected", shutdown(s, SHUT_WR));
	say("shutdown how 7", shutdown(s, 7));
	char b[4];
	say("read unconnected", read(s, b, 1));
	say("write unconnected", write(s, "x", 1));
	printf("SIGPIPE so far: %d\n", pipes);
	say("send unconnected, MSG_NOSIGNAL", send(s, "x", 1, MSG_NOSIGNAL));
	printf("SIGPIPE so far: %d\n", pipes);
	close(s);

	int l = server(6126, 1);
	int c = dial(6126);
	a = at(INADDR_LOOPBACK, 6126);
	say("connect again", connect(c, (struct sockaddr *)&a, sizeof a));
	say("connect a listening socket", connect(l, (struct sockaddr *)&a, sizeof a));
	say("listen on a connected socket", listen(c, 1));
	int srv = accept(l, NULL, NULL);
	close(srv);
	say("read after the peer closed", read(c, b, 1));
	say("first write after the peer closed", write(c, "abc", 3));
	say("second write", write(c, "abc", 3));
	say("third write", write(c, "abc", 3));
	printf("SIGPIPE so far: %d\n", pipes);
	len = sizeof a;
	say("getpeername after the reset", getpeername(c, (struct sockaddr *)&a, &len));
	close(c);

	/* A close with data unread resets the connection. */
	c = dial(6126);
	srv = accept(l, NULL, NULL);
	write(c, "unread", 6);
	write(srv, "kept", 4);
	close(srv);
	int n = read(c, b, 4);
	printf("read what came before the reset: %d %.4s\n", n, b);
	say("read after the reset", read(c, b, 1));
	say("read again", read(c, b, 1));
	say("write after the reset", write(c, "x", 1));
	printf("SIGPIPE so far: %d\n", pipes);
	close(c);
	close(l);
}

static void self(void)
{
	/* An ephemeral port: a connection to itself leaves the port in
	 * TIME_WAIT, which a fixed one would still be in at the next run. */
	int s = tcp(0);
	struct sockaddr_in a = at(INADDR_LOOPBACK, 0);
	socklen_t alen = sizeof a;
	bind(s, (struct sockaddr *)&a, sizeof a);
	getsockname(s, (struct sockaddr *)&a, &alen);
	say("connect to its own address", connect(s, (struct sockaddr *)&a, sizeof a));
	say("write to itself", write(s, "self", 4));
	char b[8] = {0};
	say("read from itself", read(s, b, sizeof b - 1));
	printf("read back: %s\n", b);
	struct sockaddr_in p;
	socklen_t len = sizeof p;
	getpeername(s, (struct sockaddr *)&p, &len);
	printf("peer is itself: %s\n", p.sin_port == a.sin_port && p.sin_addr.s_addr == a.sin_addr.s_addr ? "yes" : "no");
	close(s);
}

static void options(void)
{
	int s = tcp(0), v = -1;
	socklen_t len = sizeof v;
	say("getsockopt SO_REUSEADDR", getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len));
	printf("SO_REUSEADDR %d, length %u\n", v, len);
	v = 5;
	say("setsockopt SO_REUSEADDR 5", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v));
	len = sizeof v;
	getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len);
	printf("SO_REUSEADDR now %d\n", v);
	say("setsockopt with length 2", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, 2));
	say("setsockopt with NULL", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, NULL, sizeof v));
	say("setsockopt level 12345", setsockopt(s, 12345, 1, &v, sizeof v));
	say("setsockopt SOL_SOCKET 12345", setsockopt(s, SOL_SOCKET, 12345, &v, sizeof v));
	len = sizeof v;
	getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
	printf("SO_TYPE %d\n", v);
	len = sizeof v;
	getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len);
	printf("SO_ERROR %d\n", v);
	len = sizeof v;
	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
	printf("SO_ACCEPTCONN %d\n", v);
	listen(s, 1);
	len = sizeof v;
	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
	printf("SO_ACCEPTCONN after listen %d\n", v);
	close(s);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	len = sizeof v;
	getsockopt(u, SOL_SOCKET, SO_TYPE, &v, &len);
	printf("UDP SO_TYPE %d\n", v);
	close(u);
}

int main(void)
{
	signal(SIGPIPE, onpipe);
	creation();
	addresses();
	inuse();
	states();
	self();
	options();
	return 0;
}
