package api

import (
	"errors"
	"time"

	"osplay/kernel"
)

// Rewinding without replaying from zero. While a session's machine runs,
// the session keeps snapshots of it (clones, kernel.Machine.Clone: memory
// shared copy-on-write, so a snapshot costs the machine's kernel objects
// and the pages written since). A seek backward starts from the latest
// snapshot at or before the target, at least 2×watchKeep ticks before it
// (the replay watches the instructions of those last ticks, as a replay
// from tick 0 does), and replays the logged inputs from there: the
// machine, the events counted and the state sent are those of a replay
// from tick 0, byte for byte, only sooner.
//
// Memory stays bounded: snapshots are taken every snapshotEvery ticks at
// first, and when there are more than maxSnapshots of them, or they hold
// more than the session's MaxSessionMemory together, every other one is
// dropped and the spacing doubles. So a run of T ticks keeps at most
// maxSnapshots, spread over it, at most about 2T/maxSnapshots ticks apart.
// Each counts in the server's memory budget for what it holds: its copy of
// the kernel's objects and the pages written since the snapshot before
// (kernel.Machine.CloneBytes); a dropped snapshot's count passes to the
// next, which may hold its pages, so the sum bounds their memory from
// above. Taking one costs a
// walk of the machine's objects: the session takes the next only after
// computing for snapshotCostFactor times as long as the last one took.
const (
	maxSnapshots       = 128
	snapshotEvery      = 1 << 17 // ticks
	snapshotCostFactor = 10
)

// snapshot is the machine at a tick, never run: a seek clones it again.
type snapshot struct {
	m       *kernel.Machine
	tick    int64
	n       int64  // events the machine had emitted
	applied int    // inputs of the log it had been given
	bytes   uint64 // memory it holds: its objects, the pages written since the one before
}

// rewinder keeps a session's snapshots, in tick order.
type rewinder struct {
	snaps    []snapshot
	every    int64 // ticks between two snapshots
	next     int64 // the tick from which the next is taken
	bytes    uint64
	cost     time.Duration // the last one's
	takenAt  time.Time
	restored int // seeks that started from a snapshot
}

// clear drops every snapshot: a new run.
func (r *rewinder) clear() { *r = rewinder{} }

// keepSnapshot takes a snapshot of the machine when one is due. The
// machine stands at a tick with the inputs of that tick given.
func (s *Session) keepSnapshot() {
	r := &s.rewind
	if s.m == nil || s.ended() || s.waiting.Load() > 0 || s.m.Now() < r.next {
		return
	}
	if r.every == 0 {
		// None at the start: a seek there rebuilds the machine, as cheap
		// as a clone, and a class pressing Run at once pays no clone each.
		r.every, r.next = snapshotEvery, max(r.next, snapshotEvery)
		if s.m.Now() < r.next {
			return
		}
	}
	if time.Since(r.takenAt) < snapshotCostFactor*r.cost {
		return
	}
	start := time.Now()
	c, err := s.m.Clone(kernel.Attach{CopyChooser: true})
	if err != nil {
		return // in the middle of a tick: the next time
	}
	r.cost, r.takenAt = time.Since(start), time.Now()
	sn := snapshot{m: c, tick: s.m.Now(), n: s.n, applied: s.inputs.applied, bytes: c.CloneBytes()}
	r.snaps = append(r.snaps, sn)
	r.bytes += sn.bytes
	for len(r.snaps) > maxSnapshots || len(r.snaps) > 1 && r.bytes > s.lim.MaxSessionMemory {
		r.thin()
	}
	r.next = sn.tick + r.every
}

// thin drops every other snapshot, the latest kept, and doubles the
// spacing.
func (r *rewinder) thin() {
	kept := r.snaps[:0]
	r.bytes = 0
	last := len(r.snaps) - 1
	var carry uint64 // a dropped one's pages, which the next may hold
	for i, sn := range r.snaps {
		if (last-i)%2 != 0 {
			carry += sn.bytes
			continue
		}
		sn.bytes += carry
		carry = 0
		kept = append(kept, sn)
		r.bytes += sn.bytes
	}
	clear(r.snaps[len(kept):])
	r.snaps = kept
	r.every *= 2
}

// forgetAfter drops the snapshots an input given at tick, as entry i of
// the log, makes wrong: those past its tick, and those that had been
// given the inputs it replaces.
func (r *rewinder) forgetAfter(tick int64, i int) {
	kept := r.snaps[:0]
	r.bytes = 0
	for _, sn := range r.snaps {
		if sn.tick <= tick && sn.applied <= i {
			kept = append(kept, sn)
			r.bytes += sn.bytes
		}
	}
	clear(r.snaps[len(kept):])
	r.snaps = kept
	r.next = tick
	if len(kept) > 0 {
		r.next = kept[len(kept)-1].tick + r.every
	}
}

// before is the latest snapshot at or before tick t, or nil.
func (r *rewinder) before(t int64) *snapshot {
	for i := len(r.snaps) - 1; i >= 0; i-- {
		if r.snaps[i].tick <= t {
			return &r.snaps[i]
		}
	}
	return nil
}

// restore makes a clone of sn the session's machine, as rebuild makes a
// fresh one: what follows replays from there.
func (s *Session) restore(sn *snapshot) error {
	m, err := sn.m.Clone(kernel.Attach{OnEvent: s.onEvent, CopyChooser: true})
	if err != nil {
		return err
	}
	s.rewind.restored++
	s.m, s.n, s.pending, s.dropped, s.skipped = m, sn.n, nil, 0, 0
	s.live.Store(m)
	s.memory.update(s.rewind.bytes)
	s.stopCode, s.stopMsg = "", ""
	s.haltCounted = false
	s.skipBelow = 0
	s.inputs.applied = sn.applied
	s.watchSent, s.lostSent = 0, 0
	s.watchPolicy()
	return nil
}

var errNoSnapshot = errors.New("no snapshot before the tick")
