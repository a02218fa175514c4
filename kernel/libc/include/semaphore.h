#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

/*
 * POSIX semaphores. An unnamed semaphore (sem_init) is a counter in the
 * process's memory that threads take with compare-and-swap, sleeping in
 * the kernel on a futex while it is 0. A named one (sem_open) lives in the
 * kernel under its name, shared by every process that opens it; its sem_t
 * holds the kernel's id for it. As large as glibc's on x86-64.
 */

#include <bits/types/struct_timespec.h>
#include <fcntl.h>

typedef struct {
	int __value;
	int __waiters;
	int __named;
	int __id;
	long __reserved[2];
} sem_t;

#define SEM_FAILED ((sem_t *)0)
#define SEM_VALUE_MAX 2147483647

int sem_init(sem_t *sem, int pshared, unsigned value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
