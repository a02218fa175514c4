#include <pthread.h>
#include <errno.h>
#include <osplay.h>
#include <sys/single_threaded.h>

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
	__libc_single_threaded = 0;
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
	attr->__scope = PTHREAD_SCOPE_SYSTEM;
	attr->__policy = SCHED_OTHER;
	attr->__inheritsched = PTHREAD_INHERIT_SCHED;
	attr->__stacksize = 8 << 20; /* glibc's: the stack limit, 8 MiB by default */
	attr->__guardsize = 4096;
	attr->__priority = 0;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->__stacksize = (long)size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = (size_t)attr->__stacksize;
	return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size)
{
	attr->__guardsize = (long)size;
	return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *size)
{
	*size = (size_t)attr->__guardsize;
	return 0;
}

/* Linux schedules every thread by the system: PROCESS is not supported. */
int pthread_attr_setscope(pthread_attr_t *attr, int scope)
{
	if (scope == PTHREAD_SCOPE_PROCESS)
		return ENOTSUP;
	if (scope != PTHREAD_SCOPE_SYSTEM)
		return EINVAL;
	attr->__scope = scope;
	return 0;
}

int pthread_attr_getscope(const pthread_attr_t *attr, int *scope)
{
	*scope = attr->__scope;
	return 0;
}

int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy)
{
	if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR)
		return EINVAL;
	attr->__policy = policy;
	return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy)
{
	*policy = attr->__policy;
	return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit)
{
	if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED)
		return EINVAL;
	attr->__inheritsched = inherit;
	return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inherit)
{
	*inherit = attr->__inheritsched;
	return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *param)
{
	int lo = sched_get_priority_min(attr->__policy), hi = sched_get_priority_max(attr->__policy);
	if (param->sched_priority < lo || param->sched_priority > hi)
		return EINVAL;
	attr->__priority = param->sched_priority;
	return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *param)
{
	param->sched_priority = attr->__priority;
	return 0;
}

/* Linux's priority ranges: 1–99 for the real-time policies, 0 otherwise. */
int sched_get_priority_max(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 99;
	if (policy == SCHED_OTHER)
		return 0;
	errno = EINVAL;
	return -1;
}

int sched_get_priority_min(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 1;
	if (policy == SCHED_OTHER)
		return 0;
	errno = EINVAL;
	return -1;
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
