#include <pthread.h>
#include <errno.h>
#include <osplay.h>

/*
 * POSIX threads on the simulated kernel's threads (<osplay.h>). The
 * functions return an error number, as POSIX says, and leave errno alone
 * when they succeed. The locks are in pthread_mutex.c, pthread_cond.c,
 * pthread_rwlock.c, pthread_barrier.c and pthread_spin.c.
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
	pthread_t tid;
	int saved = errno;
	if (__osplay_clone(start_thread, start, arg, &tid) < 0) {
		int e = errno;
		errno = saved;
		return e;
	}
	if (thread)
		*thread = tid;
	if (attr && attr->__detachstate == PTHREAD_CREATE_DETACHED)
		__osplay_thread_detach((int)tid);
	return 0;
}

int pthread_join(pthread_t thread, void **value)
{
	int saved = errno;
	if (__osplay_thread_join((int)thread, value) < 0) {
		int e = errno;
		errno = saved;
		return e;
	}
	return 0;
}

int pthread_detach(pthread_t thread)
{
	int saved = errno;
	if (__osplay_thread_detach((int)thread) < 0) {
		int e = errno;
		errno = saved;
		return e;
	}
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

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->__detachstate = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->__detachstate;
	return 0;
}

/*
 * pthread_once: the first caller moves the word from 0 to 1, runs init and
 * sets it to 2; a caller that finds 1 sleeps until init has run.
 */
int pthread_once(pthread_once_t *once, void (*init)(void))
{
	int v;
	while ((v = __osplay_cas(once, 0, 1)) != 2) {
		if (v == 0) {
			init();
			__osplay_cas(once, 1, 2);
			__osplay_futex_wake(once, 0x7fffffff);
			return 0;
		}
		int saved = errno;
		__osplay_futex_wait(once, 1, __OSPLAY_FUTEX_ONCE);
		errno = saved;
	}
	return 0;
}
