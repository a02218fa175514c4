#ifndef _PTHREAD_H
#define _PTHREAD_H

/*
 * POSIX threads. A thread is the simulated kernel's: pthread_t is its tid,
 * the main thread's being the pid. The types are as large as glibc's on
 * x86-64, so that sizeof agrees.
 */

#include <bits/types/pthread_t.h>
#include <bits/types/size_t.h>
#include <limits.h>
#include <bits/types/struct_timespec.h>
#include <sched.h>
#include <time.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

/*
 * A thread's attributes, as glibc reports them: the stack and guard sizes
 * are kept and read back (the simulated thread's stack is the kernel's own
 * size whatever they say); the scope is the system's, as on Linux, and the
 * scheduling policy and priority are recorded for the program to read.
 */
typedef struct {
	int __detachstate;
	int __scope;
	int __policy;
	int __inheritsched;
	long __stacksize;
	long __guardsize;
	int __priority;
	int __pad;
	long __reserved[2];
} pthread_attr_t;

/*
 * A mutex is a word the threads take with an atomic compare-and-swap: 0
 * when free, else the owner's tid, with the high bit set while threads
 * sleep on it in the kernel (<osplay.h>: __osplay_futex_wait). A
 * recursive mutex counts its owner's locks.
 */
typedef struct {
	int __lock;
	int __kind;
	int __count;
	int __pad;
	long __reserved[3];
} pthread_mutex_t;

typedef struct {
	int __kind;
} pthread_mutexattr_t;

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL

#define PTHREAD_MUTEX_INITIALIZER { 0, 0, 0, 0, { 0, 0, 0 } }

/*
 * A condition variable is a sequence number: a waiter sleeps while it
 * holds the value it read before releasing the mutex, and signal and
 * broadcast change it before waking one or every sleeper.
 */
typedef struct {
	int __seq;
	int __pad;
	long __reserved[5];
} pthread_cond_t;

typedef struct {
	int __clock;
} pthread_condattr_t;

#define PTHREAD_COND_INITIALIZER { 0, 0, { 0, 0, 0, 0, 0 } }

/*
 * A read-write lock's word counts its readers, or holds its writer's tid
 * with a writer bit; the high bit is set while threads sleep on it.
 * Readers are preferred, as glibc's default.
 */
typedef struct {
	int __word;
	int __pad;
	long __reserved[6];
} pthread_rwlock_t;

typedef struct {
	int __pref;
	int __pad;
} pthread_rwlockattr_t;

#define PTHREAD_RWLOCK_INITIALIZER { 0, 0, { 0, 0, 0, 0, 0, 0 } }

/* A barrier lets count threads through together, generation by generation. */
typedef struct {
	int __count;
	int __arrived;
	int __generation;
	int __pad;
	long __reserved[2];
} pthread_barrier_t;

typedef struct {
	int __pshared;
} pthread_barrierattr_t;

#define PTHREAD_BARRIER_SERIAL_THREAD (-1)

/* A spin lock is a word a thread sets with compare-and-swap, trying again
   and again while it is held: it never sleeps. */
typedef volatile int pthread_spinlock_t;

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1

/* pthread_once: 0 not yet, 1 running, 2 done. */
typedef int pthread_once_t;
#define PTHREAD_ONCE_INIT 0

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_SCOPE_SYSTEM 0
#define PTHREAD_SCOPE_PROCESS 1
#define PTHREAD_INHERIT_SCHED 0
#define PTHREAD_EXPLICIT_SCHED 1

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **value);
void pthread_exit(void *value);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_detach(pthread_t thread);
int pthread_once(pthread_once_t *once, void (*init)(void));

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size);
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size);
int pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *size);
int pthread_attr_setscope(pthread_attr_t *attr, int scope);
int pthread_attr_getscope(const pthread_attr_t *attr, int *scope);
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy);
int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy);
int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit);
int pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inherit);
int pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *param);
int pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *param);

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_timedlock(pthread_mutex_t *mutex, const struct timespec *abstime);
int pthread_mutex_unlock(pthread_mutex_t *mutex);

int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared);

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared);
int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock);
int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock);
int pthread_cond_destroy(pthread_cond_t *cond);
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex);
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex,
                           const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *cond);
int pthread_cond_broadcast(pthread_cond_t *cond);

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr);
int pthread_rwlock_destroy(pthread_rwlock_t *rw);
int pthread_rwlock_rdlock(pthread_rwlock_t *rw);
int pthread_rwlock_wrlock(pthread_rwlock_t *rw);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw);
int pthread_rwlock_trywrlock(pthread_rwlock_t *rw);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *rw, const struct timespec *abstime);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *rw, const struct timespec *abstime);
int pthread_rwlock_unlock(pthread_rwlock_t *rw);

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr, unsigned count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);

int pthread_spin_init(pthread_spinlock_t *lock, int pshared);
int pthread_spin_destroy(pthread_spinlock_t *lock);
int pthread_spin_lock(pthread_spinlock_t *lock);
int pthread_spin_trylock(pthread_spinlock_t *lock);
int pthread_spin_unlock(pthread_spinlock_t *lock);

#endif
