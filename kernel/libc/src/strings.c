/*
 * <strings.h>: case-insensitive comparison and the old BSD names.
 */
#include <strings.h>
#include <string.h>
#include <ctype.h>

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	int d;

	for (;; p++, q++) {
		d = tolower(*p) - tolower(*q);
		if (d != 0 || *p == '\0')
			return d;
	}
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	int d;

	for (; n > 0; n--, p++, q++) {
		d = tolower(*p) - tolower(*q);
		if (d != 0 || *p == '\0')
			return d;
	}
	return 0;
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

void bcopy(const void *src, void *dst, size_t n)
{
	memmove(dst, src, n);
}

int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}

char *index(const char *s, int c)
{
	return strchr(s, c);
}

char *rindex(const char *s, int c)
{
	return strrchr(s, c);
}

/* The position of the lowest set bit, counting from 1; 0 if none. */
int ffs(int i)
{
	unsigned int u = (unsigned int)i;
	int n = 1;

	if (u == 0)
		return 0;
	while ((u & 1) == 0) {
		u >>= 1;
		n++;
	}
	return n;
}
