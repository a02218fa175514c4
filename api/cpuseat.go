package api

import (
	"runtime"
	"sync"
	"time"

	"osplay/kernel"
)

// cpuSeat is one session's or run's use of the CPU share. A batch or a
// command computes its first moments (the grace, Limits.CPUGrace) freely:
// a student's step or a batch at the default speed needs microseconds,
// and taking a slot for them would cost more than the work, in hand-overs
// between goroutines. Past the grace it computes only while holding a
// slot, a slice at a time. Either way a timer interrupts the machine when
// its time is up, and the seat adds up the time it computed (used) for
// the caller's budgets and the account's use. A nil share (tests of a
// session alone) never waits and never slices. Only the owner's goroutine
// calls run, give and spent.
type cpuSeat struct {
	share *cpuShare
	acct  *cpuAccount
	grace time.Duration

	held  bool
	since time.Time
	used  time.Duration // time computed since the owner last reset it
	owed  time.Duration // time computed within the grace, not yet charged to the account

	mu    sync.Mutex // guards m, armed and over against the timer and preemption
	m     *kernel.Machine
	armed bool
	over  bool // the slice (or the grace) was ended, by the timer or a preemption
	timer *time.Timer
}

func newCPUSeat(share *cpuShare, grace time.Duration) *cpuSeat {
	c := &cpuSeat{share: share, grace: grace}
	if share != nil {
		c.acct = share.account()
		c.acct.preempt = c.expire
	}
	return c
}

// run makes the machine call f: freely within the grace, else on a slot,
// waiting in line for one if needed. It returns false, without calling f,
// if stop was signalled while it waited.
func (c *cpuSeat) run(m *kernel.Machine, stop <-chan struct{}, f func()) bool {
	if c.share == nil {
		start := time.Now()
		f()
		c.used += time.Since(start)
		return true
	}
	if !c.held && c.used < c.grace {
		start := time.Now()
		c.arm(m, c.grace-c.used)
		f()
		c.disarm()
		took := time.Since(start)
		c.used += took
		// Charged in sums of a quarter of the grace at least, not at
		// every call: a batch at the default speed computes for
		// microseconds, and the account's use, which decides only who
		// goes first in line (in milliseconds, forgiven by half every
		// second), is none the worse for lagging so little.
		if c.owed += took; c.owed >= c.grace/4 {
			c.settle()
		}
		return true
	}
	if !c.take(m, stop) {
		return false
	}
	f()
	return true
}

// take makes sure the seat holds a slot for m, waiting in line if needed;
// it returns false if stop was signalled first. A slot whose slice is over
// is given back first, so that the next in line goes ahead.
func (c *cpuSeat) take(m *kernel.Machine, stop <-chan struct{}) bool {
	if c.held && time.Since(c.since) < c.share.slice && !c.ended() {
		c.point(m)
		return true
	}
	c.give()
	c.settle() // the line ranks by use
	if !c.share.acquire(c.acct, stop) {
		return false
	}
	if c.share.yield {
		// Every processor may be computing machines: let whatever else is
		// ready to run on this one (a neighbour's socket, a batch to
		// encode, a timer) go first, as the Go scheduler would only take
		// it back after 10 ms.
		runtime.Gosched()
	}
	c.held, c.since = true, time.Now()
	c.arm(m, c.share.slice)
	return true
}

// settle charges the account for the time computed within the grace.
func (c *cpuSeat) settle() {
	if c.owed > 0 {
		c.share.charge(c.acct, c.owed)
		c.owed = 0
	}
}

// arm points the timer at m, to interrupt it after d.
func (c *cpuSeat) arm(m *kernel.Machine, d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.armed, c.over = m, true, false
	if c.timer == nil {
		c.timer = time.AfterFunc(d, c.expire)
	} else {
		c.timer.Reset(d)
	}
}

// disarm stops the timer.
func (c *cpuSeat) disarm() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.armed = false
	c.timer.Stop()
}

// point makes m the machine the timer interrupts.
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
	c.disarm()
	c.share.release(c.acct, held)
}

// spent is the time computed since the last reset, the current hold
// included.
func (c *cpuSeat) spent() time.Duration {
	if c.held {
		return c.used + time.Since(c.since)
	}
	return c.used
}
