package kernel

import (
	"errors"
	"strconv"
	"strings"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// Linux error numbers that abi does not list.
const (
	E2BIG     = 7
	ENOSPC    = 28
	EDEADLK   = 35
	ENOSYS    = 38
	EOVERFLOW = 75
	// ETIMEDOUT ends a timed wait whose deadline passed.
	ETIMEDOUT = 110
)

// errnoNames are Linux's error numbers with their names and glibc's
// strerror texts: those the kernel returns, and the others a student may
// meet in a man page.
var errnoNames = map[int][2]string{
	abi.EPERM: {"EPERM", "Operation not permitted"}, abi.ENOENT: {"ENOENT", "No such file or directory"},
	abi.ESRCH: {"ESRCH", "No such process"}, abi.EINTR: {"EINTR", "Interrupted system call"},
	abi.EIO: {"EIO", "Input/output error"}, 6: {"ENXIO", "No such device or address"},
	E2BIG: {"E2BIG", "Argument list too long"}, abi.ENOEXEC: {"ENOEXEC", "Exec format error"},
	abi.EBADF: {"EBADF", "Bad file descriptor"}, abi.ECHILD: {"ECHILD", "No child processes"},
	abi.EAGAIN: {"EAGAIN", "Resource temporarily unavailable"}, abi.ENOMEM: {"ENOMEM", "Cannot allocate memory"},
	abi.EACCES: {"EACCES", "Permission denied"}, abi.EFAULT: {"EFAULT", "Bad address"},
	15: {"ENOTBLK", "Block device required"}, 16: {"EBUSY", "Device or resource busy"},
	abi.EEXIST: {"EEXIST", "File exists"}, 18: {"EXDEV", "Invalid cross-device link"},
	19: {"ENODEV", "No such device"}, abi.ENOTDIR: {"ENOTDIR", "Not a directory"},
	abi.EISDIR: {"EISDIR", "Is a directory"}, abi.EINVAL: {"EINVAL", "Invalid argument"},
	23: {"ENFILE", "Too many open files in system"}, abi.EMFILE: {"EMFILE", "Too many open files"},
	abi.ENOTTY: {"ENOTTY", "Inappropriate ioctl for device"}, 26: {"ETXTBSY", "Text file busy"},
	27: {"EFBIG", "File too large"}, ENOSPC: {"ENOSPC", "No space left on device"},
	abi.ESPIPE: {"ESPIPE", "Illegal seek"}, 30: {"EROFS", "Read-only file system"},
	31: {"EMLINK", "Too many links"}, abi.EPIPE: {"EPIPE", "Broken pipe"},
	33: {"EDOM", "Numerical argument out of domain"}, abi.ERANGE: {"ERANGE", "Numerical result out of range"},
	EDEADLK: {"EDEADLK", "Resource deadlock avoided"}, 36: {"ENAMETOOLONG", "File name too long"},
	37: {"ENOLCK", "No locks available"}, ENOSYS: {"ENOSYS", "Function not implemented"},
	39: {"ENOTEMPTY", "Directory not empty"}, 40: {"ELOOP", "Too many levels of symbolic links"},
	42: {"ENOMSG", "No message of desired type"}, 43: {"EIDRM", "Identifier removed"},
	75: {"EOVERFLOW", "Value too large for defined data type"},
	84: {"EILSEQ", "Invalid or incomplete multibyte or wide character"},
	90: {"EMSGSIZE", "Message too long"},
	95: {"EOPNOTSUPP", "Operation not supported"}, 110: {"ETIMEDOUT", "Connection timed out"},
}

// ErrnoName is the symbolic name of a Linux error number ("ENOENT" for 2),
// as strace shows it; a number without a name is "E" and the number.
func ErrnoName(e int) string {
	if n, ok := errnoNames[e]; ok {
		return n[0]
	}
	return "E" + strconv.Itoa(e)
}

// errnoText is strerror's text for an error number.
func errnoText(e int) string {
	if n, ok := errnoNames[e]; ok {
		return n[1]
	}
	return "Unknown error " + strconv.Itoa(e)
}

// fsErrno turns a file-system error into its errno.
func fsErrno(err error) int {
	var e fs.Errno
	if errors.As(err, &e) {
		return int(e)
	}
	return abi.EIO
}

var signalNames = [...]string{
	1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
	8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE",
	14: "SIGALRM", 15: "SIGTERM", 16: "SIGSTKFLT", 17: "SIGCHLD", 18: "SIGCONT", 19: "SIGSTOP",
	20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU", 23: "SIGURG", 24: "SIGXCPU", 25: "SIGXFSZ",
	26: "SIGVTALRM", 27: "SIGPROF", 28: "SIGWINCH", 29: "SIGIO", 30: "SIGPWR", 31: "SIGSYS",
}

// Signals 34 to 64 are the real-time signals, SIGRTMIN to SIGRTMAX as
// the kernel numbers them (glibc keeps the first two for itself).
const (
	sigRTMin = 34
	sigRTMax = 64
)

// SignalName is a signal's Linux name ("SIGSEGV"; "SIGRTMIN+N" for the
// real-time signals), or "signal N" for a number that is no signal.
func SignalName(sig int) string {
	if sig > 0 && sig < len(signalNames) && signalNames[sig] != "" {
		return signalNames[sig]
	}
	if sig >= sigRTMin && sig <= sigRTMax {
		return "SIGRTMIN+" + strconv.Itoa(sig-sigRTMin)
	}
	return "signal " + strconv.Itoa(sig)
}

// signalAliases are Linux's other names of signals, which kill(1) accepts.
var signalAliases = map[string]int{"SIGIOT": abi.SIGABRT, "SIGCLD": abi.SIGCHLD, "SIGPOLL": 29,
	"SIGRTMIN": sigRTMin, "SIGRTMAX": sigRTMax}

// SignalNumber reads a signal as kill(1) does: by name with or without
// SIG, in any case ("SIGINT", "int" → 2), by an alias ("SIGIOT" → 6), as
// "SIGRTMIN+N" or "SIGRTMAX-N", or as its number ("15"). It returns 0 for
// anything else (0 is no signal).
func SignalNumber(s string) int {
	s = strings.ToUpper(strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil {
		if n > 0 && n <= sigRTMax {
			return n
		}
		return 0
	}
	if !strings.HasPrefix(s, "SIG") {
		s = "SIG" + s
	}
	for n, name := range signalNames {
		if name != "" && name == s {
			return n
		}
	}
	if n, ok := signalAliases[s]; ok {
		return n
	}
	for _, rt := range []struct {
		prefix string
		base   int
		dir    int
	}{{"SIGRTMIN+", sigRTMin, 1}, {"SIGRTMAX-", sigRTMax, -1}} {
		if off, ok := strings.CutPrefix(s, rt.prefix); ok {
			if k, err := strconv.Atoi(off); err == nil && k >= 0 && k <= sigRTMax-sigRTMin {
				return rt.base + rt.dir*k
			}
		}
	}
	return 0
}

// signalDescriptions is what a shell prints when a command dies by a
// signal (bash's strsignal texts).
var signalDescriptions = map[int]string{
	abi.SIGHUP: "Hangup", abi.SIGINT: "", abi.SIGQUIT: "Quit", abi.SIGILL: "Illegal instruction",
	abi.SIGTRAP: "Trace/breakpoint trap", abi.SIGABRT: "Aborted", abi.SIGBUS: "Bus error",
	abi.SIGFPE: "Floating point exception", abi.SIGKILL: "Killed", abi.SIGUSR1: "User defined signal 1",
	abi.SIGSEGV: "Segmentation fault", abi.SIGUSR2: "User defined signal 2", abi.SIGPIPE: "",
	abi.SIGALRM: "Alarm clock", abi.SIGTERM: "Terminated", 16: "Stack fault", 24: "CPU time limit exceeded",
	25: "File size limit exceeded", 26: "Virtual timer expired", 27: "Profiling timer expired",
	29: "I/O possible", 30: "Power failure", 31: "Bad system call",
}

// ShellReport is the line a shell prints when a foreground command ends
// with wait status st, or "" for a normal exit (and for SIGINT and SIGPIPE,
// which bash does not report).
func ShellReport(st int) string {
	sig := st & 0x7f
	if sig == 0 || sig == 0x7f {
		return ""
	}
	msg, ok := signalDescriptions[sig]
	if !ok {
		msg = "Unknown signal " + strconv.Itoa(sig)
	}
	if msg == "" {
		return ""
	}
	if st&0x80 != 0 {
		msg += " (core dumped)"
	}
	return msg
}
