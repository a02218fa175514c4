#ifndef _OSPLAY_H
#define _OSPLAY_H

/*
 * System calls of the simulated machine that Linux has no equivalent for
 * (Linux programs read /proc instead).
 */

/* One process in a snapshot of the process table. */
struct __osplay_proc {
	int pid;
	int ppid;
	int state;       /* as ps shows it: 'R', 'S', 'D', 'T' or 'Z' */
	int pad;
	long ticks;      /* CPU time used, in ticks */
	char name[64];   /* the program's name */
};

/* A tick is one microsecond of simulated time. */
#define __OSPLAY_TICKS_PER_SEC 1000000L

/* Fills buf with up to max processes; returns how many processes there are. */
int __osplay_procs(struct __osplay_proc *buf, int max);

/* A System V IPC object as ipcs lists it. */
struct __osplay_ipc {
	int key;
	int id;
	unsigned mode;        /* permission bits, and SHM_DEST once removed */
	unsigned uid;
	unsigned long bytes;  /* a segment's size, or the bytes queued */
	unsigned long count;  /* a segment's attachments, the messages queued, or a set's semaphores */
};

/* Fills *out with System V object number index of a kind (0 shared memory,
 * 1 message queues, 2 semaphore sets); returns 1, or 0 past the last. */
int __osplay_ipc_list(int kind, int index, struct __osplay_ipc *out);

/* semctl with its union semun's bits (the value, or the pointer). */
int __osplay_semctl(int semid, int semnum, int cmd, unsigned long arg);

/* sigqueue with its union sigval's bits. */
int __osplay_sigqueue(int pid, int sig, unsigned long value);

/* The calling thread's errno, for __errno_location on an alternate signal
 * stack, where the stack pointer cannot say (no system call). */
int *__osplay_errno_addr(void);

/* Waits ticks ticks for an I/O on the named device ("disk"); returns 0. */
int __osplay_io(const char *device, long ticks);

/*
 * Threads; <pthread.h> is built on these.
 *
 * __osplay_clone starts a thread in the caller's process, which calls
 * start(fn, arg) on a stack of its own; it returns the new thread's tid,
 * and stores it in *tid (unless tid is NULL) before the thread can run.
 * __osplay_thread_exit ends the calling thread with a value for
 * __osplay_thread_join, which waits for thread tid to end and stores its
 * value in *value (unless value is NULL).
 */
int __osplay_clone(void (*start)(void *(*)(void *), void *), void *(*fn)(void *), void *arg,
                   unsigned long *tid);
void __osplay_thread_exit(void *value);
int __osplay_thread_join(int tid, void **value);

/*
 * Atomic compare-and-swap: if *word == expected, *word becomes desired.
 * Returns what *word held. No other thread runs between the look and the
 * store, on any CPU.
 */
int __osplay_cas(int *word, int expected, int desired);

/*
 * Futexes. __osplay_futex_wait sleeps while *word == val (returns 0 once
 * woken, -1 with EAGAIN at once if *word != val); __osplay_futex_wake
 * wakes up to n sleepers, the longest waiting first, and returns how many.
 * kind says what the word is, for the views: a mutex's word holds its
 * owner's tid.
 */
#define __OSPLAY_FUTEX_PLAIN 0
#define __OSPLAY_FUTEX_MUTEX 1
#define __OSPLAY_FUTEX_SEMAPHORE 2
#define __OSPLAY_FUTEX_CONDVAR 3
#define __OSPLAY_FUTEX_RWLOCK 4
#define __OSPLAY_FUTEX_BARRIER 5
#define __OSPLAY_FUTEX_ONCE 6
int __osplay_futex_wait(int *word, int val, int kind);
int __osplay_futex_wake(int *word, int n);

/* __osplay_futex_wait until the CLOCK_REALTIME time *abstime (forever if
   NULL): -1 with ETIMEDOUT once it has passed. */
struct timespec;
int __osplay_futex_timedwait(int *word, int val, int kind, const struct timespec *abstime);

/*
 * The stacks, as the kernel lays them out: the main thread's is the top
 * __OSPLAY_STACK_SIZE bytes below __OSPLAY_STACK_TOP; below it, slot after
 * slot, each further thread's, __OSPLAY_STACK_SIZE bytes with a guard page
 * of __OSPLAY_GUARD bytes below each. The top __OSPLAY_ERRNO_SLOT bytes
 * of a thread's slot hold its errno (<errno.h>).
 */
#define __OSPLAY_STACK_TOP 0x7ffffffff000UL
#define __OSPLAY_STACK_SIZE (8UL << 20)
#define __OSPLAY_GUARD 4096UL
#define __OSPLAY_ERRNO_SLOT 16UL

/*
 * One indivisible read-modify-write of the size-byte word at p (1, 2, 4
 * or 8 bytes): what gcc's __sync and __atomic builtins compile to. The
 * operations are numbered in the kernel (atomic.go); the compiler's
 * predefined macros are the only callers.
 */
long __osplay_atomic(int op, volatile void *p, unsigned long size, long a, long b);

/* pthread_detach: thread tid's TCB and stack go as it exits. */
int __osplay_thread_detach(int tid);

/*
 * Named semaphores live in the kernel: __osplay_sem_open returns the id of
 * the one called name (sem_open's oflag and value), __osplay_sem_op acts
 * on it (abstime: a deadline for a wait, or NULL).
 */
#define __OSPLAY_SEM_WAIT 0
#define __OSPLAY_SEM_TRYWAIT 1
#define __OSPLAY_SEM_POST 2
#define __OSPLAY_SEM_GETVALUE 3
#define __OSPLAY_SEM_CLOSE 4
int __osplay_sem_open(const char *name, int oflag, unsigned value);
int __osplay_sem_op(int id, int op, const struct timespec *abstime);

#endif
