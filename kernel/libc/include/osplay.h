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
int __osplay_futex_wait(int *word, int val, int kind);
int __osplay_futex_wake(int *word, int n);

#endif
