package kernel

import "sync/atomic"

// interruptFlag lets another goroutine stop a run in progress: the server
// stops a run at its deadline, pauses a session, or ends a session's slice
// of the CPU. Where the run stops depends on the host's timing, but not
// what it computes: an interrupted call returns at a consistent point, as
// RunTo would have for an earlier tick, and the next call goes on from
// there, so the event stream is the same as an uninterrupted run's.
type interruptFlag struct {
	requested atomic.Bool
	last      bool // the last run call returned because of an interrupt
}

// Interrupt asks the run call in progress (or, if none is, the next one)
// to return at its next consistent point. It is safe to call from any
// goroutine, at any time.
func (m *Machine) Interrupt() { m.intr.requested.Store(true) }

// Interrupted reports whether the last RunTo, RunUntilTick, Step or Run
// returned because of Interrupt. The machine is not stopped: another call
// goes on where it left off.
func (m *Machine) Interrupted() bool { return m.intr.last }

// interrupted reports, and consumes, a pending interrupt.
func (m *Machine) interrupted() bool {
	if m.intr.requested.Load() && m.intr.requested.CompareAndSwap(true, false) {
		m.intr.last = true
		return true
	}
	return false
}

// MemoryInUse is the memory the machine's processes have touched, in
// bytes: what the server accounts for the session.
func (m *Machine) MemoryInUse() uint64 {
	var n uint64
	for _, p := range m.procs {
		if p.mem != nil {
			n += p.mem.ResidentBytes()
		}
	}
	return n
}
