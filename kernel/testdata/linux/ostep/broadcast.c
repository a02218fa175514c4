/* pthread_cond_broadcast, the covering condition of OSTEP ch. 30: a
 * gate many threads wait at, opened once for all; and a signal that
 * finds nobody waiting is lost, which the state variable makes harmless. */
#include <pthread.h>
#include <stdio.h>

#define WAITERS 5

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t opened = PTHREAD_COND_INITIALIZER;
static pthread_cond_t arrived = PTHREAD_COND_INITIALIZER;
static int open_, waiting, through;

static void *waiter(void *arg)
{
	pthread_mutex_lock(&m);
	waiting++;
	pthread_cond_signal(&arrived);
	while (!open_)
		pthread_cond_wait(&opened, &m);
	through++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t[WAITERS];
	/* A signal with nobody waiting changes nothing. */
	pthread_cond_signal(&opened);
	pthread_cond_broadcast(&opened);

	for (int i = 0; i < WAITERS; i++)
		pthread_create(&t[i], NULL, waiter, NULL);
	pthread_mutex_lock(&m);
	while (waiting < WAITERS)
		pthread_cond_wait(&arrived, &m);
	printf("%d waiting, %d through before the gate opens\n", waiting, through);
	open_ = 1;
	pthread_cond_broadcast(&opened);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < WAITERS; i++)
		pthread_join(t[i], NULL);
	printf("%d through after one broadcast\n", through);
	printf("destroy: %d %d\n", pthread_cond_destroy(&opened), pthread_mutex_destroy(&m));
	return 0;
}
