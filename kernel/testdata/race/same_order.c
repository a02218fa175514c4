/* A deadlock, fixed: two threads move units between two accounts, each
   taking both locks, always the lower-numbered account's first. */
#include <stdio.h>
#include <pthread.h>

static int balance[2] = {100, 100};
static pthread_mutex_t lock[2] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};

static void transfer(int from, int to, int n)
{
	int first = from < to ? from : to, second = from < to ? to : from;
	pthread_mutex_lock(&lock[first]);
	pthread_mutex_lock(&lock[second]);
	balance[from] -= n;
	balance[to] += n;
	pthread_mutex_unlock(&lock[second]);
	pthread_mutex_unlock(&lock[first]);
}

static void *mover(void *arg)
{
	long dir = (long)arg;
	for (int i = 0; i < 5; i++)
		transfer(dir, 1 - dir, 3);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, mover, (void *)0);
	pthread_create(&b, NULL, mover, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("total %d\n", balance[0] + balance[1]);
	return 0;
}
