/*
 * The members of the printf family, all thin wrappers around vfprintf,
 * vdprintf and vsnprintf (printf.c).
 */
#include <stdio.h>
#include <stdarg.h>

/* sprintf and vsprintf cannot know the size of their buffer. */
#define UNBOUNDED ((size_t)-1 >> 1)

int printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

int sprintf(char *s, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(s, UNBOUNDED, fmt, ap);
	va_end(ap);
	return r;
}

int snprintf(char *s, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int vsprintf(char *s, const char *fmt, va_list ap)
{
	return vsnprintf(s, UNBOUNDED, fmt, ap);
}
