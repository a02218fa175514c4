/* forever MODE: work that never ends, for the tests that interrupt it.
 * fork: fork a child that exits at once, wait for it, again; loop: count;
 * memset: clear 32 MiB, again (one library call of millions of
 * instructions, charged one tick); qsort: sort 200,000 numbers, again. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[32 << 20];
static int v[200000];

static int cmp(const void *x, const void *y)
{
	return *(const int *)x - *(const int *)y;
}

int main(int argc, char *argv[])
{
	volatile unsigned long n = 0;
	int i;
	if (argc < 2)
		return 2;
	if (strcmp(argv[1], "fork") == 0)
		for (;;) {
			if (fork() == 0)
				_exit(0);
			wait(0);
		}
	if (strcmp(argv[1], "memset") == 0)
		for (;;)
			memset(buf, (int)n++, sizeof buf);
	if (strcmp(argv[1], "qsort") == 0)
		for (;;) {
			for (i = 0; i < 200000; i++)
				v[i] = (int)((i * 7919 + n++) % 200003);
			qsort(v, 200000, sizeof v[0], cmp);
		}
	for (;;)
		n++;
}
