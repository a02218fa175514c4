/* errno is per thread: two threads fail in different ways at the same
 * time, and each finds its own error, main's untouched. */
#include <pthread.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>

static pthread_barrier_t both;
static int seen[2];

static void *fail(void *arg)
{
	int which = (int)(long)arg;
	if (which == 0)
		open("no/such/file", O_RDONLY); /* ENOENT */
	else
		close(-1); /* EBADF */
	pthread_barrier_wait(&both); /* both have failed before either looks */
	seen[which] = errno;
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	pthread_barrier_init(&both, NULL, 2);
	errno = 0;
	lseek(-1, 0, SEEK_SET); /* EBADF in main */
	errno = ERANGE;
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, fail, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("thread 0: %s\n", strerror(seen[0]));
	printf("thread 1: %s\n", strerror(seen[1]));
	printf("main: %s\n", strerror(errno));
	printf("distinct locations: %d\n", &errno != NULL);
	return 0;
}
