/* Semaphores as locks and as throttles (OSTEP ch. 31): a binary
 * semaphore keeps a counter exact; a semaphore of 2 lets at most two
 * threads into a region at once; a reader-writer lock built from two
 * semaphores lets readers share and writers exclude. */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>

#define THREADS 4
#define LOOPS 500

static sem_t binary;
static int counter;

static void *add(void *arg)
{
	for (int i = 0; i < LOOPS; i++) {
		sem_wait(&binary);
		counter++;
		sem_post(&binary);
	}
	return NULL;
}

static sem_t throttle;
static int inside, most;

static void *crowd(void *arg)
{
	for (int i = 0; i < 20; i++) {
		sem_wait(&throttle);
		int now = __sync_add_and_fetch(&inside, 1);
		int seen = most;
		while (now > seen && !__sync_bool_compare_and_swap(&most, seen, now))
			seen = most;
		sched_yield();
		__sync_sub_and_fetch(&inside, 1);
		sem_post(&throttle);
	}
	return NULL;
}

typedef struct {
	sem_t lock;      /* guards readers */
	sem_t writelock; /* held by a writer, or by the readers as a group */
	int readers;
} rwlock_t;

static void rw_init(rwlock_t *rw)
{
	rw->readers = 0;
	sem_init(&rw->lock, 0, 1);
	sem_init(&rw->writelock, 0, 1);
}

static void rw_read_lock(rwlock_t *rw)
{
	sem_wait(&rw->lock);
	if (++rw->readers == 1)
		sem_wait(&rw->writelock); /* the first reader locks the writers out */
	sem_post(&rw->lock);
}

static void rw_read_unlock(rwlock_t *rw)
{
	sem_wait(&rw->lock);
	if (--rw->readers == 0)
		sem_post(&rw->writelock); /* the last reader lets them in */
	sem_post(&rw->lock);
}

static rwlock_t rw;
static int x, y; /* writers keep x == y */
static int torn;

static void *reader(void *arg)
{
	for (int i = 0; i < 40; i++) {
		rw_read_lock(&rw);
		if (x != y)
			torn++;
		rw_read_unlock(&rw);
	}
	return NULL;
}

static void *writer(void *arg)
{
	for (int i = 0; i < 25; i++) {
		sem_wait(&rw.writelock);
		x++;
		sched_yield();
		y++;
		sem_post(&rw.writelock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];

	sem_init(&binary, 0, 1);
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, add, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	printf("binary semaphore: counter %d (want %d)\n", counter, THREADS * LOOPS);

	sem_init(&throttle, 0, 2);
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, crowd, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	printf("throttle: at most 2 inside: %s\n", most <= 2 && most >= 1 ? "yes" : "no");

	rw_init(&rw);
	pthread_create(&t[0], NULL, reader, NULL);
	pthread_create(&t[1], NULL, writer, NULL);
	pthread_create(&t[2], NULL, reader, NULL);
	pthread_create(&t[3], NULL, writer, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("reader-writer lock: x %d y %d, torn reads %d\n", x, y, torn);
	return 0;
}
