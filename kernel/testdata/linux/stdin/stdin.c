/* Expect: reading standard input: scanf parses a count and that many
 * integers, fgets reads the remaining lines (the last one may lack a
 * newline), getchar returns EOF (-1) at the end and feof is then true. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

int main(void)
{
	int n, i, v, sum = 0, words, lines = 0, in_word;
	char line[128], *p;

	if (scanf("%d", &n) != 1) {
		printf("no count\n");
		return 1;
	}
	for (i = 0; i < n && scanf("%d", &v) == 1; i++)
		sum += v;
	printf("read %d numbers, sum %d\n", i, sum);
	fgets(line, sizeof line, stdin); /* the rest of the numbers' line */
	while (fgets(line, sizeof line, stdin) != NULL) {
		size_t len = strlen(line);
		int newline = len > 0 && line[len - 1] == '\n';
		if (newline)
			line[--len] = '\0';
		words = 0;
		in_word = 0;
		for (p = line; *p; p++) {
			if (isspace((unsigned char)*p))
				in_word = 0;
			else if (!in_word) {
				in_word = 1;
				words++;
			}
			*p = toupper((unsigned char)*p);
		}
		printf("line %d: [%s] %zu chars, %d words, newline %d\n", ++lines, line, len, words, newline);
	}
	printf("getchar at end: %d, feof %d\n", getchar(), feof(stdin) != 0);
	return 0;
}
