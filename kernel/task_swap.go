package kernel

import (
	"slices"

	"osplay/kernel/msg"
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
// lecture shows. Memory is a process's, so the scheduler swaps processes;
// it swaps out only single-threaded ones (whose state is their thread's):
// a process with several threads stays in memory.

// inMemory reports whether a process or thread in state s occupies memory.
func inMemory(s State) bool { return s == StateReady || s == StateRunning || s == StateWaiting }

// countInMemory counts the processes in memory (init aside).
func (m *Machine) countInMemory() int {
	n := 0
	for _, p := range m.procs {
		if !p.IsInit() && inMemory(p.State()) {
			n++
		}
	}
	return n
}

// makeRoom makes sure t, about to become ready, has a place in memory:
// its process is in memory, or can be swapped in. It returns false when t
// (its process) was swapped out instead, and otherwise the cause of its
// becoming ready.
func (m *Machine) makeRoom(t *Thread, cause msg.Text, how sched.Why) (msg.Text, bool) {
	lim := m.cfg.Resident
	p := t.proc
	if lim <= 0 || inMemory(p.State()) {
		return cause, true
	}
	if t.State == StateSuspendedWaiting {
		// Its event happened while it was out of memory.
		m.setState(t, StateSuspendedReady, cause)
		cause = msg.New(msg.SwappedIn)
	}
	if m.countInMemory() >= lim {
		if victim := m.longestWaiting(); victim != nil {
			m.swapOut(victim, p.PID, false)
		}
	}
	if m.countInMemory() < lim {
		if t.State == StateSuspendedReady {
			m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindSched, Cause: msg.New(msg.MTSSwappedIn, msg.Int("pid", p.PID))})
		}
		return cause, true
	}
	if t.State != StateSuspendedReady {
		m.setState(t, StateSuspendedReady, msg.New(msg.SwappedOutFull, msg.Sub("cause", cause), msg.Int("n", lim)))
	}
	if !slices.Contains(m.swapQueue, t) {
		m.swapQueue = append(m.swapQueue, t)
	}
	t.swapHow = how
	return cause, false
}

// longestWaiting is the thread of a single-threaded process in memory that
// has waited longest, or nil.
func (m *Machine) longestWaiting() *Thread {
	var best *Thread
	for _, p := range m.procs {
		if p.IsInit() || !p.singleThreaded() {
			continue
		}
		if t := p.rep(); t.State == StateWaiting && (best == nil || t.waiter.since < best.waiter.since) {
			best = t
		}
	}
	return best
}

// swapOut moves the waiting t, its process's only thread, out of memory.
func (m *Machine) swapOut(t *Thread, forPID int, whileWaiting bool) {
	state, sched := msg.SwappedOutRoom, msg.MTSSwappedOut
	if whileWaiting {
		state, sched = msg.SwappedOutWait, msg.MTSSwappedOutW
	}
	m.setState(t, StateSuspendedWaiting, msg.New(state, msg.Int("pid", forPID)))
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindSched, Cause: msg.New(sched, msg.Int("pid", t.proc.PID), msg.Int("for", forPID))})
}

// swapOutBlocked lets a suspended-ready process have the place of t's,
// when t, its only thread, has just blocked.
func (m *Machine) swapOutBlocked(t *Thread) {
	if m.cfg.Resident <= 0 || len(m.swapQueue) == 0 || t.State != StateWaiting || !t.proc.singleThreaded() {
		return
	}
	m.swapOut(t, m.swapQueue[0].proc.PID, true)
	m.swapInNext()
}

// swapInNext brings the first suspended-ready process back, if memory has
// room.
func (m *Machine) swapInNext() {
	if m.cfg.Resident <= 0 || len(m.swapQueue) == 0 || m.countInMemory() >= m.cfg.Resident {
		return
	}
	t := m.swapQueue[0]
	m.swapQueue = m.swapQueue[1:]
	m.makeReady(t, msg.New(msg.SwappedIn), t.swapHow)
}

// SwapQueue lists the pids swapped out while ready, in the order they
// will be swapped in.
func (m *Machine) SwapQueue() []int {
	out := make([]int, len(m.swapQueue))
	for i, t := range m.swapQueue {
		out[i] = t.proc.PID
	}
	return out
}
