/* Four threads add to one counter under a mutex, 1000 times each; main
   joins them in order and prints what each returned, then the total. */
#include <stdio.h>
#include <pthread.h>

#define THREADS 4
#define ROUNDS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add(void *arg)
{
	long id = (long)arg;
	int i;
	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(100 + id);
}

int main(void)
{
	pthread_t th[THREADS];
	long i;
	for (i = 0; i < THREADS; i++)
		if (pthread_create(&th[i], NULL, add, (void *)i) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	for (i = 0; i < THREADS; i++) {
		void *ret;
		if (pthread_join(th[i], &ret) != 0) {
			printf("pthread_join failed\n");
			return 1;
		}
		printf("thread %ld returned %ld\n", i, (long)ret);
	}
	printf("counter = %ld (want %d)\n", counter, THREADS * ROUNDS);
	printf("main is thread %s\n", pthread_equal(pthread_self(), pthread_self()) ? "itself" : "another");
	return 0;
}
