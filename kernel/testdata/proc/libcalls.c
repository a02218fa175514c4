/* Long library calls between system calls: memset and memcpy over 512
 * KiB (half a million instructions each) and a qsort that calls back
 * into the program's comparison, in a parent and its child, with a short
 * sleep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char a[1 << 19], b[1 << 19];
static int v[300];

static int cmp(const void *x, const void *y)
{
	int p = *(const int *)x, q = *(const int *)y;
	return (p > q) - (p < q);
}

int main(void)
{
	pid_t pid = fork();
	int round, i;
	for (round = 0; round < 2; round++) {
		memset(a, round + 1, sizeof a);
		memcpy(b, a, sizeof b);
		for (i = 0; i < 300; i++)
			v[i] = (i * 7919 + round) % 293;
		qsort(v, 300, sizeof v[0], cmp);
		printf("%s: round %d: %d %d %d\n", pid == 0 ? "child" : "parent", round, b[12345], v[0], v[299]);
		usleep(10);
	}
	if (pid == 0)
		_exit(0);
	wait(NULL);
	return 0;
}
