/*
 * IPv4 addresses as text: inet_aton and inet_addr read glibc's forms
 * (a.b.c.d, a.b.c, a.b, a; each part decimal, octal with a leading 0 or
 * hexadecimal with 0x), inet_pton only the strict dotted decimal.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int inet_aton(const char *cp, struct in_addr *inp)
{
	unsigned long parts[4];
	int n = 0;
	const char *s = cp;
	for (;;) {
		unsigned long v = 0;
		int base = 10, digits = 0;
		if (*s == '0') {
			base = 8;
			s++;
			digits = 1;
			if (*s == 'x' || *s == 'X') {
				base = 16;
				s++;
				digits = 0;
			}
		}
		for (;;) {
			int c = (unsigned char)*s, d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (base == 16 && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (base == 16 && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			if (d >= base)
				return 0;
			v = v * base + d;
			if (v > 0xffffffffUL)
				return 0;
			digits++;
			s++;
		}
		if (digits == 0)
			return 0;
		if (n == 4)
			return 0;
		parts[n++] = v;
		if (*s != '.')
			break;
		s++;
	}
	if (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f' && *s != '\v')
		return 0;
	unsigned long addr;
	switch (n) {
	case 1:
		addr = parts[0];
		break;
	case 2:
		if (parts[0] > 0xff || parts[1] > 0xffffff)
			return 0;
		addr = parts[0] << 24 | parts[1];
		break;
	case 3:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff)
			return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2];
		break;
	default:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff)
			return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
	}
	if (inp)
		inp->s_addr = htonl((uint32_t)addr);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;
	if (!inet_aton(cp, &a))
		return INADDR_NONE;
	return a.s_addr;
}

char *inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];
	const unsigned char *b = (const unsigned char *)&in.s_addr;
	snprintf(buf, sizeof buf, "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
	return buf;
}

/* inet_pton4: four decimal parts of at most 255, no leading zeros. */
static int inet_pton4(const char *src, unsigned char *dst)
{
	unsigned char out[4];
	int octets = 0, saw = 0;
	unsigned int v = 0;
	for (const char *s = src; *s; s++) {
		char c = *s;
		if (c >= '0' && c <= '9') {
			if (saw && v == 0)
				return 0;
			v = v * 10 + (c - '0');
			if (v > 255)
				return 0;
			if (!saw) {
				if (++octets > 4)
					return 0;
				saw = 1;
			}
		} else if (c == '.' && saw) {
			if (octets == 4)
				return 0;
			out[octets - 1] = (unsigned char)v;
			v = 0;
			saw = 0;
		} else {
			return 0;
		}
	}
	if (octets < 4 || !saw)
		return 0;
	out[3] = (unsigned char)v;
	memcpy(dst, out, 4);
	return 1;
}

int inet_pton(int af, const char *src, void *dst)
{
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	return inet_pton4(src, dst);
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return 0;
	}
	char buf[INET_ADDRSTRLEN];
	const unsigned char *b = src;
	int n = snprintf(buf, sizeof buf, "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
	if ((socklen_t)n >= size) {
		errno = ENOSPC;
		return 0;
	}
	memcpy(dst, buf, n + 1);
	return dst;
}
