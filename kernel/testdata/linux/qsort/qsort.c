/* Expect: qsort with comparators: ints ascending and descending (compared
 * without overflow), strings through a pointer-to-pointer comparator,
 * structs by two keys; bsearch finds present keys and returns NULL for
 * absent ones. Only orders with no equal keys are printed, since qsort is
 * not stable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct proc {
	int priority;
	int burst;
	const char *name;
};

static int ascending(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int descending(const void *a, const void *b)
{
	return ascending(b, a);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_priority_then_burst(const void *a, const void *b)
{
	const struct proc *p = a, *q = b;
	if (p->priority != q->priority)
		return p->priority - q->priority;
	return p->burst - q->burst;
}

int main(void)
{
	int v[] = {42, -7, 2147483647, 0, -2147483647 - 1, 13, 99, 5, -100, 8};
	size_t n = sizeof v / sizeof v[0], i;
	const char *words[] = {"wait", "fork", "exec", "exit", "kill", "signal", "pipe", "dup2"};
	size_t nw = sizeof words / sizeof words[0];
	struct proc procs[] = {
		{3, 10, "P1"}, {1, 5, "P2"}, {3, 2, "P3"}, {2, 8, "P4"}, {1, 1, "P5"}, {2, 3, "P6"},
	};
	size_t np = sizeof procs / sizeof procs[0];
	int key, *found;
	int big[500];

	qsort(v, n, sizeof v[0], ascending);
	for (i = 0; i < n; i++)
		printf("%d ", v[i]);
	printf("\n");
	qsort(v, n, sizeof v[0], descending);
	for (i = 0; i < n; i++)
		printf("%d ", v[i]);
	printf("\n");
	qsort(words, nw, sizeof words[0], by_string);
	for (i = 0; i < nw; i++)
		printf("%s ", words[i]);
	printf("\n");
	qsort(procs, np, sizeof procs[0], by_priority_then_burst);
	for (i = 0; i < np; i++)
		printf("%s(%d,%d) ", procs[i].name, procs[i].priority, procs[i].burst);
	printf("\n");

	qsort(v, n, sizeof v[0], ascending);
	for (key = -100; key <= 100; key += 50) {
		found = bsearch(&key, v, n, sizeof v[0], ascending);
		printf("bsearch %d: %s", key, found ? "found" : "absent");
		if (found)
			printf(" at %ld", (long)(found - v));
		printf("\n");
	}
	for (i = 0; i < 500; i++)
		big[i] = (int)((i * 7919) % 500);
	qsort(big, 500, sizeof big[0], ascending);
	{
		int sorted = 1;
		for (i = 1; i < 500; i++)
			if (big[i - 1] > big[i])
				sorted = 0;
		printf("500 permuted ints sorted: %d, first %d last %d\n", sorted, big[0], big[499]);
	}
	qsort(v, 0, sizeof v[0], ascending);
	qsort(v, 1, sizeof v[0], ascending);
	printf("empty and single qsort ok\n");
	return 0;
}
