#ifndef _OSPLAY_MAILBOX_H
#define _OSPLAY_MAILBOX_H

/*
 * Mailboxes: indirect naming (seed 001, slides 3.44-3.52; seed 002,
 * slides 36-37). The process that creates a mailbox owns it and alone
 * receives from it (EPERM for the others). Failures return -1 and set
 * errno: EAGAIN (full, with MAILBOX_NOWAIT), EIDRM (the mailbox is gone:
 * destroyed, or its owner exited), EINVAL (no such mailbox).
 */

#include <osplay/model.h>

/* mailbox_create's capacity: messages it holds before a sender must wait (slide 3.45). */
#define MAILBOX_UNBOUNDED (-1)	/* unbounded capacity: a sender never waits */
				/* 0: zero capacity, a rendezvous: every sender waits for the receiver */

/* mailbox_create's flags (slide 3.44: who owns it; slides 36-37: where it is kept). */
#define MAILBOX_BY_PROCESS 0	/* owned by the creating process: it goes when the process exits */
#define MAILBOX_BY_OS 1		/* owned by the OS: it stays, and its ownership can be given away */
#define MAILBOX_IN_OS 0		/* kept inside the OS: every send and receive is a system call */
#define MAILBOX_IN_PROCESS 2	/* kept inside the owner's process: its receive is a library call */

/* mailbox_send's and mailbox_receive's flags (slide 3.45: blocking or not, per call). */
#define MAILBOX_WAIT 0
#define MAILBOX_NOWAIT 1

/* Slide 3.44: a new mailbox; returns its id. */
static int mailbox_create(int capacity, int flags);
/* Slide 3.44: send(A, message). Waits while the mailbox is full, unless MAILBOX_NOWAIT. */
static int mailbox_send(int mbox, struct message *m, int flags);
/* Slide 3.44: receive(A, message). Returns 1 with a message; with MAILBOX_NOWAIT,
   0 at once when there is none (slide 3.48's null). */
static int mailbox_receive(int mbox, struct message *m, int flags);
/* Slide 3.44: the owner of a mailbox of the OS passes it to process pid (0: to anyone). */
static int mailbox_give(int mbox, pid_t pid);
/* The owner deletes the mailbox: those waiting on it get EIDRM. */
static int mailbox_destroy(int mbox);
/* How many messages are in the mailbox now. */
static int mailbox_count(int mbox);
/* Slides 36-37: the user/kernel mode switches its sends and receives cost so far. */
static long mailbox_switches(int mbox);
/* Slide 3.47: the link into the mailbox loses lose% and scrambles scramble% of the messages. */
static int mailbox_faults(int mbox, int lose, int scramble);

/* The functions: each one op of the kernel's __osplay_model (kernel/model.go). */

static int mailbox_create(int capacity, int flags)
{
	return (int)__osplay_model(__OSPLAY_MBOX_CREATE, capacity, flags, 0, 0);
}

static int mailbox_send(int mbox, struct message *m, int flags)
{
	return (int)__osplay_model(__OSPLAY_MBOX_SEND, mbox, (long)m, flags, 0);
}

static int mailbox_receive(int mbox, struct message *m, int flags)
{
	return (int)__osplay_model(__OSPLAY_MBOX_RECEIVE, mbox, (long)m, flags, 0);
}

static int mailbox_give(int mbox, pid_t pid)
{
	return (int)__osplay_model(__OSPLAY_MBOX_GIVE, mbox, pid, 0, 0);
}

static int mailbox_destroy(int mbox)
{
	return (int)__osplay_model(__OSPLAY_MBOX_DESTROY, mbox, 0, 0, 0);
}

static int mailbox_count(int mbox)
{
	return (int)__osplay_model(__OSPLAY_MBOX_STATUS, mbox, 0, 0, 0);
}

static long mailbox_switches(int mbox)
{
	return __osplay_model(__OSPLAY_MBOX_STATUS, mbox, 3, 0, 0);
}

static int mailbox_faults(int mbox, int lose, int scramble)
{
	return (int)__osplay_model(__OSPLAY_MBOX_FAULTS, mbox, lose, scramble, 0);
}

#endif
