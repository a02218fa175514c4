#ifndef _OSPLAY_MESSAGE_H
#define _OSPLAY_MESSAGE_H

/*
 * Message passing with direct naming (seed 001, slides 3.42-3.47; seed
 * 002, slides 29-35). Every process has a link that holds the messages
 * sent to it, as many as they are (automatic buffering); it goes when the
 * process exits. A function returns -1 and sets errno when it fails:
 * ESRCH when the other process does not exist or has exited (slide 3.47),
 * EMSGSIZE for a body longer than MESSAGE_MAX.
 *
 * send and receive are macros: this header and <sys/socket.h>, whose
 * send is another function, cannot be used in the same file.
 */

#include <osplay/model.h>

/* Symmetric naming (slide 3.44): send(P, &m) sends to process P; receive(Q, &m) waits for a message from Q. */
#define send(p, m) message_send((p), (m))
#define receive(q, m) message_receive((q), (m))
static int message_send(pid_t p, struct message *m);
static int message_receive(pid_t q, struct message *m);

/* Asymmetric naming (slide 3.44): receive from anyone; *id is set to the sender. */
static int receive_any(pid_t *id, struct message *m);

/* Slide 32: send, and wait until the receiver has taken the message out (strong synchronisation). */
static int syncsend(struct message *m, pid_t to);
/* Slide 32: send, and go on at once. */
static int asyncsend(struct message *m, pid_t to);
/* Slide 33: wait until a message comes; *from is set to its sender. Returns 0. */
static int blockreceive(struct message *m, pid_t *from);
/* Slide 33: take a message if one is there: 1, with *from set; 0 at once when there is none. */
static int nbreceive(struct message *m, pid_t *from);

/* Slide 3.47: the link to process p loses lose% and scrambles scramble% of the
   messages sent to it, as drawn from the run's seed. */
static int link_faults(pid_t p, int lose, int scramble);

/* checksum, message_seal and message_intact (slide 3.47): see <osplay/model.h>. */

/* The functions: each one op of the kernel's __osplay_model (kernel/model.go). */

static int message_send(pid_t p, struct message *m)
{
	return (int)__osplay_model(__OSPLAY_SEND, p, (long)m, 0, 0);
}

static int message_receive(pid_t q, struct message *m)
{
	return __osplay_model(__OSPLAY_RECEIVE, q, (long)m, 0, 0) < 0 ? -1 : 0;
}

static int receive_any(pid_t *id, struct message *m)
{
	return __osplay_model(__OSPLAY_RECEIVE, -1, (long)m, (long)id, 0) < 0 ? -1 : 0;
}

static int syncsend(struct message *m, pid_t to)
{
	return (int)__osplay_model(__OSPLAY_SEND, to, (long)m, 1, 0);
}

static int asyncsend(struct message *m, pid_t to)
{
	return (int)__osplay_model(__OSPLAY_SEND, to, (long)m, 2, 0);
}

static int blockreceive(struct message *m, pid_t *from)
{
	return __osplay_model(__OSPLAY_RECEIVE, -1, (long)m, (long)from, 2) < 0 ? -1 : 0;
}

static int nbreceive(struct message *m, pid_t *from)
{
	return (int)__osplay_model(__OSPLAY_RECEIVE, -1, (long)m, (long)from, 1);
}

static int link_faults(pid_t p, int lose, int scramble)
{
	return (int)__osplay_model(__OSPLAY_LINK_FAULTS, p, lose, scramble, 0);
}

#endif
