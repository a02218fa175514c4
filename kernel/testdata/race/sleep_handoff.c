/* The same hand-off with a sleep instead of the pipe: in practice the
   reader comes later, but nothing orders it after the write. A race. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

static int result;

static void *producer(void *arg)
{
	result = 6 * 7;
	return NULL;
}

static void *consumer(void *arg)
{
	usleep(1000);
	printf("result %d\n", result);
	return NULL;
}

int main(void)
{
	pthread_t p, c;
	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
