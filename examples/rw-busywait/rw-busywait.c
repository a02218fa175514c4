/* Readers and writers in a monitor with busy waiting (seed 002, slides
   15-16): the monitor lets one thread in at a time (the mutex every
   procedure takes and gives back, as the compiler would), and startwrite
   waits for the readers by spinning inside the monitor. A writer that
   comes while a reader reads spins for ever: the reader can never get back
   in to call finishread. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

pthread_mutex_t monitor = PTHREAD_MUTEX_INITIALIZER;
int numberOfReaders = 0;
int numberOfWriters = 0;
int busy = 0;
int data = 0;

void startread(void)
{
	pthread_mutex_lock(&monitor);
	while (numberOfWriters != 0)
		;
	numberOfReaders++;
	pthread_mutex_unlock(&monitor);
}

void finishread(void)
{
	pthread_mutex_lock(&monitor);
	numberOfReaders--;
	pthread_mutex_unlock(&monitor);
}

void startwrite(void)
{
	pthread_mutex_lock(&monitor);
	numberOfWriters++;
	while (busy || numberOfReaders > 0)
		;
	busy = 1;
	pthread_mutex_unlock(&monitor);
}

void finishwrite(void)
{
	pthread_mutex_lock(&monitor);
	numberOfWriters--;
	busy = 0;
	pthread_mutex_unlock(&monitor);
}

void *reader(void *arg)
{
	startread();
	printf("reader: read %d\n", data);
	usleep(1000);		/* reading takes a while */
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
	pthread_create(&r, NULL, reader, NULL);
	usleep(100);		/* the writer comes while the reader reads */
	pthread_create(&w, NULL, writer, NULL);
	pthread_join(r, NULL);
	pthread_join(w, NULL);
	printf("data = %d\n", data);
	return 0;
}
