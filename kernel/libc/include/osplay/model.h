#ifndef _OSPLAY_MODEL_H
#define _OSPLAY_MODEL_H

/*
 * What the teaching headers <osplay/message.h>, <osplay/mailbox.h>,
 * <osplay/mach.h>, <osplay/monitor.h> and <osplay/event.h> share: the
 * message of the slides, its checksum, and the one system call their
 * functions make.
 * Include those headers, not this one.
 */

#include <sys/types.h>

/* The largest body of a message, in bytes. */
#define MESSAGE_MAX 256

/*
 * A message (seed 002, slide 30): a header, then the body. The kernel
 * copies the header and the first length bytes of the body.
 */
struct message {
	int type;		/* message type: what the body holds */
	int dest;		/* destination ID: a pid, a mailbox, a port */
	int source;		/* source ID: the sender (set by the OS), or a port for the reply */
	int length;		/* message length: bytes of the body in use */
	int control;		/* control information: a sequence number, a checksum */
	char body[MESSAGE_MAX];	/* message contents */
};

/* The ops of __osplay_model (kernel/model.go numbers them the same). */
#define __OSPLAY_SEND 1
#define __OSPLAY_RECEIVE 2
#define __OSPLAY_LINK_FAULTS 3
#define __OSPLAY_MBOX_CREATE 10
#define __OSPLAY_MBOX_SEND 11
#define __OSPLAY_MBOX_RECEIVE 12
#define __OSPLAY_MBOX_GIVE 13
#define __OSPLAY_MBOX_DESTROY 14
#define __OSPLAY_MBOX_STATUS 15
#define __OSPLAY_MBOX_FAULTS 16
#define __OSPLAY_PORT_ALLOCATE 20
#define __OSPLAY_PORT_DEALLOCATE 21
#define __OSPLAY_PORT_STATUS 22
#define __OSPLAY_PORT_SET_ALLOCATE 23
#define __OSPLAY_PORT_SET_ADD 24
#define __OSPLAY_MSG_SEND 25
#define __OSPLAY_MSG_RECEIVE 26
#define __OSPLAY_PORT_BACKLOG 27
#define __OSPLAY_MONITOR_CREATE 30
#define __OSPLAY_MONITOR_ENTER 31
#define __OSPLAY_MONITOR_LEAVE 32
#define __OSPLAY_CONDITION_CREATE 33
#define __OSPLAY_CONDITION_WAIT 34
#define __OSPLAY_CONDITION_SIGNAL 35
#define __OSPLAY_CONDITION_QUEUE 36
#define __OSPLAY_EVENT_CREATE 40
#define __OSPLAY_EVENT_WAIT 41
#define __OSPLAY_EVENT_SIGNAL 42
#define __OSPLAY_EVENT_QUEUE 43

long __osplay_model(int op, long a, long b, long c, long d);

/*
 * Slide 3.47: an error-detecting code of len bytes (Fletcher-16): a
 * changed byte and two bytes swapped both change it.
 */
static unsigned checksum(const void *data, int len);
/* Puts the checksum of m's body in m->control. */
static void message_seal(struct message *m);
/* 1 when m's body still matches the checksum in m->control, 0 when it was scrambled. */
static int message_intact(const struct message *m);

/* Fletcher's checksum: two running sums modulo 255, so that a changed
   byte and two bytes swapped both change it. */
static unsigned checksum(const void *data, int len)
{
	const unsigned char *p = data;
	unsigned a = 0, b = 0;
	for (int i = 0; i < len; i++) {
		a = (a + p[i]) % 255;
		b = (b + a) % 255;
	}
	return b << 8 | a;
}

static void message_seal(struct message *m)
{
	m->control = (int)checksum(m->body, m->length);
}

static int message_intact(const struct message *m)
{
	return m->length >= 0 && m->length <= MESSAGE_MAX && m->control == (int)checksum(m->body, m->length);
}

#endif
