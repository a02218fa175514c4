/*
 * <ctype.h> for the "C" locale. glibc answers from a table of class bits,
 * and its is* functions return the bit itself, so isalpha('a') is 1024
 * and isdigit('7') is 2048. The same bits are computed here.
 */
#include <ctype.h>

#define UPPER 256
#define LOWER 512
#define ALPHA 1024
#define DIGIT 2048
#define XDIGIT 4096
#define SPACE 8192
#define PRINT 16384
#define GRAPH 32768
#define BLANK 1
#define CNTRL 2
#define PUNCT 4
#define ALNUM 8

/* The class bits of c; only the 128 ASCII characters have any. */
static int classes(int c)
{
	int bits = 0;

	if (c < 0 || c > 127)
		return 0;
	if (c >= 'A' && c <= 'Z')
		bits |= UPPER | ALPHA | ALNUM | GRAPH | PRINT;
	else if (c >= 'a' && c <= 'z')
		bits |= LOWER | ALPHA | ALNUM | GRAPH | PRINT;
	else if (c >= '0' && c <= '9')
		bits |= DIGIT | XDIGIT | ALNUM | GRAPH | PRINT;
	else if (c > ' ' && c < 127)
		bits |= PUNCT | GRAPH | PRINT;
	if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
		bits |= XDIGIT;
	if (c == ' ')
		bits |= SPACE | BLANK | PRINT;
	if (c == '\t')
		bits |= SPACE | BLANK;
	if (c >= '\n' && c <= '\r')
		bits |= SPACE;
	if (c < ' ' || c == 127)
		bits |= CNTRL;
	return bits;
}

int isalnum(int c)
{
	return classes(c) & ALNUM;
}

int isalpha(int c)
{
	return classes(c) & ALPHA;
}

int isblank(int c)
{
	return classes(c) & BLANK;
}

int iscntrl(int c)
{
	return classes(c) & CNTRL;
}

int isdigit(int c)
{
	return classes(c) & DIGIT;
}

int isgraph(int c)
{
	return classes(c) & GRAPH;
}

int islower(int c)
{
	return classes(c) & LOWER;
}

int isprint(int c)
{
	return classes(c) & PRINT;
}

int ispunct(int c)
{
	return classes(c) & PUNCT;
}

int isspace(int c)
{
	return classes(c) & SPACE;
}

int isupper(int c)
{
	return classes(c) & UPPER;
}

int isxdigit(int c)
{
	return classes(c) & XDIGIT;
}

int isascii(int c)
{
	return (c & ~0x7f) == 0;
}

int toascii(int c)
{
	return c & 0x7f;
}

int tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int toupper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}
