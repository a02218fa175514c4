#ifndef _BITS_STDIO_FILE_H
#define _BITS_STDIO_FILE_H

/*
 * The inside of a FILE, shared by the source files of stdio. A FILE and
 * its buffer live in the process's own memory, so fork() copies any output
 * still waiting in the buffer, exactly as on Linux.
 */

#include <bits/types/size_t.h>
#include <bits/types/FILE.h>
#include <pthread.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

struct _IO_FILE {
	int fd;
	int flags;           /* __F_* bits below */
	int mode;            /* _IOFBF, _IOLBF or _IONBF; -1 until the first I/O decides */
	unsigned char *buf;  /* the buffer; NULL until the first I/O */
	size_t size;         /* its capacity */
	size_t wlen;         /* output bytes waiting in buf[0..wlen) */
	size_t rpos;         /* unread input is buf[rpos..rlen) */
	size_t rlen;
	int nunget;          /* bytes pushed back by ungetc, the last on top */
	unsigned char unget[8];
	unsigned char tiny[1]; /* the one-byte buffer of an unbuffered stream */
	struct _IO_FILE *next; /* all open streams, for exit() and fflush(NULL) */
	/* flockfile's lock, a recursive mutex: every stdio call on the stream
	   holds it, so a thread that blocks inside one (fgets waiting for a
	   line) keeps the others out of the stream until it returns, as
	   glibc does. Uncontended, it costs no system call. */
	pthread_mutex_t lock;
};

#define __F_READ 1      /* opened for reading */
#define __F_WRITE 2     /* opened for writing */
#define __F_APPEND 4    /* every write goes to the end (O_APPEND) */
#define __F_EOF 8       /* end of file seen */
#define __F_ERR 16      /* an I/O error happened */
#define __F_OWNBUF 32   /* buf came from malloc and is freed by fclose */
#define __F_STATIC 64   /* stdin, stdout or stderr: not freed by fclose */

void __stdio_init(void);                 /* prepare stdin, stdout, stderr */
void __stdio_exit(void);                 /* exit(): flush everything */
int __stdio_flush_all(void);             /* fflush(NULL) */
FILE *__stdio_new(int fd, int flags);    /* a new stream, linked in */
void __stdio_unlink(FILE *f);
void __stdio_setup(FILE *f);             /* choose mode, get a buffer */
int __stdio_flush(FILE *f);              /* write out the waiting output */
int __stdio_sync_input(FILE *f);         /* give back unread input */
size_t __stdio_write(FILE *f, const void *data, size_t n);
int __stdio_put(FILE *f, int c);
int __stdio_fill(FILE *f);               /* read more input */

/* The lock every stdio call takes on its stream: flockfile's, skipped
   while the process has one thread, as glibc skips it, so a program
   without threads runs the same instructions as before there were any. */
extern char __libc_single_threaded;
#define __stdio_lock(f) do { if (!__libc_single_threaded) flockfile(f); } while (0)
#define __stdio_unlock(f) do { if (!__libc_single_threaded) funlockfile(f); } while (0)

#endif
