/*
 * Names of the machine's network, as glibc resolves them from
 * /etc/hosts: "localhost" is 127.0.0.1, the machine's own name
 * (gethostname) is 127.0.1.1, and an address in numbers is itself. No
 * other name is known: nothing leaves the machine.
 */
#include <netdb.h>
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int h_errno;

/* resolve finds the IPv4 address of name; its official name in canon. */
static int resolve(const char *name, struct in_addr *addr, char *canon, size_t n)
{
	char host[256];
	if (inet_aton(name, addr)) {
		snprintf(canon, n, "%s", name);
		return 1;
	}
	if (strcmp(name, "localhost") == 0 || strcmp(name, "localhost.localdomain") == 0) {
		addr->s_addr = htonl(INADDR_LOOPBACK);
		snprintf(canon, n, "localhost");
		return 1;
	}
	if (gethostname(host, sizeof host) == 0 && strcmp(name, host) == 0) {
		addr->s_addr = htonl(0x7f000101);
		snprintf(canon, n, "%s", host);
		return 1;
	}
	return 0;
}

struct hostent *gethostbyname(const char *name)
{
	static struct hostent h;
	static char canon[256];
	static struct in_addr addr;
	static char *addrs[2];
	static char *aliases[1];
	if (!name || !resolve(name, &addr, canon, sizeof canon)) {
		h_errno = HOST_NOT_FOUND;
		return 0;
	}
	addrs[0] = (char *)&addr;
	addrs[1] = 0;
	aliases[0] = 0;
	h.h_name = canon;
	h.h_aliases = aliases;
	h.h_addrtype = AF_INET;
	h.h_length = 4;
	h.h_addr_list = addrs;
	return &h;
}

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type)
{
	static char name[256];
	const unsigned char *b = addr;
	if (type != AF_INET || len < 4) {
		h_errno = HOST_NOT_FOUND;
		return 0;
	}
	if (b[0] == 127 && b[1] == 0 && b[2] == 0 && b[3] == 1)
		snprintf(name, sizeof name, "localhost");
	else if (b[0] == 127 && b[1] == 0 && b[2] == 1 && b[3] == 1)
		gethostname(name, sizeof name);
	else {
		h_errno = HOST_NOT_FOUND;
		return 0;
	}
	return gethostbyname(name);
}

const char *hstrerror(int err)
{
	switch (err) {
	case 0:
		return "Resolver Error 0 (no error)";
	case HOST_NOT_FOUND:
		return "Unknown host";
	case TRY_AGAIN:
		return "Host name lookup failure";
	case NO_RECOVERY:
		return "Unknown server error";
	case NO_DATA:
		return "No address associated with name";
	}
	return "Unknown resolver error";
}

void herror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: ", s);
	fprintf(stderr, "%s\n", hstrerror(h_errno));
}

const char *gai_strerror(int err)
{
	switch (err) {
	case EAI_BADFLAGS:
		return "Bad value for ai_flags";
	case EAI_NONAME:
		return "Name or service not known";
	case EAI_AGAIN:
		return "Temporary failure in name resolution";
	case EAI_FAIL:
		return "Non-recoverable failure in name resolution";
	case EAI_NODATA:
		return "No address associated with hostname";
	case EAI_FAMILY:
		return "ai_family not supported";
	case EAI_SOCKTYPE:
		return "ai_socktype not supported";
	case EAI_SERVICE:
		return "Servname not supported for ai_socktype";
	case EAI_ADDRFAMILY:
		return "Address family for hostname not supported";
	case EAI_MEMORY:
		return "Memory allocation failure";
	case EAI_SYSTEM:
		return "System error";
	}
	return "Unknown error";
}

/* The services a course names, as /etc/services has them. */
static const struct {
	const char *name;
	int port;
} services[] = {
	{"echo", 7}, {"discard", 9}, {"daytime", 13}, {"ftp", 21}, {"ssh", 22}, {"telnet", 23},
	{"smtp", 25}, {"time", 37}, {"domain", 53}, {"http", 80}, {"https", 443},
};

/* port reads a service: its number, or its name. -1 when unknown. */
static int port(const char *service, int numeric_only)
{
	char *end;
	long v = strtol(service, &end, 10);
	if (*service && *end == '\0') {
		if (v < 0 || v > 65535)
			return -1;
		return (int)v;
	}
	if (numeric_only)
		return -2;
	for (unsigned i = 0; i < sizeof services / sizeof services[0]; i++)
		if (strcmp(service, services[i].name) == 0)
			return services[i].port;
	return -1;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res)
{
	int flags = 0, family = AF_UNSPEC, socktype = 0, protocol = 0;
	if (hints) {
		flags = hints->ai_flags;
		family = hints->ai_family;
		socktype = hints->ai_socktype;
		protocol = hints->ai_protocol;
	}
	if (flags & ~(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV))
		return EAI_BADFLAGS;
	if ((flags & AI_CANONNAME) && !node)
		return EAI_BADFLAGS;
	if (!node && !service)
		return EAI_NONAME;
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return EAI_FAMILY;
	if (socktype != 0 && socktype != SOCK_STREAM && socktype != SOCK_DGRAM && socktype != SOCK_RAW)
		return EAI_SOCKTYPE;
	int p = 0, named = 0;
	if (service) {
		p = port(service, flags & AI_NUMERICSERV);
		if (p == -2)
			return EAI_NONAME;
		if (p < 0)
			return EAI_SERVICE;
		named = !(*service >= '0' && *service <= '9');
		if (socktype == SOCK_RAW)
			return EAI_SERVICE;
	}
	struct in_addr addr;
	char canon[256] = "";
	if (node) {
		if (!inet_aton(node, &addr) && (flags & AI_NUMERICHOST))
			return EAI_NONAME;
		if (!resolve(node, &addr, canon, sizeof canon))
			return EAI_NONAME;
	} else {
		addr.s_addr = htonl((flags & AI_PASSIVE) ? INADDR_ANY : INADDR_LOOPBACK);
	}
	if (family == AF_INET6)
		return EAI_FAMILY; /* the machine's network has no IPv6 */
	/* As glibc: without a socket type, one answer per type (raw only without a service name). */
	static const int types[3][2] = {{SOCK_STREAM, IPPROTO_TCP}, {SOCK_DGRAM, IPPROTO_UDP}, {SOCK_RAW, 0}};
	struct addrinfo *head = 0, **tail = &head;
	for (int i = 0; i < 3; i++) {
		if (socktype != 0 && types[i][0] != socktype)
			continue;
		if (socktype == 0 && types[i][0] == SOCK_RAW && named)
			continue;
		if (protocol != 0 && types[i][0] != SOCK_RAW && protocol != types[i][1])
			continue;
		struct addrinfo *ai = calloc(1, sizeof *ai + sizeof(struct sockaddr_in));
		if (!ai) {
			freeaddrinfo(head);
			return EAI_MEMORY;
		}
		struct sockaddr_in *sin = (struct sockaddr_in *)(ai + 1);
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)p);
		sin->sin_addr = addr;
		ai->ai_family = AF_INET;
		ai->ai_socktype = types[i][0];
		ai->ai_protocol = types[i][0] == SOCK_RAW ? protocol : types[i][1];
		ai->ai_addrlen = sizeof *sin;
		ai->ai_addr = (struct sockaddr *)sin;
		ai->ai_flags = flags;
		if (!head && (flags & AI_CANONNAME))
			ai->ai_canonname = strdup(canon);
		*tail = ai;
		tail = &ai->ai_next;
	}
	if (!head)
		return EAI_SOCKTYPE;
	*res = head;
	return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
	while (res) {
		struct addrinfo *next = res->ai_next;
		free(res->ai_canonname);
		free(res);
		res = next;
	}
}

int getnameinfo(const struct sockaddr *addr, socklen_t addrlen, char *host, socklen_t hostlen,
		char *serv, socklen_t servlen, int flags)
{
	if (!addr || addr->sa_family != AF_INET || addrlen < sizeof(struct sockaddr_in))
		return EAI_FAMILY;
	const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;
	if (host && hostlen) {
		const unsigned char *b = (const unsigned char *)&sin->sin_addr;
		char name[256];
		if (!(flags & NI_NUMERICHOST) && b[0] == 127 && b[1] == 0 && b[2] == 0 && b[3] == 1)
			snprintf(name, sizeof name, "localhost");
		else if (!(flags & NI_NUMERICHOST) && b[0] == 127 && b[1] == 0 && b[2] == 1 && b[3] == 1)
			gethostname(name, sizeof name);
		else if (flags & NI_NAMEREQD)
			return EAI_NONAME;
		else
			inet_ntop(AF_INET, &sin->sin_addr, name, sizeof name);
		if (strlen(name) >= hostlen)
			return EAI_OVERFLOW;
		strcpy(host, name);
	}
	if (serv && servlen) {
		int p = ntohs(sin->sin_port);
		const char *name = 0;
		if (!(flags & NI_NUMERICSERV))
			for (unsigned i = 0; i < sizeof services / sizeof services[0]; i++)
				if (services[i].port == p)
					name = services[i].name;
		char buf[NI_MAXSERV];
		if (name)
			snprintf(buf, sizeof buf, "%s", name);
		else
			snprintf(buf, sizeof buf, "%d", p);
		if (strlen(buf) >= servlen)
			return EAI_OVERFLOW;
		strcpy(serv, buf);
	}
	return 0;
}
