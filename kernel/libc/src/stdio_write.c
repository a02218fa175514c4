/*
 * Output through a stream's buffer, following glibc's rules for when the
 * buffer is written out:
 *
 *  - fully buffered: when it is full and more output comes;
 *  - line buffered: also right after a newline;
 *  - unbuffered: at once, one write() per call.
 *
 * Large writes skip the buffer and go out in whole buffer-sized blocks,
 * as glibc does, so the sequence of write() calls matches Linux.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <bits/stdio_file.h>

static int begin_write(FILE *f)
{
	if (!(f->flags & __F_WRITE)) {
		f->flags |= __F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->rlen > f->rpos || f->nunget > 0)
		__stdio_sync_input(f);
	f->rpos = f->rlen = 0;
	f->nunget = 0;
	if (f->buf == NULL)
		__stdio_setup(f);
	return 0;
}

/* One byte into the buffer; the caller has called begin_write. */
static int put_byte(FILE *f, int c)
{
	if (f->wlen == f->size && __stdio_flush(f) == EOF)
		return EOF;
	f->buf[f->wlen++] = (unsigned char)c;
	if (f->mode == _IONBF || (f->mode == _IOLBF && c == '\n'))
		if (__stdio_flush(f) == EOF)
			return EOF;
	return (unsigned char)c;
}

static size_t write_direct(FILE *f, const unsigned char *s, size_t n)
{
	size_t done = 0;
	ssize_t k;

	while (done < n) {
		k = write(f->fd, s + done, n - done);
		if (k <= 0) {
			f->flags |= __F_ERR;
			break;
		}
		done += k;
	}
	return done;
}

/* Returns how many of the n bytes were taken. */
size_t __stdio_write(FILE *f, const void *data, size_t n)
{
	const unsigned char *s = data;
	size_t todo = n;
	size_t count = 0;
	size_t direct;
	int must_flush = 0;

	if (n == 0 || begin_write(f) == EOF)
		return 0;

	/* First fill the room left in the buffer. */
	if (f->mode == _IOLBF) {
		count = f->size - f->wlen;
		if (count >= n) {
			/* It all fits: take it up to the last newline, then flush. */
			const unsigned char *p = s + n;
			while (p > s) {
				if (*--p == '\n') {
					count = p - s + 1;
					must_flush = 1;
					break;
				}
			}
		}
	} else if (f->mode == _IOFBF) {
		count = f->size - f->wlen;
	}
	if (count > todo)
		count = todo;
	memcpy(f->buf + f->wlen, s, count);
	f->wlen += count;
	s += count;
	todo -= count;

	if (todo + must_flush > 0) {
		if (__stdio_flush(f) == EOF)
			return n - todo;
		/* Whole blocks go straight to the file... */
		direct = todo;
		if (f->size >= 128)
			direct -= todo % f->size;
		if (direct > 0) {
			count = write_direct(f, s, direct);
			todo -= count;
			if (count < direct)
				return n - todo;
			s += direct;
		}
		/* ...and the rest waits in the buffer. */
		if (f->mode == _IOFBF) {
			memcpy(f->buf + f->wlen, s, todo);
			f->wlen += todo;
			todo = 0;
		}
		while (todo > 0) {
			if (put_byte(f, *s++) == EOF)
				break;
			todo--;
		}
	}
	return n - todo;
}

int __stdio_put(FILE *f, int c)
{
	if (begin_write(f) == EOF)
		return EOF;
	return put_byte(f, c);
}

int fputc_unlocked(int c, FILE *f)
{
	return __stdio_put(f, c);
}

int putc_unlocked(int c, FILE *f)
{
	return __stdio_put(f, c);
}

int putchar_unlocked(int c)
{
	return __stdio_put(stdout, c);
}

int fputc(int c, FILE *f)
{
	__stdio_lock(f);
	c = __stdio_put(f, c);
	__stdio_unlock(f);
	return c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

/* glibc's fputs returns 1 on success. */
int fputs(const char *s, FILE *f)
{
	int r;
	__stdio_lock(f);
	r = fputs_unlocked(s, f);
	__stdio_unlock(f);
	return r;
}

int fputs_unlocked(const char *s, FILE *f)
{
	size_t n = strlen(s);

	if (__stdio_write(f, s, n) != n)
		return EOF;
	return 1;
}

/* glibc's puts returns the number of bytes written, newline included. */
int puts(const char *s)
{
	size_t n = strlen(s);
	int r;

	__stdio_lock(stdout);
	if (__stdio_write(stdout, s, n) != n || __stdio_put(stdout, '\n') == EOF)
		r = EOF;
	else
		r = n + 1 > 2147483647 ? 2147483647 : (int)(n + 1);
	__stdio_unlock(stdout);
	return r;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	__stdio_lock(f);
	n = fwrite_unlocked(p, size, n, f);
	__stdio_unlock(f);
	return n;
}

size_t fwrite_unlocked(const void *p, size_t size, size_t n, FILE *f)
{
	size_t total = size * n;
	size_t done;

	if (total == 0)
		return 0;
	done = __stdio_write(f, p, total);
	if (done == total)
		return n;
	return done / size;
}
