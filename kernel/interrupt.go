package kernel

import "sync/atomic"

// interruptFlag lets another goroutine stop a run in progress: the server
// stops a run at its deadline, pauses a session, or ends a session's slice
// of the CPU. Where the run stops depends on the host's timing, but not
// what it computes: an interrupted call returns at a consistent point, and
// the next call goes on from there, so the event stream is the same as an
// uninterrupted run's.
//
// The machine looks for an interrupt wherever work can pile up: at every
// turn of its loop (every tick with several CPUs), after every stretch of
// running with one CPU (so between any two system calls: a fork loop is
// stopped too), and inside long stretches, every sliceTicks ticks of the
// student's code and every vm.LibSlice instructions of library code. So
// an interrupt takes effect within about a millisecond of host time.
//
// The point where it stops is where RunTo would have stopped for an
// earlier tick, with one exception: a library call cut short in the middle
// (a memset over megabytes). It belongs to the tick in which it was
// called, so the machine stops within that tick, and the next call
// finishes the library call before anything else happens. Nothing of it
// shows in the events; with several CPUs, the other CPUs' share of that
// tick comes with the next call. Until then the machine is not settled:
// Now is the end of that tick, and what the user does meanwhile (Input,
// CloseInput, Signal) is kept and done when the machine gets there, which
// is where a replay that runs to Now and does it then does it too.
type interruptFlag struct {
	requested atomic.Bool
	last      bool // the last run call returned because of an interrupt

	// For tests: every is how often an interrupt arrives, counted in the
	// times the machine looks for one (0: never). It interrupts at every
	// kind of place, as a host's timer would, but reproducibly.
	every, polls int
}

// Interrupt asks the run call in progress (or, if none is, the next one)
// to return at its next consistent point. It is safe to call from any
// goroutine, at any time.
func (m *Machine) Interrupt() {
	if m.intr != nil { // nil: a zero Machine, never started
		m.intr.requested.Store(true)
	}
}

// Interrupted reports whether the last RunTo, RunUntilTick, Step or Run
// returned because of Interrupt. The machine is not stopped: another call
// goes on where it left off.
func (m *Machine) Interrupted() bool { return m.intr != nil && m.intr.last }

// clearLast forgets the last call's interrupt, as a run call begins.
func (f *interruptFlag) clearLast() {
	if f != nil {
		f.last = false
	}
}

// interrupted reports, and consumes, a pending interrupt.
func (m *Machine) interrupted() bool {
	if m.intr.pending() && m.intr.requested.CompareAndSwap(true, false) {
		m.intr.last = true
		return true
	}
	return false
}

// pending reports an interrupt without consuming it: the loops inside a
// turn of the machine's loop return, and the turn's end consumes it.
func (f *interruptFlag) pending() bool {
	if f.every > 0 {
		if f.polls++; f.polls%f.every == 0 {
			f.requested.Store(true)
		}
	}
	return f.requested.Load()
}

// MemoryInUse is the memory the machine's processes have touched, in
// bytes: the page frames in use, each counted once however many processes
// share it copy-on-write (and the frames kept for FinalGlobal). It is
// what the server accounts for the session, and is bounded by
// Config.MaxTotalMemory. It costs nothing: the count is kept as pages are
// touched and freed. It is safe to call from any goroutine, as Interrupt.
func (m *Machine) MemoryInUse() uint64 { return m.phys.InUse() }

// unsettled reports whether the machine stands inside a tick: a library
// call cut short waits to be finished, or the tick's other work to be done.
func (m *Machine) unsettled() bool { return m.settleAt > m.now || midCall(m) }

// later keeps f, something the user did while the machine was not
// settled, to do when it is.
func (m *Machine) later(f func()) { m.deferred = append(m.deferred, f) }

// settle does what the user did while the machine was not settled, once
// it is, in the order it was done.
func (m *Machine) settle() {
	if len(m.deferred) == 0 || m.unsettled() {
		return
	}
	todo := m.deferred
	m.deferred = nil
	for _, f := range todo {
		f()
	}
}
