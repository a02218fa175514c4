package kernel

import "osplay/kernel/vm"

// Watching instructions: races you can see. While Watch is on, the machine
// runs the student's code one instruction at a time and keeps the last
// ones it ran, each with its tick, CPU, thread, C line and, for a load or
// a store, the address and the value — so that the two threads' loads,
// adds and stores of a counter++ can be read interleaved, as the textbook
// draws them. A store that writes back a value its thread loaded before
// another thread's store to the same address is a lost update: it is
// marked, with the load it was computed from and the store it overwrites.
//
// Watching changes nothing of the run: the machine runs the same
// instructions at the same ticks and emits the same events; it is only
// slower (a call of the VM per instruction), so the views turn it on while
// a person steps or watches slowly.

// Instruction is one instruction of user code that ran.
type Instruction struct {
	Seq           int64 // its number among the instructions watched since Watch began
	Tick          int64
	CPU, PID, TID int
	vm.Executed
	Var  string // the name of the variable at Addr, when the program has one there
	Lost *LostUpdate
}

// LostUpdate says which earlier instructions a store undoes: its thread
// loaded the address (Load) before thread Other stored to it (Overwritten),
// and now writes over that store a value computed from the stale load.
type LostUpdate struct {
	Load, Overwritten int64 // Seq numbers
	Other             int   // the thread whose update is lost
}

type lastAccess struct {
	seq, tick int64
	tid       int
}

type accessKey struct {
	pid  int
	addr uint64
}

type loadKey struct {
	tid  int
	addr uint64
}

// watcher keeps the last instructions in a ring, and what it needs to
// find lost updates: each address's last store, each thread's last load
// of each address.
type watcher struct {
	ring   []Instruction
	next   int64 // Seq of the next instruction
	stores map[accessKey]lastAccess
	loads  map[loadKey]lastAccess
	// The last lost update: the instructions from the stale load to the
	// store that lost the update, every thread's; and how many there were.
	lost      []Instruction
	lostCount int64
}

// maxAccesses bounds the addresses remembered; past it they are forgotten
// (a lost update across the forgetting is not marked).
const maxAccesses = 1 << 14

// Watch turns watching on, keeping the last n instructions (n > 0), or off
// (n = 0). Turning it on again while on keeps what was watched.
func (m *Machine) Watch(n int) {
	switch {
	case n <= 0:
		m.watch = nil
	case m.watch == nil:
		m.watch = &watcher{ring: make([]Instruction, 0, n), stores: map[accessKey]lastAccess{}, loads: map[loadKey]lastAccess{}}
	}
}

// Watching reports whether the machine watches the instructions.
func (m *Machine) Watching() bool { return m.watch != nil }

// Watched returns the instructions watched, the oldest first: at most the
// last n of Watch(n).
func (m *Machine) Watched() []Instruction {
	w := m.watch
	if w == nil {
		return nil
	}
	out := make([]Instruction, 0, len(w.ring))
	if int64(len(w.ring)) < int64(cap(w.ring)) {
		return append(out, w.ring...)
	}
	i := int(w.next % int64(cap(w.ring)))
	out = append(out, w.ring[i:]...)
	return append(out, w.ring[:i]...)
}

// WatchedSince returns the instructions watched whose Seq is seq or
// later, the oldest first (those of them still kept): what a session
// has not sent yet, without copying the whole ring each time.
func (m *Machine) WatchedSince(seq int64) []Instruction {
	w := m.watch
	if w == nil || seq >= w.next {
		return nil
	}
	n := int64(cap(w.ring))
	seq = max(seq, w.next-int64(len(w.ring)))
	out := make([]Instruction, 0, w.next-seq)
	for s := seq; s < w.next; s++ {
		out = append(out, w.ring[s%n])
	}
	return out
}

// WatchedSpan is WatchedSince without a copy: the instructions watched
// whose Seq is seq or later, the oldest first, as one or two stretches of
// the machine's own ring (before, then after, its wrap). They are the
// machine's: read them before it runs again, and never change them.
func (m *Machine) WatchedSpan(seq int64) (first, then []Instruction) {
	w := m.watch
	if w == nil || seq >= w.next {
		return nil, nil
	}
	n := int64(cap(w.ring))
	seq = max(seq, w.next-int64(len(w.ring)))
	from, to := int(seq%n), int((w.next-1)%n)+1
	if from < to {
		return w.ring[from:to], nil
	}
	return w.ring[from:], w.ring[:to]
}

// LastLostUpdate returns the instructions of the last lost update seen
// while watching, from the load its store was computed from to that store,
// every thread's, in the order they ran (nil when none was seen), and how
// many lost updates were seen.
func (m *Machine) LastLostUpdate() ([]Instruction, int64) {
	if m.watch == nil {
		return nil, 0
	}
	return m.watch.lost, m.watch.lostCount
}

// runVM runs t's program for budget ticks from tick start as one call of
// the VM would, one instruction at a time while watching or while looking
// for races in a process with several threads.
func (m *Machine) runVM(t *Thread, start, budget int64) (ticks int64, stop vm.Stop) {
	races := m.races != nil && !m.races.full && len(t.proc.threads) > 1
	if m.watch == nil && !races {
		return t.ctx.Run(budget)
	}
	if races {
		defer func() { m.races.stopped(t, stop) }()
	}
	for {
		ex, user := t.ctx.Peek()
		if !user {
			// Library code, or a system call being served: as Run would.
			n, s := t.ctx.Run(0)
			ticks += n
			if s.Kind != vm.StopBudget {
				return ticks, s
			}
			if _, user = t.ctx.Peek(); !user {
				// Not user code, yet not library code either: run the
				// rest unwatched, as one call would.
				n, s := t.ctx.Run(budget - ticks)
				return ticks + n, s
			}
			continue
		}
		if races {
			m.races.returned(t, t.ctx.Top())
		}
		if ticks >= budget {
			return ticks, vm.Stop{Kind: vm.StopBudget}
		}
		if m.watch == nil && ex.Size == 0 && ex.Op != vm.CALL && ex.Op != vm.CALLI {
			// Looking for races only: the instructions up to the next
			// load, store or call touch nothing the detector follows,
			// and run in one go.
			n, s := t.ctx.Run(int64(t.ctx.Quiet(int(min(budget-ticks, maxQuiet)))))
			ticks += n
			if s.Kind != vm.StopBudget {
				return ticks, s
			}
			continue
		}
		n, s := t.ctx.Run(1)
		if n > 0 {
			if !ex.Store && s.Kind != vm.StopFault {
				ex.Value = t.ctx.Top()
			}
			if m.watch != nil {
				m.watched(t, start+ticks, ex)
			}
			if races && s.Kind != vm.StopFault && s.Kind != vm.StopOutOfMemory {
				m.races.instruction(m, t, start+ticks, ex)
			}
		}
		ticks += n
		if s.Kind != vm.StopBudget {
			return ticks, s
		}
	}
}

// watched records one instruction t ran at tick.
func (m *Machine) watched(t *Thread, tick int64, ex vm.Executed) {
	w := m.watch
	in := Instruction{Seq: w.next, Tick: tick, CPU: t.CPU, PID: t.proc.PID, TID: t.TID, Executed: ex}
	w.next++
	if ex.Size > 0 {
		if p := t.proc.prog; p != nil {
			in.Var = p.VarAt(ex.Addr)
		}
		if len(w.stores) > maxAccesses || len(w.loads) > maxAccesses {
			clear(w.stores)
			clear(w.loads)
		}
		key := accessKey{t.proc.PID, ex.Addr}
		if ex.Store {
			load, loaded := w.loads[loadKey{t.TID, ex.Addr}]
			prev, stored := w.stores[key]
			if loaded && stored && prev.tid != t.TID && prev.seq > load.seq {
				in.Lost = &LostUpdate{Load: load.seq, Overwritten: prev.seq, Other: prev.tid}
			}
			w.stores[key] = lastAccess{seq: in.Seq, tick: tick, tid: t.TID}
			delete(w.loads, loadKey{t.TID, ex.Addr})
		} else {
			w.loads[loadKey{t.TID, ex.Addr}] = lastAccess{seq: in.Seq, tick: tick, tid: t.TID}
		}
	}
	if len(w.ring) < cap(w.ring) {
		w.ring = append(w.ring, in)
	} else {
		w.ring[in.Seq%int64(cap(w.ring))] = in
	}
	if in.Lost != nil {
		w.lostCount++
		w.lost = w.lost[:0:0] // a new slice: the one returned before stays as it was
		for _, x := range m.Watched() {
			if x.Seq >= in.Lost.Load {
				w.lost = append(w.lost, x)
			}
		}
	}
}
