package kernel

import (
	"fmt"
	"strconv"
	"strings"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// sysret is how a system call ends.
type sysret struct {
	val    int64 // the return value
	errno  int   // stored into errno when nonzero
	block  bool  // the thread sleeps; the call starts over when it wakes
	noRet  bool  // exit, or a successful exec: there is nothing to return to
	double bool  // val holds the bits of a double (for the trace)
}

func ok(v int64) sysret           { return sysret{val: v} }
func fail(errno int) sysret       { return sysret{val: -1, errno: errno} }
func failNull(errno int) sysret   { return sysret{val: 0, errno: errno} }
func blocked() sysret             { return sysret{block: true} }
func gone() sysret                { return sysret{noRet: true} }
func okDouble(bits uint64) sysret { return sysret{val: int64(bits), double: true} }

// syscallEntry is one row of the system-call table, or of the library
// calls' (libcall.go).
type syscallEntry struct {
	name string
	// args describes the arguments for the trace, one letter each:
	// i int, l long, u unsigned long, p pointer, s C string, b buffer whose
	// length is the next argument, o octal, x hexadecimal int, d double.
	args string
	fn   func(m *Machine, t *Thread, a []uint64) sysret
}

// syscalls is the system-call table, indexed by number, as xv6's syscalls[].
var syscalls = [abi.NumSys]syscallEntry{
	abi.SysExit:           {"_exit", "i", sysExit},
	abi.SysFork:           {"fork", "", sysFork},
	abi.SysExecve:         {"execve", "spp", sysExecve},
	abi.SysWaitpid:        {"waitpid", "ipi", sysWaitpid},
	abi.SysGetpid:         {"getpid", "", sysGetpid},
	abi.SysGetppid:        {"getppid", "", sysGetppid},
	abi.SysKill:           {"kill", "ii", sysKill},
	abi.SysSleep:          {"sleep", "u", sysSleep},
	abi.SysUsleep:         {"usleep", "u", sysUsleep},
	abi.SysTime:           {"time", "p", sysTime},
	abi.SysGettimeofday:   {"gettimeofday", "pp", sysGettimeofday},
	abi.SysSchedYield:     {"sched_yield", "", sysSchedYield},
	abi.SysOpen:           {"open", "sio", sysOpen},
	abi.SysClose:          {"close", "i", sysClose},
	abi.SysRead:           {"read", "ipu", sysRead},
	abi.SysWrite:          {"write", "ibu", sysWrite},
	abi.SysLseek:          {"lseek", "ili", sysLseek},
	abi.SysUnlink:         {"unlink", "s", sysUnlink},
	abi.SysDup:            {"dup", "i", sysDup},
	abi.SysDup2:           {"dup2", "ii", sysDup2},
	abi.SysStat:           {"stat", "sp", sysStat},
	abi.SysFstat:          {"fstat", "ip", sysFstat},
	abi.SysIsatty:         {"isatty", "i", sysIsatty},
	abi.SysGetcwd:         {"getcwd", "pu", sysGetcwd},
	abi.SysSbrk:           {"sbrk", "l", sysSbrk},
	abi.SysGetdents:       {"__osplay_getdents", "sip", sysGetdents},
	abi.SysProcs:          {"__osplay_procs", "pi", sysProcs},
	abi.SysNice:           {"nice", "i", sysNice},
	abi.SysIO:             {"__osplay_io", "sl", sysIO},
	abi.SysClone:          {"__osplay_clone", "pppp", sysClone},
	abi.SysThreadExit:     {"__osplay_thread_exit", "p", sysThreadExit},
	abi.SysThreadJoin:     {"__osplay_thread_join", "ip", sysThreadJoin},
	abi.SysGettid:         {"gettid", "", sysGettid},
	abi.SysFutexWait:      {"__osplay_futex_wait", "pxi", sysFutexWait},
	abi.SysFutexWake:      {"__osplay_futex_wake", "pi", sysFutexWake},
	abi.SysFutexTimedWait: {"__osplay_futex_timedwait", "pxip", sysFutexTimedWait},
	abi.SysSemOpen:        {"__osplay_sem_open", "sou", sysSemOpen},
	abi.SysSemUnlink:      {"sem_unlink", "s", sysSemUnlink},
	abi.SysSemOp:          {"__osplay_sem_op", "iip", sysSemOp},
	abi.SysThreadDetach:   {"__osplay_thread_detach", "i", sysThreadDetach},
	abi.SysMmap:           {"mmap", "puxxil", sysMmap},
	abi.SysMunmap:         {"munmap", "pu", sysMunmap},
	abi.SysPipe:           {"pipe", "p", sysPipe},
	abi.SysPipe2:          {"pipe2", "px", sysPipe2},
	abi.SysFcntl:          {"fcntl", "iil", sysFcntl},
	abi.SysIoctl:          {"ioctl", "ixp", sysIoctl},
	abi.SysMkfifo:         {"mkfifo", "so", sysMkfifo},
	abi.SysPoll:           {"poll", "pui", sysPoll},
	abi.SysSelect:         {"select", "ipppp", sysSelect},
	abi.SysSigaction:      {"sigaction", "ipp", sysSigaction},
	abi.SysSigprocmask:    {"sigprocmask", "ipp", sysSigprocmask},
	abi.SysSigpending:     {"sigpending", "p", sysSigpending},
	abi.SysSigsuspend:     {"sigsuspend", "p", sysSigsuspend},
	abi.SysSigwait:        {"sigwait", "pp", sysSigwait},
	abi.SysPause:          {"pause", "", sysPause},
	abi.SysAlarm:          {"alarm", "u", sysAlarm},
	abi.SysSetitimer:      {"setitimer", "ipp", sysSetitimer},
	abi.SysGetitimer:      {"getitimer", "ip", sysGetitimer},
	abi.SysTgkill:         {"tgkill", "ii", sysTgkill},
	abi.SysSigreturn:      {"rt_sigreturn", "", sysSigreturn},
	abi.SysShmget:         {"shmget", "xuo", sysShmget},
	abi.SysShmat:          {"shmat", "ipx", sysShmat},
	abi.SysShmdt:          {"shmdt", "p", sysShmdt},
	abi.SysShmctl:         {"shmctl", "iip", sysShmctl},
	abi.SysFtruncate:      {"ftruncate", "il", sysFtruncate},
	abi.SysMprotect:       {"mprotect", "pux", sysMprotect},
	abi.SysMsync:          {"msync", "pux", sysMsync},
	abi.SysShmOpen:        {"shm_open", "sxo", sysShmOpen},
	abi.SysShmUnlink:      {"shm_unlink", "s", sysShmUnlink},
	abi.SysMsgget:         {"msgget", "xo", sysMsgget},
	abi.SysMsgsnd:         {"msgsnd", "ipuo", sysMsgsnd},
	abi.SysMsgrcv:         {"msgrcv", "ipulo", sysMsgrcv},
	abi.SysMsgctl:         {"msgctl", "iip", sysMsgctl},
	abi.SysMqOpen:         {"mq_open", "sxop", sysMqOpen},
	abi.SysMqUnlink:       {"mq_unlink", "s", sysMqUnlink},
	abi.SysMqTimedsend:    {"mq_timedsend", "ibuup", sysMqTimedsend},
	abi.SysMqTimedreceive: {"mq_timedreceive", "ipupp", sysMqTimedreceive},
	abi.SysMqGetsetattr:   {"__osplay_mq_getsetattr", "ipp", sysMqGetsetattr},
	abi.SysIPCList:        {"__osplay_ipc_list", "iip", sysIPCList},
	abi.SysSocket:         {"socket", "iii", sysSocket},
	abi.SysSocketpair:     {"socketpair", "iiip", sysSocketpair},
	abi.SysBind:           {"bind", "iau", sysBind},
	abi.SysListen:         {"listen", "ii", sysListen},
	abi.SysAccept:         {"accept", "ipp", sysAccept},
	abi.SysAccept4:        {"accept4", "ippx", sysAccept4},
	abi.SysConnect:        {"connect", "iau", sysConnect},
	abi.SysSendto:         {"sendto", "ibuxau", sysSendto},
	abi.SysRecvfrom:       {"recvfrom", "ipuxpp", sysRecvfrom},
	abi.SysShutdown:       {"shutdown", "ii", sysShutdown},
	abi.SysGetsockname:    {"getsockname", "ipp", sysGetsockname},
	abi.SysGetpeername:    {"getpeername", "ipp", sysGetpeername},
	abi.SysSetsockopt:     {"setsockopt", "iiipu", sysSetsockopt},
	abi.SysGetsockopt:     {"getsockopt", "iiipp", sysGetsockopt},
	abi.SysGethostname:    {"gethostname", "pu", sysGethostname},
	abi.SysChdir:          {"chdir", "s", sysChdir},
	abi.SysSemget:         {"semget", "xio", sysSemget},
	abi.SysSemtimedop:     {"semtimedop", "ipup", sysSemtimedop},
	abi.SysSemctl:         {"semctl", "iiix", sysSemctl},
	abi.SysSigqueue:       {"sigqueue", "iix", sysSigqueue},
	abi.SysSigtimedwait:   {"sigtimedwait", "ppp", sysSigtimedwait},
	abi.SysSigaltstack:    {"sigaltstack", "pp", sysSigaltstack},
	abi.SysModel:          {"__osplay_model", "illll", sysModel}, // each op its own entry: modelCall
}

// callEntry finds sys in the system-call table, or else in the table of
// library calls (lib).
func callEntry(sys abi.Sys) (e *syscallEntry, lib bool) {
	switch {
	case sys < 0 || int(sys) >= len(syscalls):
		return nil, false
	case syscalls[sys].fn != nil:
		return &syscalls[sys], false
	case libcalls[sys].fn != nil:
		return &libcalls[sys], true
	}
	return nil, false
}

// syscall carries out system call sys (or library call: libcall.go) for
// thread t, which runs on c. A
// call that blocks is entered again from the start when the thread is
// dispatched after its wakeup; its enter event is made only once.
func (m *Machine) syscall(c *CPU, t *Thread, sys abi.Sys) {
	m.current = t.proc // the process whose memory the kernel may need to grow (reclaim)
	defer func() { m.current = nil }()
	m.reportShmWrites(t, t.proc) // the stores into shared memory before the call
	e, lib := callEntry(sys)
	if e == nil {
		t.ctx.Return(uint64(^uint64(0)))
		m.setErrno(t, ENOSYS)
		return
	}
	p := t.proc
	args := t.ctx.SyscallArgs()
	if sys == abi.SysModel {
		if e, lib, args = m.modelCall(t, args); e == nil {
			t.ctx.Return(uint64(^uint64(0)))
			m.setErrno(t, ENOSYS)
			return
		}
	}
	if len(args) < len(e.args) {
		// A variadic call may pass fewer (open without a mode): the
		// missing arguments read as 0.
		args = append(append([]uint64(nil), args...), make([]uint64, len(e.args)-len(args))...)
	}
	var r sysret
	interrupted := false
	if t.inSyscall && t.ctx != nil {
		// A blocked call starts over; a signal with a handler may have
		// ended its wait: the handler runs first and the call starts over
		// after it, or the call fails with EINTR.
		if sig := t.interrupting(); sig != 0 {
			if restarts(sys, p.action(sig).flags) {
				m.deliver(t)
				return
			}
			r, interrupted = m.eintr(t, sys), true
		}
	}
	if !t.inSyscall {
		t.inSyscall, t.sys = true, sys
		if !lib {
			m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindSyscall, Name: e.name,
				Args: append([]uint64(nil), args...), Text: m.callText(p, e, args)})
		}
	}
	if !interrupted {
		r = e.fn(m, t, args)
	}
	if r.block {
		return
	}
	t.inSyscall = false
	t.waiter.woke = notWoken
	t.pipeIO = pipeProgress{}
	t.pollUntil, t.pollTTY = 0, false
	if r.noRet || !t.live() {
		if sys == abi.SysSigreturn && t.live() {
			if t.restartSys != 0 {
				t.inSyscall, t.sys, t.restartSys = true, t.restartSys, 0 // the call the handler interrupted starts over
			}
			if t.deliverable() != 0 {
				m.deliver(t) // what the restored mask unblocks, as sigreturn returns to user mode
			}
		}
		return
	}
	if r.errno != 0 {
		m.setErrno(t, r.errno)
	}
	t.ctx.Return(uint64(r.val))
	if !lib {
		m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindSysret, Name: e.name, Result: r.val, Errno: r.errno})
		if cost := m.cfg.SyscallCost; cost > 0 && c.cur == t {
			// Time in the kernel is the thread's CPU time; the CPU catches
			// up on its next turns.
			c.t += cost
			c.Busy += cost
			t.task.Slice += cost
			t.task.Total += cost
			m.used += cost
			m.chargeCPUTimers(p, cost, false)
		}
	}
	// Signals are acted on when the call returns to user mode.
	if sig := p.killSig; sig != 0 {
		m.die(p, t, sig)
		return
	}
	if c.cur == t && p.stopped {
		m.stopRunning(t)
		return
	}
	if t.deliverable() != 0 {
		m.deliver(t)
		if !t.live() || c.cur != t {
			return
		}
	}
	if t.hasSaved && !t.inSyscall {
		// sigsuspend ended and no handler took its mask to restore.
		t.sigMask, t.hasSaved = t.savedMask, false
	}
	if why := t.yieldTo; !why.IsZero() && c.cur == t {
		t.yieldTo = msg.Text{}
		m.preempt(c, t, why, t.yieldHow)
	}
}

// setErrno records e as t's last error and stores it into t's errno, the
// word <errno.h>'s errno names in that thread.
func (m *Machine) setErrno(t *Thread, e int) {
	t.errno = e
	if addr := t.errnoAddr(); addr != 0 {
		t.proc.mem.WriteU32(addr, uint32(e))
	}
}

// errnoAddr is the address of t's errno, the one the C library's
// __errno_location finds: the main thread's is the library's variable
// __errno_main (0 in a program without the library), another thread's a
// word at the top of its stack region, kept out of the stack proper
// (errnoSlot), which the library finds from its stack pointer.
func (t *Thread) errnoAddr() uint64 {
	if t.stack != 0 {
		return t.stackTop - errnoSlot
	}
	return t.proc.prog.Globals["__errno_main"]
}

// callText renders a call as C for the trace: write(1, "one\n", 4).
func (m *Machine) callText(p *Process, e *syscallEntry, a []uint64) string {
	var b strings.Builder
	b.WriteString(e.name)
	b.WriteByte('(')
	mem := p.mem
	for i, k := range e.args {
		if i >= len(a) {
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		v := a[i]
		switch k {
		case 'i':
			b.WriteString(strconv.Itoa(int(int32(v))))
		case 'l':
			b.WriteString(strconv.FormatInt(int64(v), 10))
		case 'u':
			b.WriteString(strconv.FormatUint(v, 10))
		case 'o':
			fmt.Fprintf(&b, "0%o", uint32(v))
		case 'x':
			fmt.Fprintf(&b, "0x%x", uint32(v))
		case 's':
			b.WriteString(quoteMem(mem, v, 64))
		case 'a':
			n := uint64(0)
			if i+1 < len(a) {
				n = a[i+1]
			}
			b.WriteString(sockAddrText(mem, v, n))
		case 'b':
			n := uint64(0)
			if i+1 < len(a) {
				n = a[i+1]
			}
			b.WriteString(quoteBuf(mem, v, n, 32))
		default:
			b.WriteString(pointer(v))
		}
	}
	b.WriteByte(')')
	return b.String()
}

func pointer(v uint64) string {
	if v == 0 {
		return "NULL"
	}
	return fmt.Sprintf("0x%x", v)
}

// quoteMem quotes a C string in memory, at most max bytes of it.
func quoteMem(mem *vm.AddressSpace, addr uint64, max int) string {
	if addr == 0 {
		return "NULL"
	}
	var s []byte
	var c [1]byte
	for len(s) <= max {
		if mem.Read(addr+uint64(len(s)), c[:]) != nil {
			if len(s) == 0 {
				return pointer(addr)
			}
			break
		}
		if c[0] == 0 {
			return strconv.Quote(string(s))
		}
		s = append(s, c[0])
	}
	return strconv.Quote(string(s[:min(len(s), max)])) + "..."
}

// quoteBuf quotes the first bytes of a buffer of n bytes.
func quoteBuf(mem *vm.AddressSpace, addr, n uint64, max int) string {
	k := min(n, uint64(max))
	buf := make([]byte, k)
	if err := mem.Read(addr, buf); err != nil {
		return pointer(addr)
	}
	s := strconv.Quote(string(buf))
	if n > k {
		s += "..."
	}
	return s
}
