/* Ordering with semaphores (OSTEP ch. 31 and its homework): a rendezvous
 * of two threads, a barrier built from a mutex and a turnstile semaphore,
 * and dining philosophers with semaphore forks in which the last
 * philosopher takes its forks in the other order, so no cycle forms. */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>

/* Events are recorded in order, then checked: output lines of several
   threads would come in any order. */
static char events[64];
static int nevents;
static sem_t record_lock;

static void record(char e)
{
	sem_wait(&record_lock);
	events[nevents++] = e;
	sem_post(&record_lock);
}

static sem_t a_arrived, b_arrived;

static void *side_a(void *arg)
{
	record('a'); /* before the rendezvous */
	sem_post(&a_arrived);
	sem_wait(&b_arrived);
	record('A'); /* after */
	return NULL;
}

static void *side_b(void *arg)
{
	sched_yield();
	record('b');
	sem_post(&b_arrived);
	sem_wait(&a_arrived);
	record('B');
	return NULL;
}

#define N 4
typedef struct {
	sem_t mutex;
	sem_t turnstile;
	int count;
	int n;
} barrier_t;

static void barrier_init(barrier_t *b, int n)
{
	sem_init(&b->mutex, 0, 1);
	sem_init(&b->turnstile, 0, 0);
	b->count = 0;
	b->n = n;
}

static void barrier_wait(barrier_t *b)
{
	sem_wait(&b->mutex);
	if (++b->count == b->n)
		for (int i = 0; i < b->n; i++)
			sem_post(&b->turnstile); /* the last one opens it for all */
	sem_post(&b->mutex);
	sem_wait(&b->turnstile);
}

static barrier_t bar;

static void *worker(void *arg)
{
	record('1'); /* before the barrier */
	for (int i = 0; i < (int)(long)arg; i++)
		sched_yield();
	barrier_wait(&bar);
	record('2'); /* after */
	return NULL;
}

#define PHILS 5
static sem_t forks[PHILS];
static int meals[PHILS];

static void *philosopher(void *arg)
{
	int p = (int)(long)arg;
	int left = p, right = (p + 1) % PHILS;
	for (int i = 0; i < 10; i++) {
		if (p == PHILS - 1) {
			sem_wait(&forks[right]);
			sched_yield();
			sem_wait(&forks[left]);
		} else {
			sem_wait(&forks[left]);
			sched_yield();
			sem_wait(&forks[right]);
		}
		meals[p]++;
		sem_post(&forks[left]);
		sem_post(&forks[right]);
	}
	return NULL;
}

/* ordered reports whether every 'first' event comes before every 'second'. */
static int ordered(char first, char second)
{
	int seen_second = 0;
	for (int i = 0; i < nevents; i++) {
		if (events[i] == second)
			seen_second = 1;
		if (events[i] == first && seen_second)
			return 0;
	}
	return 1;
}

int main(void)
{
	pthread_t t[PHILS];
	sem_init(&record_lock, 0, 1);

	sem_init(&a_arrived, 0, 0);
	sem_init(&b_arrived, 0, 0);
	pthread_create(&t[0], NULL, side_a, NULL);
	pthread_create(&t[1], NULL, side_b, NULL);
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	printf("rendezvous: a and b both before A and B: %s\n",
	       ordered('a', 'A') && ordered('a', 'B') && ordered('b', 'A') && ordered('b', 'B') ? "yes" : "no");

	nevents = 0;
	barrier_init(&bar, N);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("barrier: %d events, all arrivals before any departure: %s\n", nevents, ordered('1', '2') ? "yes" : "no");

	for (int i = 0; i < PHILS; i++)
		sem_init(&forks[i], 0, 1);
	for (long i = 0; i < PHILS; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < PHILS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < PHILS; i++)
		printf("philosopher %d ate %d times\n", i, meals[i]);
	return 0;
}
