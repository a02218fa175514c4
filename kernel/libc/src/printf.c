/*
 * The printf engine: one formatter, three destinations (a stream, a string
 * of bounded size, a file descriptor). The output follows glibc's exactly,
 * including its extensions: "(nil)" for a null %p, "(null)" for a null %s,
 * %m for strerror(errno).
 *
 * Floating-point conversions are handed to the kernel's
 * __osplay_fmt_double, which produces glibc's digits; this file only adds
 * the width, the '-' and '0' padding around them.
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <bits/stdio_file.h>

/* Where the formatted bytes go. */
struct out {
	FILE *f;          /* a stream, or */
	int fd;           /* a file descriptor (>= 0), or else */
	char *s;          /* a string that holds at most cap bytes */
	size_t cap;
	size_t len;       /* bytes in s, or waiting in chunk */
	size_t total;     /* bytes produced, what printf returns */
	int err;
	/* Stream output is gathered here first, so that an unbuffered stream
	 * (stderr) gets a whole message in one write(), as with glibc. */
	char chunk[1024];
};

static void drain(struct out *o)
{
	size_t done = 0;
	ssize_t n;

	if (o->f != NULL) {
		if (__stdio_write(o->f, o->chunk, o->len) != o->len)
			o->err = 1;
	} else {
		while (done < o->len) {
			n = write(o->fd, o->chunk + done, o->len - done);
			if (n <= 0) {
				o->err = 1;
				break;
			}
			done += n;
		}
	}
	o->len = 0;
}

static void emit(struct out *o, const char *p, size_t n)
{
	size_t k;

	o->total += n;
	if (o->f == NULL && o->fd < 0) {
		k = o->len < o->cap ? o->cap - o->len : 0;
		if (k > n)
			k = n;
		memcpy(o->s + o->len, p, k);
		o->len += k;
		return;
	}
	while (n > 0) {
		k = sizeof o->chunk - o->len;
		if (k > n)
			k = n;
		memcpy(o->chunk + o->len, p, k);
		o->len += k;
		p += k;
		n -= k;
		if (o->len == sizeof o->chunk)
			drain(o);
	}
}

static void pad(struct out *o, char c, int n)
{
	char block[32];
	int k;

	if (n <= 0)
		return;
	memset(block, c, sizeof block);
	while (n > 0) {
		k = n < (int)sizeof block ? n : (int)sizeof block;
		emit(o, block, k);
		n -= k;
	}
}

/* The parsed parts of one conversion specification. */
struct spec {
	int minus, plus, space, alt, zero;
	int width;   /* 0 if none */
	int prec;    /* -1 if none */
	int length;  /* 'H' hh, 'h', 'l', 'q' ll, 'L', 'j', 'z', 't', or 0 */
	int conv;
};

/*
 * Emit prefix (sign, "0x"), then body, padded to the width: spaces on the
 * left, zeros between prefix and body, or spaces on the right.
 */
static void emit_padded(struct out *o, const struct spec *sp, const char *prefix, int zeros,
	const char *body, int blen, int zero_pad)
{
	int plen = (int)strlen(prefix);
	int fill = sp->width - plen - zeros - blen;

	if (fill < 0)
		fill = 0;
	if (!sp->minus && !zero_pad)
		pad(o, ' ', fill);
	emit(o, prefix, plen);
	if (!sp->minus && zero_pad)
		pad(o, '0', fill);
	pad(o, '0', zeros);
	emit(o, body, blen);
	if (sp->minus)
		pad(o, ' ', fill);
}

/*
 * An integer conversion: a sign or "0x" prefix, zeros up to the precision,
 * then the digits (none for 0 with precision 0). %p is glibc's %#lx, which
 * also takes the '+' and ' ' flags.
 */
static void format_int(struct out *o, const struct spec *sp, unsigned long long v, int negative)
{
	char digits[32];
	char prefix[4];
	const char *set = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int base = 10;
	int is_zero = v == 0;
	int n = 0;
	int zeros = 0;
	int is_signed = sp->conv == 'd' || sp->conv == 'i';
	int is_ptr = sp->conv == 'p';

	if (sp->conv == 'o')
		base = 8;
	else if (sp->conv == 'x' || sp->conv == 'X' || is_ptr)
		base = 16;
	while (v != 0) {
		digits[sizeof digits - 1 - n++] = set[v % base];
		v /= base;
	}
	if (n == 0 && sp->prec != 0)
		digits[sizeof digits - 1 - n++] = '0';
	if (sp->prec > n)
		zeros = sp->prec - n;

	prefix[0] = '\0';
	if (is_signed || is_ptr) {
		if (negative)
			strcpy(prefix, "-");
		else if (sp->plus)
			strcpy(prefix, "+");
		else if (sp->space)
			strcpy(prefix, " ");
	}
	if (sp->alt && base == 16 && !is_zero)
		strcat(prefix, sp->conv == 'X' ? "0X" : "0x");
	/* '#' with %o: make sure the number starts with a zero. */
	if (sp->alt && base == 8 && zeros == 0 && (n == 0 || digits[sizeof digits - n] != '0'))
		zeros = 1;
	emit_padded(o, sp, prefix, zeros, digits + sizeof digits - n, n, sp->zero && sp->prec < 0);
}

static void format_str(struct out *o, const struct spec *sp, const char *s)
{
	size_t n;

	if (s == NULL)
		s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
	n = sp->prec < 0 ? strlen(s) : strnlen(s, sp->prec);
	emit_padded(o, sp, "", 0, s, (int)n, 0);
}

static void format_double(struct out *o, const struct spec *sp, double v)
{
	char small[512];
	char *buf = small;
	char prefix[4];
	char *body;
	int flags = (sp->alt ? 1 : 0) | (sp->plus ? 2 : 0) | (sp->space ? 4 : 0);
	int n;
	int k = 0;

	n = __osplay_fmt_double(small, sizeof small, v, sp->conv, sp->prec, flags);
	if (n < 0) {
		o->err = 1;
		return;
	}
	if (n >= (int)sizeof small) {
		buf = malloc(n + 1);
		if (buf == NULL) {
			o->err = 1;
			return;
		}
		__osplay_fmt_double(buf, n + 1, v, sp->conv, sp->prec, flags);
	}
	/* Split off the sign and a "0x" so zero padding can go after them. */
	if (buf[k] == '-' || buf[k] == '+' || buf[k] == ' ')
		k++;
	if (buf[k] == '0' && (buf[k + 1] == 'x' || buf[k + 1] == 'X'))
		k += 2;
	memcpy(prefix, buf, k);
	prefix[k] = '\0';
	body = buf + k;
	/* inf and nan are never zero padded. */
	emit_padded(o, sp, prefix, 0, body, n - k,
		sp->zero && !sp->minus && body[0] >= '0' && body[0] <= '9');
	if (buf != small)
		free(buf);
}

static int vformat(struct out *o, const char *fmt, va_list ap)
{
	struct spec sp;
	const char *start;
	long long sv;
	unsigned long long uv;
	double d;
	char c;

	while (*fmt != '\0') {
		if (*fmt != '%') {
			start = fmt;
			while (*fmt != '\0' && *fmt != '%')
				fmt++;
			emit(o, start, fmt - start);
			continue;
		}
		start = fmt++;
		memset(&sp, 0, sizeof sp);
		sp.prec = -1;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.minus = 1;
			else if (*fmt == '+')
				sp.plus = 1;
			else if (*fmt == ' ')
				sp.space = 1;
			else if (*fmt == '#')
				sp.alt = 1;
			else if (*fmt == '0')
				sp.zero = 1;
			else if (*fmt != '\'' && *fmt != 'I')
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.minus = 1;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		if (*fmt == 'h') {
			sp.length = 'h';
			if (*++fmt == 'h') {
				sp.length = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			sp.length = 'l';
			if (*++fmt == 'l') {
				sp.length = 'q';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'q' || *fmt == 'j' || *fmt == 'z' || *fmt == 'Z'
			   || *fmt == 't') {
			sp.length = *fmt == 'Z' ? 'z' : *fmt;
			fmt++;
		}
		sp.conv = *fmt;
		if (sp.minus)
			sp.zero = 0;
		if (sp.plus)
			sp.space = 0;

		switch (sp.conv) {
		case 'd':
		case 'i':
			switch (sp.length) {
			case 'H':
				sv = (signed char)va_arg(ap, int);
				break;
			case 'h':
				sv = (short)va_arg(ap, int);
				break;
			case 'l':
			case 'j':
			case 'z':
			case 't':
				sv = va_arg(ap, long);
				break;
			case 'q':
			case 'L':
				sv = va_arg(ap, long long);
				break;
			default:
				sv = va_arg(ap, int);
			}
			if (sv < 0)
				format_int(o, &sp, 0 - (unsigned long long)sv, 1);
			else
				format_int(o, &sp, (unsigned long long)sv, 0);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			switch (sp.length) {
			case 'H':
				uv = (unsigned char)va_arg(ap, unsigned int);
				break;
			case 'h':
				uv = (unsigned short)va_arg(ap, unsigned int);
				break;
			case 'l':
			case 'j':
			case 'z':
			case 't':
				uv = va_arg(ap, unsigned long);
				break;
			case 'q':
			case 'L':
				uv = va_arg(ap, unsigned long long);
				break;
			default:
				uv = va_arg(ap, unsigned int);
			}
			format_int(o, &sp, uv, 0);
			break;
		case 'p':
			uv = (unsigned long)va_arg(ap, void *);
			if (uv == 0) {
				if (sp.prec < 5)
					sp.prec = 5;
				format_str(o, &sp, "(nil)");
			} else {
				sp.alt = 1;
				format_int(o, &sp, uv, 0);
			}
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			emit_padded(o, &sp, "", 0, &c, 1, 0);
			break;
		case 's':
			format_str(o, &sp, va_arg(ap, const char *));
			break;
		case 'm':
			format_str(o, &sp, strerror(errno));
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
#ifdef __OSPLAY__
			d = va_arg(ap, double);
#else
			if (sp.length == 'L')
				d = (double)va_arg(ap, long double);
			else
				d = va_arg(ap, double);
#endif
			format_double(o, &sp, d);
			break;
		case 'n':
			switch (sp.length) {
			case 'H':
				*va_arg(ap, signed char *) = (signed char)o->total;
				break;
			case 'h':
				*va_arg(ap, short *) = (short)o->total;
				break;
			case 'l':
			case 'q':
			case 'j':
			case 'z':
			case 't':
				*va_arg(ap, long *) = (long)o->total;
				break;
			default:
				*va_arg(ap, int *) = (int)o->total;
			}
			break;
		case '%':
			emit(o, "%", 1);
			break;
		default:
			/* Not a conversion: glibc prints the specification as it is. */
			if (*fmt == '\0') {
				emit(o, start, fmt - start);
				continue;
			}
			emit(o, start, fmt + 1 - start);
			break;
		}
		fmt++;
	}
	if (o->len > 0 && (o->f != NULL || o->fd >= 0))
		drain(o);
	if (o->err)
		return -1;
	if (o->total > 2147483647) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o->total;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct out o;
	int r;

	o.f = f;
	o.fd = -1;
	o.s = NULL;
	o.cap = 0;
	o.len = 0;
	o.total = 0;
	o.err = 0;
	__stdio_lock(f);
	r = vformat(&o, fmt, ap);
	__stdio_unlock(f);
	return r;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct out o;

	o.f = NULL;
	o.fd = fd;
	o.s = NULL;
	o.cap = 0;
	o.len = 0;
	o.total = 0;
	o.err = 0;
	return vformat(&o, fmt, ap);
}

int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
	struct out o;
	int r;

	o.f = NULL;
	o.fd = -1;
	o.s = s;
	o.cap = n > 0 ? n - 1 : 0;
	o.len = 0;
	o.total = 0;
	o.err = 0;
	r = vformat(&o, fmt, ap);
	if (n > 0)
		s[o.len] = '\0';
	return r;
}
