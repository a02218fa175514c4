#ifndef _STDIO_H
#define _STDIO_H

#include <bits/types/size_t.h>
#include <bits/types/ssize_t.h>
#include <bits/types/off_t.h>
#include <bits/types/va_list.h>
#include <bits/types/FILE.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

#define EOF (-1)
#define BUFSIZ 8192
#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define L_tmpnam 20
#define TMP_MAX 238328

/* setvbuf modes */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
int fclose(FILE *f);
int fflush(FILE *f);
int fileno(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
void setlinebuf(FILE *f);
int remove(const char *path);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);

int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int n, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);

/* Every call above holds the stream's lock while it runs; a thread may
   hold it across several (flockfile) and then call the _unlocked ones. */
void flockfile(FILE *f);
int ftrylockfile(FILE *f);
void funlockfile(FILE *f);
int getc_unlocked(FILE *f);
int getchar_unlocked(void);
int fgetc_unlocked(FILE *f);
int putc_unlocked(int c, FILE *f);
int putchar_unlocked(int c);
int fputc_unlocked(int c, FILE *f);
int fputs_unlocked(const char *s, FILE *f);
char *fgets_unlocked(char *s, int n, FILE *f);
size_t fwrite_unlocked(const void *p, size_t size, size_t n, FILE *f);
size_t fread_unlocked(void *p, size_t size, size_t n, FILE *f);
int fflush_unlocked(FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);

int printf(const char *format, ...);
int fprintf(FILE *f, const char *format, ...);
int dprintf(int fd, const char *format, ...);
int sprintf(char *s, const char *format, ...);
int snprintf(char *s, size_t n, const char *format, ...);
int vprintf(const char *format, __osplay_va_list ap);
int vfprintf(FILE *f, const char *format, __osplay_va_list ap);
int vdprintf(int fd, const char *format, __osplay_va_list ap);
int vsprintf(char *s, const char *format, __osplay_va_list ap);
int vsnprintf(char *s, size_t n, const char *format, __osplay_va_list ap);

int scanf(const char *format, ...);
int fscanf(FILE *f, const char *format, ...);
int sscanf(const char *s, const char *format, ...);
int vscanf(const char *format, __osplay_va_list ap);
int vfscanf(FILE *f, const char *format, __osplay_va_list ap);
int vsscanf(const char *s, const char *format, __osplay_va_list ap);

void perror(const char *s);

/*
 * System call: formats one double exactly as glibc's printf does for the
 * conversion conv ('f', 'e', 'g', 'a' or their capitals) and precision
 * prec (-1: the default). flags: 1 '#', 2 '+', 4 ' '. Returns the length
 * of the result, like snprintf.
 */
int __osplay_fmt_double(char *buf, size_t n, double v, int conv, int prec, int flags);

#endif
