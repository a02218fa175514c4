/* Producer and consumer with semaphores (OSTEP ch. 31): empty, full and a
 * binary semaphore as the lock; then trywait, getvalue and timedwait. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include <errno.h>

#define MAX 3
#define ITEMS 30

static int buffer[MAX], fill_at, use_at;
static sem_t empty, full, lock;
static int consumed;

static void *producer(void *arg)
{
	for (int i = 1; i <= ITEMS; i++) {
		sem_wait(&empty);
		sem_wait(&lock);
		buffer[fill_at] = i;
		fill_at = (fill_at + 1) % MAX;
		sem_post(&lock);
		sem_post(&full);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	for (int i = 0; i < ITEMS / 2; i++) {
		sem_wait(&full);
		sem_wait(&lock);
		consumed += buffer[use_at];
		use_at = (use_at + 1) % MAX;
		sem_post(&lock);
		sem_post(&empty);
	}
	return NULL;
}

int main(void)
{
	pthread_t p, c1, c2;
	sem_init(&empty, 0, MAX);
	sem_init(&full, 0, 0);
	sem_init(&lock, 0, 1);
	pthread_create(&c1, NULL, consumer, NULL);
	pthread_create(&c2, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c1, NULL);
	pthread_join(c2, NULL);
	printf("consumed %d (want %d)\n", consumed, ITEMS * (ITEMS + 1) / 2);

	int v;
	sem_getvalue(&empty, &v);
	printf("empty %d\n", v);
	int r = sem_trywait(&full);
	printf("trywait on 0: %d %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	errno = 0;
	r = sem_timedwait(&full, &ts);
	printf("timedwait on 0: %d %s\n", r, errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
	ts.tv_nsec = 2000000000;
	sem_post(&full);
	r = sem_timedwait(&full, &ts);
	printf("timedwait on 1: %d\n", r);
	sem_destroy(&empty);
	sem_destroy(&full);
	sem_destroy(&lock);
	return 0;
}
