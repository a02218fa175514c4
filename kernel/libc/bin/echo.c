/*
 * echo: print the arguments, separated by spaces, ending with a newline.
 * As in GNU coreutils: -n drops the newline, -e turns on backslash escapes,
 * -E turns them off; an argument counts as options only if it consists of
 * these letters alone.
 */
#include <stdio.h>
#include <stdlib.h>

static int hex(int c)
{
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return c - '0';
}

static int is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_octal(int c)
{
	return c >= '0' && c <= '7';
}

/* Print s with its escapes replaced; returns 0 after \c, which ends all output. */
static int print_escaped(const char *s)
{
	int c;

	while ((c = (unsigned char)*s++) != '\0') {
		if (c == '\\' && *s != '\0') {
			c = (unsigned char)*s++;
			switch (c) {
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'c': return 0;
			case 'e': c = 033; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'v': c = '\v'; break;
			case '\\': break;
			case 'x':
				if (!is_hex((unsigned char)*s)) {
					putchar('\\');
					break;
				}
				c = hex((unsigned char)*s++);
				if (is_hex((unsigned char)*s))
					c = c * 16 + hex((unsigned char)*s++);
				break;
			case '0':
				/* \0NNN: up to three octal digits after the 0. */
				c = 0;
				if (!is_octal((unsigned char)*s))
					break;
				c = *s++ - '0';
				if (is_octal((unsigned char)*s))
					c = c * 8 + (*s++ - '0');
				if (is_octal((unsigned char)*s))
					c = c * 8 + (*s++ - '0');
				break;
			case '1': case '2': case '3': case '4': case '5': case '6': case '7':
				/* \NNN: up to three octal digits. */
				c -= '0';
				if (is_octal((unsigned char)*s))
					c = c * 8 + (*s++ - '0');
				if (is_octal((unsigned char)*s))
					c = c * 8 + (*s++ - '0');
				break;
			default:
				putchar('\\');
				break;
			}
		}
		putchar(c);
	}
	return 1;
}

int main(int argc, char **argv)
{
	int newline = 1;
	int escapes = 0;
	int posix = getenv("POSIXLY_CORRECT") != NULL;
	int allow_options = !posix || (argc > 1 && argv[1][0] == '-' && argv[1][1] == 'n' && argv[1][2] == '\0');
	const char *p;
	int i = 1;

	for (; allow_options && i < argc && argv[i][0] == '-'; i++) {
		for (p = argv[i] + 1; *p == 'n' || *p == 'e' || *p == 'E'; p++)
			;
		if (*p != '\0' || p == argv[i] + 1)
			break;
		for (p = argv[i] + 1; *p != '\0'; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes || posix) {
			if (!print_escaped(argv[i]))
				return 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return 0;
}
