/* Readers and writers in a monitor with busy waiting (seed 002, slides
   15-16), the slide's readerwriter_1: startwrite spins inside the monitor
   while a reader reads. Only one thread is ever inside, so the reader can
   never get in to call finishread: the writer spins for ever and the run
   stops at the instruction limit, the reader waiting in the monitor's
   entry queue for the writer inside it. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <osplay/monitor.h>

monitor_t readerwriter_1;
int numberOfReaders = 0;
int numberOfWriters = 0;
int busy = 0;
int data = 0;

void startread(void)
{
	monitor_enter(readerwriter_1);
	while (numberOfWriters != 0)
		;
	numberOfReaders++;
	monitor_leave(readerwriter_1);
}

void finishread(void)
{
	monitor_enter(readerwriter_1);
	numberOfReaders--;
	monitor_leave(readerwriter_1);
}

void startwrite(void)
{
	monitor_enter(readerwriter_1);
	numberOfWriters++;
	while (busy || numberOfReaders > 0)
		;
	busy = 1;
	monitor_leave(readerwriter_1);
}

void finishwrite(void)
{
	monitor_enter(readerwriter_1);
	numberOfWriters--;
	busy = 0;
	monitor_leave(readerwriter_1);
}

void *reader(void *arg)
{
	startread();
	printf("reader: read %d\n", data);
	usleep(1000);	/* reading takes a while */
	finishread();
	printf("reader: done\n");
	return NULL;
}

void *writer(void *arg)
{
	startwrite();
	data++;
	printf("writer: wrote %d\n", data);
	finishwrite();
	return NULL;
}

int main(void)
{
	pthread_t r, w;
	readerwriter_1 = monitor_create("readerwriter_1");
	pthread_create(&r, NULL, reader, NULL);
	usleep(100);	/* the writer comes while the reader reads */
	pthread_create(&w, NULL, writer, NULL);
	pthread_join(r, NULL);
	pthread_join(w, NULL);
	printf("data = %d\n", data);
	return 0;
}
