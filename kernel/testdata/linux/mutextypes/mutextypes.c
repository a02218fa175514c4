/* The mutex types: an error-checking mutex refuses a relock (EDEADLK) and
 * an unlock by another thread (EPERM); a recursive one counts; a timed
 * lock gives up at its deadline. */
#include <pthread.h>
#include <stdio.h>
#include <errno.h>
#include <time.h>

static pthread_mutex_t check, rec, plain = PTHREAD_MUTEX_INITIALIZER;

static const char *name(int e)
{
	switch (e) {
	case 0: return "0";
	case EDEADLK: return "EDEADLK";
	case EPERM: return "EPERM";
	case EBUSY: return "EBUSY";
	case ETIMEDOUT: return "ETIMEDOUT";
	}
	return "?";
}

static void *other(void *arg)
{
	printf("unlock by another thread: %s\n", name(pthread_mutex_unlock(&check)));
	printf("trylock of a held recursive mutex by another thread: %s\n", name(pthread_mutex_trylock(&rec)));
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 5000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	printf("timedlock of a held mutex: %s\n", name(pthread_mutex_timedlock(&plain, &ts)));
	return NULL;
}

int main(void)
{
	pthread_mutexattr_t a;
	int type;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutexattr_gettype(&a, &type);
	printf("type errorcheck: %d\n", type == PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&check, &a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&rec, &a);
	pthread_mutexattr_destroy(&a);
	printf("bad type: %s\n", pthread_mutexattr_settype(&a, 42) == EINVAL ? "EINVAL" : "?");

	printf("lock: %s\n", name(pthread_mutex_lock(&check)));
	printf("relock: %s\n", name(pthread_mutex_lock(&check)));
	for (int i = 0; i < 3; i++)
		printf("recursive lock %d: %s\n", i, name(pthread_mutex_lock(&rec)));
	pthread_mutex_lock(&plain);
	pthread_t t;
	pthread_create(&t, NULL, other, NULL);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&plain);
	printf("unlock: %s\n", name(pthread_mutex_unlock(&check)));
	printf("unlock again: %s\n", name(pthread_mutex_unlock(&check)));
	for (int i = 0; i < 3; i++)
		printf("recursive unlock %d: %s\n", i, name(pthread_mutex_unlock(&rec)));
	printf("recursive unlock once too often: %s\n", name(pthread_mutex_unlock(&rec)));
	printf("destroy: %s\n", name(pthread_mutex_destroy(&check)));
	return 0;
}
