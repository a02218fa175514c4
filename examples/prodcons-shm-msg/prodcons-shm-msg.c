/* The same producer and consumer twice (seed 001, slide 3.42; seed 004):
   first with shared memory, which the program manages itself — a segment
   both processes attach, the buffer, in and out in it, and busy waiting —
   then with message passing, where the OS does it: a mailbox of the same
   size, a send and a receive. Both print the same items. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/shm.h>
#include <osplay/mailbox.h>

#define BUFFER_SIZE 5
#define ITEMS 8

struct shared {
	int buffer[BUFFER_SIZE];
	volatile int in, out;
};

void with_shared_memory(void)
{
	int id = shmget(IPC_PRIVATE, sizeof(struct shared), IPC_CREAT | 0600);
	struct shared *s = shmat(id, NULL, 0);
	s->in = s->out = 0;
	if (fork() == 0) {	/* producer */
		for (int item = 1; item <= ITEMS; item++) {
			while ((s->in + 1) % BUFFER_SIZE == s->out)
				; /* full: do nothing */
			s->buffer[s->in] = item;
			s->in = (s->in + 1) % BUFFER_SIZE;
		}
		return;
	}
	for (int i = 0; i < ITEMS; i++) {	/* consumer */
		while (s->in == s->out)
			; /* empty: do nothing */
		printf("shared memory: item %d\n", s->buffer[s->out]);
		s->out = (s->out + 1) % BUFFER_SIZE;
	}
	wait(NULL);
	shmdt(s);
	shmctl(id, IPC_RMID, NULL);
}

void with_messages(void)
{
	int mailbox = mailbox_create(BUFFER_SIZE, MAILBOX_BY_PROCESS);
	struct message m;
	if (fork() == 0) {	/* producer */
		for (int item = 1; item <= ITEMS; item++) {
			m.length = sizeof item;
			*(int *)m.body = item;
			mailbox_send(mailbox, &m, MAILBOX_WAIT);
		}
		return;
	}
	for (int i = 0; i < ITEMS; i++) {	/* consumer */
		mailbox_receive(mailbox, &m, MAILBOX_WAIT);
		printf("messages: item %d\n", *(int *)m.body);
	}
	wait(NULL);
	mailbox_destroy(mailbox);
}

int main(void)
{
	pid_t me = getpid();
	with_shared_memory();
	if (getpid() != me)
		return 0;	/* the producer is done */
	with_messages();
	return 0;
}
