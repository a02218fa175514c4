package kernel

import (
	"errors"
	"strconv"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// Linux error numbers that abi does not list.
const (
	E2BIG  = 7
	ENOSPC = 28
	ENOSYS = 38
)

var errnoNames = map[int][2]string{
	abi.EPERM: {"EPERM", "Operation not permitted"}, abi.ENOENT: {"ENOENT", "No such file or directory"},
	abi.ESRCH: {"ESRCH", "No such process"}, abi.EINTR: {"EINTR", "Interrupted system call"},
	abi.EIO: {"EIO", "Input/output error"}, E2BIG: {"E2BIG", "Argument list too long"},
	abi.ENOEXEC: {"ENOEXEC", "Exec format error"}, abi.EBADF: {"EBADF", "Bad file descriptor"},
	abi.ECHILD: {"ECHILD", "No child processes"}, abi.EAGAIN: {"EAGAIN", "Resource temporarily unavailable"},
	abi.ENOMEM: {"ENOMEM", "Cannot allocate memory"}, abi.EACCES: {"EACCES", "Permission denied"},
	abi.EFAULT: {"EFAULT", "Bad address"}, abi.EEXIST: {"EEXIST", "File exists"},
	abi.ENOTDIR: {"ENOTDIR", "Not a directory"}, abi.EISDIR: {"EISDIR", "Is a directory"},
	abi.EINVAL: {"EINVAL", "Invalid argument"}, abi.EMFILE: {"EMFILE", "Too many open files"},
	abi.ENOTTY: {"ENOTTY", "Inappropriate ioctl for device"}, 27: {"EFBIG", "File too large"},
	ENOSPC: {"ENOSPC", "No space left on device"}, abi.ESPIPE: {"ESPIPE", "Illegal seek"},
	abi.EPIPE: {"EPIPE", "Broken pipe"}, abi.ERANGE: {"ERANGE", "Numerical result out of range"},
	36: {"ENAMETOOLONG", "File name too long"}, ENOSYS: {"ENOSYS", "Function not implemented"},
	39: {"ENOTEMPTY", "Directory not empty"},
}

// errnoName is the symbolic name of an error number ("ENOENT").
func errnoName(e int) string {
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

// SignalName is a signal's name ("SIGSEGV"), or "signal N".
func SignalName(sig int) string {
	if sig > 0 && sig < len(signalNames) && signalNames[sig] != "" {
		return signalNames[sig]
	}
	if sig >= 34 && sig <= 64 {
		return "SIGRTMIN+" + strconv.Itoa(sig-34)
	}
	return "signal " + strconv.Itoa(sig)
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

func itoa(i int) string { return strconv.Itoa(i) }
