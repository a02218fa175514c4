/* Expect: SO_RCVTIMEO bounds how long recv, recvfrom and accept wait
 * (EAGAIN when the time is up; data that comes in time is read), and
 * getsockopt gives the timeout back; a bad timeval is EDOM or EINVAL;
 * SO_SNDTIMEO bounds a send into a full socket. Ports 6151-6152. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/time.h>
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

static double since(struct timeval *t0)
{
	struct timeval t;
	gettimeofday(&t, NULL);
	return (t.tv_sec - t0->tv_sec) + (t.tv_usec - t0->tv_usec) / 1e6;
}

int main(void)
{
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = at(6151);
	bind(u, (struct sockaddr *)&a, sizeof a);
	struct timeval tv = {0, 200000}, got;
	say("SO_RCVTIMEO 0.2 s", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	socklen_t len = sizeof got;
	getsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &got, &len);
	printf("getsockopt: %ld s %ld us, length %u\n", (long)got.tv_sec, (long)got.tv_usec, len);
	struct timeval t0;
	gettimeofday(&t0, NULL);
	char b[16];
	say("recvfrom with nothing to read", recvfrom(u, b, sizeof b, 0, NULL, NULL));
	double waited = since(&t0);
	printf("waited about 0.2 s: %s\n", waited >= 0.19 && waited < 1.0 ? "yes" : "no");

	pid_t pid = fork();
	if (pid == 0) {
		usleep(50000);
		int c = socket(AF_INET, SOCK_DGRAM, 0);
		sendto(c, "in time", 7, 0, (struct sockaddr *)&a, sizeof a);
		exit(0);
	}
	memset(b, 0, sizeof b);
	say("recv of a datagram that comes in time", recv(u, b, sizeof b, 0));
	printf("got: %s\n", b);
	waitpid(pid, NULL, 0);

	struct timeval bad = {0, 1000000};
	say("tv_usec 1000000", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &bad, sizeof bad));
	say("length 8", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv, 8));
	struct timeval none = {0, 0};
	say("no timeout again", setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &none, sizeof none));
	close(u);

	int l = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	a = at(6152);
	bind(l, (struct sockaddr *)&a, sizeof a);
	listen(l, 1);
	setsockopt(l, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	say("accept with nobody coming", accept(l, NULL, NULL));

	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof a);
	int s = accept(l, NULL, NULL);
	setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	char chunk[65536];
	memset(chunk, 'x', sizeof chunk);
	long total = 0, w;
	while ((w = send(c, chunk, sizeof chunk, 0)) == (long)sizeof chunk)
		total += w;
	/* The last send took what fitted before the time was up (Linux's
	 * buffers are not osplay's: how much, if anything, differs). */
	printf("a send into the full socket ended in time: %s\n",
	       (w < 0 && errno == EAGAIN) || (w >= 0 && w < (long)sizeof chunk) ? "yes" : "no");
	close(c);
	close(s);
	close(l);
	return 0;
}
