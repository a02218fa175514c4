/* <string.h>, <strings.h>, <ctype.h>, strerror and strsignal against glibc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <signal.h>

static int sign(int v)
{
	return v < 0 ? -1 : v > 0;
}

static void show_bytes(const char *label, const char *p, size_t n)
{
	size_t i;

	printf("%s:", label);
	for (i = 0; i < n; i++)
		printf(" %02x", (unsigned char)p[i]);
	printf("\n");
}

int main(void)
{
	static const char *words[] = {"", "a", "b", "ab", "abc", "abd", "ABC", "abc\200", "zz", "Apple", "apple"};
	size_t nwords = sizeof words / sizeof words[0];
	char buf[64], buf2[64];
	char *p, *save, *s;
	size_t i, j;
	int c;

	for (i = 0; i < nwords; i++) {
		for (j = 0; j < nwords; j++) {
			printf("cmp(%s,%s) = %d %d %d %d %d %d\n", words[i], words[j], strcmp(words[i], words[j]),
				strncmp(words[i], words[j], 2), strcasecmp(words[i], words[j]),
				strncasecmp(words[i], words[j], 2), sign(memcmp(words[i], words[j], 1)),
				strcoll(words[i], words[j]));
		}
	}
	printf("%zu %zu %zu %zu\n", strlen(""), strlen("hello"), strnlen("hello", 3), strnlen("hi", 10));

	memset(buf, 'x', sizeof buf);
	strncpy(buf, "abc", 6);
	show_bytes("strncpy", buf, 8);
	memset(buf, 'x', sizeof buf);
	strncpy(buf, "abcdef", 3);
	show_bytes("strncpy short", buf, 8);
	strcpy(buf, "hello");
	strcat(buf, ", ");
	strncat(buf, "world!!!", 5);
	printf("%s\n", buf);
	p = stpcpy(buf2, "stp");
	printf("%s %ld\n", buf2, (long)(p - buf2));

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	printf("%s\n", buf);
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 5);
	printf("%s\n", buf);
	memset(buf, 0, sizeof buf);
	p = memccpy(buf, "copy:until", ':', 20);
	printf("%s %ld\n", buf, p ? (long)(p - buf) : -1L);

	s = "hello, world";
	printf("%s|%s|%s|%s\n", strchr(s, 'o'), strrchr(s, 'o'), strchr(s, '\0') == s + 12 ? "end" : "?",
		strchr(s, 'z') ? "found" : "null");
	printf("%s|%s|%s|%s\n", strstr(s, "wor"), strstr(s, ""), strstr(s, "xyz") ? "?" : "null",
		strstr("aaab", "aab"));
	printf("%zu %zu %zu %zu\n", strspn(s, "hel"), strcspn(s, ", "), strspn(s, ""), strcspn(s, ""));
	printf("%s %s\n", strpbrk(s, ",w"), strpbrk(s, "xyz") ? "?" : "null");
	printf("%s\n", (char *)memchr(s, 'w', 12));
	printf("%s\n", index(s, 'l'));
	printf("%s\n", rindex(s, 'l'));

	strcpy(buf, "  the quick,,brown  fox ");
	for (p = strtok(buf, " ,"); p != NULL; p = strtok(NULL, " ,"))
		printf("[%s]", p);
	printf("\n");
	strcpy(buf, "a:b::c:");
	for (p = strtok_r(buf, ":", &save); p != NULL; p = strtok_r(NULL, ":", &save))
		printf("[%s]", p);
	printf("\n");
	strcpy(buf, "a:b::c:");
	s = buf;
	while ((p = strsep(&s, ":")) != NULL)
		printf("[%s]", p);
	printf("\n");

	p = strdup("duplicate");
	printf("%s\n", p);
	free(p);
	p = strndup("duplicate", 3);
	printf("%s\n", p);
	free(p);
	bzero(buf, 4);
	show_bytes("bzero", buf, 4);
	printf("%d %d %d %d\n", ffs(0), ffs(1), ffs(8), ffs(-2147483647 - 1));

	for (c = -1; c < 256; c++) {
		printf("%d: %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", c, isalnum(c), isalpha(c),
			isblank(c), iscntrl(c), isdigit(c), isgraph(c), islower(c), isprint(c), ispunct(c),
			isspace(c), isupper(c), isxdigit(c), isascii(c), toascii(c), tolower(c), toupper(c));
	}
	for (c = -3; c < 140; c++)
		printf("%d: %s\n", c, strerror(c));
	printf("%s\n", strerror(999));
	for (c = -1; c < 70; c++)
		printf("sig %d: %s\n", c, strsignal(c));
	return 0;
}
