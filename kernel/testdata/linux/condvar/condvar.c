/* Producer and consumers on a bounded buffer with a mutex and two
 * condition variables (OSTEP ch. 30): every item is consumed exactly once. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <errno.h>

#define MAX 4
#define ITEMS 40
#define CONSUMERS 3

static int buffer[MAX], fill_at, use_at, count;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t empty = PTHREAD_COND_INITIALIZER, full = PTHREAD_COND_INITIALIZER;
static int sums[CONSUMERS];

static void put(int v) { buffer[fill_at] = v; fill_at = (fill_at + 1) % MAX; count++; }
static int get(void) { int v = buffer[use_at]; use_at = (use_at + 1) % MAX; count--; return v; }

static void *producer(void *arg)
{
	for (int i = 1; i <= ITEMS + CONSUMERS; i++) {
		pthread_mutex_lock(&mutex);
		while (count == MAX)
			pthread_cond_wait(&empty, &mutex);
		put(i <= ITEMS ? i : -1); /* -1: the end, one for each consumer */
		pthread_cond_signal(&full);
		pthread_mutex_unlock(&mutex);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	int id = (int)(long)arg;
	for (;;) {
		pthread_mutex_lock(&mutex);
		while (count == 0)
			pthread_cond_wait(&full, &mutex);
		int v = get();
		pthread_cond_signal(&empty);
		pthread_mutex_unlock(&mutex);
		if (v < 0)
			break;
		sums[id] += v;
	}
	return NULL;
}

int main(void)
{
	pthread_t p, c[CONSUMERS];
	pthread_create(&p, NULL, producer, NULL);
	for (long i = 0; i < CONSUMERS; i++)
		pthread_create(&c[i], NULL, consumer, (void *)i);
	pthread_join(p, NULL);
	int total = 0;
	for (int i = 0; i < CONSUMERS; i++) {
		pthread_join(c[i], NULL);
		total += sums[i];
	}
	printf("total %d (want %d), left %d\n", total, ITEMS * (ITEMS + 1) / 2, count);

	/* A timed wait nobody signals ends with ETIMEDOUT, the mutex held again. */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&mutex);
	int r = pthread_cond_timedwait(&full, &mutex, &ts);
	printf("timedwait: %s, trylock while held: %d\n", r == ETIMEDOUT ? "ETIMEDOUT" : "?",
	       pthread_mutex_trylock(&mutex) == EBUSY);
	pthread_mutex_unlock(&mutex);
	pthread_cond_broadcast(&full);
	pthread_cond_destroy(&full);
	return 0;
}
