/* Dining philosophers, the naive way (seed 002, slides 24-25): five
   philosophers, five forks between them; each takes the fork on the left,
   then the one on the right. If all five take their left fork at once,
   each waits for the right one, held by the neighbour: a deadlock, a cycle
   of five waits. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

#define N 5
#define MEALS 3

pthread_mutex_t fork_[N];
int meals[N];

void *philosopher(void *arg)
{
	int i = (int)(long)arg;
	int left = i, right = (i + 1) % N;
	for (int m = 0; m < MEALS; m++) {
		/* think */
		pthread_mutex_lock(&fork_[left]);
		usleep(1000);	/* a moment between the two forks */
		pthread_mutex_lock(&fork_[right]);
		meals[i]++;	/* eat */
		pthread_mutex_unlock(&fork_[right]);
		pthread_mutex_unlock(&fork_[left]);
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
	for (int i = 0; i < N; i++)
		printf("philosopher %d ate %d times\n", i, meals[i]);
	return 0;
}
