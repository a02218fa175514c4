#ifndef _MQUEUE_H
#define _MQUEUE_H

#include <bits/types/size_t.h>
#include <bits/types/ssize_t.h>
#include <bits/types/struct_timespec.h>
#include <fcntl.h>
#include <sys/types.h>

/* A message queue descriptor: a file descriptor, as on Linux. */
typedef int mqd_t;

/* glibc's layout on x86-64: 64 bytes. */
struct mq_attr {
	long mq_flags;   /* 0 or O_NONBLOCK */
	long mq_maxmsg;  /* messages the queue holds (default 10) */
	long mq_msgsize; /* bytes of the longest message (default 8192) */
	long mq_curmsgs; /* messages queued now */
	long __pad[4];
};

#define MQ_PRIO_MAX 32768

/*
 * POSIX message queues, named "/name" machine-wide. Messages come out
 * highest priority first, in order of sending within a priority. A full
 * queue blocks mq_send, an empty one mq_receive, unless the descriptor is
 * O_NONBLOCK (EAGAIN); the timed calls give up at a CLOCK_REALTIME
 * deadline (ETIMEDOUT).
 */
mqd_t mq_open(const char *name, int oflag, ...);
int mq_close(mqd_t mqdes);
int mq_unlink(const char *name);
int mq_send(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned msg_prio);
ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned *msg_prio);
int mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned msg_prio,
		 const struct timespec *abs_timeout);
ssize_t mq_timedreceive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned *msg_prio,
			const struct timespec *abs_timeout);
int mq_getattr(mqd_t mqdes, struct mq_attr *attr);
int mq_setattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr);

/* The system call behind mq_getattr and mq_setattr. */
int __osplay_mq_getsetattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr);

#endif
