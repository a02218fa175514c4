package cc

import (
	"fmt"
	"regexp"
	"strings"
)

// Names of the Linux and C library interface that a student's program may
// use and osplay may not have yet, by the header that declares them on
// Linux. A compile error about one of them (an undeclared name, a type the
// parser does not know, a struct of unknown size, an undefined function)
// says "not supported by osplay: NAME (<header>)" at the student's line,
// not a syntax error about a ';'. Only errors use the table: a name osplay
// has never makes one.
var unsupportedByHeader = map[string]string{
	"signal.h": "struct:sigevent siginterrupt",
	"unistd.h": "setpgid getpgid getpgrp setsid getsid tcgetpgrp tcsetpgrp " +
		"ualarm fchdir rmdir link symlink readlink truncate fsync fdatasync " +
		"sysconf pathconf fpathconf getuid geteuid getgid getegid setuid setgid chown fchown lchown " +
		"getlogin ttyname nice",
	"fcntl.h":      "F_GETLK F_SETLK F_SETLKW O_ASYNC O_DSYNC struct:flock",
	"sys/ioctl.h":  "TIOCGWINSZ struct:winsize",
	"sys/select.h": "pselect",
	"poll.h":       "ppoll",
	"sys/stat.h":   "mkfifoat chmod fchmod umask mkdir",
	"sys/mman.h":   "madvise mlock munlock mlockall munlockall mremap",
	"mqueue.h":     "mq_notify",
	"sys/socket.h": "sendmsg recvmsg struct:msghdr struct:cmsghdr struct:linger SO_LINGER",
	"netdb.h":      "getservbyname getservbyport getprotobyname struct:servent struct:protoent",
	"stdio.h":      "fmemopen open_memstream tmpfile tmpnam",
	"stdlib.h":     "mkstemp mkdtemp realpath posix_memalign aligned_alloc",
	"sys/wait.h":   "waitid wait3 wait4 idtype_t P_PID P_ALL P_PGID WCONTINUED WSTOPPED WEXITED WNOWAIT",
	"sys/resource.h": "getrlimit setrlimit getrusage getpriority setpriority struct:rlimit " +
		"struct:rusage RLIMIT_STACK RLIMIT_NOFILE RLIMIT_AS PRIO_PROCESS",
	"termios.h":     "tcgetattr tcsetattr cfmakeraw struct:termios TCSANOW ECHO ICANON",
	"pthread.h":     "pthread_cancel pthread_setcancelstate pthread_setcanceltype pthread_testcancel pthread_cleanup_push pthread_cleanup_pop pthread_key_create pthread_getspecific pthread_setspecific pthread_key_delete pthread_atfork pthread_getattr_np pthread_setname_np",
	"sys/utsname.h": "uname struct:utsname",
	"pwd.h":         "getpwuid getpwnam struct:passwd",
	"dlfcn.h":       "dlopen dlsym dlclose dlerror",
	"setjmp.h":      "setjmp longjmp sigsetjmp siglongjmp jmp_buf sigjmp_buf",
	"sys/eventfd.h": "eventfd",
	"sys/epoll.h":   "epoll_create epoll_create1 epoll_ctl epoll_wait struct:epoll_event",
	"sys/prctl.h":   "prctl",
	"sched.h":       "sched_setaffinity sched_getaffinity sched_setscheduler sched_getscheduler cpu_set_t CPU_SET CPU_ZERO",
	"sys/syscall.h": "syscall SYS_gettid",
	"spawn.h":       "posix_spawn posix_spawnp",
	"sys/sysinfo.h": "sysinfo get_nprocs",
	"locale.h":      "setlocale",
	"wchar.h":       "wchar_t wprintf",
	"complex.h":     "complex",
}

// unsupportedNames maps each name of the table (a struct or union as
// "struct NAME") to its header.
var unsupportedNames = func() map[string]string {
	m := map[string]string{}
	for h, names := range unsupportedByHeader {
		for _, n := range strings.Fields(names) {
			n = strings.Replace(n, ":", " ", 1)
			m[n] = h
		}
	}
	return m
}()

// unsupportedHeaders are the Linux headers a course's programs include
// that osplay does not have; an #include of one says so.
var unsupportedHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range strings.Fields(
		"sys/resource.h termios.h sys/utsname.h pwd.h grp.h dlfcn.h setjmp.h sys/eventfd.h sys/epoll.h " +
			"sys/prctl.h sys/syscall.h spawn.h sys/sysinfo.h locale.h wchar.h complex.h sys/file.h " +
			"sys/uio.h sys/signalfd.h sys/timerfd.h sys/inotify.h linux/futex.h") {
		m[h] = true
	}
	return m
}()

var (
	internalSuffix = lazyRegexp(`\s*\([a-z_0-9]+\.go:\d+:[A-Za-z_0-9.]*:?\)$`)
	undeclared     = lazyRegexp(`^undefined: ([A-Za-z_][A-Za-z_0-9]*)$`)
	undefinedRef   = lazyRegexp("^undefined reference to `([A-Za-z_][A-Za-z_0-9]*)'$")
	noHeader       = lazyRegexp(`^([A-Za-z_0-9./+-]+\.h): No such file or directory$`)
	unknownSize    = lazyRegexp(`^storage size of '([A-Za-z_][A-Za-z_0-9]*)' isn't known$`)
	identifierRE   = lazyRegexp(`[A-Za-z_][A-Za-z_0-9]*`)
)

// explain rewrites the errors of a compile of file name (source src) for
// a student: what osplay lacks is named as such, with its header; the
// front end's own trace (a Go file and line, a "TODO" about its type
// checker) is left out; an undeclared name reads as gcc says it.
func explain(err error, name string, src []byte) error {
	list, ok := err.(ErrorList)
	if !ok {
		return err
	}
	lines := strings.Split(string(src), "\n")
	out := make(ErrorList, 0, len(list))
	seen := map[string]bool{}
	for _, e := range list {
		e := *e
		if strings.HasPrefix(e.Msg, "TODO ") {
			continue // the type checker's echo of an error already given
		}
		e.Msg = internalSuffix().ReplaceAllString(e.Msg, "")
		if e.File == name {
			explainOne(&e, lines)
		}
		if key := e.Error(); !seen[key] {
			seen[key] = true
			out = append(out, &e)
		}
	}
	if len(out) == 0 {
		return err
	}
	return out
}

// explainOne rewrites one error in the student's file.
func explainOne(e *Error, lines []string) {
	notSupported := func(n string) string {
		return fmt.Sprintf("not supported by osplay: %s (<%s>)", n, unsupportedNames[n])
	}
	if m := noHeader().FindStringSubmatch(e.Msg); m != nil && unsupportedHeaders[m[1]] {
		e.Msg = fmt.Sprintf("not supported by osplay: <%s>", m[1])
		return
	}
	for _, re := range []*regexp.Regexp{undeclared(), undefinedRef()} {
		if m := re.FindStringSubmatch(e.Msg); m != nil {
			if _, ok := unsupportedNames[m[1]]; ok {
				e.Msg = notSupported(m[1])
			} else if re == undeclared() {
				e.Msg = fmt.Sprintf("'%s' undeclared", m[1])
			}
			return
		}
	}
	if e.Line < 1 || e.Line > len(lines) {
		return
	}
	// The names on the line up to the error (and the one at it): a type
	// the parser did not know ("sigset_t x;" fails at x), a struct of
	// unknown size. The error moves to the name.
	line := lines[e.Line-1]
	end := min(max(e.Col-1, 0), len(line))
	if loc := identifierRE().FindStringIndex(line[end:]); loc != nil && loc[0] == 0 {
		end += loc[1]
	}
	words := identifierRE().FindAllStringIndex(line[:end], -1)
	word := func(i int) string { return line[words[i][0]:words[i][1]] }
	unknown := unknownSize().MatchString(e.Msg)
	if !unknown && !strings.Contains(e.Msg, "expected") {
		return
	}
	for i := len(words) - 1; i >= 0; i-- {
		n := word(i)
		if unknown {
			if i == 0 || word(i-1) != "struct" && word(i-1) != "union" {
				continue
			}
			n, i = word(i-1)+" "+n, i-1
		}
		if _, ok := unsupportedNames[n]; ok {
			e.Msg, e.Col = notSupported(n), words[i][0]+1
			return
		}
	}
}
