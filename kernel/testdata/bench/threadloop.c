/* pthread_create and pthread_join N times: the round trip the benchmark
   times. Each thread returns its argument plus one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *inc(void *arg) { return (void *)((long)arg + 1); }

int main(int argc, char *argv[])
{
	long n = atol(argv[1]), sum = 0;
	for (long i = 0; i < n; i++) {
		pthread_t t;
		void *r;
		if (pthread_create(&t, NULL, inc, (void *)i) != 0 || pthread_join(t, &r) != 0)
			return 1;
		sum += (long)r - i;
	}
	printf("%ld\n", sum);
	return 0;
}
