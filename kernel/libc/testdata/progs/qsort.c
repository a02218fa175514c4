/* qsort (stable like glibc's merge sort) and bsearch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	int key;
	int order;
};

static int calls;

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	calls++;
	return (x > y) - (x < y);
}

static int by_key(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	return x->key - y->key;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_first_char(const void *a, const void *b)
{
	return (*(char *const *)a)[0] - (*(char *const *)b)[0];
}

int main(void)
{
	static int big[5000];
	static struct item items[300];
	char *names[] = {"pear", "apple", "fig", "banana", "cherry", "apricot", "date", "plum", "peach", "avocado"};
	int small[] = {5, 3, 9, 1, 5, 7, 2, 8, 0, 6, 4, 5};
	int n = sizeof small / sizeof small[0];
	int key, i, ok;
	int *found;
	unsigned int x = 1;

	qsort(small, n, sizeof small[0], by_int);
	for (i = 0; i < n; i++)
		printf("%d ", small[i]);
	printf("(%d comparisons)\n", calls);

	qsort(names, 10, sizeof names[0], by_string);
	for (i = 0; i < 10; i++)
		printf("%s ", names[i]);
	printf("\n");
	qsort(names, 10, sizeof names[0], by_first_char);
	for (i = 0; i < 10; i++)
		printf("%s ", names[i]);
	printf("\n");

	for (i = 0; i < 300; i++) {
		x = x * 1103515245 + 12345;
		items[i].key = (x >> 16) % 10;
		items[i].order = i;
	}
	qsort(items, 300, sizeof items[0], by_key);
	for (i = 0; i < 300; i++)
		printf("%d:%d%c", items[i].key, items[i].order, i % 15 == 14 ? '\n' : ' ');

	calls = 0;
	for (i = 0; i < 5000; i++) {
		x = x * 1103515245 + 12345;
		big[i] = (int)(x >> 8) % 100000;
	}
	qsort(big, 5000, sizeof big[0], by_int);
	ok = 1;
	for (i = 1; i < 5000; i++)
		if (big[i - 1] > big[i])
			ok = 0;
	printf("big sorted=%d comparisons=%d first=%d last=%d\n", ok, calls, big[0], big[4999]);

	for (key = -1; key <= 10; key++) {
		found = bsearch(&key, small, n, sizeof small[0], by_int);
		printf("bsearch(%d) = %ld\n", key, found ? (long)(found - small) : -1L);
	}
	qsort(small, 0, sizeof small[0], by_int);
	qsort(small, 1, sizeof small[0], by_int);
	return 0;
}
