package kernel

import (
	"fmt"
	"slices"

	"osplay/kernel/sched"
)

// The medium-term scheduler keeps at most Config.Resident processes in
// memory (ready, running or waiting) and swaps the others out, as the
// lecture's seven-state diagram shows:
//
//   - a process that must become ready while memory is full takes the
//     place of a waiting process, which is swapped out (suspended
//     waiting), the one that has waited longest first; if no process
//     waits, it is itself swapped out (suspended ready);
//   - a suspended-waiting process whose event happens becomes suspended
//     ready;
//   - when a process in memory blocks or exits and processes wait
//     suspended ready, the first of them is swapped in, the blocked
//     process swapped out to make room.
//
// Swapping takes no time here; the states and the decisions are what the
// lecture shows.

// inMemory reports whether a process in state s occupies memory.
func inMemory(s State) bool { return s == StateReady || s == StateRunning || s == StateWaiting }

// countInMemory counts the processes in memory (init aside).
func (m *Machine) countInMemory() int {
	n := 0
	for _, p := range m.procs {
		if !p.IsInit() && inMemory(p.State) {
			n++
		}
	}
	return n
}

// makeRoom makes sure p, about to become ready, has a place in memory.
// It returns false when p was swapped out instead, and otherwise the cause
// of its becoming ready.
func (m *Machine) makeRoom(p *Process, cause string, how sched.Why) (string, bool) {
	lim := m.cfg.Resident
	if lim <= 0 || inMemory(p.State) {
		return cause, true
	}
	if p.State == StateSuspendedWaiting {
		// Its event happened while it was out of memory.
		m.setState(p, StateSuspendedReady, cause)
		cause = "swapped in by the medium-term scheduler"
	}
	if m.countInMemory() >= lim {
		if victim := m.longestWaiting(); victim != nil {
			m.swapOut(victim, fmt.Sprintf("to make room for pid %d", p.PID))
		}
	}
	if m.countInMemory() < lim {
		if p.State == StateSuspendedReady {
			m.emit(Event{PID: p.PID, Kind: KindSched, Cause: fmt.Sprintf("medium-term scheduler: pid %d swapped in", p.PID)})
		}
		return cause, true
	}
	if p.State != StateSuspendedReady {
		m.setState(p, StateSuspendedReady, fmt.Sprintf("%s; swapped out: memory holds %d processes", cause, lim))
	}
	if !slices.Contains(m.swapQueue, p) {
		m.swapQueue = append(m.swapQueue, p)
	}
	p.swapHow = how
	return cause, false
}

// longestWaiting is the process in memory that has waited longest, or nil.
func (m *Machine) longestWaiting() *Process {
	var best *Process
	for _, p := range m.procs {
		if !p.IsInit() && p.State == StateWaiting && (best == nil || p.blocked < best.blocked) {
			best = p
		}
	}
	return best
}

// swapOut moves the waiting p out of memory.
func (m *Machine) swapOut(p *Process, why string) {
	m.setState(p, StateSuspendedWaiting, "swapped out "+why)
	m.emit(Event{PID: p.PID, Kind: KindSched, Cause: fmt.Sprintf("medium-term scheduler: pid %d swapped out %s", p.PID, why)})
}

// swapOutBlocked lets a suspended-ready process have the place of p, which
// just blocked.
func (m *Machine) swapOutBlocked(p *Process) {
	if m.cfg.Resident <= 0 || len(m.swapQueue) == 0 || p.State != StateWaiting {
		return
	}
	m.swapOut(p, fmt.Sprintf("while it waits, to make room for pid %d", m.swapQueue[0].PID))
	m.swapInNext()
}

// swapInNext brings the first suspended-ready process back, if memory has
// room.
func (m *Machine) swapInNext() {
	if m.cfg.Resident <= 0 || len(m.swapQueue) == 0 || m.countInMemory() >= m.cfg.Resident {
		return
	}
	p := m.swapQueue[0]
	m.swapQueue = m.swapQueue[1:]
	m.makeReady(p, "swapped in by the medium-term scheduler", p.swapHow)
}

// SwapQueue lists the pids swapped out while ready, in the order they
// will be swapped in.
func (m *Machine) SwapQueue() []int {
	out := make([]int, len(m.swapQueue))
	for i, p := range m.swapQueue {
		out[i] = p.PID
	}
	return out
}
