/* The lost update fixed (OSTEP ch. 28): a mutex makes the load, the add
   and the store of counter = counter + 1 one critical section; a thread
   preempted inside it keeps the lock, and the other waits for it. */
#include <stdio.h>
#include <pthread.h>

#define LOOPS 2000

volatile int counter = 0;
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void *worker(void *arg)
{
	for (int i = 0; i < LOOPS; i++) {
		pthread_mutex_lock(&lock);
		counter = counter + 1;
		pthread_mutex_unlock(&lock);
	}
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
