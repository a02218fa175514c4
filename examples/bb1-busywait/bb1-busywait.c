/* The bounded buffer, version 1 (seed 001, slides 3.34-3.41): shared
   memory and busy waiting. The producer and the consumer share buffer,
   in, out and count; each waits by spinning while the buffer is full
   (empty). count++ and count-- are each a load, an add and a store: when
   the scheduler switches threads between the load and the store, one of
   the updates is lost and count no longer says how many items there are. */
#include <stdio.h>
#include <pthread.h>

#define BUFFER_SIZE 5
#define ITEMS 30

int buffer[BUFFER_SIZE];
int in = 0, out = 0;
volatile int count = 0;
int consumed = 0, sum = 0;

void *producer(void *arg)
{
	for (int item = 1; item <= ITEMS; item++) {
		while (count == BUFFER_SIZE)
			; /* do nothing */
		buffer[in] = item;
		in = (in + 1) % BUFFER_SIZE;
		count++;
	}
	return NULL;
}

void *consumer(void *arg)
{
	while (consumed < ITEMS) {
		while (count == 0)
			; /* do nothing */
		sum += buffer[out];
		out = (out + 1) % BUFFER_SIZE;
		count--;
		consumed++;
	}
	return NULL;
}

int main(void)
{
	pthread_t p, c;
	pthread_create(&p, NULL, producer, NULL);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	printf("consumed %d items, sum %d (want %d)\n", consumed, sum, ITEMS * (ITEMS + 1) / 2);
	printf("count = %d (want 0)\n", count);
	return 0;
}
