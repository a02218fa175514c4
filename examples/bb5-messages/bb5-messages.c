/* The bounded buffer, version 5 (seed 001, slide 3.45; seed 002, slides
   29-33): message passing with bounded capacity. The mailbox is the
   buffer: it holds BUFFER_SIZE messages, the producer's send waits while
   it is full and the consumer's receive while it is empty. No shared
   variable, no busy waiting, no semaphore: the OS does it all. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>

#define BUFFER_SIZE 5
#define ITEMS 12

int main(void)
{
	int mailbox = mailbox_create(BUFFER_SIZE, MAILBOX_BY_PROCESS);
	struct message m;
	if (fork() == 0) {	/* the producer */
		int most = 0;
		for (int item = 1; item <= ITEMS; item++) {
			m.type = 1;
			m.length = sizeof item;
			*(int *)m.body = item;
			mailbox_send(mailbox, &m, MAILBOX_WAIT);
			if (mailbox_count(mailbox) > most)
				most = mailbox_count(mailbox);
		}
		printf("producer: at most %d messages in the mailbox\n", most);
		return 0;
	}
	int sum = 0;	/* the consumer, which owns the mailbox */
	usleep(1000);	/* late: the producer fills the mailbox, then waits */
	for (int i = 0; i < ITEMS; i++) {
		mailbox_receive(mailbox, &m, MAILBOX_WAIT);
		sum += *(int *)m.body;
		printf("consumer: item %d\n", *(int *)m.body);
	}
	wait(NULL);
	printf("sum %d (want %d)\n", sum, ITEMS * (ITEMS + 1) / 2);
	return 0;
}
