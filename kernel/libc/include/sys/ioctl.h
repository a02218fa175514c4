#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

/* The requests osplay carries out, Linux's numbers: FIONBIO sets or clears
 * O_NONBLOCK from an int; FIONREAD stores the bytes ready to read in an int. */
#define FIONREAD 0x541B
#define FIONBIO 0x5421

/* System call. */
int ioctl(int fd, unsigned long request, ...);

#endif
