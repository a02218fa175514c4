/* The bounded buffer, version 4 (seed 002, slides 11-20): a monitor. Only
   one thread is inside at a time; a producer that finds the buffer full
   waits on notFull, a consumer that finds it empty on notEmpty. The
   procedures test with if, as Hoare's monitors allow: the signalled
   thread runs at once, while what it waited for still holds. Run it, then
   set the monitor's signal to Mesa in the settings (or --monitor mesa) and
   run it again: the signalled consumer now waits in the entry queue, the
   other consumer gets in first and takes the item, and the if lets the
   first one take an item from an empty buffer. With while it would look
   again. */
#include <stdio.h>
#include <pthread.h>
#include <osplay/monitor.h>

#define BUFFER_SIZE 2
#define ITEMS 12

monitor_t boundedbuffer;
condition_t notFull, notEmpty;
int buffer[BUFFER_SIZE];
int in = 0, out = 0, count = 0;
int fromEmpty = 0;	/* fetches that found no item */

void deposit(int item)
{
	monitor_enter(boundedbuffer);
	if (count == BUFFER_SIZE)
		condition_wait(notFull);
	for (int i = 0; i < 20; i++)
		;	/* the producer takes its time inside the monitor */
	buffer[in] = item;
	in = (in + 1) % BUFFER_SIZE;
	count++;
	condition_signal(notEmpty);
	monitor_leave(boundedbuffer);
}

int fetch(void)
{
	monitor_enter(boundedbuffer);
	if (count == 0)
		condition_wait(notEmpty);
	if (count == 0)
		fromEmpty++;
	int item = buffer[out];
	out = (out + 1) % BUFFER_SIZE;
	count--;
	condition_signal(notFull);
	monitor_leave(boundedbuffer);
	return item;
}

void *producer(void *arg)
{
	for (int item = 1; item <= ITEMS; item++)
		deposit(item);
	return NULL;
}

void *consumer(void *arg)
{
	long sum = 0;
	for (int i = 0; i < ITEMS / 2; i++)
		sum += fetch();
	return (void *)sum;
}

int main(void)
{
	pthread_t p, c1, c2;
	void *s1, *s2;
	boundedbuffer = monitor_create("boundedbuffer");
	notFull = condition_create(boundedbuffer, "notFull");
	notEmpty = condition_create(boundedbuffer, "notEmpty");
	pthread_create(&c1, NULL, consumer, NULL);
	pthread_create(&c2, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c1, &s1);
	pthread_join(c2, &s2);
	printf("sum of the items fetched: %ld (want %d)\n", (long)s1 + (long)s2, ITEMS * (ITEMS + 1) / 2);
	printf("fetches from an empty buffer: %d\n", fromEmpty);
	return 0;
}
