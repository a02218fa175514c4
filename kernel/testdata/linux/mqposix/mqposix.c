/*
 * POSIX message queues: mq_open's flags, attributes and errors;
 * priorities (highest first, in order of sending within one); O_NONBLOCK
 * (EAGAIN) through mq_open and mq_setattr; EMSGSIZE; a parent blocked in
 * mq_receive until its child sends; mq_timedreceive's ETIMEDOUT on an
 * empty queue and mq_timedsend's on a full one; mq_unlink while open.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void failed(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, strerror(errno));
}

static void attrs(mqd_t q, const char *when)
{
	struct mq_attr a;
	if (mq_getattr(q, &a) < 0) {
		printf("%s: mq_getattr: %s\n", when, strerror(errno));
		return;
	}
	printf("%s: flags %s maxmsg %ld msgsize %ld curmsgs %ld\n", when,
	       a.mq_flags & O_NONBLOCK ? "O_NONBLOCK" : "0", a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	const char *name = "/osplay-mqposix";
	mq_unlink(name);
	printf("sizeof(struct mq_attr) %zu\n", sizeof(struct mq_attr));

	/* Defaults. */
	mqd_t d = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	printf("created: %d\n", d != (mqd_t)-1);
	attrs(d, "defaults");
	failed("again with O_EXCL", mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL));
	mq_close(d);
	mq_unlink(name);
	failed("after unlink", mq_open(name, O_RDWR));
	failed("no slash", mq_open("osplay-bad", O_CREAT | O_RDWR, 0600, NULL));

	/* Four messages of at most 32 bytes. */
	struct mq_attr attr = {0};
	attr.mq_maxmsg = 4;
	attr.mq_msgsize = 32;
	mqd_t q = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
	attrs(q, "created");
	attr.mq_maxmsg = 0;
	failed("maxmsg 0", mq_open("/osplay-mq0", O_CREAT | O_RDWR, 0600, &attr));

	mq_send(q, "low-1", 6, 1);
	mq_send(q, "high", 5, 9);
	mq_send(q, "low-2", 6, 1);
	mq_send(q, "middle", 7, 5);
	attrs(q, "four sent");

	/* Full: a nonblocking descriptor says EAGAIN. */
	struct mq_attr nb = {0}, old;
	nb.mq_flags = O_NONBLOCK;
	printf("mq_setattr: %d\n", mq_setattr(q, &nb, &old));
	printf("old flags %ld\n", old.mq_flags);
	attrs(q, "nonblocking");
	failed("send to a full queue", mq_send(q, "more", 5, 0));
	failed("too long", mq_send(q, "0123456789012345678901234567890123456789", 40, 0));
	failed("priority too high", mq_send(q, "x", 2, MQ_PRIO_MAX));

	char buf[64];
	unsigned prio;
	failed("buffer shorter than mq_msgsize", mq_receive(q, buf, 16, &prio));
	for (int i = 0; i < 4; i++) {
		ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
		printf("received %zd bytes, priority %u: %s\n", n, prio, buf);
	}
	failed("receive from an empty queue", mq_receive(q, buf, sizeof buf, &prio));
	nb.mq_flags = 0;
	mq_setattr(q, &nb, NULL);

	/* Blocking: the parent waits in mq_receive until the child sends. */
	pid_t pid = fork();
	if (pid == 0) {
		mqd_t c = mq_open(name, O_WRONLY);
		sleep(1);
		printf("child: sending\n");
		mq_send(c, "from the child", 15, 3);
		mq_close(c);
		_exit(0);
	}
	ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
	printf("parent: received %zd bytes, priority %u: %s\n", n, prio, buf);
	waitpid(pid, NULL, 0);

	/* A timed receive on an empty queue gives up at its deadline. */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	failed("mq_timedreceive", mq_timedreceive(q, buf, sizeof buf, &prio, &ts));
	ts.tv_nsec = 2000000000;
	failed("bad deadline", mq_timedreceive(q, buf, sizeof buf, &prio, &ts));

	/* A timed send on a full queue gives up too; the queue is unchanged. */
	for (int i = 0; i < 4; i++)
		mq_send(q, "fill", 5, (unsigned)i);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec = 0;
	ts.tv_sec += 1;
	failed("mq_timedsend on a full queue", mq_timedsend(q, "late", 5, 7, &ts));
	attrs(q, "still full");
	for (int i = 0; i < 4; i++)
		mq_receive(q, buf, sizeof buf, NULL);

	/* Unlinked while open: still usable through the descriptor. */
	mqd_t w = mq_open(name, O_WRONLY);
	failed("receive on a write-only descriptor", mq_receive(w, buf, sizeof buf, &prio));
	printf("mq_unlink: %d\n", mq_unlink(name));
	printf("send after unlink: %d\n", mq_send(w, "still", 6, 0));
	n = mq_receive(q, buf, sizeof buf, NULL);
	printf("received after unlink: %zd %s\n", n, buf);
	failed("unlink again", mq_unlink(name));
	mq_close(w);
	mq_close(q);
	failed("closed descriptor", mq_send(q, "x", 2, 0));
	return 0;
}
