package linuxtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Case is one program with a Linux answer: the folder that holds it (with
// any sibling program it execs), how to run it, and which lines of its
// output have a fixed order.
type Case struct {
	Dir   string   // program folder, relative to the repository root
	Main  string   // the program to run: Dir/Main.c compiled to ./Main
	Args  []string // argv[1:]
	Stdin string   // standard input, closed at its end
	// Order is a regular expression selecting the stdout lines (after
	// masking) whose order the program fixes, whatever the scheduler does:
	// InOrder for a program whose every line is ordered by wait or printed
	// by one process, Unordered when only the multiset of lines is fixed.
	Order string
	Note  string // what the case shows, and anything a comparison must know
	// Mask holds the case's own masking rules, applied before the default
	// ones (a System V id printed after "segment", say).
	Mask Masker
}

const (
	InOrder   = "^" // every line
	Unordered = ""  // no order beyond the multiset of lines
)

// Name names the case for a subtest: the folder, and the program when it
// is not named after the folder.
func (c Case) Name() string {
	name := filepath.ToSlash(c.Dir)
	if filepath.Base(c.Dir) != c.Main {
		name += "/" + c.Main
	}
	return name
}

// Native runs the case on Linux; root is the repository root (see Root).
func (c Case) Native(t testing.TB, root string) Result {
	t.Helper()
	return Native(t, filepath.Join(root, c.Dir), c.Main, c.Args, c.Stdin)
}

// Same compares a simulated run (got) of the case with the native one
// (want): stdout as a multiset of lines and, for the lines Order selects,
// in order; stderr as a multiset of lines; and the exit status as a shell
// reports it. It reports every difference and returns whether there was
// none. Status and PID are not compared: they are machine-specific.
func (c Case) Same(t testing.TB, want, got Result) bool {
	t.Helper()
	want.Stdout, got.Stdout = c.Mask.Mask(want.Stdout), c.Mask.Mask(got.Stdout)
	ok := sameLines(t, "stdout", want.Stdout, got.Stdout)
	if c.Order != Unordered {
		ok = SameOrder(t, want.Stdout, got.Stdout, c.Order) && ok
	}
	ok = sameLines(t, "stderr", want.Stderr, got.Stderr) && ok
	if want.Exit != got.Exit {
		t.Errorf("exit status: Linux %d, simulator %d", want.Exit, got.Exit)
		ok = false
	}
	return ok
}

// Root returns the repository root: the nearest directory above the
// test's working directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("linuxtest: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("linuxtest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// lsNote is shared by the cases whose child runs ls in the program folder.
const lsNote = " ls lists the working directory: the folder's files (Files) and the programs compiled from them (Programs); Mask reduces each ls -l line to its name."

// Cases lists every lecture example and every Linux test program, with the
// arguments and input it is run with.
var Cases = []Case{
	// The lecture's Lab 3 programs (examples/), run unmodified.
	{Dir: "examples/onetwo", Main: "onetwo", Order: InOrder,
		Note: "slide 3.25: one line before fork, two after it (one per process)."},
	{Dir: "examples/nfork", Main: "nfork", Order: Unordered,
		Note: "slide 3.26 as printed (exit commented out): 4 processes; nobody waits, so only the multiset of lines is fixed."},
	{Dir: "examples/nfork-exit", Main: "nfork", Order: `^\[(parent|child 2)\]`,
		Note: "slide 3.26 with exit(0): 3 processes; the parent prints before it forks child 2."},
	{Dir: "examples/forkexecl", Main: "forkexecl", Order: InOrder,
		Note: "slides 3.22/3.28: execl ls -l, then the parent's \"child Complete\" after wait." + lsNote},
	{Dir: "examples/forkexecv", Main: "forkexecv", Order: InOrder,
		Note: "slides 3.22/3.28: execv ls -l, then \"child Complete\"." + lsNote},
	{Dir: "examples/background", Main: "background", Args: []string{"ls", "-l"}, Order: InOrder,
		Note: "slide 3.29, run as ./background ls -l: the parent exits at once, the orphaned child runs ls -l; the run ends when the child does." + lsNote},
	{Dir: "examples/mystatus", Main: "mystatus",
		Order: `^(I'm the parent process and my|I'm the child|ls -l:|total|A child with|PID <pid> terminates)`,
		Note:  "slide 3.30: the child execs ls -li, the parent reports low 0, high 0; the parent's second line and the child's first may come in either order." + lsNote},
	{Dir: "examples/mystatus", Main: "myexit", Order: InOrder,
		Note: "slide 3.30's myexit run alone: exit status 33."},
	{Dir: "examples/shm-posix", Main: "shm-posix", Order: InOrder, Mask: Masker{Words: []string{"segment"}},
		Note: "slides 3.53-3.54: shmget(IPC_PRIVATE), shmat, sprintf into the segment, shmdt, shmctl(IPC_RMID); the segment's id is masked like a pid."},
	{Dir: "examples/date-server", Main: "date-server", Order: InOrder, Mask: Masker{Dates: true},
		Note: "slides 3.59-3.62 in C: the date server on port 6013 starts three clients in turn (fork, exec ./date-client), accepts each one's connection, writes ctime's date and closes; each client prints the line. The dates are masked."},
	{Dir: "examples/rpc", Main: "rpc", Order: InOrder, Mask: Masker{LongNumbers: true},
		Note: "slides 3.63-3.71: the matchmaker on udp port 6311 starts the date server, which binds 6312, registers (SET) and starts rdate; rdate asks the matchmaker (GETPORT), then calls ADD, STR_DATE of the slide's time and BIN_DATE, and a procedure that does not exist; every call's and reply's bytes in hex, XDR's big-endian. The time of day (BIN_DATE's result) differs between runs: numbers of 4 or more digits are masked, the hex bytes are compared."},
	{Dir: "examples/runls", Main: "runls", Order: InOrder,
		Note: "slide 4.17: no #include at all; ls -l then \"ls completed\"." + lsNote},

	// The synchronisation lectures' programs (seed 002, OSTEP ch. 26-31)
	// whose output Linux fixes; see Unoracled for the others.
	{Dir: "examples/boundedbuffer", Main: "boundedbuffer", Order: InOrder,
		Note: "the bounded buffer with semaphores empty, full and mutex: one consumer prints the items in FIFO order."},
	{Dir: "examples/rw-condvar", Main: "rw-condvar", Order: InOrder,
		Note: "readers-writers in a monitor with the condition variables okToRead and okToWrite: no read of a half-done write, no write during a read."},
	{Dir: "examples/tunnel", Main: "tunnel", Order: InOrder,
		Note: "the one-way tunnel: a monitor with one condition variable; every crossing counted, no head-on meeting."},
	{Dir: "examples/philosophers-monitor", Main: "philosophers-monitor", Order: InOrder,
		Note: "dining philosophers with the slide's monitor (state[], self[]): each eats three times, never beside an eating neighbour."},
	{Dir: "examples/barrier", Main: "barrier", Order: InOrder,
		Note: "two phases separated by pthread_barrier_wait: phase 2 reads every neighbour's phase-1 result."},
	{Dir: "examples/counter-mutex", Main: "counter-mutex", Order: InOrder,
		Note: "OSTEP's lost-update counter with a mutex: 4000 exactly."},

	// Feature by feature (kernel/testdata/linux/): the C language and libc.
	{Dir: "kernel/testdata/linux/ints", Main: "ints", Order: InOrder, Note: "integer widths, limits, wrap-around, promotions, casts."},
	{Dir: "kernel/testdata/linux/sizes", Main: "sizes", Order: InOrder, Note: "sizeof of types and expressions (LP64)."},
	{Dir: "kernel/testdata/linux/layout", Main: "layout", Order: InOrder, Note: "the linked image: variables at their alignment (16, 64, a page) in data and bss, string literals and const variables read-only (SIGSEGV: an array, a string, a structure; a const pointer to writable data stays writable through it), the library's variables (errno, stdio) each process's own after fork though its objects share pages."},
	{Dir: "kernel/testdata/linux/bits", Main: "bits", Order: InOrder, Note: "bit operations and shifts."},
	{Dir: "kernel/testdata/linux/chars", Main: "chars", Order: InOrder, Note: "char arithmetic, escapes, ctype.h."},
	{Dir: "kernel/testdata/linux/pointers", Main: "pointers", Order: InOrder, Note: "pointer arithmetic, pointers to pointers, void*, byte order."},
	{Dir: "kernel/testdata/linux/arrays", Main: "arrays", Order: InOrder, Note: "arrays, multi-dimensional arrays, initialisers, a VLA."},
	{Dir: "kernel/testdata/linux/structs", Main: "structs", Order: InOrder, Note: "struct/union layout (sizeof, offsetof, alignment, bit-fields), structs by value."},
	{Dir: "kernel/testdata/linux/typedefs", Main: "typedefs", Order: InOrder, Note: "typedef and enum."},
	{Dir: "kernel/testdata/linux/funcptr", Main: "funcptr", Order: InOrder, Note: "function pointers and tables of them."},
	{Dir: "kernel/testdata/linux/statics", Main: "statics", Order: InOrder, Note: "globals, static locals, string literals."},
	{Dir: "kernel/testdata/linux/control", Main: "control", Order: InOrder, Note: "switch with fall-through, loops, break/continue, goto."},
	{Dir: "kernel/testdata/linux/ops", Main: "ops", Order: InOrder, Note: "compound assignment, ++/--, comma, ternary, short-circuit side effects."},
	{Dir: "kernel/testdata/linux/varargs", Main: "varargs", Order: InOrder, Note: "stdarg.h, va_copy, vsnprintf."},
	{Dir: "kernel/testdata/linux/recursion", Main: "recursion", Order: InOrder, Note: "recursion, 10000 frames deep."},
	{Dir: "kernel/testdata/linux/floats", Main: "floats", Order: InOrder, Note: "double/float arithmetic, printf %f %e %g, inf, -0, -nan, libm."},
	{Dir: "kernel/testdata/linux/strings", Main: "strings", Order: InOrder, Note: "string.h."},
	{Dir: "kernel/testdata/linux/heap", Main: "heap", Order: InOrder, Note: "malloc/calloc/realloc/free: list, dynamic array."},
	{Dir: "kernel/testdata/linux/qsort", Main: "qsort", Order: InOrder, Note: "qsort with comparators, bsearch."},
	{Dir: "kernel/testdata/linux/rand", Main: "rand", Order: InOrder, Note: "glibc's rand/srand and random/srandom sequences."},
	{Dir: "kernel/testdata/linux/strtol", Main: "strtol", Order: InOrder, Note: "strtol/strtoul/atoi/strtod edge cases, ERANGE."},
	{Dir: "kernel/testdata/linux/sprintf", Main: "sprintf", Order: InOrder, Note: "printf conversions, sprintf/snprintf lengths and truncation."},
	{Dir: "kernel/testdata/linux/stdin", Main: "stdin", Order: InOrder,
		Stdin: "3\n10 20 30\nhello world\n\n  two  spaces \nlast line",
		Note:  "scanf, fgets, getchar at EOF; the last input line has no newline."},

	// Processes, files and the kernel's answers.
	{Dir: "kernel/testdata/linux/stdiofork", Main: "stdiofork", Order: InOrder, Note: "stdio buffers copied by fork; fflush; setvbuf _IOFBF; _exit."},
	{Dir: "kernel/testdata/linux/forkwait", Main: "forkwait", Order: InOrder, Note: "fork, waitpid, WNOHANG, ECHILD, exit vs _exit."},
	{Dir: "kernel/testdata/linux/exitstatus", Main: "exitstatus", Order: InOrder, Note: "wait status bits of normal exits; the program exits with 3."},
	{Dir: "kernel/testdata/linux/signals", Main: "signals", Order: InOrder,
		Note: "deaths by signal: SIGABRT, SIGTERM, SIGKILL, SIGFPE, SIGSEGV (NULL, read-only literal, NULL call, stack overflow); core bit set for the core-dumping signals."},
	{Dir: "kernel/testdata/linux/sigusr", Main: "sigusr", Order: `^(Parent|child|done)`,
		Note: "the lecture's SIGUSR1/SIGUSR2/SIGTERM parent-child program, with its races closed (sigsuspend on blocked signals)."},
	{Dir: "kernel/testdata/linux/sigeintr", Main: "sigeintr", Order: InOrder,
		Note: "EINTR without SA_RESTART, restart with it (waitpid); sleep's time left; usleep and pause fail with EINTR."},
	{Dir: "kernel/testdata/linux/sigalarm", Main: "sigalarm", Order: InOrder,
		Note: "alarm's time left, alarm(0), pause; a periodic ITIMER_REAL; death by SIGALRM (exit 142)."},
	{Dir: "kernel/testdata/linux/sigmask", Main: "sigmask", Order: InOrder,
		Note: "sigprocmask, pending signals merged and delivered on unblock, SIG_IGN discards a pending signal, sigwait, the sigset_t operations."},
	{Dir: "kernel/testdata/linux/sigrt", Main: "sigqueue", Order: InOrder,
		Note: "sigqueue with si_value and SI_QUEUE; real-time signals queued and delivered in order (nested handlers print the last first), a standard one merged; sigwaitinfo in the same order; to a child; ESRCH, EINVAL."},
	{Dir: "kernel/testdata/linux/sigrt", Main: "sigtimedwait", Order: InOrder,
		Note: "sigtimedwait: a pending signal at once with its siginfo, EAGAIN at the timeout (zero polls), EINTR for another signal's handler, a child's signal while it waits, EINVAL."},
	{Dir: "kernel/testdata/linux/sigrt", Main: "altstack", Order: InOrder,
		Note: "sigaltstack and SA_ONSTACK: the handler's locals on the alternate stack, SS_ONSTACK, EPERM while on it, ENOMEM, inherited by fork, a stack overflow's SIGSEGV handled there (exit 3), SS_DISABLE."},
	{Dir: "kernel/testdata/linux/sigrt", Main: "itimers", Order: InOrder,
		Note: "ITIMER_VIRTUAL and ITIMER_PROF: nothing while asleep, SIGVTALRM and SIGPROF while busy, getitimer, the old value, not inherited, EINVAL, death by SIGVTALRM (exit 154)."},
	{Dir: "kernel/testdata/linux/sigchld", Main: "sigchld", Order: InOrder,
		Note: "a SIGCHLD handler reaping with WNOHANG; SIG_IGN and SA_NOCLDWAIT reap in the kernel (wait: ECHILD)."},
	{Dir: "kernel/testdata/linux/siginfo", Main: "siginfo", Order: InOrder,
		Note: "SA_SIGINFO: si_signo, si_code (SI_USER, SI_TKILL, CLD_EXITED, CLD_KILLED), si_pid, si_status; sigaction reads back."},
	{Dir: "kernel/testdata/linux/sighandlers", Main: "sighandlers", Order: InOrder,
		Note: "SA_RESETHAND, a signal deferred in its own handler or nested under SA_NODEFER, sa_mask, errno saved in a handler."},
	{Dir: "kernel/testdata/linux/sigstop", Main: "sigstop", Order: InOrder,
		Note: "SIGSTOP/SIGCONT; waitpid WUNTRACED and WCONTINUED; SIGCHLD on stop and continue unless SA_NOCLDSTOP."},
	{Dir: "kernel/testdata/linux/sigthreads", Main: "sigthreads", Order: InOrder,
		Note: "signals and threads: an inherited mask, sigwait in a dedicated thread, pthread_kill to one thread, raise to the caller."},
	{Dir: "kernel/testdata/linux/sigfault", Main: "sigfault", Order: InOrder,
		Note: "handlers of faults: SIGFPE for a division by zero, SIGSEGV with si_addr inside it; exits with 3."},
	{Dir: "kernel/testdata/linux/orphan", Main: "orphan", Order: InOrder,
		Note: "the child outlives its parent and is adopted; its last line comes after the parent has exited, so the run ends when every process has."},
	{Dir: "kernel/testdata/linux/exec", Main: "exec", Order: InOrder,
		Note: "execl/execv/execlp/execvp of /bin/echo and of the sibling ./showargs; exec failures with perror on stderr; /bin/true and /bin/false."},
	{Dir: "kernel/testdata/linux/exec", Main: "showargs", Args: []string{"a", "b c"}, Order: InOrder,
		Note: "the sibling program run directly."},
	{Dir: "kernel/testdata/linux/files", Main: "files", Order: InOrder,
		Note: "open/read/write/lseek/close/unlink, O_APPEND, O_EXCL, holes, dup, offsets shared across fork, dup2 redirection, /bin/cat."},
	{Dir: "kernel/testdata/linux/errno", Main: "errno", Order: InOrder, Note: "errno values and strerror/perror texts of failing calls."},

	// Pipes and descriptors.
	{Dir: "kernel/testdata/linux/pipes", Main: "pipes", Order: InOrder,
		Note: "pipe between parent and child, EOF once every writer has closed, a 1 MB write through the 64 KiB pipe, ls | wc -l with dup2 and exec, O_CLOEXEC and FD_CLOEXEC across exec (the sibling fdcheck)." + lsNote},
	{Dir: "kernel/testdata/linux/pipes", Main: "sigpipe", Order: InOrder,
		Note: "a write with no reader: the child dies of SIGPIPE (13), then the program itself (exit status 141)."},
	{Dir: "kernel/testdata/linux/pipes", Main: "capacity", Order: InOrder,
		Note: "the pipe's capacity by write size (Linux's pages), EAGAIN/EWOULDBLOCK, partial nonblocking writes, FIONREAD, fcntl F_GETFL/F_SETFL/F_DUPFD/F_DUPFD_CLOEXEC/F_GETFD, FIONBIO, errors."},
	{Dir: "kernel/testdata/linux/pipes", Main: "fifo", Order: InOrder,
		Note: "mkfifo and a FIFO between a parent and its child; Linux's open rules (a reader waits for a writer, ENXIO for a nonblocking writer alone, O_RDWR never waits); the bytes die with the last end."},
	{Dir: "kernel/testdata/linux/pipes", Main: "pollselect", Order: InOrder,
		Note: "poll's events on a pipe's ends (POLLIN, POLLOUT, POLLHUP, POLLERR, POLLNVAL), a wait for a child's write, a timeout; select over two children's pipes until both end, its timeout, a file always ready, EBADF."},
	{Dir: "kernel/testdata/linux/sigpipeign", Main: "sigpipeign", Order: InOrder,
		Note: "a write with no reader while SIGPIPE is ignored fails with EPIPE (perror's message on stderr); with a handler the handler runs and the write fails; blocked, SIGPIPE stays pending; fflush reports the failure."},
	{Dir: "kernel/testdata/linux/pipes", Main: "slides", Order: InOrder,
		Note: "seed 002's slides 40 and 41: the parent-child pipe and the nonblocking read with ioctl(FIONBIO)."},

	// The shell: system, popen and a lab's mini-shell, through /bin/sh.
	{Dir: "kernel/testdata/linux/system", Main: "system", Order: InOrder,
		Note: "system() through /bin/sh -c: ls | wc -l in the folder, echo hi > f; cat f, >>, <, pipelines, && ||, quoting, $VAR, exit statuses (3, 300, 127 not found, death by SIGTERM and SIGINT), & and wait, cd; SIGINT ignored and SIGCHLD blocked while it waits." + lsNote},
	{Dir: "kernel/testdata/linux/system", Main: "popen", Order: InOrder,
		Note: "popen(\"ls\", \"r\") read line by line, popen(\"wc -c\", \"w\") and a pipeline fed by the program, pclose's wait status, EINVAL for a bad mode, pclose of a stream popen did not open closing it as glibc does, two streams at once." + lsNote},
	{Dir: "kernel/testdata/linux/system", Main: "minish", Order: InOrder,
		Stdin: "ls -1\nls | wc -l\necho hello world > out.txt\ncat < out.txt\nwc -c < out.txt\ncat out.txt | cat | cat | wc -w\nhead -n 3 minish.c\nnosuchcommand\nls nothere\ncat out.txt out.txt | head -n 1\n",
		Note:  "a lab's mini-shell (fork, execvp, pipe, dup2, < and >) and /bin/sh run side by side on the same commands: the same output and exit statuses." + lsNote},

	// Memory.
	{Dir: "kernel/testdata/linux/vaintro", Main: "va", Order: InOrder,
		Note: "OSTEP's vm-intro/va.c: the addresses of code, a 100 MB heap block and the stack (masked); malloc(100e6) succeeds because memory is committed lazily."},

	{Dir: "kernel/testdata/linux/mprotect", Main: "mprotect", Order: InOrder,
		Note: "mprotect of one page of three (read-only, PROT_NONE, back to read-write) and munmap of the middle page: each bad access dies of SIGSEGV in a child; ENOMEM over a hole."},
	{Dir: "kernel/testdata/linux/mmapfile", Main: "mmapfile", Order: InOrder,
		Note: "mmap of a regular file: MAP_SHARED writes seen by read, by another mapping, by a child's, by /bin/cat; pwrite seen through the mapping; MAP_PRIVATE copied on write; zeros after the end in the last page, SIGBUS past it until ftruncate grows the file; msync's checks; EACCES, EINVAL, EBADF, ENODEV."},
	{Dir: "kernel/testdata/linux/mmapshared", Main: "mmapshared", Order: InOrder,
		Note: "mmap(MAP_SHARED|MAP_ANONYMOUS) shared with forked children, MAP_PRIVATE and the heap copied on write; munmap and mmap errors."},

	// Shared memory and message queues. Ids and keys are the machine's:
	// the programs print what Linux fixes, and remove every object they
	// make, so the host's IPC namespace is left as it was.
	{Dir: "kernel/testdata/linux/shmsysv", Main: "shmsysv", Order: InOrder,
		Note: "System V shared memory between parent and child: IPC_STAT's segsz, nattch, cpid and lpid through fork, detach and exit; IPC_SET; IPC_RMID destroying at the last detach; ftok keys, IPC_EXCL, sizes, errors."},
	{Dir: "kernel/testdata/linux/shmposix", Main: "shmpc", Order: InOrder,
		Note: "the textbook's POSIX shared memory producer and consumer (shm_open, ftruncate, mmap MAP_SHARED, shm_unlink), run one after the other by a parent with fork and exec."},
	{Dir: "kernel/testdata/linux/shmposix", Main: "shmposix", Order: InOrder,
		Note: "shm_open's flags and errors, ftruncate and fstat, read and write through the descriptor, MAP_SHARED across fork and by name, MAP_PRIVATE copied on write, access checks, mprotect then a write (SIGSEGV), msync's checks, shm_unlink while mapped."},
	{Dir: "kernel/testdata/linux/msgsysv", Main: "msgsysv", Order: InOrder,
		Note: "System V message queues: types positive, zero and negative; IPC_NOWAIT (EAGAIN, ENOMSG); MSG_NOERROR and E2BIG; a full queue (16384 bytes) blocking a child's send until the parent reads; IPC_STAT's counts; IPC_RMID waking a blocked receiver with EIDRM."},
	{Dir: "kernel/testdata/linux/semsysv", Main: "semsysv", Order: InOrder,
		Note: "System V semaphores: SETVAL/GETVAL/SETALL/GETALL/GETPID/IPC_STAT, several operations at once or none, IPC_NOWAIT, a child blocked in P (GETNCNT) and in wait-for-zero (GETZCNT), SEM_UNDO at exit, semtimedop's timeout, EINTR, EIDRM, EFBIG, E2BIG, ERANGE, EEXIST, ENOENT."},
	{Dir: "kernel/testdata/linux/mqposix", Main: "mqposix", Order: InOrder,
		Note: "POSIX message queues: default and given attributes, priorities highest first and FIFO within one, O_NONBLOCK through mq_setattr (EAGAIN), EMSGSIZE, a parent blocked in mq_receive until its child sends, mq_timedreceive's ETIMEDOUT on an empty queue and mq_timedsend's on a full one, mq_unlink while open."},

	// Sockets on the machine's own network.
	{Dir: "kernel/testdata/linux/sockets", Main: "names", Order: InOrder,
		Note: "htons and friends; inet_aton/inet_addr (short, octal, hex forms), inet_pton's strict form, inet_ntop's ENOSPC; the structures' sizes and offsets; getaddrinfo for localhost, no host, numbers and service names, its errors and gai_strerror; gethostbyname; the machine's own name resolves and reaches a server listening on any address."},
	{Dir: "kernel/testdata/linux/sockets", Main: "echo", Order: InOrder,
		Note: "a TCP echo server on port 6101 forking a child per client; three clients in turn send two lines, shutdown(SHUT_WR) (a write after it: EPIPE, MSG_NOSIGNAL), and read the echo to the end of the stream; getpeername; the server exits with the count of its children."},

	{Dir: "kernel/testdata/linux/sockets", Main: "errors", Order: InOrder, Mask: Masker{Ports: true},
		Note: "sockets' errors as Linux gives them: bad domains, types, protocols, descriptors, addresses and lengths; ECONNREFUSED; EADDRINUSE beside a listener and in TIME_WAIT after the server closed first (SO_REUSEADDR on both lets the bind through); EOPNOTSUPP, EINVAL, ENOTCONN, EISCONN; SIGPIPE/EPIPE on a socket never connected and after the peer's close (the first write goes through); ECONNRESET after a close with data unread; a connect to its own address; getsockname after a bind to port 0 (the port masked); socket options."},

	{Dir: "kernel/testdata/linux/sockets", Main: "unix", Order: InOrder,
		Note: "AF_UNIX: a stream server on a socket file and a forked client; S_ISSOCK; EADDRINUSE, ENOENT, ECONNREFUSED (before listen, after close), EPROTOTYPE, EINVAL; the addresses and their lengths; autobind; datagrams from a bound and an unbound sender; ENOTCONN; unlink; socketpair stream and datagram between parent and child, ECONNREFUSED once the pair's other end has closed."},

	{Dir: "kernel/testdata/linux/sockets", Main: "udp", Order: InOrder,
		Note: "UDP ping between a parent and a child (recvfrom's address, replies to it); datagram boundaries, MSG_PEEK, truncation and MSG_TRUNC, an empty datagram; 65507 bytes the most, EMSGSIZE beyond and for a huge length; EFAULT, EINVAL, EDESTADDRREQ; a connected socket sending to nobody gets ECONNREFUSED on its next send; connect(AF_UNSPEC) dissolves the connection; a connected socket takes datagrams from its peer only."},
	{Dir: "kernel/testdata/linux/sockets", Main: "nbselect", Order: InOrder,
		Note: "nonblocking accept (EAGAIN) and connect (EINPROGRESS, then writable, SO_ERROR 0, 0, EISCONN); poll and select find a listener readable when a connection waits; recv's EAGAIN; a full socket not writable; FIONREAD; MSG_WAITALL; a backlog of 1 takes two connects, the third waits for an accept; select over two connections; poll's events after shutdowns."},

	{Dir: "kernel/testdata/linux/rpc", Main: "xdr", Order: InOrder,
		Note: "XDR's encoding by <osplay/rpc.h> (RFC 4506): ints big-endian whatever the machine's order, two's complement, strings padded to 4 bytes, decoding, and the refusals of a short buffer or a string too long."},
	{Dir: "kernel/testdata/linux/rpc", Main: "hostile", Order: InOrder,
		Note: "an RPC server of <osplay/rpc.h> on udp port 6321 meets datagrams too short, malformed headers, arguments cut short, strings whose length lies, a datagram longer than RPC_MAX, unknown programs and versions: each answered with an error status or dropped, and the honest calls between them answered; 70000 bytes never leave (EMSGSIZE); a reply without its result is the client's clean error."},
	{Dir: "kernel/testdata/linux/sockets", Main: "sigsock", Order: InOrder,
		Note: "a SIGALRM handler without SA_RESTART ends a blocked accept and a blocked recv with EINTR; with SA_RESTART the accept waits on and returns the connection a child makes two seconds later."},

	{Dir: "kernel/testdata/linux/sockets", Main: "sockexec", Order: InOrder,
		Note: "sockets across fork and exec: SOCK_CLOEXEC closes one end at exec, the other reaches ./sockfds, which reads and answers through it; dup shares the socket without FD_CLOEXEC; the peer sees the end only when every descriptor is closed."},

	{Dir: "kernel/testdata/linux/sockets", Main: "timeout", Order: InOrder,
		Note: "SO_RCVTIMEO: recvfrom and accept give up with EAGAIN after 0.2 s, a datagram that comes in time is read, getsockopt gives the timeval back, EDOM and EINVAL for bad ones; SO_SNDTIMEO ends a send into a full socket."},

	{Dir: "kernel/testdata/linux/sockets", Main: "inet6", Order: InOrder,
		Note: "inet_pton and inet_ntop of IPv6 text as glibc: the longest zero run as ::, lowercase, IPv4-mapped and -compatible forms, malformed text refused, ENOSPC, EAFNOSUPPORT."},

	// Threads.
	{Dir: "kernel/testdata/linux/threads", Main: "threads", Order: InOrder,
		Note: "pthread_create, a mutex-protected counter (4 threads × 1000), pthread_join in order with each thread's value, pthread_self/pthread_equal."},
	{Dir: "kernel/testdata/linux/condvar", Main: "condvar", Order: InOrder,
		Note: "a bounded buffer with a mutex and two condition variables (one producer, three consumers); pthread_cond_timedwait's ETIMEDOUT."},
	{Dir: "kernel/testdata/linux/semaphore", Main: "semaphore", Order: InOrder,
		Note: "producer and consumers with unnamed semaphores (empty, full, a binary lock); sem_trywait, sem_getvalue, sem_timedwait."},
	{Dir: "kernel/testdata/linux/rwlock", Main: "rwlock", Order: InOrder,
		Note: "readers and writers with a read-write lock; try-locks while read and written."},
	{Dir: "kernel/testdata/linux/barrier", Main: "barrier", Order: InOrder,
		Note: "four threads through a barrier three times; one serial thread per round."},
	{Dir: "kernel/testdata/linux/once", Main: "once", Order: InOrder,
		Note: "pthread_once from four threads, spin locks, sched_yield; pthread_detach and a detached attribute (join gives EINVAL)."},
	{Dir: "kernel/testdata/linux/mutextypes", Main: "mutextypes", Order: InOrder,
		Note: "error-checking (EDEADLK, EPERM) and recursive mutexes, pthread_mutex_timedlock's ETIMEDOUT."},
	{Dir: "kernel/testdata/linux/atomics", Main: "atomics", Order: InOrder,
		Note: "gcc's __sync and __atomic builtins: spin locks on test-and-set and compare-and-swap, a ticket lock on fetch-and-add, each form's result."},
	{Dir: "kernel/testdata/linux/errnothreads", Main: "errnothreads", Order: InOrder,
		Note: "errno is per thread: two threads fail differently at once, main's errno untouched."},
	{Dir: "kernel/testdata/linux/namedsem", Main: "namedsem", Order: InOrder,
		Note: "a named semaphore between a parent and its forked child; O_CREAT|O_EXCL gives EEXIST, unlink then open gives ENOENT."},
	{Dir: "kernel/testdata/linux/pshared", Main: "pshared", Order: InOrder,
		Note: "semaphores, a mutex and a condition variable shared by a parent and three forked children in MAP_SHARED memory (pshared attributes)."},
	{Dir: "kernel/testdata/linux/evalorder", Main: "evalorder", Order: InOrder,
		Note: "a call's arguments evaluated from the last to the first, as gcc does on x86-64: printf of next() three times, nested calls, struct arguments, doubles."},
	{Dir: "kernel/testdata/linux/mallocstress", Main: "mallocstress", Order: InOrder,
		Note: "100,000 mixed malloc, calloc, realloc and free of 1 byte to 64 KiB, every block's bytes checked; alternate frees then larger blocks."},
	{Dir: "kernel/testdata/linux/threadattr", Main: "threadattr", Order: InOrder,
		Note: "thread attributes: glibc's defaults, what each setter refuses (ENOTSUP, EINVAL), explicit attributes, a detached attribute."},
	{Dir: "kernel/testdata/linux/flockfile", Main: "flockfile", Order: InOrder,
		Note: "stdio locked per FILE: flockfile, ftrylockfile (nested, busy), the _unlocked calls; another thread's printf waits for funlockfile."},

	// The patterns of OSTEP's thread chapters (26-31) and their homework,
	// in programs whose output Linux fixes.
	{Dir: "kernel/testdata/linux/ostep", Main: "args", Order: InOrder,
		Note: "thread arguments by struct pointer, results malloc'd and returned through pthread_join, a value cast through void *, pthread_exit from a nested call, a default (joinable) attribute."},
	{Dir: "kernel/testdata/linux/ostep", Main: "joins", Order: InOrder,
		Note: "a parent waits for its child with a condition variable and a done flag, a semaphore of 0, and a semaphore built from a mutex and a condition variable."},
	{Dir: "kernel/testdata/linux/ostep", Main: "semlocks", Order: InOrder,
		Note: "a binary semaphore as a lock, a semaphore of 2 as a throttle, a reader-writer lock built from two semaphores."},
	{Dir: "kernel/testdata/linux/ostep", Main: "semsync", Order: InOrder,
		Note: "a rendezvous of two threads, a barrier from a mutex and a turnstile semaphore, dining philosophers with semaphore forks and the last one reversed."},
	{Dir: "kernel/testdata/linux/ostep", Main: "broadcast", Order: InOrder,
		Note: "pthread_cond_broadcast opens a gate for five waiters at once; a signal with nobody waiting is lost."},
}

// Unoracled are the program folders with no Linux comparison, and why:
// their output or their ending is a matter of timing on Linux. The
// simulator's tests check them instead (see the kernel's sync tests and
// the exercises that use them).
var Unoracled = map[string]string{
	"examples/counter-race": "the lost update: how many updates are lost depends on where Linux preempts the threads.",
	"examples/philosophers": "the naive dining philosophers deadlock: on Linux the program hangs for ever.",
	"examples/rw-busywait":  "a writer spins inside the monitor while a reader waits to get back in: on Linux the program hangs for ever.",
	// The lecture's models (<osplay/message.h>, mailbox.h, mach.h,
	// monitor.h, event.h): Linux has none of their calls. The kernel's
	// TestModelExamples checks each against its output.
	"examples/bb1-busywait":         "the bounded buffer with busy waiting: how many updates of count are lost depends on where Linux preempts the threads.",
	"examples/bb2-mailbox":          "a mailbox with nonblocking send and receive: no Linux call.",
	"examples/bb4-monitor":          "a monitor with Hoare's or Mesa's signal: no Linux call.",
	"examples/bb5-messages":         "a mailbox of bounded capacity: no Linux call.",
	"examples/prodcons-shm-msg":     "shared memory beside a mailbox, which Linux does not have.",
	"examples/syncsend":             "direct naming with syncsend and blockreceive: no Linux call.",
	"examples/asyncsend":            "direct naming with asyncsend and nbreceive: no Linux call.",
	"examples/lossy-link":           "a link that loses messages as the run's seed draws: no Linux call.",
	"examples/mach-ports":           "Mach's ports: no Linux call.",
	"examples/monitor-balance":      "a monitor of <osplay/monitor.h>: no Linux call.",
	"examples/monitor-rw-busywait":  "a writer spins inside a monitor of <osplay/monitor.h>: no Linux call, and it hangs.",
	"examples/monitor-rw":           "a monitor of <osplay/monitor.h>: no Linux call.",
	"examples/monitor-tunnel":       "a monitor of <osplay/monitor.h>: no Linux call.",
	"examples/monitor-philosophers": "a monitor of <osplay/monitor.h>: no Linux call.",
	"examples/event-top-of-hour":    "events: no Linux call.",
}
