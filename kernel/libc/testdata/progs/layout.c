/* Type sizes, structure layouts and macro values must be glibc's. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <float.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>
#include <inttypes.h>
#include <stdbool.h>
#include <math.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>

#define SIZE(t) printf("sizeof(%s) = %zu\n", #t, sizeof(t))
#define OFF(t, f) printf("offsetof(%s, %s) = %zu\n", #t, #f, offsetof(t, f))
#define VAL(m) printf("%s = %lld\n", #m, (long long)(m))
#define UVAL(m) printf("%s = %llu\n", #m, (unsigned long long)(m))
#define DVAL(m) printf("%s = %.17g\n", #m, (double)(m))
#define SIGNED(t) printf("%s signed = %d\n", #t, (t)-1 < 0)

int main(void)
{
	static const int statuses[] = {0, 0x100, 0x2a00, 0xff00, 1, 6, 9, 15, 0x86, 0x8b, 0x137f, 0x57f, 0xffff, 0x7f};
	size_t i;

	SIZE(char); SIZE(short); SIZE(int); SIZE(long); SIZE(long long); SIZE(void *);
	SIZE(float); SIZE(double); SIZE(size_t); SIZE(ssize_t); SIZE(ptrdiff_t); SIZE(wchar_t);
	SIZE(pid_t); SIZE(uid_t); SIZE(gid_t); SIZE(mode_t); SIZE(off_t); SIZE(time_t);
	SIZE(clock_t); SIZE(dev_t); SIZE(ino_t); SIZE(nlink_t); SIZE(blksize_t); SIZE(blkcnt_t);
	SIZE(suseconds_t); SIZE(useconds_t); SIZE(intptr_t); SIZE(uintptr_t); SIZE(intmax_t);
	SIZE(int8_t); SIZE(int16_t); SIZE(int32_t); SIZE(int64_t); SIZE(int_fast8_t);
	SIZE(int_fast16_t); SIZE(int_fast32_t); SIZE(int_least16_t); SIZE(sig_atomic_t);
	SIZE(bool); SIZE(div_t); SIZE(ldiv_t); SIZE(lldiv_t); SIZE(imaxdiv_t);
	SIGNED(char); SIGNED(size_t); SIGNED(ssize_t); SIGNED(pid_t); SIGNED(uid_t); SIGNED(mode_t);
	SIGNED(off_t); SIGNED(time_t); SIGNED(clock_t); SIGNED(wchar_t); SIGNED(useconds_t);

	SIZE(struct stat);
	OFF(struct stat, st_dev); OFF(struct stat, st_ino); OFF(struct stat, st_nlink);
	OFF(struct stat, st_mode); OFF(struct stat, st_uid); OFF(struct stat, st_gid);
	OFF(struct stat, st_rdev); OFF(struct stat, st_size); OFF(struct stat, st_blksize);
	OFF(struct stat, st_blocks); OFF(struct stat, st_atim); OFF(struct stat, st_mtim);
	OFF(struct stat, st_ctim); OFF(struct stat, st_mtime);
	SIZE(struct timespec); OFF(struct timespec, tv_nsec);
	SIZE(struct timeval); OFF(struct timeval, tv_usec);
	SIZE(struct tm); OFF(struct tm, tm_sec); OFF(struct tm, tm_min); OFF(struct tm, tm_hour);
	OFF(struct tm, tm_mday); OFF(struct tm, tm_mon); OFF(struct tm, tm_year);
	OFF(struct tm, tm_wday); OFF(struct tm, tm_yday); OFF(struct tm, tm_isdst);
	OFF(struct tm, tm_gmtoff); OFF(struct tm, tm_zone);
	SIZE(struct dirent); OFF(struct dirent, d_ino); OFF(struct dirent, d_off);
	OFF(struct dirent, d_reclen); OFF(struct dirent, d_type); OFF(struct dirent, d_name);

	VAL(O_RDONLY); VAL(O_WRONLY); VAL(O_RDWR); VAL(O_ACCMODE); VAL(O_CREAT); VAL(O_EXCL);
	VAL(O_NOCTTY); VAL(O_TRUNC); VAL(O_APPEND); VAL(O_NONBLOCK); VAL(O_SYNC);
	VAL(O_DIRECTORY); VAL(O_NOFOLLOW); VAL(O_CLOEXEC);
	VAL(SEEK_SET); VAL(SEEK_CUR); VAL(SEEK_END); VAL(F_OK); VAL(R_OK); VAL(W_OK); VAL(X_OK);
	VAL(STDIN_FILENO); VAL(STDOUT_FILENO); VAL(STDERR_FILENO);
	VAL(S_IFMT); VAL(S_IFDIR); VAL(S_IFCHR); VAL(S_IFBLK); VAL(S_IFREG); VAL(S_IFIFO);
	VAL(S_IFLNK); VAL(S_IFSOCK); VAL(S_ISUID); VAL(S_ISGID); VAL(S_ISVTX); VAL(S_IRWXU);
	VAL(S_IRUSR); VAL(S_IWUSR); VAL(S_IXUSR); VAL(S_IRWXG); VAL(S_IRGRP); VAL(S_IWGRP);
	VAL(S_IXGRP); VAL(S_IRWXO); VAL(S_IROTH); VAL(S_IWOTH); VAL(S_IXOTH);
	VAL(S_ISDIR(0040755)); VAL(S_ISREG(0100644)); VAL(S_ISCHR(0020620)); VAL(S_ISFIFO(0010600));
	VAL(WNOHANG); VAL(WUNTRACED);
	for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
		int s = statuses[i];
		printf("status %#x: %d %d %d %d %d %d %d %d\n", s, WIFEXITED(s), WEXITSTATUS(s),
			WIFSIGNALED(s), WTERMSIG(s), WIFSTOPPED(s), WSTOPSIG(s), WCOREDUMP(s) != 0,
			WIFCONTINUED(s));
	}

	VAL(EPERM); VAL(ENOENT); VAL(ESRCH); VAL(EINTR); VAL(EIO); VAL(ENXIO); VAL(E2BIG);
	VAL(ENOEXEC); VAL(EBADF); VAL(ECHILD); VAL(EAGAIN); VAL(EWOULDBLOCK); VAL(ENOMEM);
	VAL(EACCES); VAL(EFAULT); VAL(EBUSY); VAL(EEXIST); VAL(EXDEV); VAL(ENODEV); VAL(ENOTDIR);
	VAL(EISDIR); VAL(EINVAL); VAL(ENFILE); VAL(EMFILE); VAL(ENOTTY); VAL(EFBIG); VAL(ENOSPC);
	VAL(ESPIPE); VAL(EROFS); VAL(EMLINK); VAL(EPIPE); VAL(EDOM); VAL(ERANGE); VAL(EDEADLK);
	VAL(ENAMETOOLONG); VAL(ENOSYS); VAL(ENOTEMPTY); VAL(ELOOP); VAL(EOVERFLOW); VAL(EILSEQ);
	VAL(ENOTSUP); VAL(EOPNOTSUPP); VAL(ETIMEDOUT); VAL(ECONNREFUSED); VAL(EHWPOISON);

	VAL(SIGHUP); VAL(SIGINT); VAL(SIGQUIT); VAL(SIGILL); VAL(SIGTRAP); VAL(SIGABRT);
	VAL(SIGIOT); VAL(SIGBUS); VAL(SIGFPE); VAL(SIGKILL); VAL(SIGUSR1); VAL(SIGSEGV);
	VAL(SIGUSR2); VAL(SIGPIPE); VAL(SIGALRM); VAL(SIGTERM); VAL(SIGSTKFLT); VAL(SIGCHLD);
	VAL(SIGCONT); VAL(SIGSTOP); VAL(SIGTSTP); VAL(SIGTTIN); VAL(SIGTTOU); VAL(SIGURG);
	VAL(SIGXCPU); VAL(SIGXFSZ); VAL(SIGVTALRM); VAL(SIGPROF); VAL(SIGWINCH); VAL(SIGIO);
	VAL(SIGPOLL); VAL(SIGPWR); VAL(SIGSYS); VAL(NSIG);
	VAL((long)SIG_DFL); VAL((long)SIG_IGN); VAL((long)SIG_ERR);

	VAL(EOF); VAL(BUFSIZ); VAL(FILENAME_MAX); VAL(FOPEN_MAX); VAL(_IOFBF); VAL(_IOLBF); VAL(_IONBF);
	VAL(EXIT_SUCCESS); VAL(EXIT_FAILURE); VAL(RAND_MAX); VAL(MB_CUR_MAX); VAL(CLOCKS_PER_SEC);
	VAL(CLOCK_REALTIME); VAL(CLOCK_MONOTONIC);
	VAL(DT_UNKNOWN); VAL(DT_FIFO); VAL(DT_CHR); VAL(DT_DIR); VAL(DT_BLK); VAL(DT_REG); VAL(DT_LNK);
	VAL(DT_SOCK); VAL(true); VAL(false);
	printf("NULL = %p\n", NULL);

	VAL(CHAR_BIT); VAL(SCHAR_MIN); VAL(SCHAR_MAX); VAL(UCHAR_MAX); VAL(CHAR_MIN); VAL(CHAR_MAX);
	VAL(SHRT_MIN); VAL(SHRT_MAX); VAL(USHRT_MAX); VAL(INT_MIN); VAL(INT_MAX); UVAL(UINT_MAX);
	VAL(LONG_MIN); VAL(LONG_MAX); UVAL(ULONG_MAX); VAL(LLONG_MIN); VAL(LLONG_MAX);
	UVAL(ULLONG_MAX); VAL(MB_LEN_MAX); VAL(SSIZE_MAX); VAL(PATH_MAX); VAL(NAME_MAX);
	VAL(PIPE_BUF); VAL(LINE_MAX);
	VAL(INT8_MIN); VAL(INT16_MIN); VAL(INT32_MIN); VAL(INT64_MIN); VAL(INT64_MAX);
	UVAL(UINT32_MAX); UVAL(UINT64_MAX); UVAL(SIZE_MAX); VAL(INTPTR_MAX); VAL(PTRDIFF_MIN);
	VAL(INTMAX_MAX); UVAL(UINTMAX_MAX); VAL(INT_FAST16_MAX); UVAL(UINT_FAST32_MAX);
	VAL(INT64_C(5)); UVAL(UINT64_C(7));
	printf("%s %s %s %s %s %s\n", PRId64, PRIu64, PRIx64, PRIdPTR, SCNd64, PRId32);

	VAL(FLT_RADIX); VAL(FLT_MANT_DIG); VAL(DBL_MANT_DIG); VAL(FLT_DIG); VAL(DBL_DIG);
	VAL(FLT_MIN_EXP); VAL(DBL_MIN_EXP); VAL(FLT_MAX_EXP); VAL(DBL_MAX_EXP);
	VAL(DBL_MIN_10_EXP); VAL(DBL_MAX_10_EXP); VAL(FLT_EVAL_METHOD);
	DVAL(FLT_MAX); DVAL(FLT_MIN); DVAL(FLT_EPSILON); DVAL(DBL_MAX); DVAL(DBL_MIN);
	DVAL(DBL_EPSILON); DVAL(M_PI); DVAL(M_E); DVAL(M_SQRT2); DVAL(M_LN2); DVAL(HUGE_VAL);
	DVAL(INFINITY); printf("NAN = %f\n", NAN); SIZE(INFINITY); SIZE(NAN); SIZE(HUGE_VAL);
	VAL(isnan(NAN)); VAL(isnan(1.0)); VAL(isinf(-HUGE_VAL)); VAL(isinf(HUGE_VAL));
	VAL(isinf(0.0)); VAL(isfinite(1.0)); VAL(isfinite(HUGE_VAL)); VAL(signbit(-0.0) != 0);
	VAL(signbit(1.0) != 0);
	DVAL(round(2.5)); DVAL(round(-2.5)); DVAL(round(0.49999999999999994)); DVAL(trunc(-3.7));
	DVAL(fmin(1, 2)); DVAL(fmax(1, 2)); DVAL(round(-0.2)); DVAL(trunc(2.9));
	return 0;
}
