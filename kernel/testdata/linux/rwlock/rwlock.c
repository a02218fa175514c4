/* Readers and writers with a read-write lock: readers share it, a writer
 * has it alone; the data stay consistent and every update is seen. */
#include <pthread.h>
#include <stdio.h>
#include <errno.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int a, b; /* a writer keeps a + b == 0 */
static int bad;

static void *reader(void *arg)
{
	for (int i = 0; i < 50; i++) {
		pthread_rwlock_rdlock(&rw);
		if (a + b != 0)
			bad++;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void *writer(void *arg)
{
	for (int i = 0; i < 30; i++) {
		pthread_rwlock_wrlock(&rw);
		a++;
		b--;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

int main(void)
{
	pthread_t r[3], w[2];
	for (int i = 0; i < 3; i++)
		pthread_create(&r[i], NULL, reader, NULL);
	for (int i = 0; i < 2; i++)
		pthread_create(&w[i], NULL, writer, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(r[i], NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(w[i], NULL);
	printf("a %d b %d inconsistent reads %d\n", a, b, bad);

	pthread_rwlock_rdlock(&rw);
	printf("second reader: %d, writer while read: %s\n", pthread_rwlock_tryrdlock(&rw),
	       pthread_rwlock_trywrlock(&rw) == EBUSY ? "EBUSY" : "?");
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_wrlock(&rw);
	printf("reader while written: %s\n", pthread_rwlock_tryrdlock(&rw) == EBUSY ? "EBUSY" : "?");
	pthread_rwlock_unlock(&rw);
	printf("destroy: %d\n", pthread_rwlock_destroy(&rw));
	return 0;
}
