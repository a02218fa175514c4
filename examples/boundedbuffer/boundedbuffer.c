/* The bounded buffer with semaphores (slides 3.32-3.41, seed 002):
   a producer and a consumer share BUFFER_SIZE slots; empty counts the free
   slots, full the filled ones, and mutex lets one thread at a time move
   in, out and count. */
#include <stdio.h>
#include <pthread.h>
#include <semaphore.h>

#define BUFFER_SIZE 5
#define ITEMS 12

int buffer[BUFFER_SIZE];
int in = 0, out = 0, count = 0;
sem_t empty, full, mutex;

void *producer(void *arg)
{
	for (int item = 1; item <= ITEMS; item++) {
		sem_wait(&empty);	/* wait for a free slot */
		sem_wait(&mutex);
		buffer[in] = item * 10;
		in = (in + 1) % BUFFER_SIZE;
		count++;
		sem_post(&mutex);
		sem_post(&full);	/* one more item to take */
	}
	return NULL;
}

void *consumer(void *arg)
{
	for (int i = 0; i < ITEMS; i++) {
		sem_wait(&full);	/* wait for an item */
		sem_wait(&mutex);
		int item = buffer[out];
		out = (out + 1) % BUFFER_SIZE;
		count--;
		sem_post(&mutex);
		sem_post(&empty);	/* one more free slot */
		printf("consumed %d\n", item);
	}
	return NULL;
}

int main(void)
{
	pthread_t p, c;
	sem_init(&empty, 0, BUFFER_SIZE);
	sem_init(&full, 0, 0);
	sem_init(&mutex, 0, 1);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	printf("count = %d, in = %d, out = %d\n", count, in, out);
	return 0;
}
