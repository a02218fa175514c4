/* An assertion that holds under most schedules: the worker writes the
   stage and checks it, main writes it too. Should main write between the
   worker's store and its check, the assertion fails. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static volatile int stage;

static void *worker(void *arg)
{
	stage = 1;
	assert(stage == 1);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, worker, NULL);
	stage = 2;
	pthread_join(t, NULL);
	printf("done\n");
	return 0;
}
