/* What a page fault costs on this machine: the time to touch 256 MiB of
 * anonymous memory a page at a time, fresh and again after giving it back
 * (MADV_DONTNEED, as the Go runtime returns memory), with 4 KiB pages and
 * with transparent huge pages where the system allows them (madvise). The
 * server pays it for every page it touches for the first time, or again
 * after giving it back: under a class pressing Run together, the
 * machines' new pages, the encoders' buffers and the goroutines' stacks.
 * Build and run: cc -O2 -o pagefault pagefault.c && ./pagefault */
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

#define SIZE (256u << 20)

/* touch writes a byte of each page of p, and returns the µs a page. */
static double touch(char *p)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (size_t i = 0; i < SIZE; i += 4096)
		p[i] = 1;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3 / (SIZE / 4096);
}

static void measure(const char *name, int advice)
{
	char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return;
	}
	madvise(p, SIZE, advice);
	double fresh = touch(p);
	madvise(p, SIZE, MADV_DONTNEED);
	double again = touch(p);
	printf("%s: %.2f µs a page fresh, %.2f µs after MADV_DONTNEED\n", name, fresh, again);
	munmap(p, SIZE);
}

int main(void)
{
	measure("4 KiB pages", MADV_NOHUGEPAGE);
	measure("huge pages where allowed", MADV_HUGEPAGE);
	return 0;
}
