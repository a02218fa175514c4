package kernel

import (
	"math/bits"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// A signal's state in the kernel, as Linux keeps it: each process has an
// action for every signal (default, ignore, or a handler with the mask it
// blocks while it runs and its flags); each thread a mask of the signals
// it blocks and a set of the signals sent to it alone; the process a set
// of the signals sent to it as a whole, which any thread that does not
// block them may take. A standard signal pending already is not queued
// twice: a second one merges with the first.

// sigSet is a set of signals: signal n is bit n-1, as in Linux's sigset_t.
type sigSet uint64

func sigBit(sig int) sigSet { return 1 << uint(sig-1) }

// has reports whether sig is in s.
func (s sigSet) has(sig int) bool { return sig >= 1 && sig <= abi.MaxSig && s&sigBit(sig) != 0 }

// lowest is the lowest-numbered signal in s (0 when empty): Linux
// delivers the standard signals in that order.
func (s sigSet) lowest() int {
	if s == 0 {
		return 0
	}
	return bits.TrailingZeros64(uint64(s)) + 1
}

// Signals returns the signals of s, in order.
func (s sigSet) Signals() []int {
	var out []int
	for ; s != 0; s &= s - 1 {
		out = append(out, s.lowest())
	}
	return out
}

// unblockable are the signals no mask blocks and no handler catches.
const unblockable = sigSet(1<<(abi.SIGKILL-1) | 1<<(abi.SIGSTOP-1))

// Handlers' two special values.
const (
	sigDFL = 0
	sigIGN = 1
)

// sigAction is what a process does with a signal (struct sigaction).
type sigAction struct {
	handler uint64 // sigDFL, sigIGN or a function's address
	flags   uint32 // SA_RESTART, SA_SIGINFO…
	mask    sigSet // blocked while the handler runs
}

// sigInfo is what siginfo_t says of one signal sent.
type sigInfo struct {
	code   int    // si_code: SI_USER, SI_TKILL, SI_KERNEL, CLD_EXITED…
	pid    int    // the sender (or the child, for SIGCHLD)
	status int    // SIGCHLD: the exit code or the signal
	addr   uint64 // a fault's address (si_addr)
	value  uint64 // sigqueue's si_value
}

// sigFrame is one handler a thread runs: what its return restores.
type sigFrame struct {
	sig     int
	regs    vm.Saved // the interrupted registers
	addr    uint64   // where the signal frame (ucontext_t, siginfo_t) is on the stack
	restart bool     // a system call to start over after the handler
	sys     abi.Sys  // that call
}

// maxSigFrames bounds the handlers a thread may have entered and not
// returned from (nested signals): a handler that never returns while
// signals keep coming faults as a stack overflow would.
const maxSigFrames = 256

// defaultAction is what a signal's default disposition does.
type defaultAction int

const (
	actTerminate defaultAction = iota
	actCore
	actIgnore
	actStop
)

func defaultActionOf(sig int) defaultAction {
	switch sig {
	case abi.SIGCHLD, abi.SIGCONT, 23 /* SIGURG */, 28 /* SIGWINCH */ :
		return actIgnore
	case abi.SIGSTOP, abi.SIGTSTP, abi.SIGTTIN, abi.SIGTTOU:
		return actStop
	}
	if abi.CoreDumps(sig) {
		return actCore
	}
	return actTerminate
}

// fatal reports whether sig's default action ends the process.
func fatal(sig int) bool {
	a := defaultActionOf(sig)
	return a == actTerminate || a == actCore
}

// deliverable is the signals pending for t that it does not block.
func (t *Thread) deliverable() sigSet {
	return (t.sigPending | t.proc.sigPending) &^ t.sigMask
}

// takeSignal removes sig from t's pending signals (its own first, then
// its process's) and returns what was sent with it.
func (t *Thread) takeSignal(sig int) sigInfo {
	if t.sigPending.has(sig) {
		return dequeue(&t.sigPending, t.sigInfo, t.rtQueue, sig)
	}
	p := t.proc
	return dequeue(&p.sigPending, p.sigInfo, p.rtQueue, sig)
}

// SignalState is what the PCB shows of a process's signals: those pending
// for it or for one of its threads, those its main thread blocks, those
// with a handler, those ignored.
type SignalState struct {
	Pending, Blocked, Handled, Ignored []int
}

// Signals reports p's signal state.
func (p *Process) Signals() SignalState {
	var s SignalState
	pend := p.sigPending
	for _, t := range p.threads {
		pend |= t.sigPending
	}
	s.Pending = pend.Signals()
	s.Blocked = p.main().sigMask.Signals()
	for sig := 1; sig <= abi.MaxSig; sig++ {
		switch h := p.action(sig).handler; {
		case h == sigIGN:
			s.Ignored = append(s.Ignored, sig)
		case h != sigDFL:
			s.Handled = append(s.Handled, sig)
		}
	}
	return s
}
