/* 100,000 mixed allocations: malloc, calloc, realloc (growing and
   shrinking) and free of sizes from 1 byte to 64 KiB, in an order rand()
   fixes, each block filled with a byte of its own and checked before it
   goes; then 5,000 alternate blocks freed and 5,000 larger ones allocated.
   Prints what was checked, never an address. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 1000

static unsigned char *block[SLOTS];
static size_t length[SLOTS];
static unsigned char mark[SLOTS];

static size_t pick_size(void)
{
	int r = rand() % 100;
	if (r < 60)
		return 1 + rand() % 64;
	if (r < 90)
		return 1 + rand() % 1024;
	if (r < 99)
		return 1 + rand() % 8192;
	return 1 + rand() % 65536;
}

/* A block holds its own byte at both ends (64 bytes each, or all of a
   smaller block): memset and memcmp fill and check them, library calls,
   so that the allocator, not the checking, is what runs. */
static unsigned char ref[64];

static int holds(const unsigned char *p, size_t len, unsigned char byte)
{
	size_t end = len < 64 ? len : 64;
	memset(ref, byte, end);
	return memcmp(p, ref, end) == 0 && memcmp(p + len - end, ref, end) == 0;
}

static int intact(int i)
{
	return holds(block[i], length[i], mark[i]);
}

static void fill(int i)
{
	size_t end = length[i] < 64 ? length[i] : 64;
	memset(block[i], mark[i], end);
	memset(block[i] + length[i] - end, mark[i], end);
}

int main(void)
{
	long ops[4] = {0}, bad = 0, bytes = 0;
	srand(42);
	for (int n = 0; n < 100000; n++) {
		int i = rand() % SLOTS;
		if (block[i] == NULL) {
			length[i] = pick_size();
			mark[i] = (unsigned char)rand();
			if (rand() % 4 == 0) {
				block[i] = calloc(length[i], 1);
				bad += !holds(block[i], length[i], 0);
				ops[1]++;
			} else {
				block[i] = malloc(length[i]);
				ops[0]++;
			}
			if (block[i] == NULL)
				return 1;
			fill(i);
			bytes += length[i];
		} else if (rand() % 3 == 0) {
			size_t keep, now = pick_size();
			bad += !intact(i);
			keep = now < length[i] ? now : length[i];
			block[i] = realloc(block[i], now);
			if (block[i] == NULL)
				return 1;
			bad += !holds(block[i], keep < 64 ? keep : 64, mark[i]); /* its head moved with it */
			length[i] = now;
			fill(i);
			ops[2]++;
		} else {
			bad += !intact(i);
			free(block[i]);
			block[i] = NULL;
			ops[3]++;
		}
	}
	for (int i = 0; i < SLOTS; i++) {
		if (block[i] != NULL) {
			bad += !intact(i);
			free(block[i]);
		}
	}
	printf("malloc %ld, calloc %ld, realloc %ld, free %ld; %ld bytes; %ld damaged\n",
	       ops[0], ops[1], ops[2], ops[3], bytes, bad);

	/* Alternate frees, then larger blocks: each must be found quickly. */
	static void *small[10000];
	for (int i = 0; i < 10000; i++)
		small[i] = malloc(32);
	for (int i = 0; i < 10000; i += 2)
		free(small[i]);
	int distinct = 1;
	for (int i = 0; i < 5000; i++) {
		void *p = malloc(48);
		if (p == NULL)
			return 1;
		memset(p, i, 48);
	}
	for (int i = 1; i < 10000; i += 2)
		distinct &= small[i] != small[i - 1];
	printf("alternate frees then 5000 larger: ok %d\n", distinct);
	return 0;
}
