package kernel

import (
	"strings"

	"osplay/kernel/msg"
)

// Deadlock detection, on the wait-for graph of the literature: an edge
// goes from a blocked thread to the thread that holds what it waits for.
// Only objects with one known holder make edges — a mutex (its owner), a
// read-write lock held for writing (its writer), a join (the thread
// joined); a semaphore, a condition variable, a barrier, a read lock have
// no single holder, and a wait for one ends no chain; nor does a wait with
// a deadline (pthread_mutex_timedlock), which ends by itself.
//
// The graph is looked at as each thread begins to wait, cheaply: from the
// thread that blocks, follow holder after holder; a cycle is there if and
// only if the chain comes back to it, since it was not deadlocked a moment
// before. The cycle is reported as a KindDeadlock event while the other
// threads run on. When no thread can ever run again, the run ends with a
// DeadlockError listing every thread's wait.

// WaitEdge is one thread's wait, as a deadlock report lists it: thread TID
// of process PID waits for the object (Kind at Addr) held by Holder (0 when
// it has no single holder), at Line of File in its program.
type WaitEdge struct {
	PID, TID int
	Kind     WaitKind
	Addr     uint64 // the object's address (a mutex's word), or a tid or pid
	Holder   int
	File     string
	Line     int
	Object   msg.Text // the object for people: "mutex 0x601040 held by thread 7"
}

// String reads "thread 3 (pid 2) waits for mutex 0x601040 held by thread 4 at main.c:12".
func (w WaitEdge) String() string { return w.Text().String() }

// Text is the wait in the catalogue's words, as String reads it.
func (w WaitEdge) Text() msg.Text {
	who := msg.New(msg.WhoThread, msg.Int("pid", w.PID), msg.Int("tid", w.TID))
	if w.TID == w.PID {
		who = msg.New(msg.WhoPID, msg.Int("pid", w.PID))
	}
	if w.Line > 0 {
		return msg.New(msg.EdgeWaitsAt, msg.Sub("who", who), msg.Sub("obj", w.Object),
			msg.Name("file", w.File), msg.Int("line", w.Line))
	}
	return msg.New(msg.EdgeWaits, msg.Sub("who", who), msg.Sub("obj", w.Object))
}

// edge is t's wait as a WaitEdge.
func (m *Machine) edge(t *Thread) WaitEdge { return m.waiting(t).Edge() }

// Waiting is a blocked thread's wait before it is put in words: thread
// TID of process PID waits for For (its Holder as it stands now), at Line
// of File. Its edge is a function of it alone (Edge): a view that shows
// the waits at every batch compares these, and words only those that
// changed.
type Waiting struct {
	PID, TID int
	For      WaitObject
	File     string
	Line     int
}

// Edge is w as a WaitEdge.
func (w Waiting) Edge() WaitEdge {
	return WaitEdge{PID: w.PID, TID: w.TID, Kind: w.For.Kind, Addr: w.For.ID, Holder: w.For.Holder, File: w.File, Line: w.Line,
		Object: w.For.Text()}
}

// waiting is t's wait.
func (m *Machine) waiting(t *Thread) Waiting {
	o := t.waitingOn()
	o.Holder = m.holderNow(t.proc, o)
	w := Waiting{PID: t.proc.PID, TID: t.TID, For: o}
	if t.ctx != nil {
		r := t.ctx.Registers()
		w.File, w.Line = r.File, r.Line
	}
	return w
}

// AppendWaiting appends every blocked thread's wait to out, in the order
// of WaitsNow, not yet in words.
func (m *Machine) AppendWaiting(out []Waiting) []Waiting {
	for _, p := range m.procs {
		for _, t := range p.threads {
			if t.State.blocked() && t.waiter.queue != nil {
				out = append(out, m.waiting(t))
			}
		}
	}
	return out
}

// holderNow is the thread that holds o now and makes an edge of the
// wait-for graph, or 0. A lock's holder is read from its word again: the
// one a waiter saw as it began to wait may have let go since, and the
// lock passed to another waiter.
func (m *Machine) holderNow(p *Process, o WaitObject) int {
	switch o.Kind {
	case WaitJoin:
		return o.Holder
	case WaitMonitor:
		return m.models.monitorHolder(o.ID)
	case WaitMutex, WaitRWLock:
		w, err := p.mem.ReadU32(o.ID)
		if err != nil || o.Kind == WaitRWLock && w&rwWriter == 0 {
			return 0
		}
		return m.holder(p, w&futexTIDMask&^rwWriter)
	}
	return 0
}

// detectDeadlock is called as t begins to wait: if the holders of what
// each waits for lead back to t, the threads on the way wait in a cycle,
// reported as a KindDeadlock event.
func (m *Machine) detectDeadlock(t *Thread) {
	var cycle []WaitEdge
	seen := map[*Thread]bool{}
	for cur := t; ; {
		if !cur.State.blocked() || cur.timed() || seen[cur] {
			return // it can go on (now, or at its deadline), or a cycle that t only joins, found before
		}
		seen[cur] = true
		e := m.edge(cur)
		next := m.thread(e.Holder)
		if next == nil {
			return
		}
		cycle = append(cycle, e)
		if next == t {
			break
		}
		cur = next
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindDeadlock, Waits: cycle,
		Msg: msg.New(msg.DeadlockLoop, msg.Int("n", len(cycle)))})
}

// DeadlockError ends a run in which every thread waits and nothing can
// wake any of them: Waits lists each blocked thread's wait, by tid.
type DeadlockError struct {
	Waits []WaitEdge
}

func (e *DeadlockError) Error() string { return e.Text().String() }

// Text is why the machine stopped.
func (e *DeadlockError) Text() msg.Text { return msg.New(msg.HaltDeadlock) }

// Describe lists who waits for what, a line each.
func (e *DeadlockError) Describe() string { return e.DescribeIn(msg.English) }

// DescribeIn is Describe in lang.
func (e *DeadlockError) DescribeIn(lang string) string {
	var b strings.Builder
	for _, w := range e.Waits {
		b.WriteString("  ")
		b.WriteString(w.Text().In(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// blockedWaits is every blocked thread's wait, in tid order.
func (m *Machine) blockedWaits() []WaitEdge {
	var out []WaitEdge
	for _, p := range m.procs {
		for _, t := range p.threads {
			if t.State.blocked() && t.waiter.queue != nil {
				out = append(out, m.edge(t))
			}
		}
	}
	return out
}

// Spinners lists, in tid order, every blocked thread that waits for a
// lock whose holder can still run: at a hang with no cycle of waits (the
// instruction limit reached), the mark of a thread that busy-waits while
// it holds what the others wait for.
func (m *Machine) Spinners() []WaitEdge {
	var out []WaitEdge
	for _, e := range m.blockedWaits() {
		if e.Kind == WaitJoin {
			continue
		}
		if h := m.thread(e.Holder); h != nil && h.live() && !h.State.blocked() {
			out = append(out, e)
		}
	}
	return out
}
