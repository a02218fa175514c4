/* sleep advances the simulated clock; time() reads it. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>

int main(void)
{
	struct timeval tv;
	time_t t0 = time(NULL);
	sleep(2);
	time_t t1 = time(NULL);
	gettimeofday(&tv, NULL);
	printf("start %ld, slept %ld s, gettimeofday agrees: %d\n", (long)t0, (long)(t1 - t0),
	       tv.tv_sec == t1 && tv.tv_usec < 1000);
	return 0;
}
