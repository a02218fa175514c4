/* Asynchronous IPC (seed 002, slide 35): asyncsend returns at once;
   nbreceive takes a message if one is there and returns at once if not.
   p1 signals p2, does other work, then polls for the answer; p2 polls,
   doing other work while no signal has come. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/message.h>

int main(void)
{
	struct message message1, message2, msg;
	pid_t p1 = getpid(), p2, from;
	int polls = 0, work = 0;
	if ((p2 = fork()) == 0) {	/* code for p2 */
		for (;;) {
			/* test for signal from p1 */
			if (nbreceive(&msg, &from)) {
				printf("p2: got \"%s\" after %d times of other processing\n", msg.body, work);
				strcpy(message2.body, "done");
				message2.length = 5;
				asyncsend(&message2, p1);
				return 0;
			} else {
				work++;	/* other processing */
				usleep(100);
			}
		}
	}
	usleep(350);	/* p1 starts late */
	/* code for p1: signal p2 */
	strcpy(message1.body, "work");
	message1.length = 5;
	asyncsend(&message1, p2);
	printf("p1: sent, going on at once\n");
	/* other processing, then wait for signal from p2 */
	while (!nbreceive(&msg, &from))
		polls++;
	printf("p1: got \"%s\" after %d empty polls\n", msg.body, polls);
	wait(NULL);
	return 0;
}
