/* The naive dining philosophers: each takes the fork on its left, then
 * reaches for the one on its right. With a small quantum all five can end
 * up holding one fork each and waiting for the next: the kernel reports
 * the cycle, and the run ends in a deadlock. */
#include <pthread.h>
#include <stdio.h>
#define N 5
static pthread_mutex_t fork_[N];
static void *philosopher(void *arg)
{
	int i = (int)(long)arg;
	for (int k = 0; k < 100; k++) {
		pthread_mutex_lock(&fork_[i]);
		for (volatile int j = 0; j < 3; j++)
			; /* reach for the other fork */
		pthread_mutex_lock(&fork_[(i + 1) % N]);
		pthread_mutex_unlock(&fork_[(i + 1) % N]);
		pthread_mutex_unlock(&fork_[i]);
	}
	return NULL;
}
int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++)
		pthread_mutex_init(&fork_[i], NULL);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("all ate\n");
	return 0;
}
