/*
 * mprotect and munmap on parts of a mapping: a read-only page in the
 * middle of three, PROT_NONE, back to read-write, a page unmapped from
 * the middle; each bad access is tried in a child, which dies of SIGSEGV.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char *p;

/* Tries to read (write 0) or write (1) p[at] in a child. */
static void try(const char *what, int at, int write)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (write)
			p[at] = 'w';
		else
			printf("read %d\n", p[at]);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: fine\n", what);
}

static void failed(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, strerror(errno));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 1, 3 * PAGE);

	printf("middle read-only: %d\n", mprotect(p + PAGE, PAGE, PROT_READ));
	try("write page 0", 0, 1);
	try("read page 1", PAGE, 0);
	try("write page 1", PAGE, 1);
	try("write page 2", 2 * PAGE, 1);

	printf("middle PROT_NONE: %d\n", mprotect(p + PAGE, PAGE, PROT_NONE));
	try("read page 1", PAGE, 0);
	printf("all read-write: %d\n", mprotect(p, 3 * PAGE, PROT_READ | PROT_WRITE));
	try("write page 1", PAGE, 1);
	p[PAGE] = 7;
	printf("page 1 kept its bytes: %d %d\n", p[PAGE], p[PAGE + 1]);

	printf("munmap middle: %d\n", munmap(p + PAGE, PAGE));
	try("read page 0", 0, 0);
	try("read page 1", PAGE, 0);
	try("read page 2", 2 * PAGE, 0);
	failed("mprotect over the hole", mprotect(p, 3 * PAGE, PROT_READ));
	failed("mprotect unaligned", mprotect(p + 1, PAGE, PROT_READ));
	failed("msync of the hole", msync(p + PAGE, PAGE, MS_SYNC));
	printf("munmap the rest: %d %d\n", munmap(p, PAGE), munmap(p + 2 * PAGE, PAGE));
	printf("munmap of nothing: %d\n", munmap(p, 3 * PAGE));
	return 0;
}
