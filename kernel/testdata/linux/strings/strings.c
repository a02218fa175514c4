/* Expect: string.h as glibc: lengths, copies (strncpy pads with NULs and
 * does not terminate when the source is long), concatenation, comparisons
 * (only the sign of strcmp/memcmp is printed: its magnitude is not
 * specified), searching, strtok's state, memmove with overlap, memset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int v) { return (v > 0) - (v < 0); }

static void show(const char *label, const char *buf, size_t n)
{
	size_t i;
	printf("%s:", label);
	for (i = 0; i < n; i++)
		printf(buf[i] ? " %c" : " \\0", buf[i]);
	printf("\n");
}

int main(void)
{
	char buf[32], small[6], line[] = "  ps -ef | grep init  ";
	const char *s = "operating systems";
	char *tok, *dup;
	int n;

	printf("strlen %zu %zu\n", strlen(s), strlen(""));
	strcpy(buf, "fork");
	strcat(buf, "+");
	strcat(buf, "exec");
	printf("strcpy/strcat: %s (%zu)\n", buf, strlen(buf));
	strncat(buf, "+wait+exit", 5);
	printf("strncat 5: %s\n", buf);
	memset(small, 'x', sizeof small);
	strncpy(small, "ab", sizeof small);
	show("strncpy short", small, sizeof small);
	memset(small, 'x', sizeof small);
	strncpy(small, "abcdefgh", sizeof small);
	show("strncpy long", small, sizeof small);

	printf("strcmp signs: %d %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("abc", "abc")),
		sign(strcmp("b", "abc")), sign(strcmp("ab", "abc")), sign(strcmp("\xff", "a")));
	printf("strncmp(\"process\", \"procedure\", 4) %d, 6 -> %d\n",
		sign(strncmp("process", "procedure", 4)), sign(strncmp("process", "procedure", 6)));
	printf("memcmp sign %d\n", sign(memcmp("\x01\x80", "\x01\x7f", 2)));

	printf("strchr(s, 's') -> \"%s\", strrchr -> \"%s\", strchr(s, 'z') NULL %d\n",
		strchr(s, 's'), strrchr(s, 's'), strchr(s, 'z') == NULL);
	printf("strchr(s, '\\0') at %ld\n", (long)(strchr(s, '\0') - s));
	printf("strstr -> \"%s\", index %ld, strstr(s, \"\") == s %d, missing NULL %d\n",
		strstr(s, "sys"), (long)(strstr(s, "sys") - s), strstr(s, "") == s, strstr(s, "kernel") == NULL);
	printf("strspn %zu strcspn %zu strpbrk \"%s\"\n",
		strspn("  \tindent", " \t"), strcspn("key=value", "=:"), strpbrk("a,b;c", ";,"));

	n = 0;
	for (tok = strtok(line, " |"); tok; tok = strtok(NULL, " |"))
		printf("token %d [%s]\n", n++, tok);
	show("after strtok", line, 10);

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	printf("memmove right: %s\n", buf);
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 5);
	printf("memmove left: %s\n", buf);
	memset(buf, '-', 4);
	printf("memset: %s\n", buf);
	memcpy(buf, "AB\0CD", 5);
	printf("memcpy with NUL: %s, byte 3 %c\n", buf, buf[3]);

	dup = strdup(s);
	dup[0] = 'O';
	printf("strdup: %s / %s\n", dup, s);
	free(dup);
	{
		char *end = memchr(s, 'g', strlen(s));
		printf("memchr: %.*s\n", (int)(end - s + 1), s);
	}
	printf("strerror(2): %s\n", strerror(2));
	return 0;
}
