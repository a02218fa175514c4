package kernel

import "osplay/kernel/vm"

// sliceTicks bounds the ticks of the student's code that one call of the
// VM runs. A stretch of running can be millions of ticks (a quantum, or up
// to the next timer when one process has the machine to itself); it runs
// in slices, and between them the machine looks for an interrupt, so that
// one takes effect within about a millisecond. Without an interrupt the
// slices do not show: the program runs as in one call of the VM.
const sliceTicks = 1 << 16

// runProgram runs thread t's program for at most budget ticks, in slices;
// library code comes back every vm.LibSlice instructions (its calls are
// charged a fixed number of ticks however long they run). It returns
// early when an interrupt is pending, at the end of a slice (StopBudget:
// the stretch ends there, as if its budget had) or inside a library call
// (StopInstructions: finishLibCall completes it), and when the
// instruction limit is passed inside library code.
func (m *Machine) runProgram(t *Thread, budget int64) (ticks int64, stop vm.Stop) {
	for {
		before := t.ctx.Instructions()
		n, s := m.runVM(t, m.t+ticks, min(budget-ticks, sliceTicks))
		m.instrs += t.ctx.Instructions() - before
		ticks, stop = ticks+n, s
		switch {
		case s.Kind == vm.StopInstructions && m.instrs > m.cfg.MaxInstructions:
			return ticks, stop
		case s.Kind == vm.StopInstructions, s.Kind == vm.StopBudget && ticks < budget:
			if m.intr.pending() {
				return ticks, stop
			}
		default:
			return ticks, stop
		}
	}
}

// midCall reports whether the thread on c stopped inside a library call
// that has not finished (an interrupt cut it short).
func (c *CPU) midCall() bool { return c.ran && c.stop.Kind == vm.StopInstructions && c.cur != nil }

// midCall reports whether a library call on some CPU waits to be finished.
func midCall(m *Machine) bool {
	for _, c := range m.cpus {
		if c.midCall() {
			return true
		}
	}
	return false
}

// settlesAt is where a machine that one CPU runs is settled again when an
// interrupt cut a library call short at tick t, after a stretch of ran
// ticks: at t once the call is finished if the stretch began before t (the
// call belongs to tick t-1), at the end of tick t if it began at t (other
// things happened at t before it).
func settlesAt(t, ran int64) int64 {
	if ran > 0 {
		return t
	}
	return t + 1
}

// finishLibCalls completes the library calls that an interrupt cut short,
// first thing in the next turn of the machine's loop: they belong to the
// tick in which they were called. It returns false when another interrupt
// cuts one short again (and consumes it), or the machine stops.
func (m *Machine) finishLibCalls() bool {
	for _, c := range m.cpus {
		if !c.midCall() {
			continue
		}
		t := c.cur
		m.t = c.t
		// A budget of 0 ticks: the call runs to its end and stops where the
		// student's code resumes, as if the stretch had ended with the
		// tick of the call (or at a system call or fault inside it).
		ticks, stop := m.runProgram(t, 0)
		m.charge(c, t, ticks)
		c.stop = stop
		m.checkRunLimits(stop)
		if m.halted {
			return false
		}
		if c.midCall() {
			m.interrupted()
			return false
		}
	}
	m.t = m.now
	return true
}
