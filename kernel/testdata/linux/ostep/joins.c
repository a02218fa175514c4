/* A parent waits for its child three ways, after OSTEP ch. 30-31: with a
 * condition variable and a done flag (the state variable the chapter
 * insists on), with a semaphore initialised to 0, and with a semaphore
 * built from a mutex and a condition variable. Each child runs after
 * "begin" and before "end", whichever runs first. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int done;

static void *cv_child(void *arg)
{
	printf("cv: child\n");
	pthread_mutex_lock(&m);
	done = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

static sem_t s;

static void *sem_child(void *arg)
{
	usleep(1000); /* the parent waits first this time */
	printf("sem: child\n");
	sem_post(&s);
	return NULL;
}

/* A semaphore from a lock and a condition variable. */
typedef struct {
	int value;
	pthread_mutex_t lock;
	pthread_cond_t cond;
} zem_t;

static void zem_init(zem_t *z, int value)
{
	z->value = value;
	pthread_mutex_init(&z->lock, NULL);
	pthread_cond_init(&z->cond, NULL);
}

static void zem_wait(zem_t *z)
{
	pthread_mutex_lock(&z->lock);
	while (z->value <= 0)
		pthread_cond_wait(&z->cond, &z->lock);
	z->value--;
	pthread_mutex_unlock(&z->lock);
}

static void zem_post(zem_t *z)
{
	pthread_mutex_lock(&z->lock);
	z->value++;
	pthread_cond_signal(&z->cond);
	pthread_mutex_unlock(&z->lock);
}

static zem_t z;

static void *zem_child(void *arg)
{
	printf("zem: child\n");
	zem_post(&z);
	return NULL;
}

int main(void)
{
	pthread_t t;

	printf("cv: parent begin\n");
	pthread_create(&t, NULL, cv_child, NULL);
	pthread_mutex_lock(&m);
	while (!done)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	printf("cv: parent end\n");

	sem_init(&s, 0, 0);
	printf("sem: parent begin\n");
	pthread_create(&t, NULL, sem_child, NULL);
	sem_wait(&s);
	printf("sem: parent end\n");

	zem_init(&z, 0);
	printf("zem: parent begin\n");
	pthread_create(&t, NULL, zem_child, NULL);
	zem_wait(&z);
	printf("zem: parent end, value %d\n", z.value);
	return 0;
}
