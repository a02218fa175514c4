/* The counter with a binary semaphore as its lock. */
#include <stdio.h>
#include <pthread.h>
#include <semaphore.h>

#define LOOPS 3

static sem_t s;
static int counter;

static void *worker(void *arg)
{
	for (int i = 0; i < LOOPS; i++) {
		sem_wait(&s);
		counter = counter + 1;
		sem_post(&s);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	sem_init(&s, 0, 1);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter %d\n", counter);
	return 0;
}
