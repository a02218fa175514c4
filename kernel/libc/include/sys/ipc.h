#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>

/*
 * System V IPC: the key and permissions every shared memory segment and
 * message queue has. Keys name objects machine-wide; IPC_PRIVATE makes a
 * new object that only its id (and fork) can reach.
 */
#define IPC_PRIVATE ((key_t)0)

#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000

#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3

/* glibc's layout on x86-64: 48 bytes. */
struct ipc_perm {
	key_t __key;
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	mode_t mode;
	unsigned short __seq;
	unsigned short __pad2;
	unsigned long __glibc_reserved1;
	unsigned long __glibc_reserved2;
};

/* A key from a file's inode and device and the low 8 bits of proj_id. */
key_t ftok(const char *pathname, int proj_id);

#endif
