/* An order violation: main starts the reader, then fills in the buffer
   the reader uses. If the reader runs first it follows a null pointer. */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

struct buffer {
	int len;
	char data[16];
};

static struct buffer *buf;

static void *reader(void *arg)
{
	int n = buf->len;
	printf("reader sees %d bytes\n", n);
	return NULL;
}

int main(void)
{
	pthread_t r;
	pthread_create(&r, NULL, reader, NULL);
	buf = malloc(sizeof *buf);
	buf->len = 5;
	pthread_join(r, NULL);
	printf("done\n");
	return 0;
}
