package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// Real-time signals, sigqueue, sigwaitinfo and sigtimedwait, the
// alternate signal stack, and the CPU-time interval timers.
//
// A standard signal sent while one is pending merges with it; a
// real-time signal (32 to 64) is queued: each one sent is delivered, in
// the order sent, with what came with it (sigqueue's value), lowest
// signal number first, as Linux does.

// sigQueueMax bounds the real-time signals queued to a process or a
// thread (Linux's RLIMIT_SIGPENDING is larger, and per user): sigqueue
// past it fails with EAGAIN.
const sigQueueMax = 1024

const firstRT = 32 // SIGRTMIN of the kernel (glibc keeps 32 and 33)

// enqueue makes sig pending in *pending with info; a real-time signal
// already pending waits in *rt behind it. It reports false when the
// queue is full.
func enqueue(pending *sigSet, infos **[abi.MaxSig + 1]sigInfo, rt *map[int][]sigInfo, sig int, info sigInfo) bool {
	if !pending.has(sig) {
		*pending |= sigBit(sig)
		if *infos == nil {
			*infos = new([abi.MaxSig + 1]sigInfo)
		}
		(*infos)[sig] = info
		return true
	}
	if sig < firstRT {
		return true // merged with the pending one
	}
	if *rt == nil {
		*rt = map[int][]sigInfo{}
	}
	if len((*rt)[sig]) >= sigQueueMax {
		return false
	}
	(*rt)[sig] = append((*rt)[sig], info)
	return true
}

// dequeue takes sig from *pending and returns what came with it; a
// real-time signal queued behind it becomes the pending one.
func dequeue(pending *sigSet, infos *[abi.MaxSig + 1]sigInfo, rt map[int][]sigInfo, sig int) sigInfo {
	info := infos[sig]
	if q := rt[sig]; len(q) > 0 {
		infos[sig] = q[0]
		if len(q) == 1 {
			delete(rt, sig)
		} else {
			rt[sig] = q[1:]
		}
		return info
	}
	*pending &^= sigBit(sig)
	return info
}

// queued counts the real-time signals waiting for p (and its threads).
func queued(p *Process, sig int) int {
	n := len(p.rtQueue[sig])
	for _, t := range p.threads {
		n += len(t.rtQueue[sig])
	}
	return n
}

// sysSigqueue is sigqueue(pid, sig, value), the union sigval's bits
// passed on by libc: like kill to one process, with si_code SI_QUEUE and
// the value.
func sysSigqueue(m *Machine, t *Thread, a []uint64) sysret {
	pid, sig, value := int(int32(a[0])), int(int32(a[1])), a[2]
	if sig < 0 || sig > abi.MaxSig {
		return fail(abi.EINVAL)
	}
	q := m.byPID[pid]
	if pid <= 0 || q == nil {
		return fail(abi.ESRCH)
	}
	if sig == 0 {
		return ok(0)
	}
	if sig >= firstRT && queued(q, sig) >= sigQueueMax {
		return fail(abi.EAGAIN)
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindSignal, Other: q.PID, Signal: sig})
	m.post(t, q, nil, sig, sigInfo{code: siQueue, pid: t.proc.PID, value: value})
	return ok(0)
}

const siQueue = -1 // SI_QUEUE

// sysSigtimedwait is sigtimedwait(set, info, timeout) (sigwaitinfo with
// a NULL timeout): it takes a pending signal of set, or waits for one;
// the signal's number is the result and info (unless NULL) what came
// with it. EAGAIN when the timeout passes, EINTR when a handler of
// another signal runs.
func sysSigtimedwait(m *Machine, t *Thread, a []uint64) sysret {
	set, good := readSigset(t, a[0])
	if !good {
		return fail(abi.EFAULT)
	}
	set &^= unblockable
	if s := (t.sigPending | t.proc.sigPending) & set; s != 0 {
		sig := s.lowest()
		info := t.takeSignal(sig)
		t.sigWait = 0
		if a[1] != 0 && !writeSiginfo(t, a[1], sig, info) {
			return fail(abi.EFAULT)
		}
		return ok(int64(sig))
	}
	deadline := int64(sched.Forever)
	if a[2] != 0 {
		mem := t.proc.mem
		sec, err1 := mem.ReadU64(a[2])
		nsec, err2 := mem.ReadU64(a[2] + 8)
		switch {
		case err1 != nil || err2 != nil:
			return fail(abi.EFAULT)
		case int64(sec) < 0 || nsec >= 1_000_000_000:
			return fail(abi.EINVAL)
		}
		if t.waiter.woke == notWoken {
			deadline = m.t + m.ticksOf(int64(sec), int64(nsec))
		} else {
			deadline = t.waiter.deadline
		}
		if t.waiter.woke == wokeTimeout || deadline <= m.t {
			t.sigWait = 0
			return fail(abi.EAGAIN)
		}
	}
	t.sigWait = set
	m.pausers.SleepUntil(t, deadline, causeSigtimedwait)
	return blocked()
}

// writeSiginfo writes siginfo_t for sig at addr, as a handler's frame
// has it.
func writeSiginfo(t *Thread, addr uint64, sig int, info sigInfo) bool {
	var b [siSize]byte
	fillSiginfo(b[:], sig, info)
	return t.proc.mem.Write(addr, b[:]) == nil
}

// fillSiginfo fills siginfo_t (glibc's layout) in b.
func fillSiginfo(si []byte, sig int, info sigInfo) {
	le := binary.LittleEndian
	le.PutUint32(si[0:], uint32(sig))
	le.PutUint32(si[8:], uint32(int32(info.code)))
	switch {
	case info.addr != 0:
		le.PutUint64(si[16:], info.addr) // si_addr, in the union where si_pid is
	case info.code == siQueue:
		le.PutUint32(si[16:], uint32(info.pid))
		le.PutUint64(si[24:], info.value) // si_value
	default:
		le.PutUint32(si[16:], uint32(info.pid))
		le.PutUint32(si[24:], uint32(info.status))
	}
}

// altStack is a thread's alternate signal stack (stack_t).
type altStack struct {
	sp, size uint64
	on       bool // set (not SS_DISABLE)
}

// sigaltstack's flags and bounds, as Linux.
const (
	ssOnStack   = 1
	ssDisable   = 2
	minSigStack = 2048 // MINSIGSTKSZ
	saOnStack   = 0x08000000
)

// onAltStack reports whether t runs on its alternate stack now.
func (t *Thread) onAltStack() bool {
	s := t.altStack
	sp := t.ctx.SP()
	return s.on && sp > s.sp && sp-s.sp <= s.size
}

// sysSigaltstack is sigaltstack(ss, old): stack_t { void *ss_sp; int
// ss_flags; size_t ss_size; }. EPERM to change it while on it, ENOMEM
// for a stack under MINSIGSTKSZ, EINVAL for other flags.
func sysSigaltstack(m *Machine, t *Thread, a []uint64) sysret {
	mem := t.proc.mem
	if a[1] != 0 {
		flags := uint32(0)
		switch {
		case !t.altStack.on:
			flags = ssDisable
		case t.onAltStack():
			flags = ssOnStack
		}
		var b [24]byte
		le := binary.LittleEndian
		le.PutUint64(b[0:], t.altStack.sp)
		le.PutUint32(b[8:], flags)
		le.PutUint64(b[16:], t.altStack.size)
		if mem.Write(a[1], b[:]) != nil {
			return fail(abi.EFAULT)
		}
	}
	if a[0] == 0 {
		return ok(0)
	}
	var b [24]byte
	if mem.Read(a[0], b[:]) != nil {
		return fail(abi.EFAULT)
	}
	le := binary.LittleEndian
	sp, flags, size := le.Uint64(b[0:]), le.Uint32(b[8:]), le.Uint64(b[16:])
	switch {
	case t.onAltStack():
		return fail(abi.EPERM)
	case flags&^uint32(ssDisable|1<<31) != 0:
		return fail(abi.EINVAL) // SS_AUTODISARM (bit 31) is accepted and means nothing here
	case flags&ssDisable != 0:
		t.altStack = altStack{}
	case size < minSigStack:
		return fail(abi.ENOMEM)
	default:
		t.altStack = altStack{sp: sp, size: size, on: true}
	}
	return ok(0)
}

// handlerStack is where a handler of act starts its frame: below the
// interrupted stack pointer and its red zone, or at the top of the
// alternate stack for SA_ONSTACK when the thread has one and is not on
// it already; and the lowest address its frames may reach on the
// alternate stack (0: the thread's stack, as before).
func (t *Thread) handlerStack(act sigAction) (top, low uint64) {
	if act.flags&saOnStack != 0 && t.altStack.on && !t.onAltStack() {
		return t.altStack.sp + t.altStack.size, t.altStack.sp
	}
	return t.ctx.SP() - redZone, 0
}

// libErrnoAddr is where t's errno is, for the C library's
// __errno_location when the stack pointer cannot say: on an alternate
// signal stack, which lies in the heap, the data or a mapping.
func libErrnoAddr(m *Machine, t *Thread, a []uint64) sysret {
	return ok(int64(t.errnoAddr()))
}

// cpuTimer is ITIMER_VIRTUAL's or ITIMER_PROF's state: ticks of CPU time
// left until it expires (0: disarmed), and its interval.
type cpuTimer struct {
	left, every int64
}

const (
	itimerVirtual = 1
	itimerProf    = 2
)

// cpuSignal is the signal each CPU-time timer sends.
var cpuSignal = [2]int{26 /* SIGVTALRM */, 27 /* SIGPROF */}

// cpuBudget bounds a stretch of running of p so that its CPU-time timers
// expire at their tick.
func (p *Process) cpuBudget(budget int64) int64 {
	for _, c := range p.cpuTimers {
		if c.left > 0 && c.left < budget {
			budget = c.left
		}
	}
	return budget
}

// chargeCPUTimers counts ticks of p's CPU time against its timers
// (user: both; in the kernel, system: ITIMER_PROF only) and sends the
// signal of each that expires.
func (m *Machine) chargeCPUTimers(p *Process, ticks int64, user bool) {
	for i := range p.cpuTimers {
		c := &p.cpuTimers[i]
		if c.left == 0 || !user && i == 0 {
			continue
		}
		c.left -= ticks
		if c.left > 0 {
			continue
		}
		if c.every > 0 {
			for c.left <= 0 {
				c.left += c.every
			}
		} else {
			c.left = 0
		}
		m.emit(Event{Kind: KindSignal, Other: p.PID, Signal: cpuSignal[i]})
		m.post(nil, p, nil, cpuSignal[i], sigInfo{code: abi.SI_KERNEL})
	}
}

// cpuTimerOf is p's ITIMER_VIRTUAL or ITIMER_PROF.
func cpuTimerOf(p *Process, which int) *cpuTimer {
	return &p.cpuTimers[which-itimerVirtual]
}

var causeSigtimedwait = waitCall("sigtimedwait", WaitObject{Kind: WaitSignal})
