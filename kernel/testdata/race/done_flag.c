/* Waiting for a child thread, fixed: instead of spinning on a plain flag,
   main sleeps on a condition variable until the child sets the flag
   under the mutex. */
#include <stdio.h>
#include <pthread.h>

static int done;
static int result;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void *child(void *arg)
{
	result = 6 * 7;
	pthread_mutex_lock(&m);
	done = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t p;
	pthread_create(&p, NULL, child, NULL);
	pthread_mutex_lock(&m);
	while (!done)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	printf("result %d\n", result);
	pthread_join(p, NULL);
	return 0;
}
