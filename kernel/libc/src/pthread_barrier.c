#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * Barriers. Each thread that arrives counts itself in; the last of count
 * starts the next generation and wakes the others, which sleep while the
 * generation is the one they arrived in. The last one gets
 * PTHREAD_BARRIER_SERIAL_THREAD, the others 0.
 */

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr, unsigned count)
{
	(void)attr;
	if (count == 0)
		return EINVAL;
	b->__count = (int)count;
	b->__arrived = 0;
	b->__generation = 0;
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	return b->__arrived != 0 ? EBUSY : 0;
}

int pthread_barrier_wait(pthread_barrier_t *b)
{
	int gen = b->__generation;
	int a = b->__arrived, seen, saved;
	while ((seen = __osplay_cas(&b->__arrived, a, a + 1)) != a)
		a = seen;
	if (a + 1 == b->__count) {
		b->__arrived = 0;
		__osplay_cas(&b->__generation, gen, gen + 1);
		__osplay_futex_wake(&b->__generation, 0x7fffffff);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	saved = errno;
	while (b->__generation == gen)
		__osplay_futex_wait(&b->__generation, gen, __OSPLAY_FUTEX_BARRIER);
	errno = saved;
	return 0;
}
