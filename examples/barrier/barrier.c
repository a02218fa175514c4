/* A barrier: four threads each compute a part in phase 1, then in phase 2
   each reads its neighbour's part. pthread_barrier_wait keeps every thread
   out of phase 2 until all have finished phase 1. */
#include <stdio.h>
#include <pthread.h>

#define N 4

pthread_barrier_t barrier;
int part[N];
int seen[N];

void *worker(void *arg)
{
	int i = (int)(long)arg;
	int sum = 0;
	for (int k = 1; k <= 100 * (i + 1); k++)	/* phase 1: some work */
		sum += k % 7;
	part[i] = sum;
	pthread_barrier_wait(&barrier);
	seen[i] = part[(i + 1) % N];	/* phase 2: the neighbour's result */
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	pthread_barrier_init(&barrier, NULL, N);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		printf("thread %d computed %d and saw its neighbour's %d\n", i, part[i], seen[i]);
	pthread_barrier_destroy(&barrier);
	return 0;
}
