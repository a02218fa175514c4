/*
 * send, recv and the byte-order functions. send and recv are sendto and
 * recvfrom without an address, as glibc makes them on x86-64 (strace
 * shows sendto and recvfrom).
 */
#include <sys/socket.h>
#include <netinet/in.h>

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return sendto(fd, buf, n, flags, 0, 0);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return recvfrom(fd, buf, n, flags, 0, 0);
}

uint16_t htons(uint16_t x)
{
	return (uint16_t)((x << 8) | (x >> 8));
}

uint16_t ntohs(uint16_t x)
{
	return htons(x);
}

uint32_t htonl(uint32_t x)
{
	return (x << 24) | ((x << 8) & 0xff0000u) | ((x >> 8) & 0xff00u) | (x >> 24);
}

uint32_t ntohl(uint32_t x)
{
	return htonl(x);
}
