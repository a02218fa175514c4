/* An atomicity violation, fixed: one thread checks a shared pointer and
   then uses it, the other clears it. Both hold the same lock across the
   check and the use, so the pointer cannot vanish in between. */
#include <stdio.h>
#include <pthread.h>

struct record {
	int hits;
};

static struct record rec = {7};
static struct record *current = &rec;
static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;

static void *reporter(void *arg)
{
	pthread_mutex_lock(&guard);
	if (current != NULL)
		printf("hits %d\n", current->hits);
	pthread_mutex_unlock(&guard);
	return NULL;
}

static void *closer(void *arg)
{
	pthread_mutex_lock(&guard);
	current = NULL;
	pthread_mutex_unlock(&guard);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, reporter, NULL);
	pthread_create(&b, NULL, closer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
