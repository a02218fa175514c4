/* Two threads each add up N numbers into their own slot of a shared
   array, then main joins them: a loop of loads and stores with no
   synchronisation inside, the race detector's worst case. One unit is one
   addition in each thread. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long n;
static long sum[2];

static void *adder(void *arg)
{
	long id = (long)arg;
	for (long i = 0; i < n; i++)
		sum[id] = sum[id] + 1;
	return NULL;
}

int main(int argc, char *argv[])
{
	pthread_t a, b;
	n = atol(argv[1]);
	pthread_create(&a, NULL, adder, (void *)0L);
	pthread_create(&b, NULL, adder, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%ld\n", sum[0] == n && sum[1] == n ? n : -1);
	return 0;
}
