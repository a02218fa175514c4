/* pthread_once runs its function once however many threads call it;
 * pthread_detach and a detached attribute: a detached thread cannot be
 * joined (EINVAL); spin locks and sched_yield. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int inits;
static pthread_spinlock_t spin;
static int counter;
static volatile int detached_done;

static void init(void) { inits++; }

static void *caller(void *arg)
{
	pthread_once(&once, init);
	for (int i = 0; i < 200; i++) {
		pthread_spin_lock(&spin);
		counter++;
		pthread_spin_unlock(&spin);
		if (i % 50 == 0)
			sched_yield();
	}
	return NULL;
}

static void *loner(void *arg)
{
	detached_done = 1;
	return NULL;
}

int main(void)
{
	pthread_t t[4], d, d2;
	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, caller, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("init ran %d time(s), counter %d\n", inits, counter);

	pthread_create(&d, NULL, loner, NULL);
	printf("detach: %d\n", pthread_detach(d));
	printf("join of a detached thread: %s\n", pthread_join(d, NULL) == EINVAL ? "EINVAL" : "?");

	pthread_attr_t attr;
	int state;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_getdetachstate(&attr, &state);
	printf("attr detached: %d\n", state == PTHREAD_CREATE_DETACHED);
	pthread_create(&d2, &attr, loner, NULL);
	pthread_attr_destroy(&attr);
	while (!detached_done)
		sched_yield();
	usleep(1000);
	printf("sched_yield: %d\n", sched_yield());
	pthread_spin_destroy(&spin);
	return 0;
}
