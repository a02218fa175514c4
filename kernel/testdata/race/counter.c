/* Two threads add to a shared counter without a lock: an update is lost
   when one thread is preempted between its load and its store. */
#include <stdio.h>
#include <pthread.h>

#define LOOPS 5

static volatile int counter;

static void *worker(void *arg)
{
	for (int i = 0; i < LOOPS; i++)
		counter = counter + 1;
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter %d\n", counter);
	return 0;
}
