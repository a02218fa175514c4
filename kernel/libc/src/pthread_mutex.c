#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * Mutexes. The lock word is 0 when the mutex is free and its owner's tid
 * when it is held, with WAITERS set once a thread sleeps on it. Taking a
 * free mutex and releasing one nobody waits for are a compare-and-swap
 * each, without a system call; a thread that finds it held marks the word
 * and sleeps in the kernel until the owner, seeing the mark, wakes one
 * sleeper as it unlocks.
 *
 * An error-checking mutex refuses a second lock by its owner (EDEADLK) and
 * an unlock by another thread (EPERM); a recursive one counts its owner's
 * locks. A normal mutex locked twice by its owner waits for itself for
 * ever, as on Linux: the kernel reports the deadlock.
 */
#define WAITERS (-0x7fffffff - 1)
#define TID_MASK 0x3fffffff

/* A mutex attribute's word holds the type and, in bit 7, whether it is
   shared between processes (as glibc packs them). Every mutex may be
   shared: a lock word in shared memory is one futex for all the processes
   that map it. */
#define PSHARED 0x80

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->__kind = (attr->__kind & ~PSHARED) | (pshared ? PSHARED : 0);
	return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
	*pshared = attr->__kind & PSHARED ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__kind = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	attr->__kind = type | (attr->__kind & PSHARED);
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->__kind & ~PSHARED;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
	mutex->__lock = 0;
	mutex->__kind = attr ? attr->__kind & ~PSHARED : PTHREAD_MUTEX_DEFAULT;
	mutex->__count = 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
	return mutex->__lock != 0 ? EBUSY : 0;
}

/* Takes the lock word for self, sleeping while another thread holds it,
   until abstime (NULL: for ever). Returns 0 or ETIMEDOUT; errno is kept. */
static int take(pthread_mutex_t *mutex, int self, const struct timespec *abstime)
{
	int v = __osplay_cas(&mutex->__lock, 0, self);
	int saved, r = 0;
	if (v == 0)
		return 0;
	saved = errno;
	while (v != 0) {
		if (!(v & WAITERS)) {
			int seen = __osplay_cas(&mutex->__lock, v, v | WAITERS);
			if (seen == 0)
				/* Released meanwhile: try to take it. (Leaving the
				   loop with v == 0 would return without the lock.) */
				seen = __osplay_cas(&mutex->__lock, 0, self);
			if (seen != v) {
				v = seen; /* taken meanwhile, or now ours (0): look again */
				continue;
			}
			v |= WAITERS;
		}
		if (!abstime)
			__osplay_futex_wait(&mutex->__lock, v, __OSPLAY_FUTEX_MUTEX);
		else if (__osplay_futex_timedwait(&mutex->__lock, v, __OSPLAY_FUTEX_MUTEX, abstime) < 0 &&
			 errno == ETIMEDOUT) {
			r = ETIMEDOUT;
			break;
		}
		/* Woken, or the word changed before the sleep. Take it if it is
		   free, keeping the mark: other threads may still sleep on it. */
		v = __osplay_cas(&mutex->__lock, 0, self | WAITERS);
	}
	errno = saved;
	return r;
}

static int lock(pthread_mutex_t *mutex, const struct timespec *abstime)
{
	int self = (int)pthread_self();
	int r;
	if (mutex->__kind != PTHREAD_MUTEX_NORMAL && (mutex->__lock & TID_MASK) == self) {
		if (mutex->__kind == PTHREAD_MUTEX_ERRORCHECK)
			return EDEADLK;
		mutex->__count++;
		return 0;
	}
	r = take(mutex, self, abstime);
	if (r == 0)
		mutex->__count = 1;
	return r;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
	return lock(mutex, NULL);
}

int pthread_mutex_timedlock(pthread_mutex_t *mutex, const struct timespec *abstime)
{
	return lock(mutex, abstime);
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
	int self = (int)pthread_self();
	int v = __osplay_cas(&mutex->__lock, 0, self);
	if (v == 0) {
		mutex->__count = 1;
		return 0;
	}
	if (mutex->__kind == PTHREAD_MUTEX_RECURSIVE && (v & TID_MASK) == self) {
		mutex->__count++;
		return 0;
	}
	return EBUSY;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
	int self = (int)pthread_self();
	int v;
	if (mutex->__kind != PTHREAD_MUTEX_NORMAL) {
		if ((mutex->__lock & TID_MASK) != self)
			return EPERM;
		if (mutex->__kind == PTHREAD_MUTEX_RECURSIVE && --mutex->__count > 0)
			return 0;
	}
	v = __osplay_cas(&mutex->__lock, self, 0);
	if (v == self)
		return 0; /* nobody waits */
	if ((v & TID_MASK) != self)
		return EPERM;
	__osplay_cas(&mutex->__lock, v, 0);
	__osplay_futex_wake(&mutex->__lock, 1);
	return 0;
}
