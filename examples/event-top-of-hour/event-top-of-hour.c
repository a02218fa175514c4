/* Events (seed 002, slides 2-4): the top of the hour. Processes wait on
   the event topOfHour; at the top of the hour process j signals it as
   long as any process waits, and each signal lets one go on. A signal
   with nobody waiting is lost: an event is not a semaphore. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/event.h>

event_t topOfHour;

int isTopOfHour(void)
{
	return time(NULL) % 3600 == 0;
}

void processI(int i)
{
	/* Wait until the top of the hour before proceeding */
	event_wait(topOfHour);
	/* It's the top of the hour ... */
	time_t now = time(NULL);
	char when[16];
	strftime(when, sizeof when, "%H:%M:%S", gmtime(&now));
	printf("process %d: it's %s\n", i, when);
}

int main(void)
{
	topOfHour = event_create("topOfHour");
	printf("a signal nobody waits for: %d\n", event_signal(topOfHour));
	for (int i = 1; i <= 3; i++)
		if (fork() == 0) {
			sleep(i);	/* they come to wait one after another */
			processI(i);
			return 0;
		}
	/* process j: sleep until the next hour, then signal while anyone waits */
	sleep(3600 - time(NULL) % 3600);
	if (isTopOfHour())
		while (event_queue(topOfHour) > 0)
			event_signal(topOfHour);
	while (wait(NULL) > 0)
		;
	return 0;
}
