#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <stddef.h>
#include <sys/ipc.h>

#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000
#define MSG_COPY 040000

#define MSG_STAT 11
#define MSG_INFO 12

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

/* glibc's layout on x86-64: 120 bytes. */
struct msqid_ds {
	struct ipc_perm msg_perm;
	time_t msg_stime;
	time_t msg_rtime;
	time_t msg_ctime;
	unsigned long __msg_cbytes;
	msgqnum_t msg_qnum;
	msglen_t msg_qbytes;
	pid_t msg_lspid;
	pid_t msg_lrpid;
	unsigned long __glibc_reserved4;
	unsigned long __glibc_reserved5;
};
#define msg_cbytes __msg_cbytes

/* The template of a message: a positive type, then its bytes. */
struct msgbuf {
	long mtype;
	char mtext[1];
};

/*
 * System calls. A queue belongs to the machine and holds at most
 * msg_qbytes bytes (16384): a sender waits while its message does not
 * fit, a receiver while no message of its type is there. msgtyp 0 takes
 * the first message, > 0 the first of that type, < 0 the first of the
 * lowest type not above |msgtyp|.
 */
int msgget(key_t key, int msgflg);
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
int msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
