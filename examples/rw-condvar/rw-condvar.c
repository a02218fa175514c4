/* Readers and writers in a monitor with condition variables (seed 002,
   slide 19): a thread that cannot go on waits on okToRead or okToWrite,
   giving the monitor back, instead of spinning inside it. pthread's
   condition variables have Mesa (Hansen) semantics: a woken thread tests
   its condition again, hence while where the slide, written for Hoare's
   monitors, has if. */
#include <stdio.h>
#include <pthread.h>

#define READERS 3
#define WRITERS 2
#define ROUNDS 20

pthread_mutex_t monitor = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t okToRead = PTHREAD_COND_INITIALIZER;
pthread_cond_t okToWrite = PTHREAD_COND_INITIALIZER;
int numberOfReaders = 0;
int busy = 0;
int waitingWriters = 0;

int a = 0, b = 0;		/* a writer keeps a + b == 0 */
int badReads = 0, badWrites = 0;

void startread(void)
{
	pthread_mutex_lock(&monitor);
	while (busy || waitingWriters > 0)
		pthread_cond_wait(&okToRead, &monitor);
	numberOfReaders++;
	pthread_cond_signal(&okToRead);	/* let the next reader in too */
	pthread_mutex_unlock(&monitor);
}

void finishread(void)
{
	pthread_mutex_lock(&monitor);
	numberOfReaders--;
	if (numberOfReaders == 0)
		pthread_cond_signal(&okToWrite);
	pthread_mutex_unlock(&monitor);
}

void startwrite(void)
{
	pthread_mutex_lock(&monitor);
	waitingWriters++;
	while (numberOfReaders != 0 || busy)
		pthread_cond_wait(&okToWrite, &monitor);
	waitingWriters--;
	busy = 1;
	pthread_mutex_unlock(&monitor);
}

void finishwrite(void)
{
	pthread_mutex_lock(&monitor);
	busy = 0;
	pthread_cond_broadcast(&okToRead);
	pthread_cond_signal(&okToWrite);
	pthread_mutex_unlock(&monitor);
}

void *reader(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		startread();
		if (a + b != 0 || busy)
			badReads++;
		finishread();
	}
	return NULL;
}

void *writer(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		startwrite();
		if (numberOfReaders != 0)
			badWrites++;
		a++;
		b--;
		finishwrite();
	}
	return NULL;
}

int main(void)
{
	pthread_t r[READERS], w[WRITERS];
	for (int i = 0; i < READERS; i++)
		pthread_create(&r[i], NULL, reader, NULL);
	for (int i = 0; i < WRITERS; i++)
		pthread_create(&w[i], NULL, writer, NULL);
	for (int i = 0; i < READERS; i++)
		pthread_join(r[i], NULL);
	for (int i = 0; i < WRITERS; i++)
		pthread_join(w[i], NULL);
	printf("writes: a = %d, b = %d\n", a, b);
	printf("reads that saw a half-done write: %d\n", badReads);
	printf("writes while a reader read: %d\n", badWrites);
	return 0;
}
