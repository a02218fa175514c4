/* Two threads hand a turn back and forth N times through a mutex and a
   condition variable: each waits, holding nothing, until the turn is its
   own, then gives it to the other. One round trip is two hand-offs. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int turn;
static long n, trips;

static void *player(void *arg)
{
	int me = (int)(long)arg;
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&m);
		while (turn != me)
			pthread_cond_wait(&c, &m);
		turn = 1 - me;
		if (me == 1)
			trips++;
		pthread_cond_signal(&c);
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(int argc, char *argv[])
{
	pthread_t a, b;
	n = atol(argv[1]);
	pthread_create(&a, NULL, player, (void *)0L);
	pthread_create(&b, NULL, player, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", trips);
	return 0;
}
