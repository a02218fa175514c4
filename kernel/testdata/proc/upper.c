/* Reads lines from the terminal and writes them in capitals. */
#include <stdio.h>
#include <ctype.h>

int main(void)
{
	char line[100], *s;
	while (fgets(line, sizeof line, stdin) != NULL) {
		for (s = line; *s; s++)
			*s = toupper((unsigned char)*s);
		fputs(line, stdout);
	}
	printf("bye\n");
	return 0;
}
