package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
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
// The kind of lock says what the word is, so that the views can name what
// a thread waits for. A mutex's word holds its owner's tid (and
// futexWaiters while someone waits), as Linux's priority-inheritance
// futexes do, so the queue knows who holds it; so does a read-write lock's
// while a writer holds it.

// The kinds of futex words, as <osplay.h> numbers them.
const (
	futexPlain     = 0 // a word of no known meaning
	futexMutex     = 1 // a mutex: the owner's tid, futexWaiters set while threads wait
	futexSemaphore = 2 // a semaphore's value
	futexCondvar   = 3 // a condition variable's sequence number
	futexRWLock    = 4 // a read-write lock: the writer's tid, or the number of readers
	futexBarrier   = 5 // a barrier's generation
	futexOnce      = 6 // a pthread_once control word
)

// futexKinds maps each kind of word to what its waiters wait on.
var futexKinds = [...]WaitKind{
	futexPlain: WaitFutex, futexMutex: WaitMutex, futexSemaphore: WaitSemaphore,
	futexCondvar: WaitCondvar, futexRWLock: WaitRWLock, futexBarrier: WaitBarrier,
	futexOnce: WaitOnce,
}

// The bits of a read-write lock's word: a writer's tid with rwWriter set,
// or the count of readers; futexWaiters while threads wait.
const rwWriter = 0x40000000

// The bits of a mutex word.
const (
	futexWaiters = 0x80000000
	futexTIDMask = 0x3fffffff
)

// sharedFutex names a futex word in shared memory by the memory object
// and the word's offset in it, which every process mapping it shares,
// wherever each maps it.
type sharedFutex struct {
	obj *vm.SharedMemory
	off uint64
}

// futexQueue is the wait queue of the word at addr in p, made on first
// use. A word in shared memory has one queue for every process that maps
// it (a semaphore that a parent and its child share); it is also listed
// among p's, for the views.
func (m *Machine) futexQueue(p *Process, addr uint64) *WaitQueue {
	if p.futexes == nil {
		p.futexes = map[uint64]*WaitQueue{}
	}
	if obj, off, shared := p.mem.SharedAt(addr); shared {
		key := sharedFutex{obj, off}
		q := m.sharedFutexes[key]
		if q == nil {
			if m.sharedFutexes == nil {
				m.sharedFutexes = map[sharedFutex]*WaitQueue{}
			}
			q = &WaitQueue{}
			q.init(m, WaitObject{Kind: WaitFutex, ID: addr})
			m.sharedFutexes[key] = q
		}
		p.futexes[addr] = q
		return q
	}
	if q := p.futexes[addr]; q != nil {
		return q
	}
	q := &WaitQueue{}
	q.init(m, WaitObject{Kind: WaitFutex, ID: addr})
	p.futexes[addr] = q
	return q
}

// futexFound is the wait queue of the word at addr in p, if threads wait
// on it, and how to forget it once they are gone.
func (m *Machine) futexFound(p *Process, addr uint64) (*WaitQueue, func()) {
	if obj, off, shared := p.mem.SharedAt(addr); shared {
		key := sharedFutex{obj, off}
		return m.sharedFutexes[key], func() { delete(m.sharedFutexes, key); delete(p.futexes, addr) }
	}
	return p.futexes[addr], func() { delete(p.futexes, addr) }
}

// futexWait puts t to sleep on the word at addr while it holds val: 0 once
// woken by futexWake; EAGAIN at once if the word holds something else.
func (m *Machine) futexWait(t *Thread, addr uint64, val uint32, kind int) sysret {
	return m.futexWaitUntil(t, addr, val, kind, sched.Forever)
}

// futexWaitUntil is futexWait with a deadline on the machine's clock:
// ETIMEDOUT once it has passed.
func (m *Machine) futexWaitUntil(t *Thread, addr uint64, val uint32, kind int, deadline int64) sysret {
	switch t.waiter.woke {
	case wokeEvent:
		m.futexResumed(t)
		return ok(0)
	case wokeTimeout:
		return fail(ETIMEDOUT)
	}
	if addr%4 != 0 || kind < 0 || kind >= len(futexKinds) {
		return fail(abi.EINVAL)
	}
	if deadline <= m.t {
		return fail(ETIMEDOUT)
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
	q.Object = WaitObject{Kind: futexKinds[kind], ID: addr}
	m.futexSeen(p, addr, futexKinds[kind])
	switch kind {
	case futexMutex:
		q.Object.Holder = m.holder(p, val&futexTIDMask)
	case futexRWLock:
		if val&rwWriter != 0 {
			q.Object.Holder = m.holder(p, val&futexTIDMask&^rwWriter)
		}
	case futexSemaphore:
		q.Object.Value = int64(int32(val &^ futexWaiters))
	}
	q.SleepUntil(t, deadline, msg.New(msg.WaitFor, msg.Sub("obj", q.Object.Text())))
	m.detectDeadlock(t)
	return blocked()
}

// holder is thread tid of p, as the holder of a lock, or 0 when p has no
// such thread.
func (m *Machine) holder(p *Process, tid uint32) int {
	if o := m.thread(int(tid)); o != nil && o.proc == p {
		return o.TID
	}
	return 0
}

// realtimeTick is the tick at which CLOCK_REALTIME reads the timespec at
// addr, the deadline of a timed wait (rounded up to a whole tick): EINVAL
// for nanoseconds out of range, as POSIX says.
func (m *Machine) realtimeTick(p *Process, addr uint64) (int64, int) {
	sec, err1 := p.mem.ReadU64(addr)
	nsec, err2 := p.mem.ReadU64(addr + 8)
	if err1 != nil || err2 != nil {
		return 0, abi.EFAULT
	}
	if int64(nsec) < 0 || nsec >= 1_000_000_000 {
		return 0, abi.EINVAL
	}
	tps := m.cfg.TicksPerSecond
	s := int64(sec) - Epoch
	if s < 0 {
		return 0, 0 // long past
	}
	if s > sched.Forever/tps/2 {
		return sched.Forever - 1, 0
	}
	return s*tps + (int64(nsec)*tps+999_999_999)/1_000_000_000, 0
}

// futexWake wakes up to n threads sleeping on the word at addr, those
// that have waited longest first, and returns how many it woke.
func (m *Machine) futexWake(t *Thread, addr uint64, n int) sysret {
	if addr%4 != 0 || n < 0 {
		return fail(abi.EINVAL)
	}
	q, forget := m.futexFound(t.proc, addr)
	if q == nil {
		return ok(0)
	}
	code, known := wakeCodes[q.Object.Kind]
	if !known {
		code = msg.WokeFutex
	}
	cause := msg.New(code, msg.Addr("addr", addr), msg.Int("tid", t.TID))
	var woken []*Thread
	for len(woken) < n {
		o := q.WakeOne(cause)
		if o == nil {
			break
		}
		woken = append(woken, o)
	}
	if len(woken) > 0 {
		m.futexWoke(t, addr, q.Object.Kind, woken)
	}
	if q.Len() == 0 {
		forget()
	}
	return ok(int64(len(woken)))
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

// wakeCodes say who woke the waiters of a word, by what they wait for.
var wakeCodes = map[WaitKind]msg.Code{
	WaitMutex: msg.WokeMutex, WaitRWLock: msg.WokeRWLock, WaitSemaphore: msg.WokeSem,
	WaitCondvar: msg.WokeCondvar, WaitBarrier: msg.WokeBarrier, WaitOnce: msg.WokeOnce,
}
