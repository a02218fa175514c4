/* Thread arguments and return values, as OSTEP's threads-api chapter
 * (ch. 27) passes them: a struct of arguments by pointer, a struct of
 * results malloc'd by the thread and returned through pthread_join, a
 * plain value cast through void *, and pthread_exit from a nested call. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	int a;
	int b;
	const char *name;
} args_t;

typedef struct {
	int sum;
	int product;
} result_t;

static void *compute(void *arg)
{
	args_t *in = arg;
	result_t *out = malloc(sizeof *out);
	out->sum = in->a + in->b;
	out->product = in->a * in->b;
	return out;
}

static void *plus_one(void *arg)
{
	long v = (long)arg;
	return (void *)(v + 1);
}

static void leave(long code)
{
	pthread_exit((void *)code); /* ends the thread, not only this call */
}

static void *leaver(void *arg)
{
	leave(77);
	printf("never printed\n");
	return NULL;
}

int main(void)
{
	pthread_t t[3];
	args_t in[3] = {{1, 2, "first"}, {10, 20, "second"}, {-3, 7, "third"}};
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, compute, &in[i]);
	for (int i = 0; i < 3; i++) {
		result_t *r;
		pthread_join(t[i], (void **)&r);
		printf("%s: sum %d product %d\n", in[i].name, r->sum, r->product);
		free(r);
	}

	pthread_t p;
	void *v;
	pthread_create(&p, NULL, plus_one, (void *)41L);
	pthread_join(p, &v);
	printf("plus_one returned %ld\n", (long)v);

	pthread_create(&p, NULL, leaver, NULL);
	pthread_join(p, &v);
	printf("pthread_exit value %ld\n", (long)v);

	pthread_attr_t attr;
	int state;
	pthread_attr_init(&attr);
	pthread_attr_getdetachstate(&attr, &state);
	printf("default joinable: %d\n", state == PTHREAD_CREATE_JOINABLE);
	pthread_create(&p, &attr, plus_one, (void *)1L);
	pthread_attr_destroy(&attr);
	pthread_join(p, &v);
	printf("with an attribute: %ld\n", (long)v);
	return 0;
}
