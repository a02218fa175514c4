/* A barrier, three rounds: no thread starts a round before all finished
 * the last, and exactly one thread per round is the serial thread. */
#include <pthread.h>
#include <stdio.h>

#define N 4
#define ROUNDS 3

static pthread_barrier_t barrier;
static int done[ROUNDS], early[ROUNDS], serial[ROUNDS];

static void *worker(void *arg)
{
	for (int r = 0; r < ROUNDS; r++) {
		__sync_fetch_and_add(&done[r], 1);
		int s = pthread_barrier_wait(&barrier);
		if (done[r] != N)
			early[r]++;
		if (s == PTHREAD_BARRIER_SERIAL_THREAD)
			__sync_fetch_and_add(&serial[r], 1);
		else if (s != 0)
			printf("barrier_wait returned %d\n", s);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	pthread_barrier_init(&barrier, NULL, N);
	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int r = 0; r < ROUNDS; r++)
		printf("round %d: %d arrived, %d went early, %d serial\n", r, done[r], early[r], serial[r]);
	printf("destroy: %d\n", pthread_barrier_destroy(&barrier));
	return 0;
}
