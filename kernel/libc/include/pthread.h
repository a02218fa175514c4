#ifndef _PTHREAD_H
#define _PTHREAD_H

/*
 * POSIX threads. A thread is the simulated kernel's: pthread_t is its tid,
 * the main thread's being the pid. The types are as large as glibc's on
 * x86-64, so that sizeof agrees.
 */

#include <bits/types/pthread_t.h>
#include <sched.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

typedef struct {
	int __detachstate;
	int __pad;
	long __reserved[6];
} pthread_attr_t;

/*
 * A mutex is a word the threads take with an atomic compare-and-swap: 0
 * when free, else the owner's tid, with the high bit set while threads
 * sleep on it in the kernel (<osplay.h>: __osplay_futex_wait).
 */
typedef struct {
	int __lock;
	int __kind;
	long __reserved[4];
} pthread_mutex_t;

typedef struct {
	int __kind;
} pthread_mutexattr_t;

#define PTHREAD_MUTEX_INITIALIZER { 0, 0, { 0, 0, 0, 0 } }

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **value);
void pthread_exit(void *value);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);

#endif
