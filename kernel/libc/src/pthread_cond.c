#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * Condition variables. The word is a sequence number: a waiter reads it
 * while it still holds the mutex, releases the mutex and sleeps in the
 * kernel while the word holds what it read; signal and broadcast add one
 * to it before they wake one sleeper or all, so a signal between the
 * release and the sleep is never lost (the sleep finds the word changed).
 * The waiter takes the mutex again before it returns, whatever woke it.
 * As on Linux, a wait may also end without a signal: callers test their
 * condition in a loop.
 */

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
	(void)attr;
	cond->__seq = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
	(void)cond;
	return 0;
}

int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex,
                           const struct timespec *abstime)
{
	int seq = cond->__seq;
	int saved = errno, r = 0, e;
	if ((e = pthread_mutex_unlock(mutex)) != 0)
		return e;
	if (__osplay_futex_timedwait(&cond->__seq, seq, __OSPLAY_FUTEX_CONDVAR, abstime) < 0 &&
	    errno == ETIMEDOUT)
		r = ETIMEDOUT;
	errno = saved;
	pthread_mutex_lock(mutex);
	return r;
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
	return pthread_cond_timedwait(cond, mutex, NULL);
}

/* next moves the sequence number on, atomically. */
static void next(pthread_cond_t *cond)
{
	int v = cond->__seq;
	int seen;
	while ((seen = __osplay_cas(&cond->__seq, v, v + 1)) != v)
		v = seen;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
	next(cond);
	__osplay_futex_wake(&cond->__seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
	next(cond);
	__osplay_futex_wake(&cond->__seq, 0x7fffffff);
	return 0;
}
