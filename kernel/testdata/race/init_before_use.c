/* An order violation, fixed: the worker may only use the configuration
   once main has filled it in, and waits for it on a condition variable,
   checking the flag in a loop under the mutex. */
#include <stdio.h>
#include <pthread.h>

static int limit;
static int ready;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t filled = PTHREAD_COND_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&filled, &m);
	pthread_mutex_unlock(&m);
	printf("limit %d\n", limit);
	return NULL;
}

int main(void)
{
	pthread_t w;
	pthread_create(&w, NULL, worker, NULL);
	limit = 42;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&filled);
	pthread_mutex_unlock(&m);
	pthread_join(w, NULL);
	return 0;
}
