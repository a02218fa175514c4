/*
 * The scanf engine, reading from a stream or a string, and the members of
 * the scanf family. It follows glibc: conversions other than %c, %[ and %n
 * skip white space first; the character that ends a field is pushed back;
 * the result is the number of assignments, or EOF when the input ended
 * before anything was assigned.
 */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <bits/stdio_file.h>

struct in {
	FILE *f;                   /* read from a stream, or else */
	const unsigned char *s;    /* from a string */
	size_t count;              /* characters consumed, for %n */
};

static int get(struct in *in)
{
	int c;

	if (in->f != NULL)
		c = fgetc(in->f);
	else if (*in->s != '\0')
		c = *in->s++;
	else
		c = EOF;
	if (c != EOF)
		in->count++;
	return c;
}

static void unget(struct in *in, int c)
{
	if (c == EOF)
		return;
	in->count--;
	if (in->f != NULL)
		ungetc(c, in->f);
	else
		in->s--;
}

/* Skip white space; EOF if the input ends. */
static int skip_space(struct in *in)
{
	int c;

	do
		c = get(in);
	while (c != EOF && isspace(c));
	if (c == EOF)
		return EOF;
	unget(in, c);
	return 0;
}

/* Where the characters of %s, %c and %[ go: a buffer, a malloc'ed one (%m), or nowhere (%*). */
struct dest {
	char *p;
	size_t n;
	size_t cap;
	int alloc;
};

static int put(struct dest *d, int c)
{
	char *grown;

	if (d->alloc && d->n == d->cap) {
		d->cap = d->cap == 0 ? 32 : 2 * d->cap;
		grown = realloc(d->p, d->cap);
		if (grown == NULL) {
			free(d->p);
			d->p = NULL;
			errno = ENOMEM;
			return -1;
		}
		d->p = grown;
	}
	if (d->p != NULL)
		d->p[d->n] = (char)c;
	d->n++;
	return 0;
}

/* Parse the set of a %[ conversion; returns the format after the ']'. */
static const char *scanset(const char *fmt, unsigned char set[256])
{
	int invert = 0;
	int i, lo, hi;

	if (*fmt == '^') {
		invert = 1;
		fmt++;
	}
	memset(set, 0, 256);
	if (*fmt == ']') {
		set[']'] = 1;
		fmt++;
	}
	while (*fmt != '\0' && *fmt != ']') {
		if (fmt[1] == '-' && fmt[2] != ']' && fmt[2] != '\0') {
			lo = (unsigned char)fmt[0];
			hi = (unsigned char)fmt[2];
			for (i = lo; i <= hi; i++)
				set[i] = 1;
			fmt += 3;
		} else {
			set[(unsigned char)*fmt++] = 1;
		}
	}
	if (*fmt == ']')
		fmt++;
	if (invert)
		for (i = 0; i < 256; i++)
			set[i] = !set[i];
	return fmt;
}

static int digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * Read the text of an integer in the given base (0: decided by the
 * prefix as for strtol) into buf. Returns the number of digits.
 */
static int scan_integer(struct in *in, char *buf, int max, int base)
{
	int n = 0;
	int digits = 0;
	int c = get(in);

	if ((c == '+' || c == '-') && n < max) {
		buf[n++] = (char)c;
		c = n < max ? get(in) : EOF;
	}
	if ((base == 0 || base == 16) && c == '0' && n < max) {
		buf[n++] = (char)c;
		digits++;
		c = n < max ? get(in) : EOF;
		if ((c == 'x' || c == 'X') && n < max) {
			buf[n++] = (char)c;
			base = 16;
			c = n < max ? get(in) : EOF;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	while (c != EOF && n < max && digit_value(c) < base) {
		buf[n++] = (char)c;
		digits++;
		c = n < max ? get(in) : EOF;
	}
	unget(in, c);
	buf[n] = '\0';
	return digits;
}

static int match_word(struct in *in, char *buf, int *n, int max, const char *word)
{
	int c;

	while (*word != '\0') {
		if (*n >= max)
			return 0;
		c = get(in);
		if (c == EOF || tolower(c) != *word) {
			unget(in, c);
			return 0;
		}
		buf[(*n)++] = (char)c;
		word++;
	}
	return 1;
}

/* Read the text of a floating-point number into buf; returns 0 if there is none. */
static int scan_float(struct in *in, char *buf, int max)
{
	int n = 0;
	int digits = 0;
	int hex = 0;
	int c = get(in);

	if ((c == '+' || c == '-') && n < max) {
		buf[n++] = (char)c;
		c = get(in);
	}
	if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
		unget(in, c);
		if (c == 'i' || c == 'I') {
			if (!match_word(in, buf, &n, max, "inf"))
				return 0;
			match_word(in, buf, &n, max, "inity");
		} else if (!match_word(in, buf, &n, max, "nan")) {
			return 0;
		}
		buf[n] = '\0';
		return 1;
	}
	if (c == '0' && n < max) {
		buf[n++] = (char)c;
		digits++;
		c = n < max ? get(in) : EOF;
		if ((c == 'x' || c == 'X') && n < max) {
			buf[n++] = (char)c;
			hex = 1;
			digits = 0;
			c = n < max ? get(in) : EOF;
		}
	}
	while (c != EOF && n < max && (hex ? isxdigit(c) : isdigit(c))) {
		buf[n++] = (char)c;
		digits++;
		c = n < max ? get(in) : EOF;
	}
	if (c == '.' && n < max) {
		buf[n++] = (char)c;
		c = n < max ? get(in) : EOF;
		while (c != EOF && n < max && (hex ? isxdigit(c) : isdigit(c))) {
			buf[n++] = (char)c;
			digits++;
			c = n < max ? get(in) : EOF;
		}
	}
	if (digits > 0 && n < max && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
		buf[n++] = (char)c;
		c = n < max ? get(in) : EOF;
		if ((c == '+' || c == '-') && n < max) {
			buf[n++] = (char)c;
			c = n < max ? get(in) : EOF;
		}
		while (c != EOF && n < max && isdigit(c)) {
			buf[n++] = (char)c;
			c = n < max ? get(in) : EOF;
		}
	}
	unget(in, c);
	buf[n] = '\0';
	return digits > 0;
}

static int vscan(struct in *in, const char *fmt, va_list ap)
{
	int done = 0;
	int suppress, alloc, width, length, conv, base, c;
	char num[512];
	unsigned char set[256];
	struct dest d;
	char **where = NULL;
	long long sv;
	unsigned long long uv;
	double fv;

	while (*fmt != '\0') {
		if (isspace((unsigned char)*fmt)) {
			while (isspace((unsigned char)*fmt))
				fmt++;
			skip_space(in);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%') {
				fmt++;
				if (skip_space(in) == EOF)
					goto input_failure;
			}
			c = get(in);
			if (c == EOF)
				goto input_failure;
			if (c != (unsigned char)*fmt) {
				unget(in, c);
				return done;
			}
			fmt++;
			continue;
		}

		fmt++;
		suppress = alloc = width = length = 0;
		if (*fmt == '*') {
			suppress = 1;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == 'm') {
			alloc = 1;
			fmt++;
		}
		if (*fmt == 'h') {
			length = 'h';
			if (*++fmt == 'h') {
				length = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			length = 'l';
			if (*++fmt == 'l') {
				length = 'q';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'q' || *fmt == 'j' || *fmt == 'z' || *fmt == 't') {
			length = *fmt++;
		}
		conv = *fmt++;

		switch (conv) {
		case 'n':
			if (suppress)
				break;
			if (length == 'H')
				*va_arg(ap, signed char *) = (signed char)in->count;
			else if (length == 'h')
				*va_arg(ap, short *) = (short)in->count;
			else if (length == 'l' || length == 'q' || length == 'j' || length == 'z'
				 || length == 't')
				*va_arg(ap, long *) = (long)in->count;
			else
				*va_arg(ap, int *) = (int)in->count;
			break;

		case 'c':
		case 's':
		case '[':
			if (conv == '[')
				fmt = scanset(fmt, set);
			if (conv == 's' && skip_space(in) == EOF)
				goto input_failure;
			c = 0;
			d.p = NULL;
			d.n = d.cap = 0;
			d.alloc = alloc && !suppress;
			if (!suppress) {
				if (alloc)
					where = va_arg(ap, char **);
				else
					d.p = va_arg(ap, char *);
			}
			if (conv == 'c' && width == 0)
				width = 1;
			for (;;) {
				if (width > 0 && (int)d.n == width)
					break;
				c = get(in);
				if (c == EOF)
					break;
				if ((conv == 's' && isspace(c)) || (conv == '[' && !set[c])) {
					unget(in, c);
					break;
				}
				if (put(&d, c) < 0)
					return done == 0 ? EOF : done;
			}
			if (d.n == 0) {
				if (c == EOF)
					goto input_failure;
				return done;
			}
			if (conv != 'c' && put(&d, '\0') < 0)
				return done == 0 ? EOF : done;
			if (!suppress) {
				if (alloc)
					*where = d.p;
				done++;
			}
			break;

		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p':
			if (skip_space(in) == EOF)
				goto input_failure;
			base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
			if (width == 0 || width > (int)sizeof num - 1)
				width = (int)sizeof num - 1;
			if (scan_integer(in, num, width, base) == 0)
				return done;
			if (suppress)
				break;
			if (conv == 'd' || conv == 'i') {
				sv = strtoll(num, NULL, base);
				uv = (unsigned long long)sv;
			} else {
				uv = strtoull(num, NULL, base);
			}
			if (conv == 'p')
				*va_arg(ap, void **) = (void *)(unsigned long)uv;
			else if (length == 'H')
				*va_arg(ap, char *) = (char)uv;
			else if (length == 'h')
				*va_arg(ap, short *) = (short)uv;
			else if (length == 'l' || length == 'j' || length == 'z' || length == 't')
				*va_arg(ap, long *) = (long)uv;
			else if (length == 'q' || length == 'L')
				*va_arg(ap, long long *) = (long long)uv;
			else
				*va_arg(ap, int *) = (int)uv;
			done++;
			break;

		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			if (skip_space(in) == EOF)
				goto input_failure;
			if (width == 0 || width > (int)sizeof num - 1)
				width = (int)sizeof num - 1;
			if (!scan_float(in, num, width))
				return done;
			if (suppress)
				break;
			fv = strtod(num, NULL);
#ifdef __OSPLAY__
			if (length == 'l' || length == 'L')
				*va_arg(ap, double *) = fv;
#else
			if (length == 'l')
				*va_arg(ap, double *) = fv;
			else if (length == 'L')
				*va_arg(ap, long double *) = fv;
#endif
			else
				*va_arg(ap, float *) = (float)fv;
			done++;
			break;

		default:
			/* An unknown conversion ends the scan. */
			return done;
		}
	}
	return done;

input_failure:
	return done == 0 ? EOF : done;
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
	struct in in;
	int r;

	in.f = f;
	in.s = NULL;
	in.count = 0;
	__stdio_lock(f);
	r = vscan(&in, fmt, ap);
	__stdio_unlock(f);
	return r;
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct in in;

	in.f = NULL;
	in.s = (const unsigned char *)s;
	in.count = 0;
	return vscan(&in, fmt, ap);
}

int vscanf(const char *fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}

int fscanf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}
