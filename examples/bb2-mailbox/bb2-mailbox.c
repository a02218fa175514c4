/* The bounded buffer, version 2 (seed 001, slides 3.48-3.52): message
   passing through a mailbox, with a nonblocking send and a nonblocking
   receive, as the slides' MessageQueue, Producer, Consumer and Server.
   The producer naps, then sends the date; the consumer naps, then takes a
   message if one is there (receive returns at once, null when the mailbox
   is empty). The mailbox has no bound: send never waits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>

#define NAP_TIME 5	/* seconds at most */
#define ROUNDS 6

void producer(int mailbox)
{
	struct message message;
	srand(1);
	for (int i = 0; i < ROUNDS; i++) {
		int sleeptime = rand() % NAP_TIME;
		printf("Producer sleeping for %d seconds\n", sleeptime);
		sleep(sleeptime);
		time_t now = time(NULL);
		strftime(message.body, MESSAGE_MAX, "%H:%M:%S", gmtime(&now));
		message.length = strlen(message.body) + 1;
		message.type = 1;
		printf("Producer produced %s\n", message.body);
		mailbox_send(mailbox, &message, MAILBOX_NOWAIT);
	}
}

void consumer(int mailbox)
{
	struct message message;
	srand(2);
	for (int i = 0; i < ROUNDS; i++) {
		int sleeptime = rand() % NAP_TIME;
		printf("Consumer sleeping for %d seconds\n", sleeptime);
		sleep(sleeptime);
		printf("Consumer wants to consume.\n");
		if (mailbox_receive(mailbox, &message, MAILBOX_NOWAIT) == 1)
			printf("Consumer consumed %s\n", message.body);
	}
}

int main(void)
{
	/* first create the message buffer: the consumer owns it and receives from it */
	int mailbox = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_PROCESS);
	/* now create the producer and the consumer */
	if (fork() == 0) {
		producer(mailbox);
		return 0;
	}
	consumer(mailbox);
	wait(NULL);
	printf("left in the mailbox: %d\n", mailbox_count(mailbox));
	return 0;
}
