#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <stddef.h>
#include <sys/ipc.h>
#include <bits/types/struct_timespec.h>

/* semop's flag: undo the operation when the process exits. */
#define SEM_UNDO 0x1000

/* semctl's commands. */
#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17
#define SEM_STAT 18
#define SEM_INFO 19

/* Linux's limits. */
#define SEMMSL 32000
#define SEMOPM 500
#define SEMVMX 32767

/* glibc's layout on x86-64: 104 bytes. */
struct semid_ds {
	struct ipc_perm sem_perm;
	time_t sem_otime;
	unsigned long __glibc_reserved1;
	time_t sem_ctime;
	unsigned long __glibc_reserved2;
	unsigned long sem_nsems;
	unsigned long __glibc_reserved3;
	unsigned long __glibc_reserved4;
};

/* One operation of semop: add sem_op to semaphore sem_num (a negative
   one waits while the value is too small), or wait for it to be zero. */
struct sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;
};

/*
 * System calls. A set belongs to the machine; semop does all its
 * operations at once or sleeps until it can. As on Linux, the program
 * defines union semun itself (int val; struct semid_ds *buf; unsigned
 * short *array) for semctl's fourth argument.
 */
int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout);
int semctl(int semid, int semnum, int cmd, ...);

#endif
