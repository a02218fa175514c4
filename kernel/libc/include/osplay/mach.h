#ifndef _OSPLAY_MACH_H
#define _OSPLAY_MACH_H

/*
 * Mach's ports (seed 001, slides 3.55-3.56). A port is a mailbox the task
 * that allocates it owns and alone receives from; it goes when the task
 * exits. A message names its port in m->dest and, for a reply, a port of
 * the sender's in m->source. Each message is copied twice: from the
 * sender into the port, from the port to the receiver.
 */

#include <osplay/model.h>
#include <errno.h>

typedef int port_t;
#define PORT_NULL 0

/* port_allocate and the other port calls. */
#define KERN_SUCCESS 0
#define KERN_INVALID_ARGUMENT 4
#define KERN_RESOURCE_SHORTAGE 6

/* msg_send's options when the port is full (slide 3.56): */
#define MSG_OPTION_NONE 0	/* 1: wait until there is room */
#define SEND_TIMEOUT 1		/* 2: wait at most timeout milliseconds (0: do not wait) */
#define SEND_NOWAIT 3		/* 3: return at once */
#define SEND_NOTIFY 2		/* 4: the OS keeps the message until there is room: one per sender */
/* msg_receive's option: wait at most timeout milliseconds (0: do not wait). */
#define RCV_TIMEOUT 1

/* What msg_send and msg_receive return. */
#define SEND_SUCCESS 0
#define SEND_INVALID_MEMORY (-101)
#define SEND_INVALID_PORT (-102)
#define SEND_TIMED_OUT (-103)		/* full: SEND_TIMEOUT ran out, or SEND_NOWAIT */
#define SEND_WILL_NOTIFY (-105)		/* full: the OS keeps the message (SEND_NOTIFY) */
#define SEND_NOTIFY_IN_PROGRESS (-106)	/* full, and the OS already keeps one of this sender's */
#define SEND_KERNEL_REFUSED (-107)	/* the machine holds too many messages */
#define SEND_INTERRUPTED (-108)
#define SEND_MSG_TOO_LARGE (-109)
#define RCV_SUCCESS 0
#define RCV_INVALID_MEMORY (-201)
#define RCV_INVALID_PORT (-202)
#define RCV_TIMED_OUT (-203)
#define RCV_INTERRUPTED (-207)

/* Slide 3.55: a new port, 8 messages, FIFO, in *port. */
static int port_allocate(port_t *port);
/* The port goes; its messages with it. */
static int port_deallocate(port_t port);
/* Slide 3.55: the number of messages in the port (-1: no such port). */
static int port_status(port_t port);
/* The port holds backlog messages instead of 8. */
static int port_set_backlog(port_t port, int backlog);
/* Slide 3.56: a set of ports to receive from at once, in *set. */
static int port_set_allocate(port_t *set);
/* Adds the port to the set (out of the set it was in). */
static int port_set_add(port_t set, port_t port);

/* Slide 3.55: send m to the port m->dest. */
static int msg_send(struct message *m, int option, int timeout);
/* Slide 3.56: receive into m from the port or port set from. */
static int msg_receive(struct message *m, port_t from, int option, int timeout);
/* Slide 3.55: send m to m->dest, then wait for the reply on the port m->source, into m. */
static int msg_rpc(struct message *m, int option, int timeout);

/* The functions: each one op of the kernel's __osplay_model (kernel/model.go). */

static int kern_return(long r)
{
	if (r >= 0)
		return KERN_SUCCESS;
	return errno == ENOSPC ? KERN_RESOURCE_SHORTAGE : KERN_INVALID_ARGUMENT;
}

static int port_allocate(port_t *port)
{
	long r = __osplay_model(__OSPLAY_PORT_ALLOCATE, 0, 0, 0, 0);
	if (r >= 0)
		*port = (port_t)r;
	return kern_return(r);
}

static int port_deallocate(port_t port)
{
	return kern_return(__osplay_model(__OSPLAY_PORT_DEALLOCATE, port, 0, 0, 0));
}

static int port_status(port_t port)
{
	return (int)__osplay_model(__OSPLAY_PORT_STATUS, port, 0, 0, 0);
}

static int port_set_backlog(port_t port, int backlog)
{
	return kern_return(__osplay_model(__OSPLAY_PORT_BACKLOG, port, backlog, 0, 0));
}

static int port_set_allocate(port_t *set)
{
	long r = __osplay_model(__OSPLAY_PORT_SET_ALLOCATE, 0, 0, 0, 0);
	if (r >= 0)
		*set = (port_t)r;
	return kern_return(r);
}

static int port_set_add(port_t set, port_t port)
{
	return kern_return(__osplay_model(__OSPLAY_PORT_SET_ADD, set, port, 0, 0));
}

static int msg_send(struct message *m, int option, int timeout)
{
	return (int)__osplay_model(__OSPLAY_MSG_SEND, (long)m, option, timeout, 0);
}

static int msg_receive(struct message *m, port_t from, int option, int timeout)
{
	return (int)__osplay_model(__OSPLAY_MSG_RECEIVE, (long)m, from, option, timeout);
}

static int msg_rpc(struct message *m, int option, int timeout)
{
	port_t reply = m->source;
	int r = msg_send(m, option, timeout);
	if (r != SEND_SUCCESS)
		return r;
	return msg_receive(m, reply, option == SEND_TIMEOUT ? RCV_TIMEOUT : MSG_OPTION_NONE, timeout);
}

#endif
