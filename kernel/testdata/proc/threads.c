/* Three threads add to a counter under a mutex, one of them sleeping
   between rounds; main joins them and prints the total. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *add(void *arg)
{
	long id = (long)arg;
	int i;
	for (i = 0; i < 50; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		if (id == 0 && i % 10 == 0)
			usleep(20);
	}
	return arg;
}

int main(void)
{
	pthread_t th[3];
	long i;
	for (i = 0; i < 3; i++)
		pthread_create(&th[i], NULL, add, (void *)i);
	for (i = 0; i < 3; i++)
		pthread_join(th[i], NULL);
	printf("counter %d\n", counter);
	return 0;
}
