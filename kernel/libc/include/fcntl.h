#ifndef _FCNTL_H
#define _FCNTL_H

#include <bits/types/mode_t.h>
#include <bits/types/off_t.h>
#include <bits/types/pid_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

/* open() flags, Linux's octal values. */
#define O_ACCMODE 03
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 0070
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IXGRP 0010
#define S_IRWXO 0007
#define S_IROTH 0004
#define S_IWOTH 0002
#define S_IXOTH 0001

/* fcntl() commands and the descriptor flag. */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

/* System call; the third argument, the mode, is read only with O_CREAT. */
int open(const char *path, int flags, ...);

int creat(const char *path, mode_t mode);

/* System call; the third argument, an int, is read by the commands that take one. */
int fcntl(int fd, int cmd, ...);

#endif
