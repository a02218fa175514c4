package kernel

import (
	"fmt"

	"osplay/kernel/msg"
)

// The locks of <pthread.h> and <semaphore.h> as IPC objects: mutexes,
// unnamed semaphores, condition variables, read-write locks, barriers.
// The kernel sees them only as futex words (futex.go), and only when a
// thread has to wait on one or wake its waiters: taking a free mutex and
// releasing one nobody waits for are a compare-and-swap in the program,
// which says nothing of what the word is. So a lock is known from its
// first futex call (a thread waiting on it, naming its kind) until its
// process exits or execs, and shown as it stands in memory at each look:
// a mutex's owner, a semaphore's value, a barrier's arrivals, and the
// threads waiting. A lock nobody ever had to wait for is not tracked, and
// the view says so. Each is named by the program's variable at its
// address, as the globals and the race detector name them.
//
// A wake that wakes threads is a transfer (an unlock of a mutex that hands
// it to a waiter, numbered in its word as a write); each thread it woke
// reports, as it runs again, the wake that woke it (a lock naming the
// unlock), so the sequence chart draws unlock → lock.

// The operations of futex transfers.
const (
	OpUnlock = "unlock" // a mutex released to the threads it woke, numbered
	OpLock   = "lock"   // a woken thread back to take the mutex: Matched names the unlock
	OpWake   = "wake"   // another lock's waiters woken (a post, a signal, a broadcast), numbered
	OpWoken  = "woken"  // a thread woken by a wake, which Matched names
)

// futexWordsMax bounds the words a machine tracks: a program may make
// thousands of locks, and the views are sent them at every batch. Past
// it, a word is not tracked (its waiters are still listed as waits).
const futexWordsMax = 1024

// futexWord is a lock the kernel knows: its kind (from the waits on it)
// and the wakes it numbered.
type futexWord struct {
	kind WaitKind
	seq  int64
}

// futexSpace is the machine's known locks, by process and address, each
// process's in the order they were first seen; and the wake each woken
// thread has yet to report, by tid.
type futexSpace struct {
	words map[int]map[uint64]*futexWord
	order map[int][]uint64
	n     int
	woken map[int]futexWoken
}

// futexWoken is the wake that woke a thread.
type futexWoken struct {
	obj   IPCRef
	op    string
	match IPCMatch
}

// futexSeen notes that the word at addr of p is a lock of kind k.
func (m *Machine) futexSeen(p *Process, addr uint64, k WaitKind) *futexWord {
	ns := &m.futexWords
	if w := ns.words[p.PID][addr]; w != nil {
		w.kind = k
		return w
	}
	if ns.n >= futexWordsMax {
		return nil
	}
	if ns.words == nil {
		ns.words, ns.order = map[int]map[uint64]*futexWord{}, map[int][]uint64{}
	}
	if ns.words[p.PID] == nil {
		ns.words[p.PID] = map[uint64]*futexWord{}
	}
	w := &futexWord{kind: k}
	ns.words[p.PID][addr] = w
	ns.order[p.PID] = append(ns.order[p.PID], addr)
	ns.n++
	return w
}

// futexForget forgets p's locks: its memory goes (exit, exec); and the
// wakes its threads had yet to report.
func (m *Machine) futexForget(p *Process) {
	ns := &m.futexWords
	ns.n -= len(ns.words[p.PID])
	delete(ns.words, p.PID)
	delete(ns.order, p.PID)
	for _, t := range p.threads { // woken, never to run again
		delete(ns.woken, t.TID)
	}
}

// futexRef names the word at addr of p, a lock of kind k.
func (m *Machine) futexRef(p *Process, addr uint64, k WaitKind) IPCRef {
	return IPCRef{Kind: IPCKind(k.String()), ID: int64(addr), Name: m.VarName(p.PID, addr)}
}

// futexWoke reports that t's wake of the word at addr (waited on as kind
// k) woke the threads woken, and notes for each the wake to report as it
// runs again.
func (m *Machine) futexWoke(t *Thread, addr uint64, k WaitKind, woken []*Thread) {
	w := m.futexSeen(t.proc, addr, k)
	if w == nil || !m.observed() {
		return
	}
	w.seq++
	give, take := OpWake, OpWoken
	if k == WaitMutex {
		give, take = OpUnlock, OpLock
	}
	ref := m.futexRef(t.proc, addr, k)
	m.emitIPC(t, KindTransfer, IPCOp{Obj: ref, Op: give, Seq: w.seq, Bytes: int64(len(woken))})
	ns := &m.futexWords
	if ns.woken == nil {
		ns.woken = map[int]futexWoken{}
	}
	for _, o := range woken {
		ns.woken[o.TID] = futexWoken{obj: ref, op: take, match: IPCMatch{Seq: w.seq, PID: t.proc.PID, TID: t.TID, Bytes: 1}}
	}
}

// futexResumed reports, for t back from a futex wait that a wake ended,
// the wake that woke it.
func (m *Machine) futexResumed(t *Thread) {
	ns := &m.futexWords
	wk, ok := ns.woken[t.TID]
	if !ok {
		return
	}
	delete(ns.woken, t.TID)
	// Named as the waker named it: a lock in shared memory may be at
	// another address in t's process, and the chart matches by name.
	m.emitIPC(t, KindTransfer, IPCOp{Obj: wk.obj, Op: wk.op, Bytes: 1, Matched: []IPCMatch{wk.match}})
}

// futexObjects lists the known locks, by process, in the order first
// seen; IPCObjects lists them after every other kind.
func (m *Machine) futexObjects() []IPCObject {
	ns := &m.futexWords
	var out []IPCObject
	for _, p := range m.procs {
		if p.mem == nil || len(ns.order[p.PID]) == 0 {
			continue
		}
		for _, addr := range ns.order[p.PID] {
			w := ns.words[p.PID][addr]
			o := object(m.futexRef(p, addr, w.kind))
			o.Fields = m.futexFields(p, addr, w.kind)
			o.Users = []IPCUser{{PID: p.PID, Role: "memory", Addr: addr}}
			if q := p.futexes[addr]; q != nil {
				o.Queues = queue("waiters", q)
			}
			out = append(out, o)
		}
	}
	return out
}

// futexFields reads the lock at addr of p as it stands: a mutex's owner,
// a read-write lock's writer or readers, a semaphore's value, a
// barrier's arrivals.
func (m *Machine) futexFields(p *Process, addr uint64, k WaitKind) []IPCField {
	word, err := p.mem.ReadU32(addr)
	if err != nil {
		return nil
	}
	switch k {
	case WaitMutex:
		return []IPCField{{Key: "owner", Value: int64(m.holder(p, word&futexTIDMask))}}
	case WaitRWLock:
		if word&rwWriter != 0 {
			return []IPCField{{Key: "owner", Value: int64(m.holder(p, word&futexTIDMask&^rwWriter))}}
		}
		return []IPCField{{Key: "readlocks", Value: int64(word & futexTIDMask)}}
	case WaitSemaphore:
		return []IPCField{{Key: "value", Value: int64(int32(word &^ futexWaiters))}}
	case WaitBarrier: // the word is the generation, after the count and the arrived
		c, err1 := p.mem.ReadU32(addr - 8)
		n, err2 := p.mem.ReadU32(addr - 4)
		if err1 == nil && err2 == nil {
			return []IPCField{{Key: "arrived", Value: int64(int32(n))}, {Key: "count", Value: int64(int32(c))}}
		}
	}
	return nil
}

// futexKindOf is the kind of lock an IPC kind names, if it names one.
func futexKindOf(k IPCKind) (WaitKind, bool) {
	for _, w := range []WaitKind{WaitMutex, WaitSemaphore, WaitCondvar, WaitRWLock, WaitBarrier, WaitOnce, WaitFutex} {
		if string(k) == w.String() {
			return w, true
		}
	}
	return 0, false
}

// futexText is a lock's name in the catalogue's words: its kind and its
// variable, or its address.
func futexText(r IPCRef) msg.Text {
	name := r.Name
	if name == "" {
		name = fmt.Sprintf("%#x", r.ID)
	}
	code := msg.IPCObjFutex
	if k, ok := futexKindOf(r.Kind); ok {
		code = futexObjCodes[k]
	}
	return msg.New(code, msg.Name("name", name))
}

// futexObjCodes are the catalogue's words for each kind of lock.
var futexObjCodes = map[WaitKind]msg.Code{
	WaitMutex: msg.IPCObjMutex, WaitSemaphore: msg.IPCObjSemVar, WaitCondvar: msg.IPCObjCondvar,
	WaitRWLock: msg.IPCObjRWLock, WaitBarrier: msg.IPCObjBarrier, WaitOnce: msg.IPCObjOnce, WaitFutex: msg.IPCObjFutex,
}
