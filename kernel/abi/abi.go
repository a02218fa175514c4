// Package abi holds the contract between the simulated machine's parts: the
// system-call table (the names libc and user code call and the kernel
// implements), the memory layout of a process, and Linux's numbers for
// signals, errno values and wait statuses.
//
// It owns no behaviour. The compiler (kernel/cc) turns a call to a function
// that is declared but not defined in C into a SYSCALL instruction with the
// number from Syscalls; the kernel dispatches on the same number.
package abi

// Sys is a system-call (or Go-implemented library call) number.
type Sys int

// The system calls. Each is declared in the simulated headers with its
// POSIX prototype; arguments reach the kernel as 64-bit slots in call order
// (integers sign- or zero-extended by their C type, pointers as addresses,
// doubles as IEEE-754 bits). A call that fails returns -1 (or NULL) and the
// kernel stores the error number in libc's global `errno`.
const (
	SysExit           Sys = iota // void _exit(int status)
	SysFork                      // pid_t fork(void)
	SysExecve                    // int execve(const char *path, char *const argv[], char *const envp[])
	SysWaitpid                   // pid_t waitpid(pid_t pid, int *status, int options)
	SysGetpid                    // pid_t getpid(void)
	SysGetppid                   // pid_t getppid(void)
	SysKill                      // int kill(pid_t pid, int sig)
	SysSleep                     // unsigned sleep(unsigned seconds)
	SysUsleep                    // int usleep(useconds_t usec)
	SysTime                      // time_t time(time_t *t)
	SysGettimeofday              // int gettimeofday(struct timeval *tv, void *tz)
	SysSchedYield                // int sched_yield(void)
	SysOpen                      // int open(const char *path, int flags, ... /* mode_t mode */)
	SysClose                     // int close(int fd)
	SysRead                      // ssize_t read(int fd, void *buf, size_t n)
	SysWrite                     // ssize_t write(int fd, const void *buf, size_t n)
	SysLseek                     // off_t lseek(int fd, off_t off, int whence)
	SysUnlink                    // int unlink(const char *path)
	SysDup                       // int dup(int fd)
	SysDup2                      // int dup2(int fd, int fd2)
	SysStat                      // int stat(const char *path, struct stat *st)
	SysFstat                     // int fstat(int fd, struct stat *st)
	SysIsatty                    // int isatty(int fd)
	SysGetcwd                    // char *getcwd(char *buf, size_t size)
	SysSbrk                      // void *sbrk(intptr_t incr)
	SysGetdents                  // int __osplay_getdents(const char *dir, int index, struct __osplay_dirent *d): 1 entry, 0 end, -1 error
	SysProcs                     // int __osplay_procs(struct __osplay_proc *buf, int max): fills a ps snapshot, returns count
	SysFmtDouble                 // int __osplay_fmt_double(char *buf, size_t n, double v, int conv, int prec, int flags)
	SysStrtod                    // double strtod(const char *s, char **end)
	SysNice                      // int nice(int inc)
	SysSqrt                      // double sqrt(double)
	SysPow                       // double pow(double, double)
	SysSin                       // double sin(double)
	SysCos                       // double cos(double)
	SysExp                       // double exp(double)
	SysLog                       // double log(double)
	SysFloor                     // double floor(double)
	SysCeil                      // double ceil(double)
	SysFabs                      // double fabs(double)
	SysFmod                      // double fmod(double, double)
	SysIO                        // int __osplay_io(const char *device, long ticks): wait ticks ticks for an I/O on the device
	SysClone                     // int __osplay_clone(void (*start)(void *(*)(void *), void *), void *(*fn)(void *), void *arg): a new thread runs start(fn, arg); returns its tid
	SysThreadExit                // void __osplay_thread_exit(void *value): the calling thread ends (the process, if it was the last)
	SysThreadJoin                // int __osplay_thread_join(int tid, void **value): wait for thread tid to end, take its value
	SysGettid                    // pid_t gettid(void)
	SysPthreadSelf               // pthread_t pthread_self(void): the caller's tid, without entering the kernel
	SysCAS                       // int __osplay_cas(int *word, int expected, int desired): atomic compare-and-swap, returns the old value
	SysFutexWait                 // int __osplay_futex_wait(int *word, int val, int kind): sleep while *word == val
	SysFutexWake                 // int __osplay_futex_wake(int *word, int n): wake up to n sleepers on word, returns how many
	SysFutexTimedWait            // int __osplay_futex_timedwait(int *word, int val, int kind, const struct timespec *abstime): futex_wait until a CLOCK_REALTIME deadline (ETIMEDOUT)
	SysSemOpen                   // int __osplay_sem_open(const char *name, int oflag, unsigned value): a named semaphore's id
	SysSemUnlink                 // int sem_unlink(const char *name)
	SysSemOp                     // int __osplay_sem_op(int id, int op, const struct timespec *abstime): wait (0), trywait (1), post (2), getvalue (3), close (4) a named semaphore
	SysThreadDetach              // int __osplay_thread_detach(int tid): no thread will join tid; it is forgotten as it exits
	SysAtomic                    // long __osplay_atomic(int op, volatile void *p, unsigned long size, long a, long b): one indivisible read-modify-write (the __sync and __atomic builtins)
	SysMmap                      // void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset): anonymous mappings, shared or private
	SysMunmap                    // int munmap(void *addr, size_t length)
	SysPipe                      // int pipe(int fd[2])
	SysPipe2                     // int pipe2(int fd[2], int flags): O_NONBLOCK, O_CLOEXEC
	SysFcntl                     // int fcntl(int fd, int cmd, ... /* int arg */)
	SysIoctl                     // int ioctl(int fd, unsigned long request, ... /* void *arg */): FIONBIO, FIONREAD
	SysMkfifo                    // int mkfifo(const char *path, mode_t mode)
	SysPoll                      // int poll(struct pollfd *fds, nfds_t n, int timeout)
	SysSelect                    // int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout)
	SysSigaction                 // int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
	SysSigprocmask               // int sigprocmask(int how, const sigset_t *set, sigset_t *old)
	SysSigpending                // int sigpending(sigset_t *set)
	SysSigsuspend                // int sigsuspend(const sigset_t *mask)
	SysSigwait                   // int sigwait(const sigset_t *set, int *sig)
	SysPause                     // int pause(void)
	SysAlarm                     // unsigned alarm(unsigned seconds)
	SysSetitimer                 // int setitimer(int which, const struct itimerval *new, struct itimerval *old)
	SysGetitimer                 // int getitimer(int which, struct itimerval *cur)
	SysTgkill                    // int __osplay_tgkill(int tid, int sig): signal one thread of the caller's process (raise, pthread_kill)
	SysSigreturn                 // the return of a signal handler, made by the frame the kernel builds: restores the interrupted registers and mask
	SysShmget                    // int shmget(key_t key, size_t size, int shmflg)
	SysShmat                     // void *shmat(int shmid, const void *shmaddr, int shmflg)
	SysShmdt                     // int shmdt(const void *shmaddr)
	SysShmctl                    // int shmctl(int shmid, int cmd, struct shmid_ds *buf)
	SysFtruncate                 // int ftruncate(int fd, off_t length)
	SysMprotect                  // int mprotect(void *addr, size_t len, int prot)
	SysMsync                     // int msync(void *addr, size_t length, int flags)
	SysMsgget                    // int msgget(key_t key, int msgflg)
	SysMsgsnd                    // int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
	SysMsgrcv                    // ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
	SysMsgctl                    // int msgctl(int msqid, int cmd, struct msqid_ds *buf)
	SysMqOpen                    // mqd_t mq_open(const char *name, int oflag, ... /* mode_t mode, struct mq_attr *attr */)
	SysMqUnlink                  // int mq_unlink(const char *name)
	SysMqTimedsend               // int mq_timedsend(mqd_t mqdes, const char *msg, size_t len, unsigned prio, const struct timespec *abstime)
	SysMqTimedreceive            // ssize_t mq_timedreceive(mqd_t mqdes, char *msg, size_t len, unsigned *prio, const struct timespec *abstime)
	SysMqGetsetattr              // int __osplay_mq_getsetattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr)
	SysShmOpen                   // int shm_open(const char *name, int oflag, mode_t mode)
	SysShmUnlink                 // int shm_unlink(const char *name)
	SysIPCList                   // int __osplay_ipc_list(int kind, int index, struct __osplay_ipc *out): System V object number index of a kind (0 shm, 1 msg): 1, 0 past the last
	SysSocket                    // int socket(int domain, int type, int protocol)
	SysSocketpair                // int socketpair(int domain, int type, int protocol, int sv[2])
	SysBind                      // int bind(int fd, const struct sockaddr *addr, socklen_t len)
	SysListen                    // int listen(int fd, int backlog)
	SysAccept                    // int accept(int fd, struct sockaddr *addr, socklen_t *len)
	SysAccept4                   // int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
	SysConnect                   // int connect(int fd, const struct sockaddr *addr, socklen_t len)
	SysSendto                    // ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *to, socklen_t len)
	SysRecvfrom                  // ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from, socklen_t *len)
	SysShutdown                  // int shutdown(int fd, int how)
	SysGetsockname               // int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
	SysGetpeername               // int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
	SysSetsockopt                // int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
	SysGetsockopt                // int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
	SysGethostname               // int gethostname(char *name, size_t len)
	SysChdir                     // int chdir(const char *path)
	SysSemget                    // int semget(key_t key, int nsems, int semflg)
	SysSemtimedop                // int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout)
	SysSemctl                    // int __osplay_semctl(int semid, int semnum, int cmd, unsigned long arg): semctl with its union semun's bits
	SysSigqueue                  // int __osplay_sigqueue(pid_t pid, int sig, unsigned long value): sigqueue with its union sigval's bits
	SysSigtimedwait              // int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
	SysSigaltstack               // int sigaltstack(const stack_t *ss, stack_t *old)
	SysErrnoAddr                 // int *__osplay_errno_addr(void): the calling thread's errno, for a handler on an alternate stack (no system call)
	NumSys
)

// Syscalls maps the C name of each system call to its number.
var Syscalls = map[string]Sys{
	"_exit": SysExit, "fork": SysFork, "execve": SysExecve, "waitpid": SysWaitpid,
	"getpid": SysGetpid, "getppid": SysGetppid, "kill": SysKill, "sleep": SysSleep,
	"usleep": SysUsleep, "time": SysTime, "gettimeofday": SysGettimeofday,
	"sched_yield": SysSchedYield, "open": SysOpen, "close": SysClose, "read": SysRead,
	"write": SysWrite, "lseek": SysLseek, "unlink": SysUnlink, "dup": SysDup,
	"dup2": SysDup2, "stat": SysStat, "fstat": SysFstat, "isatty": SysIsatty,
	"getcwd": SysGetcwd, "sbrk": SysSbrk, "__osplay_getdents": SysGetdents,
	"__osplay_procs": SysProcs, "__osplay_fmt_double": SysFmtDouble, "strtod": SysStrtod,
	"nice": SysNice, "sqrt": SysSqrt, "pow": SysPow, "sin": SysSin, "cos": SysCos,
	"exp": SysExp, "log": SysLog, "floor": SysFloor, "ceil": SysCeil, "fabs": SysFabs,
	"fmod": SysFmod, "__osplay_io": SysIO, "__osplay_clone": SysClone,
	"__osplay_thread_exit": SysThreadExit, "__osplay_thread_join": SysThreadJoin, "gettid": SysGettid,
	"pthread_self": SysPthreadSelf, "__osplay_cas": SysCAS, "__osplay_futex_wait": SysFutexWait,
	"__osplay_futex_wake": SysFutexWake, "__osplay_futex_timedwait": SysFutexTimedWait,
	"__osplay_sem_open": SysSemOpen, "sem_unlink": SysSemUnlink,
	"__osplay_sem_op": SysSemOp, "__osplay_thread_detach": SysThreadDetach, "__osplay_atomic": SysAtomic,
	"mmap": SysMmap, "munmap": SysMunmap, "pipe": SysPipe, "pipe2": SysPipe2, "fcntl": SysFcntl,
	"ioctl": SysIoctl, "mkfifo": SysMkfifo, "poll": SysPoll, "select": SysSelect,
	"sigaction": SysSigaction, "sigprocmask": SysSigprocmask, "sigpending": SysSigpending,
	"sigsuspend": SysSigsuspend, "sigwait": SysSigwait, "pause": SysPause, "alarm": SysAlarm,
	"setitimer": SysSetitimer, "getitimer": SysGetitimer, "__osplay_tgkill": SysTgkill,
	"__osplay_sigreturn": SysSigreturn,
	"shmget":             SysShmget, "shmat": SysShmat, "shmdt": SysShmdt, "shmctl": SysShmctl,
	"ftruncate": SysFtruncate, "mprotect": SysMprotect, "msync": SysMsync,
	"msgget": SysMsgget, "msgsnd": SysMsgsnd, "msgrcv": SysMsgrcv, "msgctl": SysMsgctl,
	"mq_open": SysMqOpen, "mq_unlink": SysMqUnlink, "mq_timedsend": SysMqTimedsend,
	"mq_timedreceive": SysMqTimedreceive, "__osplay_mq_getsetattr": SysMqGetsetattr,
	"shm_open": SysShmOpen, "shm_unlink": SysShmUnlink, "__osplay_ipc_list": SysIPCList,
	"socket": SysSocket, "socketpair": SysSocketpair, "bind": SysBind, "listen": SysListen,
	"accept": SysAccept, "accept4": SysAccept4, "connect": SysConnect, "sendto": SysSendto,
	"recvfrom": SysRecvfrom, "shutdown": SysShutdown, "getsockname": SysGetsockname,
	"getpeername": SysGetpeername, "setsockopt": SysSetsockopt, "getsockopt": SysGetsockopt,
	"gethostname": SysGethostname,
	"chdir":       SysChdir, "semget": SysSemget, "semtimedop": SysSemtimedop, "__osplay_semctl": SysSemctl,
	"__osplay_sigqueue": SysSigqueue, "sigtimedwait": SysSigtimedwait, "sigaltstack": SysSigaltstack,
	"__osplay_errno_addr": SysErrnoAddr,
}

// SyscallName returns the C name of a system call.
func SyscallName(s Sys) string {
	for name, n := range Syscalls {
		if n == s {
			return name
		}
	}
	return "?"
}

// Process memory layout (LP64, addresses as on x86-64 Linux without ASLR).
const (
	PageSize  = 4096
	NullLimit = 0x10000 // addresses below are never mapped: NULL dereference faults

	// TextBase is where functions live: function i has address TextBase+i*FuncAlign.
	// Text pages are mapped read-only so reading through a function pointer
	// works and writing faults.
	TextBase  = 0x400000
	FuncAlign = 16

	// DataBase starts the read-only data (string literals, const globals),
	// followed on the next page by initialised data, then bss; the heap
	// (sbrk) begins on the page after bss.
	DataBase = 0x600000

	// StackTop is one past the highest stack address; the stack grows down
	// by at most the process's stack limit (default DefaultStackLimit).
	StackTop          = 0x7ffffffff000
	DefaultStackLimit = 8 << 20

	// MmapTop is where shared mappings go, the first just below it and
	// each next one lower; the stacks of threads lie above it, below the
	// main thread's, and the heap may grow to 4 GiB below it.
	MmapTop = StackTop - 1<<32
)

// Linux signal numbers (x86-64).
const (
	SIGHUP  = 1
	SIGINT  = 2
	SIGQUIT = 3
	SIGILL  = 4
	SIGTRAP = 5
	SIGABRT = 6
	SIGBUS  = 7
	SIGFPE  = 8
	SIGKILL = 9
	SIGUSR1 = 10
	SIGSEGV = 11
	SIGUSR2 = 12
	SIGPIPE = 13
	SIGALRM = 14
	SIGTERM = 15
	SIGCHLD = 17
	SIGCONT = 18
	SIGSTOP = 19
	SIGTSTP = 20
	SIGTTIN = 21
	SIGTTOU = 22
	NSIG    = 32

	// MaxSig is the highest signal number, real-time signals included
	// (<signal.h>'s NSIG is one more).
	MaxSig = 64
)

// sigaction's flags, as Linux.
const (
	SA_NOCLDSTOP = 0x1
	SA_NOCLDWAIT = 0x2
	SA_SIGINFO   = 0x4
	SA_RESTART   = 0x10000000
	SA_NODEFER   = 0x40000000
	SA_RESETHAND = 0x80000000
)

// siginfo_t's si_code values, as Linux.
const (
	SI_USER       = 0
	SI_KERNEL     = 0x80
	SI_TKILL      = -6
	CLD_EXITED    = 1
	CLD_KILLED    = 2
	CLD_DUMPED    = 3
	CLD_STOPPED   = 5
	CLD_CONTINUED = 6
)

// sigprocmask's how, as Linux.
const (
	SIG_BLOCK   = 0
	SIG_UNBLOCK = 1
	SIG_SETMASK = 2
)

// Linux errno values.
const (
	EPERM   = 1
	ENOENT  = 2
	ESRCH   = 3
	EINTR   = 4
	EIO     = 5
	ENXIO   = 6
	ENOEXEC = 8
	EBADF   = 9
	ECHILD  = 10
	EAGAIN  = 11
	ENOMEM  = 12
	EACCES  = 13
	EFAULT  = 14
	EEXIST  = 17
	ENODEV  = 19
	ENOTDIR = 20
	EISDIR  = 21
	EINVAL  = 22
	EMFILE  = 24
	ENOTTY  = 25
	ESPIPE  = 29
	EPIPE   = 32
	ERANGE  = 34
)

// mmap's protections and flags, as Linux.
const (
	PROT_READ     = 0x1
	PROT_WRITE    = 0x2
	PROT_EXEC     = 0x4
	MAP_SHARED    = 0x01
	MAP_PRIVATE   = 0x02
	MAP_FIXED     = 0x10
	MAP_ANONYMOUS = 0x20
)

// Wait options and status encoding, as Linux.
const (
	WNOHANG    = 1
	WUNTRACED  = 2
	WCONTINUED = 8
)

// StopStatus encodes a stop by sig as waitpid(WUNTRACED) reports it;
// ContinuedStatus a continue (WCONTINUED).
func StopStatus(sig int) int { return (sig&0xff)<<8 | 0x7f }

const ContinuedStatus = 0xffff

// ExitStatus encodes a normal exit as waitpid reports it.
func ExitStatus(code int) int { return (code & 0xff) << 8 }

// SignalStatus encodes death by a signal; core adds the 0x80 core-dump bit.
func SignalStatus(sig int, core bool) int {
	s := sig & 0x7f
	if core {
		s |= 0x80
	}
	return s
}

// CoreDumps reports whether a signal's default action dumps core.
func CoreDumps(sig int) bool {
	switch sig {
	case SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV:
		return true
	}
	return false
}
