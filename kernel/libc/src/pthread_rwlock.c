#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * Read-write locks. The word counts the readers that hold the lock, or
 * holds WRITER and the writer's tid; WAITERS is set while threads sleep on
 * it. Readers are let in whenever no writer holds the lock (glibc's
 * default prefers readers). Whoever releases the lock last, seeing
 * WAITERS, wakes every sleeper, and each tries again.
 */
#define WAITERS (-0x7fffffff - 1)
#define WRITER 0x40000000
#define TID_MASK 0x3fffffff

int pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr)
{
	(void)attr;
	rw->__word = 0;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return (rw->__word & ~WAITERS) != 0 ? EBUSY : 0;
}

/* sleep marks the word v as waited for and sleeps while it holds that.
   Returns ETIMEDOUT once abstime has passed, else 0: look again. */
static int sleep_on(pthread_rwlock_t *rw, int v, const struct timespec *abstime)
{
	int saved = errno, r = 0;
	if (!(v & WAITERS)) {
		if (__osplay_cas(&rw->__word, v, v | WAITERS) != v)
			return 0;
		v |= WAITERS;
	}
	if (__osplay_futex_timedwait(&rw->__word, v, __OSPLAY_FUTEX_RWLOCK, abstime) < 0 &&
	    errno == ETIMEDOUT)
		r = ETIMEDOUT;
	errno = saved;
	return r;
}

static int rdlock(pthread_rwlock_t *rw, const struct timespec *abstime, int try)
{
	for (;;) {
		int v = rw->__word;
		if (!(v & WRITER)) {
			if (__osplay_cas(&rw->__word, v, v + 1) == v)
				return 0;
			continue;
		}
		if (try)
			return EBUSY;
		if ((v & TID_MASK) == (int)pthread_self())
			return EDEADLK;
		if (sleep_on(rw, v, abstime) == ETIMEDOUT)
			return ETIMEDOUT;
	}
}

static int wrlock(pthread_rwlock_t *rw, const struct timespec *abstime, int try)
{
	int self = (int)pthread_self();
	for (;;) {
		int v = rw->__word;
		if ((v & ~WAITERS) == 0) {
			if (__osplay_cas(&rw->__word, v, v | WRITER | self) == v)
				return 0;
			continue;
		}
		if (try)
			return EBUSY;
		if ((v & WRITER) && (v & TID_MASK) == self)
			return EDEADLK;
		if (sleep_on(rw, v, abstime) == ETIMEDOUT)
			return ETIMEDOUT;
	}
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rw) { return rdlock(rw, NULL, 0); }
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw) { return rdlock(rw, NULL, 1); }
int pthread_rwlock_wrlock(pthread_rwlock_t *rw) { return wrlock(rw, NULL, 0); }
int pthread_rwlock_trywrlock(pthread_rwlock_t *rw) { return wrlock(rw, NULL, 1); }

int pthread_rwlock_timedrdlock(pthread_rwlock_t *rw, const struct timespec *abstime)
{
	return rdlock(rw, abstime, 0);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *rw, const struct timespec *abstime)
{
	return wrlock(rw, abstime, 0);
}

int pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	for (;;) {
		int v = rw->__word;
		int held = v & ~WAITERS;
		int next;
		if (held == 0)
			return EPERM;
		if (held & WRITER) {
			if ((held & TID_MASK) != (int)pthread_self())
				return EPERM;
			next = 0;
		} else if (held > 1) {
			next = v - 1; /* other readers still hold it: keep the mark */
		} else {
			next = 0;
		}
		if (__osplay_cas(&rw->__word, v, next) != v)
			continue;
		if ((v & WAITERS) && next == 0)
			__osplay_futex_wake(&rw->__word, 0x7fffffff);
		return 0;
	}
}
