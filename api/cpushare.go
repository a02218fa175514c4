package api

import (
	"math"
	"runtime"
	"sync"
	"time"

	"osplay/kernel"
)

// The CPU share. Every machine the server runs — a session's batches and
// steps, a headless run, an exercise check — computes only while it holds
// one of a few CPU slots (GOMAXPROCS by default), and for one slice of a
// few milliseconds at a time: the machine is interrupted at the slice's
// end and its holder goes back in line. When a slot frees, it goes to the
// waiting account that has used the least CPU lately. Each account's use
// decays by half every second, as in the decay-usage schedulers of
// classic Unix and like CFS's virtual runtime, so a visitor stepping a
// small program goes ahead of any number of looping ones, and the loopers
// share what is left evenly.
//
// A newcomer starts level with the account served last from the line,
// not at zero (CFS's min_vruntime): opening session after session, or
// sending run after run, must not jump the queue for ever.
//
// An account that comes to the line having used much less than one that
// holds a slot takes the slot at once (CFS's wakeup preemption): the
// holder's machine is interrupted and it goes back in line. A neighbour's
// step then waits microseconds for a CPU, not the rest of a slice.

// cpuHalfLife is how fast past use is forgiven.
const cpuHalfLife = time.Second

// preemptMargin is how much less CPU (in seconds, decayed) a newcomer must
// have used than a holder to take its slot: loopers, whose uses differ by
// about a slice, do not preempt one another.
const preemptMargin = 0.020

// cpuShare hands out the CPU slots.
type cpuShare struct {
	slice time.Duration // longest hold of a slot before the holder goes back in line

	mu      sync.Mutex
	free    int
	holders []*cpuAccount
	waiting []*cpuWaiter
	floor   cpuAccount // the use of the account served last from the line
}

// cpuAccount is the CPU one session or one run has used lately.
type cpuAccount struct {
	use float64 // seconds of CPU, decayed to at
	at  time.Time

	preempt   func() // ends the holder's slice now (nil: it cannot be preempted)
	preempted bool   // preempt was called during this hold
}

// cpuWaiter is an account waiting for a slot.
type cpuWaiter struct {
	acct    *cpuAccount
	ready   chan struct{} // closed when the slot is given
	granted bool
}

func newCPUShare(slots int, slice time.Duration) *cpuShare {
	return &cpuShare{slice: slice, free: max(slots, 1), floor: cpuAccount{at: time.Now()}}
}

// decayed is the account's use at now.
func (a *cpuAccount) decayed(now time.Time) float64 {
	dt := now.Sub(a.at)
	if dt <= 0 {
		return a.use
	}
	return a.use * math.Exp2(-float64(dt)/float64(cpuHalfLife))
}

// charge adds used to the account's use.
func (a *cpuAccount) charge(used time.Duration, now time.Time) {
	a.use, a.at = a.decayed(now)+used.Seconds(), now
}

// account opens an account for a new session or run.
func (s *cpuShare) account() *cpuAccount {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return &cpuAccount{use: s.floor.decayed(now), at: now}
}

// acquire takes a slot for a, waiting in line if none is free; it gives up
// and returns false when stop is signalled first.
func (s *cpuShare) acquire(a *cpuAccount, stop <-chan struct{}) bool {
	w := s.line(a)
	return w == nil || s.await(w, stop)
}

// line takes a free slot for a and returns nil, or puts a in line.
func (s *cpuShare) line(a *cpuAccount) *cpuWaiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.free > 0 && len(s.waiting) == 0 {
		s.free--
		s.hold(a)
		return nil
	}
	w := &cpuWaiter{acct: a, ready: make(chan struct{})}
	s.waiting = append(s.waiting, w)
	s.preemptFor(a)
	return w
}

// hold records that a holds a slot.
func (s *cpuShare) hold(a *cpuAccount) {
	a.preempted = false
	s.holders = append(s.holders, a)
}

// preemptFor ends the slice of the holder that used the most, if a used
// much less.
func (s *cpuShare) preemptFor(a *cpuAccount) {
	now := time.Now()
	var victim *cpuAccount
	most := a.decayed(now) + preemptMargin
	for _, h := range s.holders {
		if u := h.decayed(now); u > most && !h.preempted && h.preempt != nil {
			victim, most = h, u
		}
	}
	if victim != nil {
		victim.preempted = true
		victim.preempt()
	}
}

// await waits in line for the slot; it leaves the line and returns false
// when stop is signalled first.
func (s *cpuShare) await(w *cpuWaiter, stop <-chan struct{}) bool {
	select {
	case <-w.ready:
		return true
	case <-stop:
		s.mu.Lock()
		defer s.mu.Unlock()
		if w.granted {
			return true // given meanwhile: the caller gives it back
		}
		for i, x := range s.waiting {
			if x == w {
				s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
				break
			}
		}
		return false
	}
}

// release gives back a slot held for used, charging a; the slot goes to
// the waiting account with the least use.
func (s *cpuShare) release(a *cpuAccount, used time.Duration) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	a.charge(used, now)
	for i, h := range s.holders {
		if h == a {
			s.holders = append(s.holders[:i], s.holders[i+1:]...)
			break
		}
	}
	if len(s.waiting) == 0 {
		s.free++
		return
	}
	best, least := 0, math.Inf(1)
	for i, w := range s.waiting {
		if u := w.acct.decayed(now); u < least {
			best, least = i, u
		}
	}
	w := s.waiting[best]
	s.waiting = append(s.waiting[:best], s.waiting[best+1:]...)
	s.floor = cpuAccount{use: least, at: now}
	w.granted = true
	s.hold(w.acct)
	close(w.ready)
}

// queued is the number of accounts waiting for a slot.
func (s *cpuShare) queued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.waiting)
}

// cpuSeat is one session's or run's use of the share: it holds at most one
// slot, arms the timer that interrupts its machine at the slice's end, and
// adds up the time it held slots (used) for the caller's budgets. A nil
// share (tests of a session alone) never waits and never slices. Only the
// owner's goroutine calls take and give.
type cpuSeat struct {
	share *cpuShare
	acct  *cpuAccount

	held  bool
	since time.Time
	used  time.Duration // slot time since the owner last reset it

	mu    sync.Mutex // guards m, armed and over against the slice timer and preemption
	m     *kernel.Machine
	armed bool
	over  bool // the slice was ended early, or by the timer
	timer *time.Timer
}

func newCPUSeat(share *cpuShare) *cpuSeat {
	c := &cpuSeat{share: share}
	if share != nil {
		c.acct = share.account()
		c.acct.preempt = c.expire
	}
	return c
}

// take makes sure the seat holds a slot for m, waiting in line if needed;
// it returns false if stop was signalled first. A slot whose slice is over
// is given back first, so that the next in line goes ahead.
func (c *cpuSeat) take(m *kernel.Machine, stop <-chan struct{}) bool {
	if c.held && (c.share == nil || time.Since(c.since) < c.share.slice && !c.ended()) {
		c.point(m)
		return true
	}
	c.give()
	if c.share != nil && !c.share.acquire(c.acct, stop) {
		return false
	}
	if c.share != nil {
		// Let whatever else is ready to run on this CPU (a neighbour's
		// socket, a batch to encode, a timer) go first: the machine is
		// about to take it for a slice, and the Go scheduler would only
		// take it back after 10 ms.
		runtime.Gosched()
	}
	c.held, c.since = true, time.Now()
	c.point(m)
	if c.share != nil {
		c.mu.Lock()
		c.armed, c.over = true, false
		if c.timer == nil {
			c.timer = time.AfterFunc(c.share.slice, c.expire)
		} else {
			c.timer.Reset(c.share.slice)
		}
		c.mu.Unlock()
	}
	return true
}

// point makes m the machine the slice timer interrupts.
func (c *cpuSeat) point(m *kernel.Machine) {
	c.mu.Lock()
	c.m = m
	c.mu.Unlock()
}

// expire ends the slice: the machine returns at its next consistent
// point, and the seat gives its slot up at its next take.
func (c *cpuSeat) expire() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.armed {
		return
	}
	c.over = true
	if c.m != nil {
		c.m.Interrupt()
	}
}

// ended reports whether the slice was ended before its time was up.
func (c *cpuSeat) ended() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.over
}

// give gives the slot back, if the seat holds one.
func (c *cpuSeat) give() {
	if !c.held {
		return
	}
	held := time.Since(c.since)
	c.held = false
	c.used += held
	if c.share == nil {
		return
	}
	c.mu.Lock()
	c.armed = false
	c.timer.Stop()
	c.mu.Unlock()
	c.share.release(c.acct, held)
}

// spent is the slot time since the last reset, the current hold included.
func (c *cpuSeat) spent() time.Duration {
	if c.held {
		return c.used + time.Since(c.since)
	}
	return c.used
}
