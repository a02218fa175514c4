/* Where the linker puts a program's variables: each at its alignment,
 * initialised data with its values, bss zeroed, string literals and const
 * variables read-only, those holding addresses too, as gcc's relocated
 * read-only data is (a const pointer's target may be written);
 * and the C library's own variables (errno, stdio's state), which share
 * pages in the image, stay each process's own after fork. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char c1 = 'a';
_Alignas(64) int data64[4] = {1, 2, 3, 4};
char c2 = 'b';
_Alignas(4096) char page[16] = "page";
short s1 = 7;
_Alignas(64) int bss64[4];
char bssc;
_Alignas(16) long bss16[3];
static const char *motto = "read only";
const int table[4] = {10, 20, 30, 40};
static const char greeting[] = "hello";
struct point { int x, y; };
const struct point origin = {3, 4};
char word[] = "word";
char *const fixed = word; /* holds an address: read-only once relocated */
static int one(void) { return 1; }
struct ops { int (*fn)(void); const char *name; };
const struct ops ops = {one, "ops"};
const char *const names[] = {"zero", "one"};
const long where = (long)&c1;   /* an address as a number */

static int aligned(const void *p, uintptr_t n) { return ((uintptr_t)p % n) == 0; }

int main(void)
{
	printf("data64 aligned to 64: %d, values %d %d %d %d\n", aligned(data64, 64), data64[0], data64[1], data64[2], data64[3]);
	printf("page aligned to 4096: %d, text %s\n", aligned(page, 4096), page);
	printf("bss64 aligned to 64: %d, zero %d\n", aligned(bss64, 64), bss64[0] | bss64[1] | bss64[2] | bss64[3]);
	printf("bss16 aligned to 16: %d, zero %ld\n", aligned(bss16, 16), bss16[0] | bss16[1] | bss16[2]);
	printf("chars %c %c %d, short %d\n", c1, c2, bssc, s1);
	printf("motto %s\n", motto);
	fflush(stdout);

	errno = 0;
	pid_t pid = fork();
	if (pid == 0) {
		errno = EINTR;          /* the library's data, copied on write */
		setvbuf(stdout, NULL, _IONBF, 0);
		printf("child: errno %d\n", errno);
		char *lit = (char *)motto;
		lit[0] = 'R';           /* a string literal is read-only: SIGSEGV */
		printf("child: wrote a read-only string\n");
		return 0;
	}
	int status;
	waitpid(pid, &status, 0);
	printf("parent: errno %d after the child set its own\n", errno);
	printf("parent: child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	printf("parent: motto %s\n", motto);

	printf("const: table %d %d %d %d, greeting %s, origin %d,%d\n", table[0], table[1], table[2], table[3], greeting, origin.x, origin.y);
	fixed[0] = 'W';
	printf("through a const pointer: %s\n", word);
	printf("holding addresses: %s %d %s %s %d\n", fixed, ops.fn(), ops.name, names[1], where == (long)&c1);
	fflush(stdout);
	for (int which = 0; which < 7; which++) {
		if ((pid = fork()) == 0) {
			if (which == 0)
				((int *)table)[1] = 99;          /* read-only: SIGSEGV */
			else if (which == 1)
				((char *)greeting)[0] = 'j';
			else if (which == 2)
				((struct point *)&origin)->y = 0;
			else if (which == 3)
				*(char **)&fixed = NULL;         /* addresses, read-only too */
			else if (which == 4)
				((struct ops *)&ops)->fn = NULL;
			else if (which == 5)
				((const char **)names)[1] = "two";
			else {
				static const char *const local[] = {"a"};
				((const char **)local)[0] = "b";
			}
			printf("child %d: wrote a const variable\n", which);
			return 0;
		}
		waitpid(pid, &status, 0);
		printf("writing const %d: signal %d\n", which, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	return 0;
}
