#ifndef _UNISTD_H
#define _UNISTD_H

#include <bits/types/size_t.h>
#include <bits/types/ssize_t.h>
#include <bits/types/pid_t.h>
#include <bits/types/uid_t.h>
#include <bits/types/gid_t.h>
#include <bits/types/off_t.h>
#include <bits/types/intptr_t.h>
#include <bits/types/useconds_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* System calls: declared here, carried out by the kernel. */
void _exit(int status);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
unsigned int alarm(unsigned int seconds);
int pause(void);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
off_t lseek(int fd, off_t offset, int whence);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
int ftruncate(int fd, off_t length);
int close(int fd);
int unlink(const char *path);
int dup(int fd);
int dup2(int fd, int fd2);
int isatty(int fd);
int pipe(int fd[2]);
int pipe2(int fd[2], int flags);
char *getcwd(char *buf, size_t size);
int chdir(const char *path);
void *sbrk(intptr_t increment);
int nice(int inc);
int gethostname(char *name, size_t len);

/* Library functions built on them. */
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int access(const char *path, int mode);

extern char **environ;

int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

#endif
