/*
 * Input through a stream's buffer. Like glibc, reading asks the kernel for
 * a whole buffer at a time, end of file is "sticky" until clearerr, and
 * before a terminal (or unbuffered) stream waits for input, a line-buffered
 * stdout is flushed so the user sees the prompt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <bits/stdio_file.h>

static int begin_read(FILE *f)
{
	if (!(f->flags & __F_READ)) {
		f->flags |= __F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->buf == NULL)
		__stdio_setup(f);
	if (f->wlen > 0 && __stdio_flush(f) == EOF)
		return EOF;
	return 0;
}

/* Refill an empty buffer; 0 when there is input, else EOF. */
int __stdio_fill(FILE *f)
{
	ssize_t n;

	if (f->flags & __F_EOF)
		return EOF;
	if (begin_read(f) == EOF)
		return EOF;
	if (f->mode != _IOFBF && stdout != NULL && stdout != f && stdout->mode == _IOLBF
	    && stdout->wlen > 0)
		__stdio_flush(stdout);
	f->rpos = f->rlen = 0;
	n = read(f->fd, f->buf, f->size);
	if (n <= 0) {
		f->flags |= n == 0 ? __F_EOF : __F_ERR;
		return EOF;
	}
	f->rlen = n;
	return 0;
}

int fgetc(FILE *f)
{
	int c;
	__stdio_lock(f);
	c = fgetc_unlocked(f);
	__stdio_unlock(f);
	return c;
}

int fgetc_unlocked(FILE *f)
{
	if (f->nunget > 0)
		return f->unget[--f->nunget];
	if (f->rpos == f->rlen && __stdio_fill(f) == EOF)
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int getc_unlocked(FILE *f)
{
	return fgetc_unlocked(f);
}

int getchar_unlocked(void)
{
	return fgetc_unlocked(stdin);
}

int ungetc(int c, FILE *f)
{
	__stdio_lock(f);
	if (c == EOF || f->nunget == (int)sizeof f->unget) {
		c = EOF;
	} else {
		f->unget[f->nunget++] = (unsigned char)c;
		f->flags &= ~__F_EOF;
		c = (unsigned char)c;
	}
	__stdio_unlock(f);
	return c;
}

char *fgets(char *s, int n, FILE *f)
{
	__stdio_lock(f);
	s = fgets_unlocked(s, n, f);
	__stdio_unlock(f);
	return s;
}

/* Returns NULL when nothing was read, or when reading failed this time. */
char *fgets_unlocked(char *s, int n, FILE *f)
{
	int old_error = f->flags & __F_ERR;
	int i = 0;
	int c;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	if (n == 1) {
		s[0] = '\0';
		return s;
	}
	f->flags &= ~__F_ERR;
	while (i < n - 1) {
		c = fgetc_unlocked(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 || (f->flags & __F_ERR)) {
		f->flags |= old_error;
		return NULL;
	}
	f->flags |= old_error;
	s[i] = '\0';
	return s;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	__stdio_lock(f);
	n = fread_unlocked(p, size, n, f);
	__stdio_unlock(f);
	return n;
}

size_t fread_unlocked(void *p, size_t size, size_t n, FILE *f)
{
	unsigned char *s = p;
	size_t want = size * n;
	size_t have;
	size_t count;
	ssize_t k;

	if (want == 0)
		return 0;
	while (want > 0 && f->nunget > 0) {
		*s++ = f->unget[--f->nunget];
		want--;
	}
	while (want > 0) {
		have = f->rlen - f->rpos;
		if (have >= want) {
			memcpy(s, f->buf + f->rpos, want);
			f->rpos += want;
			want = 0;
			break;
		}
		memcpy(s, f->buf + f->rpos, have);
		f->rpos += have;
		s += have;
		want -= have;
		if (begin_read(f) == EOF)
			break;
		if (want < f->size) {
			/* Less than a buffer: refill and copy. */
			if (__stdio_fill(f) == EOF)
				break;
			continue;
		}
		/* At least a buffer: read whole blocks straight into place. */
		count = want;
		if (f->size >= 128)
			count -= want % f->size;
		k = read(f->fd, s, count);
		if (k <= 0) {
			f->flags |= k == 0 ? __F_EOF : __F_ERR;
			break;
		}
		s += k;
		want -= k;
	}
	return (size * n - want) / size;
}

/*
 * Append n bytes to the line, growing it like glibc: 120 bytes at first,
 * then to at least twice the size, so *cap ends with Linux's value.
 */
static int append(char **line, size_t *cap, size_t len, const unsigned char *p, size_t n)
{
	size_t need = len + n + 1;
	char *grown;

	if (need > *cap) {
		if (need < 2 * *cap)
			need = 2 * *cap;
		grown = realloc(*line, need);
		if (grown == NULL) {
			errno = ENOMEM;
			return -1;
		}
		*line = grown;
		*cap = need;
	}
	memcpy(*line + len, p, n);
	return 0;
}

static ssize_t getdelim_unlocked(char **line, size_t *cap, int delim, FILE *f);

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	ssize_t r;
	__stdio_lock(f);
	r = getdelim_unlocked(line, cap, delim, f);
	__stdio_unlock(f);
	return r;
}

static ssize_t getdelim_unlocked(char **line, size_t *cap, int delim, FILE *f)
{
	size_t len = 0;
	size_t chunk;
	unsigned char *end;
	unsigned char c;

	if (line == NULL || cap == NULL) {
		errno = EINVAL;
		f->flags |= __F_ERR;
		return -1;
	}
	if (*line == NULL || *cap == 0) {
		*cap = 120;
		*line = malloc(*cap);
		if (*line == NULL) {
			errno = ENOMEM;
			return -1;
		}
	}
	for (;;) {
		if (f->nunget > 0) {
			c = f->unget[--f->nunget];
			if (append(line, cap, len, &c, 1) < 0)
				return -1;
			len++;
			if (c == (unsigned char)delim)
				break;
			continue;
		}
		if (f->rpos == f->rlen && __stdio_fill(f) == EOF)
			break;
		chunk = f->rlen - f->rpos;
		end = memchr(f->buf + f->rpos, delim, chunk);
		if (end != NULL)
			chunk = end - (f->buf + f->rpos) + 1;
		if (append(line, cap, len, f->buf + f->rpos, chunk) < 0)
			return -1;
		f->rpos += chunk;
		len += chunk;
		if (end != NULL)
			break;
	}
	(*line)[len] = '\0';
	if (len == 0)
		return -1;
	return len;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
}
