/*
 * The simulated machine's system calls for a native Linux build, so that
 * libc can be compiled with the host's gcc (without glibc) and its output
 * compared with glibc's. Only the tests use this file.
 *
 * Each system call is a raw Linux syscall; a negative result becomes -1
 * with errno set, as the simulated kernel does. __osplay_fmt_double is
 * an exact decimal formatter; strtod handles the inputs the tests use.
 */
#include <stdarg.h>
#include <stddef.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <time.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <pthread.h>
#include <osplay.h>

/* The programs the comparison runs have one thread, on Linux's stack:
   its errno is the C library's variable. */
extern int __errno_main;

int *__errno_location(void)
{
	return &__errno_main;
}

static long raw6(long n, long a, long b, long c, long d, long e, long f)
{
	long r;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return r;
}

static long sys(long n, long a, long b, long c, long d)
{
	long r = raw6(n, a, b, c, d, 0, 0);

	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

void __libc_start(int argc, char **argv, char **envp, int (*main)(int, char **, char **));
int main(int argc, char **argv, char **envp);
void __shim_start(long *sp);

__asm__(".text\n"
	".global _start\n"
	"_start:\n"
	"	xor %rbp, %rbp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call __shim_start\n"
	"	hlt\n");

void __shim_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	__libc_start(argc, argv, argv + argc + 1, main);
}

void _exit(int status)
{
	for (;;)
		sys(231, status, 0, 0, 0);
}

pid_t fork(void) { return (pid_t)sys(57, 0, 0, 0, 0); }
int execve(const char *p, char *const a[], char *const e[]) { return (int)sys(59, (long)p, (long)a, (long)e, 0); }
pid_t waitpid(pid_t pid, int *st, int opt) { return (pid_t)sys(61, pid, (long)st, opt, 0); }
pid_t getpid(void) { return (pid_t)sys(39, 0, 0, 0, 0); }
pid_t getppid(void) { return (pid_t)sys(110, 0, 0, 0, 0); }
int kill(pid_t pid, int sig) { return (int)sys(62, pid, sig, 0, 0); }
int sched_yield(void) { return (int)sys(24, 0, 0, 0, 0); }
int close(int fd) { return (int)sys(3, fd, 0, 0, 0); }
ssize_t read(int fd, void *b, size_t n) { return sys(0, fd, (long)b, (long)n, 0); }
ssize_t write(int fd, const void *b, size_t n) { return sys(1, fd, (long)b, (long)n, 0); }
off_t lseek(int fd, off_t off, int wh) { return sys(8, fd, off, wh, 0); }
int unlink(const char *p) { return (int)sys(87, (long)p, 0, 0, 0); }
int dup(int fd) { return (int)sys(32, fd, 0, 0, 0); }
int dup2(int a, int b) { return (int)sys(33, a, b, 0, 0); }
int stat(const char *p, struct stat *st) { return (int)sys(4, (long)p, (long)st, 0, 0); }
int fstat(int fd, struct stat *st) { return (int)sys(5, fd, (long)st, 0, 0); }
time_t time(time_t *t)
{
	long r = sys(201, 0, 0, 0, 0);

	if (t != NULL)
		*t = r;
	return r;
}
int gettimeofday(struct timeval *tv, void *tz) { return (int)sys(96, (long)tv, (long)tz, 0, 0); }

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode = 0;

	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = va_arg(ap, int);
	va_end(ap);
	return (int)sys(2, (long)path, flags, mode, 0);
}

int isatty(int fd)
{
	char termios[64];

	if (sys(16, fd, 0x5401, (long)termios, 0) < 0) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

char *getcwd(char *buf, size_t size)
{
	if (sys(79, (long)buf, (long)size, 0, 0) < 0)
		return NULL;
	return buf;
}

static char *brk_now;

void *sbrk(intptr_t inc)
{
	char *old, *want;

	if (brk_now == NULL)
		brk_now = (char *)raw6(12, 0, 0, 0, 0, 0, 0);
	old = brk_now;
	want = old + inc;
	if ((char *)raw6(12, (long)want, 0, 0, 0, 0, 0) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk_now = want;
	return old;
}

static void nap(long sec, long nsec)
{
	long ts[2];

	ts[0] = sec;
	ts[1] = nsec;
	sys(35, (long)ts, 0, 0, 0);
}

unsigned int sleep(unsigned int s)
{
	nap(s, 0);
	return 0;
}

int usleep(useconds_t us)
{
	nap(us / 1000000, us % 1000000 * 1000L);
	return 0;
}

int nice(int inc)
{
	return inc;
}

/* Entry index of directory dir, found by reading it from the start. */
int __osplay_getdents(const char *dir, int index, struct __osplay_dirent *d)
{
	char buf[4096];
	int fd = (int)sys(2, (long)dir, O_RDONLY | O_DIRECTORY, 0, 0);
	long n, off;
	int i = 0;

	if (fd < 0)
		return -1;
	for (;;) {
		n = sys(217, fd, (long)buf, sizeof buf, 0);
		if (n <= 0) {
			close(fd);
			return n < 0 ? -1 : 0;
		}
		for (off = 0; off < n;) {
			unsigned long ino = *(unsigned long *)(buf + off);
			unsigned short reclen = *(unsigned short *)(buf + off + 16);
			unsigned char type = *(unsigned char *)(buf + off + 18);
			char *name = buf + off + 19;

			if (i++ == index) {
				int k;

				d->d_ino = ino;
				d->d_type = type;
				for (k = 0; k < 255 && name[k] != '\0'; k++)
					d->d_name[k] = name[k];
				d->d_name[k] = '\0';
				close(fd);
				return 1;
			}
			off += reclen;
		}
	}
}

/* Natively only this process is reported. */
int __osplay_procs(struct __osplay_proc *buf, int max)
{
	long ts[2];
	int fd, k;
	long n;

	if (max < 1)
		return 1;
	buf[0].pid = getpid();
	buf[0].ppid = getppid();
	buf[0].state = 'R';
	buf[0].pad = 0;
	sys(228, 2, (long)ts, 0, 0);
	buf[0].ticks = ts[0] * 1000000 + ts[1] / 1000;
	fd = (int)sys(2, (long)"/proc/self/comm", O_RDONLY, 0, 0);
	n = fd >= 0 ? read(fd, buf[0].name, 63) : 0;
	if (fd >= 0)
		close(fd);
	for (k = 0; k < n && buf[0].name[k] != '\n'; k++)
		;
	buf[0].name[k] = '\0';
	return 1;
}

double sqrt(double x)
{
	__asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
	return x;
}

double floor(double x)
{
	__asm__("roundsd $9, %1, %0" : "=x"(x) : "x"(x));
	return x;
}

double ceil(double x)
{
	__asm__("roundsd $10, %1, %0" : "=x"(x) : "x"(x));
	return x;
}

double fabs(double x)
{
	return x < 0 ? -x : (x == 0 ? 0.0 : x);
}

/* Stdio locks each stream with a mutex; the programs compared have one
   thread, so these stand in for the kernel's atomics and futexes with
   Linux's own. */
pthread_t pthread_self(void) { return (pthread_t)sys(186, 0, 0, 0, 0); }
int __osplay_cas(int *word, int old, int new) { return __sync_val_compare_and_swap(word, old, new); }
int __osplay_futex_wait(int *word, int val, int kind)
{
	(void)kind;
	return (int)sys(202, (long)word, 0 /* FUTEX_WAIT */, val, 0);
}
int __osplay_futex_timedwait(int *word, int val, int kind, const struct timespec *abstime)
{
	(void)kind; /* FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME: an absolute time */
	long r = raw6(202, (long)word, 9 | 256, val, (long)abstime, 0, -1);
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return (int)r;
}
int __osplay_futex_wake(int *word, int n) { return (int)sys(202, (long)word, 1 /* FUTEX_WAKE */, n, 0); }

/* Signals: glibc's struct sigaction becomes the kernel's, with a
   restorer that makes rt_sigreturn, as glibc does. */
struct __shim_ksigaction {
	void *handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

void __shim_restore_rt(void);
__asm__(".text\n"
	"__shim_restore_rt:\n"
	"	mov $15, %rax\n"
	"	syscall\n");

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct __shim_ksigaction k, ko;

	if (act) {
		k.handler = (void *)act->sa_handler;
		k.flags = (unsigned int)act->sa_flags | 0x04000000 /* SA_RESTORER */;
		k.restorer = __shim_restore_rt;
		k.mask = act->sa_mask.__val[0];
	}
	if (sys(13, sig, act ? (long)&k : 0, old ? (long)&ko : 0, 8) < 0)
		return -1;
	if (old) {
		char *p = (char *)old;
		for (size_t i = 0; i < sizeof *old; i++)
			p[i] = 0;
		old->sa_handler = (sighandler_t)ko.handler;
		old->sa_flags = (int)(ko.flags & ~0x04000000UL);
		old->sa_mask.__val[0] = ko.mask;
	}
	return 0;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old) { return (int)sys(14, how, (long)set, (long)old, 8); }
int sigpending(sigset_t *set) { return (int)sys(127, (long)set, 8, 0, 0); }
int sigsuspend(const sigset_t *mask) { return (int)sys(130, (long)mask, 8, 0, 0); }
int sigwait(const sigset_t *set, int *sig)
{
	long r = sys(128, (long)set, 0, 0, 8);
	if (r < 0)
		return errno;
	*sig = (int)r;
	return 0;
}
int pause(void) { return (int)sys(34, 0, 0, 0, 0); }
unsigned int alarm(unsigned int s) { return (unsigned int)sys(37, s, 0, 0, 0); }
int setitimer(int w, const struct itimerval *n, struct itimerval *o) { return (int)sys(38, w, (long)n, (long)o, 0); }
int getitimer(int w, struct itimerval *c) { return (int)sys(36, w, (long)c, 0, 0); }
pid_t gettid(void) { return (pid_t)sys(186, 0, 0, 0, 0); }
int __osplay_tgkill(int tid, int sig) { return (int)sys(234, sys(39, 0, 0, 0, 0), tid, sig, 0); }
void __osplay_sigreturn(void) { sys(15, 0, 0, 0, 0); }
int pipe(int fd[2]) { return (int)sys(22, (long)fd, 0, 0, 0); }
int pipe2(int fd[2], int flags) { return (int)sys(293, (long)fd, flags, 0, 0); }
int chdir(const char *p) { return (int)sys(80, (long)p, 0, 0, 0); }
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	return (int)sys(72, fd, cmd, arg, 0);
}
