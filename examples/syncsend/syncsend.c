/* Synchronous IPC (seed 002, slide 34): syncsend waits until the receiver
   has taken the message; blockreceive waits until a message comes. p1
   signals p2 and waits; p2 processes the message and signals back. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/message.h>

int main(void)
{
	struct message message1, message2, msgbuff;
	pid_t p1 = getpid(), p2, from;
	if ((p2 = fork()) == 0) {	/* code for p2 */
		/* wait for signal from p1 */
		blockreceive(&msgbuff, &from);
		printf("p2: got \"%s\" from %s\n", msgbuff.body, from == p1 ? "p1" : "?");
		/* process message */
		strcpy(message2.body, "done");
		message2.length = 5;
		message2.type = 2;
		/* signal p1 */
		syncsend(&message2, p1);
		printf("p2: p1 has taken my answer\n");
		return 0;
	}
	/* code for p1: signal p2 */
	strcpy(message1.body, "work");
	message1.length = 5;
	message1.type = 1;
	syncsend(&message1, p2);
	printf("p1: p2 has taken my message\n");
	/* wait for signal from p2 */
	blockreceive(&msgbuff, &from);
	printf("p1: got \"%s\" from %s\n", msgbuff.body, from == p2 ? "p2" : "?");
	wait(NULL);
	return 0;
}
