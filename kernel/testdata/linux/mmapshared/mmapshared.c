/*
 * Anonymous mappings across fork: MAP_SHARED memory is one memory for
 * parent and child (the child's writes are the parent's), MAP_PRIVATE
 * memory and the heap are copied on write. Then the errors mmap and
 * munmap report.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG (1 << 20)

static void report(const char *what, int r)
{
	printf("%s: %d (%s)\n", what, r, r == 0 ? "ok" : strerror(errno));
}

int main(void)
{
	int *shared = mmap(NULL, 4 * sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int *private = mmap(NULL, 4 * sizeof(int), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int *heap = malloc(sizeof(int));

	if (shared == MAP_FAILED || private == MAP_FAILED || big == MAP_FAILED || heap == NULL) {
		perror("mmap");
		return 1;
	}
	printf("fresh: shared %d, private %d, big %ld\n", shared[0], private[0], big[BIG / sizeof(long) - 1]);
	shared[0] = private[0] = *heap = 1;

	pid_t pid = fork();
	if (pid == 0) {
		shared[0] = 2;
		shared[1] = 42;
		private[0] = 2;
		*heap = 2;
		for (long i = 0; i < BIG / (long)sizeof(long); i += 512)
			big[i] = i;
		printf("child: shared %d %d, private %d, heap %d\n", shared[0], shared[1], private[0], *heap);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	long sum = 0;
	for (long i = 0; i < BIG / (long)sizeof(long); i += 512)
		sum += big[i];
	printf("parent: shared %d %d, private %d, heap %d, big sum %ld\n", shared[0], shared[1], private[0], *heap, sum);

	/* Two children in turn, each adding to the same counter. */
	for (int k = 0; k < 2; k++) {
		if (fork() == 0) {
			shared[2] += 10;
			_exit(0);
		}
		wait(NULL);
	}
	printf("counter after two children: %d\n", shared[2]);

	report("munmap private", munmap(private, 4 * sizeof(int)));
	report("munmap again", munmap(private, 4 * sizeof(int)));
	report("munmap unaligned", munmap((char *)big + 1, BIG));
	report("munmap of length 0", munmap(big, 0));
	report("munmap big", munmap(big, BIG));
	errno = 0;
	void *p = mmap(NULL, 0, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	printf("mmap of length 0: %s (%s)\n", p == MAP_FAILED ? "MAP_FAILED" : "mapped", strerror(errno));
	errno = 0;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_ANONYMOUS, -1, 0);
	printf("mmap neither shared nor private: %s (%s)\n", p == MAP_FAILED ? "MAP_FAILED" : "mapped", strerror(errno));
	errno = 0;
	p = mmap(NULL, (size_t)1 << 62, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	printf("mmap of 4 EiB: %s (%s)\n", p == MAP_FAILED ? "MAP_FAILED" : "mapped", strerror(errno));
	errno = 0;
	p = mmap(NULL, (size_t)-1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap of SIZE_MAX: %s (%s)\n", p == MAP_FAILED ? "MAP_FAILED" : "mapped", strerror(errno));
	int *ro = mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	printf("read-only mapping reads %d\n", ro[0]);
	return 0;
}
