/* The lost update (OSTEP ch. 26, threads-intro/t1.c): two threads add 1 to
   a shared counter, LOOPS times each. counter = counter + 1 is three
   instructions, a load, an add and a store; a preemption between the load
   and the store of one thread lets the other's updates be overwritten. */
#include <stdio.h>
#include <pthread.h>

#define LOOPS 2000

volatile int counter = 0;

void *worker(void *arg)
{
	for (int i = 0; i < LOOPS; i++)
		counter = counter + 1;
	return NULL;
}

int main(void)
{
	pthread_t p1, p2;
	pthread_create(&p1, NULL, worker, NULL);
	pthread_create(&p2, NULL, worker, NULL);
	pthread_join(p1, NULL);
	pthread_join(p2, NULL);
	printf("counter = %d (want %d)\n", counter, 2 * LOOPS);
	return 0;
}
