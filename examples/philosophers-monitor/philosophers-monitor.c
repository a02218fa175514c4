/* Dining philosophers with a monitor (seed 002, slides 26-27): a
   philosopher eats only when neither neighbour eats; one who cannot waits
   on its own condition variable self[i], and a neighbour putting down its
   forks tests whether it may eat now. No philosopher ever holds one fork
   and waits for the other, so there is no cycle of waits. */
#include <stdio.h>
#include <pthread.h>
#include <sched.h>

#define N 5
#define MEALS 3
#define LEFT(i) (((i) + N - 1) % N)	/* (i-1) mod N: C's % of -1 is -1 */
#define RIGHT(i) (((i) + 1) % N)

enum status { EATING, HUNGRY, THINKING };

pthread_mutex_t monitor = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t self[N];
enum status state[N];
int meals[N];
int neighboursTogether = 0;	/* times two neighbours ate at once */

void test(int i)
{
	if (state[LEFT(i)] != EATING && state[i] == HUNGRY && state[RIGHT(i)] != EATING) {
		state[i] = EATING;
		pthread_cond_signal(&self[i]);
	}
}

void pickupforks(int i)
{
	pthread_mutex_lock(&monitor);
	state[i] = HUNGRY;
	test(i);
	while (state[i] != EATING)
		pthread_cond_wait(&self[i], &monitor);
	if (state[LEFT(i)] == EATING || state[RIGHT(i)] == EATING)
		neighboursTogether++;
	pthread_mutex_unlock(&monitor);
}

void putdownforks(int i)
{
	pthread_mutex_lock(&monitor);
	state[i] = THINKING;
	test(LEFT(i));
	test(RIGHT(i));
	pthread_mutex_unlock(&monitor);
}

void *philosopher(void *arg)
{
	int i = (int)(long)arg;
	for (int m = 0; m < MEALS; m++) {
		sched_yield();	/* think */
		pickupforks(i);
		meals[i]++;	/* eat */
		sched_yield();
		putdownforks(i);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++) {
		state[i] = THINKING;
		pthread_cond_init(&self[i], NULL);
	}
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		printf("philosopher %d ate %d times\n", i, meals[i]);
	printf("neighbours eating together: %d\n", neighboursTogether);
	return 0;
}
