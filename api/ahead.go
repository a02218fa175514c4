package api

import (
	"slices"
	"time"
)

// Running ahead. A class presses Run together: a thousand sessions, each
// loaded and paused at tick 0, ask for their first interval at the same
// moment, and the server computes them in turn while the last of the
// class waits. Yet which interval each will ask for is known as soon as
// the program is loaded: a run is a pure function of the program, its
// settings and the inputs, and Run from tick 0 runs one interval at the
// session's speed. So a session whose program has just loaded, or has
// just been reset (a class told to start over presses Reset, then Run),
// computes that interval at once, after the state at tick 0 has gone
// out, and holds it: its events and its machine wait, unsent, for the
// Run, which then only takes a snapshot and writes the batch. Any other
// command first puts the machine back at tick 0 (it starts the program
// again, as Reset does), and is handled as it would have been; so are a
// Run with a tick to pause at, and the acknowledgements and the delta
// request, which do not look at the machine, are handled over the
// interval held.
//
// Only a page's session runs ahead (Session.runAhead), and only at the
// speeds a person follows (watchTicks a batch at most): a faster first
// interval can take a whole batch's CPU time, too much to spend on a
// guess, and a class starts at the default speed.

// runAheadOfRun computes the first interval of the Run the session
// expects, if it may: its program just loaded or reset, at tick 0.
func (s *Session) runAheadOfRun() {
	if !s.runAhead || s.replay || s.m == nil || s.m.Now() != 0 || s.ended() || s.stuck() || s.speed.Ticks > watchTicks {
		return
	}
	target := s.speed.Ticks
	s.aheadFrom = aheadMark{events: s.n, watchSent: s.watchSent, lostSent: s.lostSent}
	s.running, s.until = true, 0
	s.watchPolicy() // as Run watches
	s.begin(s.lim.BatchCPU)
	s.advanceInterval()
	s.running = false
	s.ahead = true
	if s.m.Now() < target && !s.ended() && !s.stuck() {
		s.dropAhead() // cut short (a command came, or the CPU time ran out): not the interval Run computes
	}
}

// runHeldInterval answers Run with the interval computed ahead.
func (s *Session) runHeldInterval() {
	s.ahead = false
	s.running = !s.ended() // the interval may have ended the run
	s.acked = s.seq        // a fresh start of the pacing
	s.paced = time.Now()
	s.watchPolicy()
	s.flush(s.paced)
}

// aheadMark is what the client was sent of a loaded program before the
// session ran ahead: the events, and the watched instructions and lost
// updates, counted.
type aheadMark struct {
	events, watchSent, lostSent int64
}

// dropAhead puts the machine back at tick 0, where the load left it. The
// program starts again, emitting the events of its start once more: the
// client has them, from the load's batch, and they are not sent again.
func (s *Session) dropAhead() {
	s.ahead = false
	s.chunk = 1
	if s.rebuild() != nil {
		return
	}
	sent := s.aheadFrom.events
	s.pending = slices.DeleteFunc(s.pending, func(e Event) bool { return e.N < sent })
	s.dropped, s.skipped, s.thin = 0, 0, 0
	s.watchSent, s.lostSent = s.aheadFrom.watchSent, s.aheadFrom.lostSent
}

// takeAhead decides, for a command c, what becomes of the interval held:
// it reports whether c is answered by it (a Run from tick 0); any other
// command that looks at the machine drops it first.
func (s *Session) takeAhead(c command) bool {
	if !s.ahead {
		return false
	}
	switch {
	case c.op == "ack" || c.op == "delta":
	case c.op == "run" && c.tick == 0:
		s.runHeldInterval()
		return true
	case c.op == "load" || c.op == "resume":
		s.ahead = false // a new machine anyway
	default:
		s.dropAhead()
	}
	return false
}
