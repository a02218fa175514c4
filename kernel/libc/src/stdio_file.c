/*
 * Streams: the three standard ones, the list of all open streams, and the
 * buffer policy, which follows glibc's:
 *
 *  - A stream's mode is decided at its first I/O, unless setvbuf chose it
 *    before: line buffered if the file is a terminal, fully buffered
 *    otherwise. stderr is always unbuffered.
 *  - The buffer is malloc'ed then, as big as the file's st_blksize (at
 *    most BUFSIZ): 4096 bytes for pipes and ordinary files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <bits/stdio_file.h>

FILE *stdin;
FILE *stdout;
FILE *stderr;

static FILE stdin_file;
static FILE stdout_file;
static FILE stderr_file;

/* All open streams, the most recently opened first (as glibc's list). */
static FILE *streams;

static void init_stream(FILE *f, int fd, int flags)
{
	memset(f, 0, sizeof *f);
	f->fd = fd;
	f->flags = flags;
	f->mode = -1;
	f->lock.__kind = PTHREAD_MUTEX_RECURSIVE;
	f->next = streams;
	streams = f;
}

void __stdio_init(void)
{
	streams = NULL;
	init_stream(&stdin_file, 0, __F_READ | __F_STATIC);
	init_stream(&stdout_file, 1, __F_WRITE | __F_STATIC);
	init_stream(&stderr_file, 2, __F_WRITE | __F_STATIC);
	stderr_file.mode = _IONBF;
	stdin = &stdin_file;
	stdout = &stdout_file;
	stderr = &stderr_file;
}

FILE *__stdio_new(int fd, int flags)
{
	FILE *f = malloc(sizeof *f);

	if (f == NULL)
		return NULL;
	init_stream(f, fd, flags);
	return f;
}

void __stdio_unlink(FILE *f)
{
	FILE **p;

	for (p = &streams; *p != NULL; p = &(*p)->next) {
		if (*p == f) {
			*p = f->next;
			return;
		}
	}
}

/*
 * The first I/O on a stream decides its buffering. Probing the file with
 * fstat and isatty must not disturb errno (isatty fails with ENOTTY on
 * anything but a terminal), so it is saved around them.
 */
void __stdio_setup(FILE *f)
{
	struct stat st;
	size_t size = BUFSIZ;
	int tty = 0;
	int saved = errno;

	if (f->buf != NULL)
		return;
	if (f->mode == _IONBF) {
		f->buf = f->tiny;
		f->size = 1;
		return;
	}
	if (fstat(f->fd, &st) == 0) {
		tty = isatty(f->fd);
		if (st.st_blksize > 0 && st.st_blksize < BUFSIZ)
			size = st.st_blksize;
	}
	errno = saved;
	if (f->mode == -1)
		f->mode = tty ? _IOLBF : _IOFBF;
	f->buf = malloc(size);
	if (f->buf == NULL) {
		f->buf = f->tiny;
		f->size = 1;
		f->mode = _IONBF;
		errno = saved;
		return;
	}
	f->size = size;
	f->flags |= __F_OWNBUF;
}

/*
 * Write out the waiting output. Like glibc, the buffer is emptied even
 * when write fails: the bytes are gone and the error flag tells.
 */
int __stdio_flush(FILE *f)
{
	size_t done = 0;
	ssize_t n;

	while (done < f->wlen) {
		n = write(f->fd, f->buf + done, f->wlen - done);
		if (n <= 0) {
			f->flags |= __F_ERR;
			f->wlen = 0;
			return EOF;
		}
		done += n;
	}
	f->wlen = 0;
	return 0;
}

/*
 * Give back input that was read ahead into the buffer but not consumed,
 * by moving the file offset back over it, so that the file position is
 * where the program thinks it is. Terminals and pipes cannot seek: there
 * the input simply stays in the buffer.
 */
int __stdio_sync_input(FILE *f)
{
	off_t unread = (off_t)(f->rlen - f->rpos) + f->nunget;

	if (unread == 0)
		return 0;
	if (lseek(f->fd, -unread, SEEK_CUR) < 0)
		return errno == ESPIPE ? 0 : EOF;
	f->rpos = f->rlen = 0;
	f->nunget = 0;
	return 0;
}

int __stdio_flush_all(void)
{
	FILE *f;
	int r = 0;

	for (f = streams; f != NULL; f = f->next)
		if (f->wlen > 0 && __stdio_flush(f) == EOF)
			r = EOF;
	return r;
}

/*
 * At exit glibc flushes every stream and then also gives back read-ahead
 * input, so a file shared with the parent (a redirected stdin) is left
 * exactly after what this process consumed.
 */
void __stdio_exit(void)
{
	FILE *f;

	__stdio_flush_all();
	for (f = streams; f != NULL; f = f->next)
		if (f->rlen > f->rpos || f->nunget > 0)
			__stdio_sync_input(f);
}

int fflush_unlocked(FILE *f)
{
	if (f == NULL)
		return __stdio_flush_all();
	if (f->wlen > 0)
		return __stdio_flush(f);
	return __stdio_sync_input(f);
}

int fflush(FILE *f)
{
	int r;
	if (f == NULL)
		return __stdio_flush_all();
	__stdio_lock(f);
	r = fflush_unlocked(f);
	__stdio_unlock(f);
	return r;
}

/* Whether the process has only ever had one thread (glibc's
   <sys/single_threaded.h>): stdio takes its locks once it has not, and
   pthread_create clears it. */
char __libc_single_threaded = 1;

void flockfile(FILE *f)
{
	pthread_mutex_lock(&f->lock);
}

int ftrylockfile(FILE *f)
{
	return pthread_mutex_trylock(&f->lock);
}

void funlockfile(FILE *f)
{
	pthread_mutex_unlock(&f->lock);
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return EOF;
	}
	if (f->wlen > 0)
		__stdio_flush(f);
	__stdio_sync_input(f);
	if (f->flags & __F_OWNBUF)
		free(f->buf);
	f->flags &= ~__F_OWNBUF;
	f->buf = NULL;
	f->size = 0;
	f->rpos = f->rlen = 0;
	f->mode = mode;
	if (mode == _IONBF) {
		f->buf = f->tiny;
		f->size = 1;
	} else if (buf != NULL && size > 0) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *f)
{
	setvbuf(f, NULL, _IOLBF, 0);
}
