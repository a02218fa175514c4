#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * Spin locks: 0 free, 1 held. A thread that finds the lock held tries
 * again and again, never sleeping on a wait queue. A call into the library
 * runs as one step of the machine, so between two tries the spinner gives
 * its CPU up (sched_yield) and the holder gets to run and let go; a
 * spinner in user code would burn its whole quantum instead.
 */
#include <sched.h>

int pthread_spin_init(pthread_spinlock_t *lock, int pshared)
{
	(void)pshared;
	*lock = 0;
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *lock)
{
	(void)lock;
	return 0;
}

int pthread_spin_lock(pthread_spinlock_t *lock)
{
	while (__osplay_cas((int *)lock, 0, 1) != 0)
		sched_yield();
	return 0;
}

int pthread_spin_trylock(pthread_spinlock_t *lock)
{
	return __osplay_cas((int *)lock, 0, 1) == 0 ? 0 : EBUSY;
}

int pthread_spin_unlock(pthread_spinlock_t *lock)
{
	*lock = 0;
	return 0;
}
