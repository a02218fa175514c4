/*
 * A malloc stress test: many sizes, frees in random order, realloc, data
 * integrity. The number of rounds may be given (20000 by default).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>

#define SLOTS 500

static unsigned int seed = 12345;

static unsigned int next(void)
{
	seed = seed * 1103515245 + 12345;
	return seed >> 8;
}

static unsigned char *blocks[SLOTS];
static size_t sizes[SLOTS];
static unsigned char tags[SLOTS];

static size_t random_size(void)
{
	switch (next() % 4) {
	case 0:
		return next() % 16;
	case 1:
		return next() % 256;
	case 2:
		return next() % 4096;
	default:
		return next() % 70000;
	}
}

static int check(int i)
{
	size_t k;

	for (k = 0; k < sizes[i]; k++)
		if (blocks[i][k] != (unsigned char)(tags[i] + k))
			return 0;
	return 1;
}

static void fill(int i)
{
	size_t k;

	for (k = 0; k < sizes[i]; k++)
		blocks[i][k] = (unsigned char)(tags[i] + k);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 20000;
	int i, round, bad = 0, misaligned = 0, nulls = 0;
	size_t old, k;
	unsigned char *p;
	int *zeros;

	for (round = 0; round < rounds; round++) {
		i = next() % SLOTS;
		if (blocks[i] != NULL && !check(i))
			bad++;
		switch (next() % 3) {
		case 0:
			free(blocks[i]);
			blocks[i] = NULL;
			sizes[i] = 0;
			break;
		case 1:
			free(blocks[i]);
			sizes[i] = random_size();
			blocks[i] = malloc(sizes[i]);
			tags[i] = (unsigned char)next();
			if (blocks[i] == NULL)
				nulls++;
			else
				fill(i);
			break;
		default:
			old = sizes[i];
			sizes[i] = random_size();
			p = realloc(blocks[i], sizes[i]);
			if (p == NULL && sizes[i] != 0) {
				nulls++;
				sizes[i] = old;
				break;
			}
			blocks[i] = p;
			/* The common part must have survived; then refill. */
			for (k = 0; k < old && k < sizes[i]; k++)
				if (p[k] != (unsigned char)(tags[i] + k))
					bad++;
			if (sizes[i] == 0)
				blocks[i] = NULL;
			fill(i);
			break;
		}
		if (blocks[i] != NULL && ((uintptr_t)blocks[i] & 15) != 0)
			misaligned++;
	}
	for (i = 0; i < SLOTS; i++) {
		if (blocks[i] != NULL && !check(i))
			bad++;
		free(blocks[i]);
	}
	printf("stress: bad=%d misaligned=%d nulls=%d\n", bad, misaligned, nulls);

	zeros = calloc(1000, sizeof *zeros);
	for (i = 0, bad = 0; i < 1000; i++)
		bad += zeros[i] != 0;
	printf("calloc zeroed: %d\n", bad == 0);
	free(zeros);

	p = malloc(0);
	printf("malloc(0) != NULL: %d\n", p != NULL);
	free(p);
	free(NULL);

	errno = 0;
	p = calloc((size_t)-1 / 2, 4);
	printf("calloc overflow: %s errno=%d\n", p == NULL ? "NULL" : "memory", errno);
	errno = 0;
	p = malloc((size_t)-1 / 4);
	printf("huge malloc: %s errno=%d\n", p == NULL ? "NULL" : "memory", errno);
	p = realloc(NULL, 10);
	printf("realloc(NULL) != NULL: %d\n", p != NULL);
	strcpy((char *)p, "keep me");
	p = realloc(p, 100000);
	printf("realloc grow: %s\n", (char *)p);
	p = realloc(p, 5);
	p[4] = '\0';
	printf("realloc shrink: %s\n", (char *)p);
	printf("realloc(p, 0): %p\n", realloc(p, 0));
	return 0;
}
