package kernel

import (
	"fmt"

	"osplay/kernel/abi"
)

// Futexes: the kernel's half of the locks of <pthread.h>, as Linux's
// futex(2). A lock lives in a word of the process's memory and is taken
// and released there, with an atomic compare-and-swap and no system call
// while nobody has to wait; a thread that must wait sleeps on the wait
// queue of the word's address (futexWait), and the one that releases the
// lock wakes it (futexWake). The kernel knows nothing of the lock's rules:
// futexWait sleeps only if the word still holds the value the caller saw,
// so a release between the look and the sleep is never missed.
//
// The kind of lock says what the word holds. A mutex's word holds its
// owner's tid (and futexWaiters while someone waits), as Linux's
// priority-inheritance futexes do, so the queue knows who holds it.

// The kinds of futex words, as <osplay.h> numbers them.
const (
	futexPlain = 0 // a word of no known meaning
	futexMutex = 1 // a mutex: the owner's tid, futexWaiters set while threads wait
)

// The bits of a mutex word.
const (
	futexWaiters = 0x80000000
	futexTIDMask = 0x3fffffff
)

// futexQueue is the wait queue of the word at addr in p, made on first
// use.
func (m *Machine) futexQueue(p *Process, addr uint64) *WaitQueue {
	if q := p.futexes[addr]; q != nil {
		return q
	}
	if p.futexes == nil {
		p.futexes = map[uint64]*WaitQueue{}
	}
	q := &WaitQueue{}
	q.init(m, WaitObject{Kind: WaitFutex, ID: addr})
	p.futexes[addr] = q
	return q
}

// futexWait puts t to sleep on the word at addr while it holds val: 0 once
// woken by futexWake; EAGAIN at once if the word holds something else.
func (m *Machine) futexWait(t *Thread, addr uint64, val uint32, kind int) sysret {
	if t.waiter.woke == wokeEvent {
		return ok(0)
	}
	if addr%4 != 0 || kind != futexPlain && kind != futexMutex {
		return fail(abi.EINVAL)
	}
	p := t.proc
	word, err := p.mem.ReadU32(addr)
	if err != nil {
		return fail(abi.EFAULT)
	}
	if word != val {
		return fail(abi.EAGAIN)
	}
	q := m.futexQueue(p, addr)
	q.Object.Kind, q.Object.Holder = WaitFutex, 0
	if kind == futexMutex {
		q.Object.Kind = WaitMutex
		if o := m.thread(int(val & futexTIDMask)); o != nil && o.proc == p {
			q.Object.Holder = o.TID
		}
	}
	q.Sleep(t, "waiting for "+q.Object.String())
	return blocked()
}

// futexWake wakes up to n threads sleeping on the word at addr, those
// that have waited longest first, and returns how many it woke.
func (m *Machine) futexWake(t *Thread, addr uint64, n int) sysret {
	if addr%4 != 0 || n < 0 {
		return fail(abi.EINVAL)
	}
	p := t.proc
	q := p.futexes[addr]
	if q == nil {
		return ok(0)
	}
	cause := fmt.Sprintf("futex 0x%x woken by thread %d", addr, t.TID)
	if q.Object.Kind == WaitMutex {
		cause = fmt.Sprintf("mutex 0x%x unlocked by thread %d", addr, t.TID)
	}
	woken := 0
	for woken < n && q.WakeOne(cause) != nil {
		woken++
	}
	if q.Len() == 0 {
		delete(p.futexes, addr)
	}
	return ok(int64(woken))
}

// cas is an atomic compare-and-swap of the word at addr: if it holds old
// it is set to new. It returns what the word held. Atomic because the
// machine carries out a call in one step, between two instructions of
// any other thread, on any CPU.
func (m *Machine) cas(t *Thread, addr uint64, old, new uint32) sysret {
	if addr%4 != 0 {
		return fail(abi.EINVAL)
	}
	mem := t.proc.mem
	word, err := mem.ReadU32(addr)
	if err != nil {
		return fail(abi.EFAULT)
	}
	if word == old {
		if err := mem.WriteU32(addr, new); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(int64(int32(word)))
}
