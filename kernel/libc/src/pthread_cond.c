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

/* A condition variable's attribute word holds its clock and, in bit 7,
   whether it is shared between processes. Timed waits measure on
   CLOCK_REALTIME whatever the clock (the machine has one time). */
#define PSHARED 0x80

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->__clock = (attr->__clock & ~PSHARED) | (pshared ? PSHARED : 0);
	return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{
	*pshared = attr->__clock & PSHARED ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->__clock = (attr->__clock & PSHARED) | (int)clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
	*clock = attr->__clock & ~PSHARED;
	return 0;
}

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
