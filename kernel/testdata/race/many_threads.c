/* More threads than the race detector keeps clocks for, one after the
   other, each joined before the next starts. */
#include <stdio.h>
#include <pthread.h>

static int counter;

static void *bump(void *arg)
{
	counter++;
	return NULL;
}

int main(void)
{
	for (int i = 0; i < 1100; i++) {
		pthread_t t;
		pthread_create(&t, NULL, bump, NULL);
		pthread_join(t, NULL);
	}
	printf("counter %d\n", counter);
	return 0;
}
