package api

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The CPU share. Every machine the server runs — a session's batches and
// steps, a headless run, an exercise check — computes, past a short grace
// (cpuseat.go), only while it holds one of a few CPU slots (one fewer than
// the processors by default: the last is the server's own, for sockets
// and encoding), and for one slice of a few milliseconds at a time: the
// machine is interrupted at the slice's end and its holder goes back in
// line. When a slot frees, it goes to the
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

// Commands go first. A session's command (Run, Pause, Step, …) is
// counted from the moment it is read off the socket until its session
// takes it up (Session.Preempt to Handle), and while any session has one, a batch of running gives way before it computes: it
// yields the processor once, so that the goroutines of the commands run
// first. The batches within the grace take no slot, and without this the
// Go scheduler would serve them and the commands in turn: when a class
// presses Run together, the sessions answered first would start their
// batches of running, thirty a second each, and the last Runs would wait
// behind them. A batch already an interval late does not give way: a
// storm of commands delays the batches of running by an interval at
// most. (The README has the figures.)

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
	line    cpuLine
	floor   cpuAccount // the use of the account served last from the line
	yield   bool       // the slots are all the processors: let others run at each hand-over

	commands atomic.Int64 // commands read from clients and not yet taken up, server-wide
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

	rank  float64 // place in the line (cpuline.go)
	seq   uint64
	index int
}

func newCPUShare(slots int, slice time.Duration) *cpuShare {
	now := time.Now()
	slots = max(slots, 1)
	return &cpuShare{slice: slice, free: slots, floor: cpuAccount{at: now}, line: cpuLine{epoch: now},
		yield: slots >= runtime.GOMAXPROCS(0)}
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
	w := s.enter(a)
	return w == nil || s.await(w, stop)
}

// enter takes a free slot for a and returns nil, or puts a in line.
func (s *cpuShare) enter(a *cpuAccount) *cpuWaiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.free > 0 && s.line.len() == 0 {
		s.free--
		s.hold(a)
		return nil
	}
	w := &cpuWaiter{acct: a, ready: make(chan struct{})}
	s.line.join(w)
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
		s.line.leave(w)
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
	if s.line.len() == 0 {
		s.free++
		return
	}
	w := s.line.first()
	s.floor = cpuAccount{use: w.acct.decayed(now), at: now}
	w.granted = true
	s.hold(w.acct)
	close(w.ready)
}

// charge adds time computed without a slot to a's use.
func (s *cpuShare) charge(a *cpuAccount, used time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a.charge(used, time.Now())
}

// countCommands adds n to the commands waiting to be taken up (n < 0:
// taken up, or never to be). A nil share (a session alone) counts none.
func (s *cpuShare) countCommands(n int64) {
	if s != nil {
		s.commands.Add(n)
	}
}

// giveWay lets the goroutines of the commands waiting to be taken up run
// first, if there are any.
func (s *cpuShare) giveWay() {
	if s != nil && s.commands.Load() > 0 {
		runtime.Gosched()
	}
}

// queued is the number of accounts waiting for a slot.
func (s *cpuShare) queued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.line.len()
}
