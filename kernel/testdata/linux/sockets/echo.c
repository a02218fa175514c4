/* Expect: a TCP echo server on port 6101 that forks a child for each
 * client; three clients, one after the other, each send two lines, shut
 * down their writing (half-close) and read the echo until the end of the
 * stream. The server's children exit when their client's stream ends;
 * the server serves three clients, reaps its children and exits with
 * their count. accept's address and the client's getpeername show the
 * loopback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 6101
#define CLIENTS 3

static void echo(int c)
{
	char buf[64];
	ssize_t n;
	while ((n = read(c, buf, sizeof buf)) > 0)
		if (write(c, buf, n) != n)
			exit(2);
	exit(n < 0 ? 1 : 0);
}

static void server(int lfd)
{
	for (int i = 0; i < CLIENTS; i++) {
		struct sockaddr_in peer;
		socklen_t len = sizeof peer;
		int c = accept(lfd, (struct sockaddr *)&peer, &len);
		if (c < 0) {
			perror("accept");
			exit(1);
		}
		if (len != sizeof peer || peer.sin_family != AF_INET || peer.sin_addr.s_addr != htonl(INADDR_LOOPBACK))
			printf("server: odd peer\n");
		if (fork() == 0) {
			close(lfd);
			echo(c);
		}
		close(c);
	}
	int status, ok = 0;
	while (wait(&status) > 0)
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ok++;
	exit(ok); /* how many children echoed and exited well */
}

static void client(int i)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(PORT);
	a.sin_addr.s_addr = inet_addr("127.0.0.1");
	if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
		perror("connect");
		exit(1);
	}
	struct sockaddr_in peer;
	socklen_t len = sizeof peer;
	getpeername(s, (struct sockaddr *)&peer, &len);
	printf("client %d: connected to %s:%d\n", i, inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
	char line[64];
	snprintf(line, sizeof line, "hello %d\nbye %d\n", i, i);
	write(s, line, 8);
	write(s, line + 8, strlen(line) - 8);
	shutdown(s, SHUT_WR);
	ssize_t r = send(s, "x", 1, MSG_NOSIGNAL);
	printf("client %d: write after shutdown: %zd (%s)\n", i, r, strerror(errno));
	char buf[128];
	size_t got = 0;
	ssize_t n;
	while ((n = read(s, buf + got, sizeof buf - 1 - got)) > 0)
		got += n;
	buf[got] = 0;
	printf("client %d: echoed %zu bytes: %s", i, got, buf);
	printf("client %d: read at the end: %zd\n", i, read(s, buf, 1));
	close(s);
}

int main(void)
{
	int lfd = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(PORT);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 5) < 0) {
		perror("server");
		return 1;
	}
	pid_t srv = fork();
	if (srv == 0)
		server(lfd);
	close(lfd);
	for (int i = 1; i <= CLIENTS; i++)
		client(i);
	int status;
	waitpid(srv, &status, 0);
	printf("server exit status %d (children that echoed)\n", WEXITSTATUS(status));
	return 0;
}
