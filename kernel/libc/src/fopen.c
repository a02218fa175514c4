/*
 * Opening, closing and positioning streams.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <bits/stdio_file.h>

/* Translate an fopen mode ("r", "w+", "ab", ...) into open() flags. */
static int mode_flags(const char *mode, int *oflags, int *fflags)
{
	switch (*mode) {
	case 'r':
		*oflags = O_RDONLY;
		*fflags = __F_READ;
		break;
	case 'w':
		*oflags = O_WRONLY | O_CREAT | O_TRUNC;
		*fflags = __F_WRITE;
		break;
	case 'a':
		*oflags = O_WRONLY | O_CREAT | O_APPEND;
		*fflags = __F_WRITE | __F_APPEND;
		break;
	default:
		return -1;
	}
	for (mode++; *mode != '\0'; mode++) {
		if (*mode == '+') {
			*oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
			*fflags |= __F_READ | __F_WRITE;
		} else if (*mode == 'x') {
			*oflags |= O_EXCL;
		} else if (*mode == 'e') {
			*oflags |= O_CLOEXEC;
		}
	}
	return 0;
}

FILE *fopen(const char *path, const char *mode)
{
	int oflags, fflags, fd;
	FILE *f;

	if (mode_flags(mode, &oflags, &fflags) < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	f = __stdio_new(fd, fflags);
	if (f == NULL) {
		close(fd);
		errno = ENOMEM;
	}
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags, fflags;
	FILE *f;

	if (mode_flags(mode, &oflags, &fflags) < 0) {
		errno = EINVAL;
		return NULL;
	}
	f = __stdio_new(fd, fflags);
	if (f == NULL)
		errno = ENOMEM;
	return f;
}

int fclose(FILE *f)
{
	int r = 0;

	if (f->wlen > 0 && __stdio_flush(f) == EOF)
		r = EOF;
	if (f->rlen > f->rpos || f->nunget > 0)
		__stdio_sync_input(f);
	if (close(f->fd) < 0)
		r = EOF;
	__stdio_unlink(f);
	if (f->flags & __F_OWNBUF)
		free(f->buf);
	if (f->flags & __F_STATIC) {
		/* stdin, stdout and stderr are not freed, only made unusable. */
		f->fd = -1;
		f->flags = __F_STATIC;
		f->buf = NULL;
		f->wlen = f->rpos = f->rlen = 0;
		f->nunget = 0;
	} else {
		free(f);
	}
	return r;
}

int fileno(FILE *f)
{
	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}

int feof(FILE *f)
{
	return (f->flags & __F_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->flags & __F_ERR) != 0;
}

void clearerr(FILE *f)
{
	f->flags &= ~(__F_EOF | __F_ERR);
}

int fseek(FILE *f, long offset, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (f->wlen > 0 && __stdio_flush(f) == EOF)
		return -1;
	/* Input read ahead is not yet consumed: the program is behind the file. */
	if (whence == SEEK_CUR)
		offset -= (long)(f->rlen - f->rpos) + f->nunget;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->rpos = f->rlen = 0;
	f->nunget = 0;
	f->flags &= ~__F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos + (long)f->wlen - (long)(f->rlen - f->rpos) - f->nunget;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~__F_ERR;
}

int remove(const char *path)
{
	return unlink(path);
}
