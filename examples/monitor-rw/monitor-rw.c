/* Readers and writers in a monitor with condition variables (seed 002,
   slide 19), the slide's readerwriter_2 as it is, with if: under Hoare's
   signal (the default) a signalled thread runs at once, while what it
   waited for still holds. startread lets the waiting readers in one after
   another; finishwrite prefers the readers. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <osplay/monitor.h>

monitor_t readerwriter_2;
int numberOfReaders = 0;
int busy = 0;
condition_t okToRead, okToWrite;
int data = 0;
int together = 0;	/* a writer with a reader, or two writers: never */

void startread(void)
{
	monitor_enter(readerwriter_2);
	if (busy || condition_queue(okToWrite))
		condition_wait(okToRead);
	numberOfReaders++;
	condition_signal(okToRead);
	monitor_leave(readerwriter_2);
}

void finishread(void)
{
	monitor_enter(readerwriter_2);
	numberOfReaders--;
	if (numberOfReaders == 0)
		condition_signal(okToWrite);
	monitor_leave(readerwriter_2);
}

void startwrite(void)
{
	monitor_enter(readerwriter_2);
	if (numberOfReaders != 0 || busy)
		condition_wait(okToWrite);
	busy = 1;
	monitor_leave(readerwriter_2);
}

void finishwrite(void)
{
	monitor_enter(readerwriter_2);
	busy = 0;
	if (condition_queue(okToRead))
		condition_signal(okToRead);
	else
		condition_signal(okToWrite);
	monitor_leave(readerwriter_2);
}

void *reader(void *arg)
{
	for (int i = 0; i < 3; i++) {
		startread();
		if (busy)
			together++;
		usleep(200);	/* read the resource */
		finishread();
	}
	return NULL;
}

void *writer(void *arg)
{
	for (int i = 0; i < 3; i++) {
		startwrite();
		if (numberOfReaders > 0)
			together++;
		data++;
		usleep(100);	/* write the resource */
		finishwrite();
	}
	return NULL;
}

int main(void)
{
	pthread_t t[4];
	readerwriter_2 = monitor_create("readerwriter_2");
	okToRead = condition_create(readerwriter_2, "okToRead");
	okToWrite = condition_create(readerwriter_2, "okToWrite");
	pthread_create(&t[0], NULL, reader, NULL);
	pthread_create(&t[1], NULL, reader, NULL);
	pthread_create(&t[2], NULL, writer, NULL);
	pthread_create(&t[3], NULL, writer, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("data = %d (want 6), readers and writers together: %d\n", data, together);
	return 0;
}
