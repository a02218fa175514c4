/* A thread hands a result to another through a pipe: the reader reads
   the shared variable only after the byte written after it arrived, so
   the pipe orders the two accesses. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

static int fds[2];
static int result;

static void *producer(void *arg)
{
	result = 6 * 7;
	write(fds[1], "x", 1);
	return NULL;
}

static void *consumer(void *arg)
{
	char c;
	read(fds[0], &c, 1);
	printf("result %d\n", result);
	return NULL;
}

int main(void)
{
	pthread_t p, c;
	pipe(fds);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
