/* Each thread counts in its own slot; main adds the slots up only after
   joining both, so every access is ordered by a create or a join. */
#include <stdio.h>
#include <pthread.h>

#define LOOPS 5

static int part[2];
static int total;

static void *worker(void *arg)
{
	long id = (long)arg;
	for (int i = 0; i < LOOPS; i++)
		part[id] = part[id] + 1;
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	total = 0;
	pthread_create(&a, NULL, worker, (void *)0);
	pthread_create(&b, NULL, worker, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	total = part[0] + part[1];
	printf("total %d\n", total);
	return 0;
}
