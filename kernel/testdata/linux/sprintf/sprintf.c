/* Expect: the printf family's integer, string and char conversions with
 * flags, widths and precisions as glibc; sprintf returns the length
 * written; snprintf truncates, always terminates, and returns the length
 * the full output would have had (snprintf(NULL, 0, ...) measures);
 * printf, puts and putchar return values. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>

int main(void)
{
	char buf[128], tiny[8];
	int n;
	long big = -1234567890123L;
	unsigned long long ull = 18446744073709551615ULL;

	n = sprintf(buf, "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o", 42, 42, 42, 42, 42, 42, 255, 255, 255, 8, 8);
	printf("[%s] len %d\n", buf, n);
	n = sprintf(buf, "%ld|%lu|%lld|%llu|%hd|%hhd|%hhu|%zu|%td", big, 4000000000UL, -9LL, ull,
		(short)70000, (signed char)200, (unsigned char)300, sizeof buf, (ptrdiff_t)-3);
	printf("[%s] len %d\n", buf, n);
	n = sprintf(buf, "%s|%10s|%-10s|%.3s|%10.2s|%c|%5c|%-3c|%%", "exec", "exec", "exec", "execvp", "execvp", 'A', 'B', 'C');
	printf("[%s] len %d\n", buf, n);
	n = sprintf(buf, "%*d|%-*d|%.*s|%.5d|%8.3d|%.0d|%+.2d", 6, 7, 6, 7, 2, "xyz", 42, 42, 0, 3);
	printf("[%s] len %d\n", buf, n);
	n = sprintf(buf, "%d %i %u %d", -2147483647 - 1, -0, (unsigned)-1, 2147483647);
	printf("[%s] len %d\n", buf, n);

	memset(tiny, '#', sizeof tiny);
	n = snprintf(tiny, sizeof tiny, "process %d", 12345);
	printf("snprintf into 8: [%s] returned %d\n", tiny, n);
	n = snprintf(tiny, 1, "abc");
	printf("snprintf into 1: [%s] returned %d\n", tiny, n);
	memset(tiny, '#', sizeof tiny);
	n = snprintf(tiny, 0, "abc");
	printf("snprintf into 0: byte 0 is %c, returned %d\n", tiny[0], n);
	n = snprintf(NULL, 0, "%s-%d-%x", "measure", 100, 4096);
	printf("snprintf(NULL, 0) measures %d\n", n);
	n = snprintf(tiny, sizeof tiny, "%s", "1234567");
	printf("exact fit: [%s] returned %d\n", tiny, n);
	n = snprintf(buf, sizeof buf, "%s", "");
	printf("empty: [%s] returned %d\n", buf, n);

	n = printf("hello %s\n", "world");
	printf("printf returned %d\n", n);
	n = puts("puts adds a newline");
	printf("puts returned non-negative: %d\n", n >= 0);
	n = putchar('!');
	putchar('\n');
	printf("putchar returned %d\n", n);
	n = fputs("fputs adds nothing\n", stdout);
	printf("fputs returned non-negative: %d\n", n >= 0);
	n = printf("%s", "");
	printf("empty printf returned %d\n", n);
	printf("%s\n", "a very long string that is longer than the usual small buffers used in implementations of printf, to make sure nothing is cut at 64 or 128 bytes: 0123456789012345678901234567890123456789");
	printf("%5s|%-5s|%5.1s|\n", "toolong", "", "xy");
	printf("%c%c%c%c\n", 'o', 's', 0x70, 'l' + 0);
	return 0;
}
