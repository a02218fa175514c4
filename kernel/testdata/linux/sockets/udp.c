/* Expect: UDP on the loopback: a child pings a parent's socket on port
 * 6111 three times, the parent answers each to the address recvfrom
 * gave; datagrams keep their boundaries, MSG_PEEK leaves one in place, a
 * short buffer truncates one (MSG_TRUNC says its length), a datagram of
 * no bytes arrives; 65507 bytes is the most one datagram carries
 * (EMSGSIZE beyond, a huge length too); a connected socket sends without
 * an address, to nobody: the next send fails with ECONNREFUSED;
 * EDESTADDRREQ without an address; connect to AF_UNSPEC dissolves the
 * connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

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

static char big[70000];

int main(void)
{
	int srv = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = at(6111);
	say("bind 6111", bind(srv, (struct sockaddr *)&a, sizeof a));
	pid_t pid = fork();
	if (pid == 0) {
		int c = socket(AF_INET, SOCK_DGRAM, 0);
		for (int i = 1; i <= 3; i++) {
			char msg[32], reply[32] = {0};
			snprintf(msg, sizeof msg, "ping %d", i);
			sendto(c, msg, strlen(msg), 0, (struct sockaddr *)&a, sizeof a);
			struct sockaddr_in from;
			socklen_t len = sizeof from;
			int n = recvfrom(c, reply, sizeof reply - 1, 0, (struct sockaddr *)&from, &len);
			printf("child: %d bytes \"%s\" from %s:%d\n", n, reply, inet_ntoa(from.sin_addr), ntohs(from.sin_port));
		}
		exit(0);
	}
	for (int i = 1; i <= 3; i++) {
		char msg[32] = {0};
		struct sockaddr_in from;
		socklen_t len = sizeof from;
		int n = recvfrom(srv, msg, sizeof msg - 1, 0, (struct sockaddr *)&from, &len);
		printf("parent: %d bytes \"%s\" from %s (length %u)\n", n, msg, inet_ntoa(from.sin_addr), len);
		msg[1] = 'o';
		sendto(srv, msg, n, 0, (struct sockaddr *)&from, len);
	}
	waitpid(pid, NULL, 0);

	int c = socket(AF_INET, SOCK_DGRAM, 0);
	sendto(c, "first", 5, 0, (struct sockaddr *)&a, sizeof a);
	sendto(c, "second!", 7, 0, (struct sockaddr *)&a, sizeof a);
	sendto(c, "", 0, 0, (struct sockaddr *)&a, sizeof a);
	char buf[16] = {0};
	say("peek", recv(srv, buf, sizeof buf, MSG_PEEK));
	printf("peeked: %s\n", buf);
	memset(buf, 0, sizeof buf);
	say("recv", recv(srv, buf, sizeof buf, 0));
	printf("received: %s\n", buf);
	memset(buf, 0, sizeof buf);
	say("recv 3 bytes of 7, MSG_TRUNC", recv(srv, buf, 3, MSG_TRUNC));
	printf("received: %s\n", buf);
	say("an empty datagram", recv(srv, buf, sizeof buf, 0));
	say("nothing left", recv(srv, buf, sizeof buf, MSG_DONTWAIT));

	say("sendto 65507 bytes", sendto(c, big, 65507, 0, (struct sockaddr *)&a, sizeof a));
	say("sendto 65508 bytes", sendto(c, big, 65508, 0, (struct sockaddr *)&a, sizeof a));
	say("sendto a huge length", sendto(c, big, (size_t)1 << 40, 0, (struct sockaddr *)&a, sizeof a));
	say("recv the big one", recv(srv, big, sizeof big, 0));
	say("send unconnected", send(c, "x", 1, 0));
	say("sendto with a bad address", sendto(c, "x", 1, 0, (struct sockaddr *)8, sizeof a));
	say("sendto with length 3", sendto(c, "x", 1, 0, (struct sockaddr *)&a, 3));

	struct sockaddr_in nobody = at(6112);
	say("connect to 6112", connect(c, (struct sockaddr *)&nobody, sizeof nobody));
	struct sockaddr_in p;
	socklen_t len = sizeof p;
	getpeername(c, (struct sockaddr *)&p, &len);
	printf("peer: %s:%d\n", inet_ntoa(p.sin_addr), ntohs(p.sin_port));
	say("send to nobody", send(c, "x", 1, 0));
	say("send again", send(c, "x", 1, 0));
	say("and again", send(c, "x", 1, 0));
	struct sockaddr un;
	memset(&un, 0, sizeof un);
	un.sa_family = AF_UNSPEC;
	say("connect AF_UNSPEC", connect(c, &un, sizeof un));
	len = sizeof p;
	say("getpeername", getpeername(c, (struct sockaddr *)&p, &len));
	say("shutdown unconnected UDP", shutdown(c, SHUT_RDWR));
	close(c);
	close(srv);
	return 0;
}
