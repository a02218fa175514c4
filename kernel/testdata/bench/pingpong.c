/* Semaphore ping-pong between two threads, N round trips: each waits on
   its own semaphore and posts the other's. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>

static sem_t ping, pong;
static long n, trips;

static void *pinger(void *arg)
{
	for (long i = 0; i < n; i++) {
		sem_wait(&ping);
		sem_post(&pong);
	}
	return NULL;
}

static void *ponger(void *arg)
{
	for (long i = 0; i < n; i++) {
		sem_wait(&pong);
		trips++;
		sem_post(&ping);
	}
	return NULL;
}

int main(int argc, char *argv[])
{
	pthread_t a, b;
	n = atol(argv[1]);
	sem_init(&ping, 0, 1);
	sem_init(&pong, 0, 0);
	pthread_create(&a, NULL, pinger, NULL);
	pthread_create(&b, NULL, ponger, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", trips);
	return 0;
}
