#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * POSIX threads on the simulated kernel's threads (<osplay.h>). The
 * functions return an error number, as POSIX says, and leave errno alone
 * when they succeed.
 */

/* A new thread begins here, on its own stack: it runs fn(arg), and what
   fn returns is its exit value, as if it had called pthread_exit. */
static void start_thread(void *(*fn)(void *), void *arg)
{
	pthread_exit(fn(arg));
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start)(void *), void *arg)
{
	(void)attr;
	if (__osplay_clone(start_thread, start, arg, thread) < 0)
		return errno;
	return 0;
}

int pthread_join(pthread_t thread, void **value)
{
	if (__osplay_thread_join((int)thread, value) < 0)
		return errno;
	return 0;
}

void pthread_exit(void *value)
{
	__osplay_thread_exit(value);
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int pthread_attr_init(pthread_attr_t *attr)
{
	attr->__detachstate = PTHREAD_CREATE_JOINABLE;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

/*
 * Mutexes. The lock word is 0 when the mutex is free and its owner's tid
 * when it is held, with WAITERS set once a thread sleeps on it. Taking a
 * free mutex and releasing one nobody waits for are a compare-and-swap
 * each, without a system call; a thread that finds it held marks the word
 * and sleeps in the kernel until the owner, seeing the mark, wakes one
 * sleeper as it unlocks.
 */
#define WAITERS (-0x7fffffff - 1)
#define TID_MASK 0x3fffffff

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
	(void)attr;
	mutex->__lock = 0;
	mutex->__kind = 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
	return mutex->__lock != 0 ? EBUSY : 0;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
	int self = (int)pthread_self();
	int v = __osplay_cas(&mutex->__lock, 0, self);
	while (v != 0) {
		if (!(v & WAITERS)) {
			int seen = __osplay_cas(&mutex->__lock, v, v | WAITERS);
			if (seen != v) {
				v = seen; /* released or taken meanwhile: look again */
				continue;
			}
			v |= WAITERS;
		}
		__osplay_futex_wait(&mutex->__lock, v, __OSPLAY_FUTEX_MUTEX);
		/* Woken, or the word changed before the sleep. Take it if it is
		   free, keeping the mark: other threads may still sleep on it. */
		v = __osplay_cas(&mutex->__lock, 0, self | WAITERS);
	}
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
	return __osplay_cas(&mutex->__lock, 0, (int)pthread_self()) == 0 ? 0 : EBUSY;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
	int self = (int)pthread_self();
	int v = __osplay_cas(&mutex->__lock, self, 0);
	if (v == self)
		return 0; /* nobody waits */
	if ((v & TID_MASK) != self)
		return EPERM;
	__osplay_cas(&mutex->__lock, v, 0);
	__osplay_futex_wake(&mutex->__lock, 1);
	return 0;
}
