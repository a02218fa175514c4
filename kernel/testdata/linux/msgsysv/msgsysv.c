/*
 * System V message queues: message types (positive, zero, negative),
 * IPC_NOWAIT (EAGAIN, ENOMSG), MSG_NOERROR and E2BIG, the queue's byte
 * capacity blocking a sender until a receiver reads, IPC_STAT's counts,
 * and IPC_RMID waking a blocked receiver with EIDRM. Ids and keys differ
 * from machine to machine: the program prints what Linux fixes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

struct message {
	long mtype;
	char mtext[64];
};

static void failed(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, strerror(errno));
}

static void send(int q, long type, const char *text)
{
	struct message m;
	m.mtype = type;
	strcpy(m.mtext, text);
	if (msgsnd(q, &m, strlen(text) + 1, 0) < 0)
		perror("msgsnd");
}

static void receive(int q, long type, const char *what)
{
	struct message m;
	ssize_t n = msgrcv(q, &m, sizeof m.mtext, type, IPC_NOWAIT);
	if (n < 0)
		printf("%s (msgtyp %ld): %s\n", what, type, strerror(errno));
	else
		printf("%s (msgtyp %ld): type %ld, %zd bytes, \"%s\"\n", what, type, m.mtype, n, m.mtext);
}

static void stat_of(int q, const char *when)
{
	struct msqid_ds ds;
	if (msgctl(q, IPC_STAT, &ds) < 0) {
		printf("%s: IPC_STAT: %s\n", when, strerror(errno));
		return;
	}
	printf("%s: qnum %lu cbytes %lu qbytes %lu lspid-is-me %d lrpid-is-me %d mode %o\n", when,
	       (unsigned long)ds.msg_qnum, (unsigned long)ds.msg_cbytes, (unsigned long)ds.msg_qbytes,
	       ds.msg_lspid == getpid(), ds.msg_lrpid == getpid(), ds.msg_perm.mode & 0777);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("sizeof(struct msqid_ds) %zu\n", sizeof(struct msqid_ds));
	int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (q < 0) {
		perror("msgget");
		return 1;
	}
	stat_of(q, "new");

	/* Types: 3, 1, 2, 1, 5 in this order. */
	send(q, 3, "three");
	send(q, 1, "one-a");
	send(q, 2, "two");
	send(q, 1, "one-b");
	send(q, 5, "five");
	stat_of(q, "five sent");
	receive(q, 1, "positive");
	receive(q, -2, "negative");
	receive(q, -2, "negative");
	receive(q, -2, "negative");
	receive(q, 0, "zero");
	receive(q, 4, "positive, none");
	receive(q, 0, "zero");
	receive(q, 0, "zero, empty");
	stat_of(q, "all read");

	/* MSG_NOERROR and E2BIG. */
	send(q, 7, "a rather long message");
	struct message m;
	failed("msgrcv into 4 bytes", msgrcv(q, &m, 4, 0, IPC_NOWAIT));
	stat_of(q, "after E2BIG");
	memset(m.mtext, 0, sizeof m.mtext);
	long n = msgrcv(q, &m, 4, 0, IPC_NOWAIT | MSG_NOERROR);
	printf("MSG_NOERROR: %ld bytes, \"%.4s\"\n", n, m.mtext);
	stat_of(q, "after MSG_NOERROR");

	/* Argument errors. */
	m.mtype = 0;
	failed("type 0", msgsnd(q, &m, 4, 0));
	m.mtype = 1;
	failed("too long", msgsnd(q, &m, 9000, 0));
	failed("bad id", msgsnd(-1, &m, 4, 0));
	failed("msgrcv bad id", msgrcv(-1, &m, 4, 0, 0));

	/* Capacity: 16384 bytes; 1000-byte messages fill it at 16. */
	char big[1000];
	memset(big, 'x', sizeof big);
	struct {
		long mtype;
		char mtext[1000];
	} bm;
	bm.mtype = 1;
	memcpy(bm.mtext, big, sizeof big);
	int sent = 0;
	while (msgsnd(q, &bm, sizeof bm.mtext, IPC_NOWAIT) == 0)
		sent++;
	printf("full after %d messages: %s\n", sent, strerror(errno));
	stat_of(q, "full");

	/* A child's blocking send waits until the parent reads. */
	pid_t pid = fork();
	if (pid == 0) {
		bm.mtype = 9;
		msgsnd(q, &bm, sizeof bm.mtext, 0);
		printf("child: sent\n");
		_exit(0);
	}
	/* The child's send cannot complete until the parent reads one
	 * message: the order of the two lines below is fixed either way. */
	sleep(1);
	printf("parent: reading one\n");
	msgrcv(q, &bm, sizeof bm.mtext, 1, 0);
	waitpid(pid, NULL, 0);
	long got = msgrcv(q, &bm, sizeof bm.mtext, 9, IPC_NOWAIT);
	printf("the child's message: type %ld, %ld bytes\n", bm.mtype, got);
	while (msgrcv(q, &bm, sizeof bm.mtext, 0, IPC_NOWAIT) > 0)
		;

	/* Same key, same queue; IPC_EXCL. */
	key_t key = ftok(".", 'M');
	int k = msgget(key, IPC_CREAT | IPC_EXCL | 0644);
	printf("by key: %d\n", k >= 0);
	failed("again with IPC_EXCL", msgget(key, IPC_CREAT | IPC_EXCL | 0644));
	printf("again: same %d\n", msgget(key, 0) == k);

	/* A receiver blocked on a removed queue gets EIDRM. */
	pid = fork();
	if (pid == 0) {
		struct message r;
		errno = 0;
		long got = msgrcv(k, &r, sizeof r.mtext, 0, 0);
		printf("child: msgrcv %ld %s\n", got, strerror(errno));
		_exit(0);
	}
	sleep(1);
	/* The child may print before the parent once the queue is gone:
	 * the parent prints after waiting for it. */
	int removed = msgctl(k, IPC_RMID, NULL);
	waitpid(pid, NULL, 0);
	printf("parent: IPC_RMID %d\n", removed);
	failed("after IPC_RMID", msgget(key, 0));
	failed("IPC_STAT of a removed queue", msgctl(k, IPC_STAT, NULL));

	msgctl(q, IPC_RMID, NULL);
	return 0;
}
