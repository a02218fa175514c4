/*
 * The memory allocator: malloc, free, calloc and realloc on top of sbrk.
 *
 * Every block of the heap starts with a 16-byte header: the size of the
 * block before it (kept while that block is free) and the size of this
 * one, header included, a multiple of 16 so that every pointer handed out
 * is 16-byte aligned, with two flags in its low bits: this block is in use,
 * the block before it is in use. With the sizes on both sides, free merges
 * a block with free neighbours in constant time (boundary tags, as Doug
 * Lea's allocator and glibc's).
 *
 * Free blocks wait in bins by size: one bin per 16 bytes up to 1 KiB, then
 * bins that double; a bitmap says which bins hold a block. malloc takes
 * the first block of the smallest bin that must fit (or the first that
 * fits in the request's own bin), and splits off what it does not need;
 * so allocation and free take near constant time, however many blocks the
 * heap holds. When nothing fits, the heap grows with sbrk, by at least
 * 64 KiB; the last 16 bytes of the heap are a header marked in use, the
 * end marker, so that the last block has a neighbour to look at.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

struct header {
	size_t prev_size; /* the size of the block before, while it is free */
	size_t size;      /* of this block, header included, | IN_USE | PREV_IN_USE */
};

/* A free block holds the links of its bin where the program's bytes were. */
struct free_block {
	struct header h;
	struct free_block *next, *prev;
};

#define HEADER sizeof(struct header)
#define MIN_BLOCK 32                     /* a header and 16 bytes */
#define GROW_MIN (64 * 1024)             /* ask sbrk for at least this much */
#define IN_USE ((size_t)1)
#define PREV_IN_USE ((size_t)2)
#define FLAGS (IN_USE | PREV_IN_USE)

#define SMALL_BINS 64                    /* 16-byte classes below 1 KiB */
#define NBINS (SMALL_BINS + 56)          /* and one per power of two above */

static struct free_block *bins[NBINS];
static unsigned long long bitmap[(NBINS + 63) / 64];
static struct header *heap_end;          /* the end marker, or NULL */
static char *heap_start;
static int aligned;

static size_t size_of(const struct header *h) { return h->size & ~FLAGS; }

static struct header *next_of(struct header *h)
{
	return (struct header *)((char *)h + size_of(h));
}

/* Bytes a block needs to hold n bytes for the program. */
static size_t block_size(size_t n)
{
	size_t need = ((n + 15) & ~(size_t)15) + HEADER;

	return need < MIN_BLOCK ? MIN_BLOCK : need;
}

/* The bin of blocks of this size: exact below 1 KiB, a power of two above. */
static int bin_of(size_t size)
{
	int b;

	if (size < SMALL_BINS * 16)
		return (int)(size / 16);
	b = SMALL_BINS;
	for (size >>= 10; size > 1 && b < NBINS - 1; size >>= 1)
		b++;
	return b;
}

static void bin_insert(struct header *h)
{
	struct free_block *f = (struct free_block *)h;
	int b = bin_of(size_of(h));

	f->prev = NULL;
	f->next = bins[b];
	if (f->next != NULL)
		f->next->prev = f;
	bins[b] = f;
	bitmap[b / 64] |= 1ULL << (b % 64);
}

static void bin_remove(struct header *h)
{
	struct free_block *f = (struct free_block *)h;
	int b = bin_of(size_of(h));

	if (f->prev != NULL)
		f->prev->next = f->next;
	else
		bins[b] = f->next;
	if (f->next != NULL)
		f->next->prev = f->prev;
	if (bins[b] == NULL)
		bitmap[b / 64] &= ~(1ULL << (b % 64));
}

/* Make h, of the given size, a free block: merge it with free neighbours
   and put the result in its bin. */
static void release(struct header *h, size_t size)
{
	struct header *next;

	h->size = size | (h->size & PREV_IN_USE);
	next = next_of(h);
	if (!(next->size & IN_USE)) {
		bin_remove(next);
		h->size += size_of(next);
	}
	if (!(h->size & PREV_IN_USE)) {
		struct header *prev = (struct header *)((char *)h - h->prev_size);
		bin_remove(prev);
		prev->size += size_of(h);
		h = prev;
	}
	next = next_of(h);
	next->prev_size = size_of(h);
	next->size &= ~PREV_IN_USE;
	bin_insert(h);
}

/* Get at least need more bytes from the kernel. */
static int grow(size_t need)
{
	size_t n = need + HEADER < GROW_MIN ? GROW_MIN : (need + HEADER + 4095) & ~(size_t)4095;
	uintptr_t brk;
	char *p;
	struct header *h, *end;

	if (!aligned) {
		brk = (uintptr_t)sbrk(0);
		if (brk % 16 != 0 && sbrk(16 - brk % 16) == (void *)-1)
			return -1;
		aligned = 1;
	}
	p = sbrk(n);
	if (p == (void *)-1)
		return -1;
	if (heap_end != NULL && p == (char *)heap_end + HEADER) {
		/* Contiguous: the old end marker begins the new block. */
		h = heap_end;
		n += HEADER;
	} else {
		/* The first region, or one after a gap: nothing before it to merge. */
		h = (struct header *)p;
		h->size = PREV_IN_USE;
		if (heap_start == NULL)
			heap_start = p;
	}
	end = (struct header *)((char *)h + n - HEADER);
	end->size = IN_USE; /* the end marker; its PREV_IN_USE is set by release */
	heap_end = end;
	h->size |= IN_USE; /* not in a bin yet */
	release(h, n - HEADER);
	return 0;
}

/* Hand out the first need bytes of free block h, and free the rest if the
   rest is worth a block. */
static void *take(struct header *h, size_t need)
{
	size_t size = size_of(h);
	struct header *rest;

	bin_remove(h);
	if (size - need >= MIN_BLOCK) {
		h->size = need | IN_USE | (h->size & PREV_IN_USE);
		rest = next_of(h);
		rest->size = PREV_IN_USE | IN_USE;
		release(rest, size - need);
	} else {
		h->size |= IN_USE;
		next_of(h)->size |= PREV_IN_USE;
	}
	return h + 1;
}

/* The first free block of at least need bytes, or NULL. */
static struct header *find(size_t need)
{
	int b = bin_of(need);
	struct free_block *f;

	/* Below 1 KiB a bin holds one size; above, sizes up to twice its
	   least: look through the request's own bin for one that fits. */
	for (f = bins[b]; f != NULL; f = f->next)
		if (size_of(&f->h) >= need)
			return &f->h;
	/* Any block of a higher bin fits. */
	for (b++; b < NBINS; b++) {
		unsigned long long word = bitmap[b / 64] >> (b % 64);
		if (word == 0) {
			b = (b / 64 + 1) * 64 - 1;
			continue;
		}
		while (!(word & 1)) {
			word >>= 1;
			b++;
		}
		return &bins[b]->h;
	}
	return NULL;
}

void *malloc(size_t n)
{
	struct header *h;
	size_t need;

	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = block_size(n);
	while ((h = find(need)) == NULL) {
		if (grow(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
	return take(h, need);
}

/*
 * A pointer that malloc did not hand out, or one already freed, is a bug
 * in the program; like glibc we say so and abort.
 */
static void check(struct header *h, const char *who)
{
	const char *msg = "(): invalid pointer\n";
	size_t size;

	if (((uintptr_t)(h + 1) & 15) == 0 && heap_start != NULL && (char *)h >= heap_start &&
	    h < heap_end) {
		size = size_of(h);
		if (h->size & IN_USE) {
			if (size >= MIN_BLOCK && size % 16 == 0 && (char *)h + size <= (char *)heap_end)
				return;
		} else {
			msg = "(): double free detected in tcache 2\n";
		}
	}
	write(2, who, strlen(who));
	write(2, msg, strlen(msg));
	abort();
}

void free(void *p)
{
	struct header *h;

	if (p == NULL)
		return;
	h = (struct header *)p - 1;
	check(h, "free");
	release(h, size_of(h));
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

/* Cut in-use block h down to need bytes and free the rest, if the rest is
   worth a block. */
static void trim(struct header *h, size_t need)
{
	size_t size = size_of(h);
	struct header *rest;

	if (size - need < MIN_BLOCK)
		return;
	h->size = need | (h->size & FLAGS);
	rest = next_of(h);
	rest->size = PREV_IN_USE | IN_USE;
	release(rest, size - need);
}

void *realloc(void *p, size_t n)
{
	struct header *h, *next;
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
	if (size_of(h) >= need) {
		trim(h, need);
		return p;
	}
	/* Grow in place when the block right after this one is free and big enough. */
	next = next_of(h);
	if (!(next->size & IN_USE) && size_of(h) + size_of(next) >= need) {
		bin_remove(next);
		h->size += size_of(next);
		next_of(h)->size |= PREV_IN_USE;
		trim(h, need);
		return p;
	}
	q = malloc(n);
	if (q == NULL)
		return NULL;
	memcpy(q, p, size_of(h) - HEADER);
	free(p);
	return q;
}
