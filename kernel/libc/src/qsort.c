/*
 * qsort is glibc's merge sort: stable, so equal elements keep their
 * order exactly as on Linux, and it calls the comparison function in the
 * same sequence. Like glibc it merges through a scratch area on the stack
 * for small arrays and from malloc for larger ones.
 */
#include <stdlib.h>
#include <string.h>

typedef int (*compare_fn)(const void *, const void *);

static void merge_sort(char *base, size_t n, size_t size, compare_fn cmp, char *tmp)
{
	size_t n1, n2;
	char *a, *b, *out;

	if (n <= 1)
		return;
	n1 = n / 2;
	n2 = n - n1;
	a = base;
	b = base + n1 * size;
	merge_sort(a, n1, size, cmp, tmp);
	merge_sort(b, n2, size, cmp, tmp);

	out = tmp;
	while (n1 > 0 && n2 > 0) {
		if (cmp(a, b) <= 0) {
			memcpy(out, a, size);
			a += size;
			n1--;
		} else {
			memcpy(out, b, size);
			b += size;
			n2--;
		}
		out += size;
	}
	/* What is left of the second half is already in place. */
	if (n1 > 0)
		memcpy(out, a, n1 * size);
	memcpy(base, tmp, (n - n2) * size);
}

/* Without memory for the scratch area: a stable insertion sort in place. */
static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
	size_t i, j, k;
	char *p, *q;
	char t;

	for (i = 1; i < n; i++) {
		for (j = i; j > 0; j--) {
			p = base + (j - 1) * size;
			q = base + j * size;
			if (cmp(p, q) <= 0)
				break;
			for (k = 0; k < size; k++) {
				t = p[k];
				p[k] = q[k];
				q[k] = t;
			}
		}
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char small[1024];
	char *tmp = small;
	size_t total = n * size;

	if (n <= 1 || size == 0)
		return;
	if (total > sizeof small) {
		tmp = malloc(total);
		if (tmp == NULL) {
			insertion_sort(base, n, size, cmp);
			return;
		}
	}
	merge_sort(base, n, size, cmp, tmp);
	if (tmp != small)
		free(tmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	size_t lo = 0;
	size_t hi = n;
	size_t mid;
	const char *p;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		p = (const char *)base + mid * size;
		c = cmp(key, p);
		if (c < 0)
			hi = mid;
		else if (c > 0)
			lo = mid + 1;
		else
			return (void *)p;
	}
	return NULL;
}
