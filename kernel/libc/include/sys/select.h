#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <bits/types/time_t.h>
#include <bits/types/suseconds_t.h>
#include <bits/types/struct_timeval.h>
#include <bits/types/struct_timespec.h>

/* glibc's fd_set: 1024 bits in longs. */
#define FD_SETSIZE 1024
typedef long __fd_mask;
#define __NFDBITS (8 * (int)sizeof(__fd_mask))
typedef struct {
	__fd_mask fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;
typedef __fd_mask fd_mask;
#define NFDBITS __NFDBITS

#define FD_ZERO(set) \
	do { \
		for (unsigned int __i = 0; __i < sizeof(fd_set) / sizeof(__fd_mask); ++__i) \
			(set)->fds_bits[__i] = 0; \
	} while (0)
#define FD_SET(fd, set) ((void)((set)->fds_bits[(fd) / __NFDBITS] |= (__fd_mask)(1UL << ((fd) % __NFDBITS))))
#define FD_CLR(fd, set) ((void)((set)->fds_bits[(fd) / __NFDBITS] &= ~(__fd_mask)(1UL << ((fd) % __NFDBITS))))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / __NFDBITS] & (__fd_mask)(1UL << ((fd) % __NFDBITS))) != 0)

/* System call: the timeout is left holding the time not waited, as on Linux. */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);

#endif
