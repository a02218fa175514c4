/* Expect: the byte-order functions, the text forms of IPv4 addresses
 * (inet_aton's short and octal forms, inet_pton's strict ones, inet_ntop
 * running out of room), the sizes of the address structures, and the
 * names of the machine's network: getaddrinfo for localhost, for no
 * host (passive or not), for numbers and for service names, its errors
 * through gai_strerror, gethostbyname for localhost and for the
 * machine's own name, to which a connection is then made. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static void aton(const char *s)
{
	struct in_addr a;
	int ok = inet_aton(s, &a);
	printf("inet_aton(\"%s\") = %d", s, ok);
	if (ok)
		printf(" -> %s (0x%08x)", inet_ntoa(a), ntohl(a.s_addr));
	printf("; inet_addr = 0x%08x\n", ntohl(inet_addr(s)));
}

static void pton(const char *s)
{
	unsigned char b[4] = {0};
	int r = inet_pton(AF_INET, s, b);
	printf("inet_pton(\"%s\") = %d", s, r);
	if (r == 1)
		printf(" -> %d.%d.%d.%d", b[0], b[1], b[2], b[3]);
	printf("\n");
}

static void show(const char *node, const char *service, int family, int socktype, int flags)
{
	struct addrinfo hints, *res, *ai;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = family;
	hints.ai_socktype = socktype;
	hints.ai_flags = flags;
	int r = getaddrinfo(node, service, &hints, &res);
	printf("getaddrinfo(%s, %s, family %d, type %d, flags %#x): ", node ? node : "NULL",
	       service ? service : "NULL", family, socktype, flags);
	if (r != 0) {
		printf("%d %s\n", r, gai_strerror(r));
		return;
	}
	printf("\n");
	for (ai = res; ai; ai = ai->ai_next) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;
		char text[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
		printf("  family %d type %d protocol %d addrlen %u %s:%d canon %s\n", ai->ai_family,
		       ai->ai_socktype, ai->ai_protocol, ai->ai_addrlen, text, ntohs(sin->sin_port),
		       ai->ai_canonname ? ai->ai_canonname : "(none)");
	}
	freeaddrinfo(res);
}

int main(void)
{
	printf("htons(0x1234) = 0x%x, htonl(0x12345678) = 0x%x\n", htons(0x1234), htonl(0x12345678));
	printf("ntohs(0x3412) = 0x%x, ntohl(0x78563412) = 0x%x\n", ntohs(0x3412), ntohl(0x78563412));
	printf("sizeof sockaddr %zu, sockaddr_in %zu, sockaddr_un %zu, sockaddr_storage %zu, in_addr %zu, sockaddr_in6 %zu\n",
	       sizeof(struct sockaddr), sizeof(struct sockaddr_in), sizeof(struct sockaddr_un),
	       sizeof(struct sockaddr_storage), sizeof(struct in_addr), sizeof(struct sockaddr_in6));
	printf("offsets: sin_port %zu, sin_addr %zu, sun_path %zu; ai_addr %zu, ai_next %zu; h_addr_list %zu\n",
	       offsetof(struct sockaddr_in, sin_port), offsetof(struct sockaddr_in, sin_addr),
	       offsetof(struct sockaddr_un, sun_path), offsetof(struct addrinfo, ai_addr),
	       offsetof(struct addrinfo, ai_next), offsetof(struct hostent, h_addr_list));
	printf("AF_INET %d AF_UNIX %d SOCK_STREAM %d SOCK_DGRAM %d SOL_SOCKET %d SO_REUSEADDR %d SOMAXCONN %d\n",
	       AF_INET, AF_UNIX, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR, SOMAXCONN);
	printf("INADDR_ANY %#x INADDR_LOOPBACK %#x INADDR_NONE %#x\n", INADDR_ANY, INADDR_LOOPBACK, INADDR_NONE);

	const char *atons[] = {"127.0.0.1", "10.1.2.3", "127.1", "0x7f.1", "0177.0.0.1", "1.2.3", "255.255.255.255",
			       "256.0.0.1", "1.2.3.4.5", "", "abc", "1..2", "1.2.3.4 ", "4294967295", "08.1.1.1"};
	for (unsigned i = 0; i < sizeof atons / sizeof atons[0]; i++)
		aton(atons[i]);
	const char *ptons[] = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "127.1", "01.2.3.4", "1.2.3.256",
			       "1.2.3.4.", ".1.2.3", "1.2.3.4 ", "0.0.0.00"};
	for (unsigned i = 0; i < sizeof ptons / sizeof ptons[0]; i++)
		pton(ptons[i]);
	unsigned char lo[4] = {127, 0, 0, 1};
	char small[9], big[16];
	errno = 0;
	const char *p = inet_ntop(AF_INET, lo, small, sizeof small);
	printf("inet_ntop into 9 bytes: %s (%s)\n", p ? p : "NULL", strerror(errno));
	p = inet_ntop(AF_INET, lo, big, sizeof big);
	printf("inet_ntop into 16 bytes: %s\n", p ? p : "NULL");

	show("localhost", "6013", AF_INET, SOCK_STREAM, 0);
	show("localhost", NULL, AF_INET, 0, AI_CANONNAME);
	show("127.0.0.1", "80", AF_INET, 0, 0);
	show(NULL, "6013", AF_INET, SOCK_STREAM, AI_PASSIVE);
	show(NULL, "6013", AF_INET, SOCK_DGRAM, 0);
	show("localhost", "http", AF_INET, SOCK_STREAM, 0);
	show("localhost", "http", AF_INET, SOCK_STREAM, AI_NUMERICSERV);
	show("localhost", "no-such-service", AF_INET, SOCK_STREAM, 0);
	show("no-such-host.invalid", "80", AF_INET, SOCK_STREAM, 0);
	show("localhost", NULL, AF_INET, 0, AI_NUMERICHOST);
	show(NULL, NULL, AF_INET, 0, 0);
	show("localhost", "80", AF_INET, SOCK_RAW, 0);
	show("localhost", "80", AF_INET, 0, 0x8000);
	for (int e = -12; e <= -1; e++)
		printf("gai_strerror(%d) = %s\n", e, gai_strerror(e));

	struct hostent *h = gethostbyname("localhost");
	printf("gethostbyname(localhost): %s type %d length %d first %s\n", h->h_name, h->h_addrtype, h->h_length,
	       inet_ntoa(*(struct in_addr *)h->h_addr_list[0]));
	h = gethostbyname("127.0.0.1");
	printf("gethostbyname(127.0.0.1): %s %s second %p\n", h->h_name, inet_ntoa(*(struct in_addr *)h->h_addr),
	       (void *)h->h_addr_list[1]);
	h = gethostbyname("no-such-host.invalid");
	printf("gethostbyname(no-such-host.invalid): %p h_errno %d\n", (void *)h, h_errno);

	/* The machine's own name: it resolves, and a server listening on
	 * any address is reached through it. */
	char name[256];
	printf("gethostname: %d\n", gethostname(name, sizeof name));
	h = gethostbyname(name);
	printf("own name resolves: %s, family %d\n", h ? "yes" : "no", h ? h->h_addrtype : -1);
	int srv = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(6201);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(srv, (struct sockaddr *)&a, sizeof a) < 0 || listen(srv, 1) < 0)
		perror("server");
	int c = socket(AF_INET, SOCK_STREAM, 0);
	memcpy(&a.sin_addr, h->h_addr, 4);
	printf("connect to own name: %d\n", connect(c, (struct sockaddr *)&a, sizeof a));
	int s = accept(srv, NULL, NULL);
	write(c, "hi", 2);
	char buf[4] = {0};
	read(s, buf, sizeof buf - 1);
	printf("through own name: %s\n", buf);
	struct addrinfo hints, *res;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	printf("getaddrinfo(own name) = %d\n", getaddrinfo(name, "6201", &hints, &res));
	int c2 = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
	printf("connect through getaddrinfo: %d\n", connect(c2, res->ai_addr, res->ai_addrlen));
	freeaddrinfo(res);
	close(c2);
	close(c);
	close(s);
	close(srv);
	return 0;
}
