/*
 * The memory allocator: malloc, free, calloc and realloc on top of sbrk.
 *
 * Every block of the heap starts with a 16-byte header holding the size of
 * the whole block (header included, a multiple of 16, so every pointer
 * handed out is 16-byte aligned). Free blocks are kept in a list sorted by
 * address; malloc takes the first one that is big enough (first fit) and
 * splits off what it does not need, free puts a block back and merges it
 * with free neighbours, so the heap does not crumble into small pieces.
 * When nothing fits, the heap grows with sbrk.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

struct header {
	size_t size;           /* of the whole block, header included */
	struct header *next;   /* next free block, or IN_USE */
};

#define HEADER sizeof(struct header)
#define MIN_BLOCK 32                     /* a header and 16 bytes */
#define GROW_MIN (64 * 1024)             /* ask sbrk for at least this much */
#define IN_USE ((struct header *)0xa110c)  /* marks a block handed out */

static struct header *free_list;
static int aligned;

/* Bytes a block needs to hold n bytes for the program. */
static size_t block_size(size_t n)
{
	size_t need = ((n + 15) & ~(size_t)15) + HEADER;

	return need < MIN_BLOCK ? MIN_BLOCK : need;
}

/* Put a block into the free list, merging it with adjacent free blocks. */
static void release(struct header *h)
{
	struct header **link = &free_list;
	struct header *prev = NULL;
	struct header *next;

	while (*link != NULL && *link < h) {
		prev = *link;
		link = &prev->next;
	}
	next = *link;
	if (next != NULL && (char *)h + h->size == (char *)next) {
		h->size += next->size;
		h->next = next->next;
	} else {
		h->next = next;
	}
	if (prev != NULL && (char *)prev + prev->size == (char *)h) {
		prev->size += h->size;
		prev->next = h->next;
	} else {
		*link = h;
	}
}

/* Get at least need more bytes from the kernel. */
static int grow(size_t need)
{
	size_t n = need < GROW_MIN ? GROW_MIN : (need + 4095) & ~(size_t)4095;
	uintptr_t brk;
	struct header *h;

	if (!aligned) {
		brk = (uintptr_t)sbrk(0);
		if (brk % 16 != 0 && sbrk(16 - brk % 16) == (void *)-1)
			return -1;
		aligned = 1;
	}
	h = sbrk(n);
	if (h == (void *)-1)
		return -1;
	h->size = n;
	release(h);
	return 0;
}

/* Cut block h down to size bytes and free the rest, if the rest is worth a block. */
static void trim(struct header *h, size_t size)
{
	struct header *rest;

	if (h->size - size < MIN_BLOCK)
		return;
	rest = (struct header *)((char *)h + size);
	rest->size = h->size - size;
	h->size = size;
	release(rest);
}

void *malloc(size_t n)
{
	struct header **link;
	struct header *h;
	size_t need;

	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = block_size(n);
	for (;;) {
		for (link = &free_list; (h = *link) != NULL; link = &h->next) {
			if (h->size < need)
				continue;
			*link = h->next;
			h->next = IN_USE;
			trim(h, need);
			return h + 1;
		}
		if (grow(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

/*
 * A pointer that malloc did not hand out, or one already freed, is a bug
 * in the program; like glibc we say so and abort.
 */
static void check(struct header *h, const char *who)
{
	struct header *f;

	if (((uintptr_t)(h + 1) & 15) == 0 && h->next == IN_USE)
		return;
	for (f = free_list; f != NULL; f = f->next) {
		if (h >= f && (char *)h < (char *)f + f->size) {
			write(2, who, strlen(who));
			write(2, "(): double free detected in tcache 2\n", 37);
			abort();
		}
	}
	write(2, who, strlen(who));
	write(2, "(): invalid pointer\n", 20);
	abort();
}

void free(void *p)
{
	struct header *h;

	if (p == NULL)
		return;
	h = (struct header *)p - 1;
	check(h, "free");
	release(h);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *p, size_t n)
{
	struct header *h, *next;
	struct header **link;
	size_t need;
	void *q;

	if (p == NULL)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	h = (struct header *)p - 1;
	check(h, "realloc");
	need = block_size(n);
	if (h->size >= need) {
		trim(h, need);
		return p;
	}
	/* Grow in place when the block right after this one is free and big enough. */
	next = (struct header *)((char *)h + h->size);
	for (link = &free_list; *link != NULL && *link < next; link = &(*link)->next)
		;
	if (*link == next && h->size + next->size >= need) {
		*link = next->next;
		h->size += next->size;
		trim(h, need);
		return p;
	}
	q = malloc(n);
	if (q == NULL)
		return NULL;
	memcpy(q, p, h->size - HEADER);
	free(p);
	return q;
}
