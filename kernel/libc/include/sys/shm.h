#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <stddef.h>
#include <sys/ipc.h>

#define SHM_RDONLY 010000
#define SHM_RND 020000
#define SHM_REMAP 040000
#define SHM_EXEC 0100000

/* In shm_perm.mode: removed (IPC_RMID), gone at the last detach. */
#define SHM_DEST 01000
#define SHM_LOCKED 02000

#define SHMLBA 4096

typedef unsigned long shmatt_t;

/* glibc's layout on x86-64: 112 bytes. */
struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;
	time_t shm_atime;
	time_t shm_dtime;
	time_t shm_ctime;
	pid_t shm_cpid;
	pid_t shm_lpid;
	shmatt_t shm_nattch;
	unsigned long __glibc_reserved5;
	unsigned long __glibc_reserved6;
};

/*
 * System calls. A segment belongs to the machine: it outlives its
 * creator, and IPC_RMID destroys it at its last detach. shmat attaches
 * where the kernel chooses: shmaddr must be NULL.
 */
int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);
int shmdt(const void *shmaddr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
