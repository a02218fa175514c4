/* 100,000 mixed allocations and frees (malloc, calloc, realloc, free, of
   1 byte to 16 KiB, in an order rand() fixes), then 5,000 alternate blocks
   freed and 5,000 larger ones allocated: the allocator's work, nothing
   else. */
#include <stdio.h>
#include <stdlib.h>

#define SLOTS 1000

int main(void)
{
	static void *block[SLOTS], *small[10000];
	long n, live = 0;
	srand(7);
	for (n = 0; n < 100000; n++) {
		int i = rand() % SLOTS, r = rand() % 100;
		size_t size = r < 60 ? 1 + r : r < 90 ? 64 + r * 10 : r < 99 ? 1024 + r * 100 : 16384;
		if (block[i] == NULL) {
			block[i] = r % 4 == 0 ? calloc(size, 1) : malloc(size);
			live++;
		} else if (r % 3 == 0) {
			block[i] = realloc(block[i], size);
		} else {
			free(block[i]);
			block[i] = NULL;
			live--;
		}
	}
	for (n = 0; n < 10000; n++)
		small[n] = malloc(32);
	for (n = 0; n < 10000; n += 2)
		free(small[n]);
	for (n = 0; n < 5000; n++)
		if (malloc(48) == NULL)
			return 1;
	printf("%ld live\n", live);
	return 0;
}
