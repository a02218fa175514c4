/* Mach's ports (seed 001, slides 3.55-3.56). A server task receives
   requests on its port and answers each on the reply port the request
   names; a client asks with msg_rpc. Then the four answers to a full
   port: wait until there is room, wait at most n ms, return at once, or
   let the OS keep one message for the sender. port_status counts the
   messages in a port; every message is copied twice, into the port and
   out of it. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mach.h>

#define SQUARE 1

int main(void)
{
	port_t server, reply;
	struct message m;
	port_allocate(&server);		/* the server's port: 8 messages, FIFO */
	if (fork() == 0) {		/* the client task */
		port_allocate(&reply);
		for (int x = 2; x <= 4; x++) {
			m.type = SQUARE;
			m.dest = server;
			m.source = reply;	/* where the answer goes */
			m.length = sizeof x;
			memcpy(m.body, &x, sizeof x);
			msg_rpc(&m, MSG_OPTION_NONE, 0);
			int y;
			memcpy(&y, m.body, sizeof y);
			printf("client: %d squared is %d\n", x, y);
		}
		return 0;
	}
	for (int i = 0; i < 3; i++) {	/* the server task */
		msg_receive(&m, server, MSG_OPTION_NONE, 0);
		int x;
		memcpy(&x, m.body, sizeof x);
		x = x * x;
		memcpy(m.body, &x, sizeof x);
		m.dest = m.source;	/* answer on the reply port */
		m.source = server;
		msg_send(&m, MSG_OPTION_NONE, 0);
	}
	wait(NULL);

	/* A full port: nobody receives from this one. */
	port_t full;
	port_allocate(&full);
	port_set_backlog(full, 2);
	m.dest = full;
	m.length = 0;
	msg_send(&m, MSG_OPTION_NONE, 0);
	msg_send(&m, MSG_OPTION_NONE, 0);
	printf("port_status: %d messages\n", port_status(full));
	printf("wait at most 3 ms: %d (SEND_TIMED_OUT is %d)\n", msg_send(&m, SEND_TIMEOUT, 3), SEND_TIMED_OUT);
	printf("return at once: %d\n", msg_send(&m, SEND_NOWAIT, 0));
	printf("the OS keeps it: %d (SEND_WILL_NOTIFY is %d)\n", msg_send(&m, SEND_NOTIFY, 0), SEND_WILL_NOTIFY);
	printf("a second one: %d (SEND_NOTIFY_IN_PROGRESS is %d)\n", msg_send(&m, SEND_NOTIFY, 0), SEND_NOTIFY_IN_PROGRESS);
	msg_receive(&m, full, MSG_OPTION_NONE, 0);
	printf("after one receive, port_status: %d messages (the kept one went in)\n", port_status(full));
	return 0;
}
