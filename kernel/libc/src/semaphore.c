#include <semaphore.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <osplay.h>

/*
 * POSIX semaphores. An unnamed one is its value in memory, taken with a
 * compare-and-swap while it is above 0; a thread that finds it at 0 counts
 * itself among the waiters and sleeps in the kernel while it stays 0, and
 * sem_post wakes one waiter once it has raised the value. A named one is
 * the kernel's: every operation on it is a system call.
 */

int sem_init(sem_t *sem, int pshared, unsigned value)
{
	(void)pshared;
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	sem->__value = (int)value;
	sem->__waiters = 0;
	sem->__named = 0;
	sem->__id = 0;
	return 0;
}

int sem_destroy(sem_t *sem)
{
	(void)sem;
	return 0;
}

static void add(int *word, int n)
{
	int v = *word, seen;
	while ((seen = __osplay_cas(word, v, v + n)) != v)
		v = seen;
}

/* take lowers the value by one, waiting while it is 0 until abstime
   (NULL: for ever) unless try: -1 with EAGAIN or ETIMEDOUT if it cannot. */
static int take(sem_t *sem, const struct timespec *abstime, int try)
{
	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)) {
		errno = EINVAL;
		return -1;
	}
	if (sem->__named)
		return __osplay_sem_op(sem->__id, try ? __OSPLAY_SEM_TRYWAIT : __OSPLAY_SEM_WAIT, abstime);
	for (;;) {
		int v = sem->__value;
		int saved, r;
		if (v > 0) {
			if (__osplay_cas(&sem->__value, v, v - 1) == v)
				return 0;
			continue;
		}
		if (try) {
			errno = EAGAIN;
			return -1;
		}
		add(&sem->__waiters, 1);
		saved = errno;
		r = __osplay_futex_timedwait(&sem->__value, 0, __OSPLAY_FUTEX_SEMAPHORE, abstime);
		add(&sem->__waiters, -1);
		if (r < 0 && errno == ETIMEDOUT)
			return -1;
		errno = saved;
	}
}

int sem_wait(sem_t *sem) { return take(sem, NULL, 0); }
int sem_trywait(sem_t *sem) { return take(sem, NULL, 1); }
int sem_timedwait(sem_t *sem, const struct timespec *abstime) { return take(sem, abstime, 0); }

int sem_post(sem_t *sem)
{
	if (sem->__named)
		return __osplay_sem_op(sem->__id, __OSPLAY_SEM_POST, NULL);
	if (sem->__value == SEM_VALUE_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	add(&sem->__value, 1);
	if (sem->__waiters > 0)
		__osplay_futex_wake(&sem->__value, 1);
	return 0;
}

int sem_getvalue(sem_t *sem, int *value)
{
	if (sem->__named) {
		int v = __osplay_sem_op(sem->__id, __OSPLAY_SEM_GETVALUE, NULL);
		if (v < 0)
			return -1;
		*value = v;
		return 0;
	}
	*value = sem->__value;
	return 0;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
	unsigned value = 0;
	sem_t *sem;
	int id;
	if (oflag & O_CREAT) {
		va_list ap;
		va_start(ap, oflag);
		va_arg(ap, int); /* the mode: a semaphore has no permissions here */
		value = va_arg(ap, unsigned);
		va_end(ap);
	}
	id = __osplay_sem_open(name, oflag, value);
	if (id < 0)
		return SEM_FAILED;
	sem = malloc(sizeof *sem);
	if (!sem) {
		__osplay_sem_op(id, __OSPLAY_SEM_CLOSE, NULL);
		errno = ENOMEM;
		return SEM_FAILED;
	}
	sem->__value = 0;
	sem->__waiters = 0;
	sem->__named = 1;
	sem->__id = id;
	return sem;
}

int sem_close(sem_t *sem)
{
	if (!sem->__named) {
		errno = EINVAL;
		return -1;
	}
	if (__osplay_sem_op(sem->__id, __OSPLAY_SEM_CLOSE, NULL) < 0)
		return -1;
	free(sem);
	return 0;
}

/*
 * POSIX message queues (<mqueue.h>): the kernel's, like named semaphores.
 * A descriptor is a file descriptor; the untimed calls are the timed ones
 * without a deadline.
 */
#include <mqueue.h>
#include <unistd.h>

int mq_close(mqd_t mqdes)
{
	return close(mqdes);
}

int mq_send(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned msg_prio)
{
	return mq_timedsend(mqdes, msg_ptr, msg_len, msg_prio, NULL);
}

ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned *msg_prio)
{
	return mq_timedreceive(mqdes, msg_ptr, msg_len, msg_prio, NULL);
}

int mq_getattr(mqd_t mqdes, struct mq_attr *attr)
{
	return __osplay_mq_getsetattr(mqdes, NULL, attr);
}

int mq_setattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr)
{
	return __osplay_mq_getsetattr(mqdes, newattr, oldattr);
}
