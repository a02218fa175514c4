/* Dining philosophers with a monitor (seed 002, slides 24-27), the
   slide's diningPhilosophers as it is: a hungry philosopher eats only
   when neither neighbour eats, and otherwise waits on its own condition
   self[i]; one who puts the forks down tests both neighbours. Nobody
   holds one fork and waits for the other: no deadlock. The slide's
   (i-1) mod N is (i + N - 1) % N in C, where -1 % 5 is -1. */
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <osplay/monitor.h>

#define N 5
#define MEALS 3
enum status { EATING, HUNGRY, THINKING };

monitor_t diningPhilosophers;
enum status state[N];
condition_t self[N];
int meals[N];
int neighboursTogether = 0;

void test(int i)
{
	if ((state[(i + N - 1) % N] != EATING) && (state[i] == HUNGRY) && (state[(i + 1) % N] != EATING)) {
		state[i] = EATING;
		condition_signal(self[i]);
	}
}

void pickUpForks(int i)
{
	monitor_enter(diningPhilosophers);
	state[i] = HUNGRY;
	test(i);
	if (state[i] != EATING)
		condition_wait(self[i]);
	if (state[(i + N - 1) % N] == EATING || state[(i + 1) % N] == EATING)
		neighboursTogether++;
	monitor_leave(diningPhilosophers);
}

void putDownForks(int i)
{
	monitor_enter(diningPhilosophers);
	state[i] = THINKING;
	test((i + N - 1) % N);
	test((i + 1) % N);
	monitor_leave(diningPhilosophers);
}

void *philosopher(void *arg)
{
	int i = (int)(long)arg;
	for (int m = 0; m < MEALS; m++) {
		sched_yield();	/* think */
		pickUpForks(i);
		meals[i]++;	/* eat */
		sched_yield();
		putDownForks(i);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	char name[8] = "self[0]";
	diningPhilosophers = monitor_create("diningPhilosophers");
	for (int i = 0; i < N; i++) {	/* initialisation: everyone thinks */
		state[i] = THINKING;
		name[5] = '0' + i;
		self[i] = condition_create(diningPhilosophers, name);
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
