package sched

import (
	"math/rand/v2"

	"osplay/kernel/msg"
)

// RR is round robin: one FIFO ready queue; a running task is preempted
// when it has used its quantum and another task is waiting, and goes to the
// tail of the queue. When nobody waits, it simply starts a new quantum.
//
// With a seed, a new thread's first slice is cut short, to a length from 1
// to the quantum drawn from the seed: a thread comes into being at some
// moment between two of the clock's interrupts, and its first slice ends
// at the next one. Where the later preemptions fall in its code then
// depends on the seed, which is what makes a race's outcome change from
// seed to seed; without a seed every slice is a whole quantum, as the
// lectures draw it.
type RR struct {
	q       queue
	quantum int64
	rng     *rand.Rand      // with a seed: draws the first slices
	first   map[*Task]int64 // with a seed: the length of a new thread's first slice, until it ends
	expired msg.Text        // why a quantum ends, made once: texts are never changed
	args    argBlock        // for the reasons of dispatches
}

// NewRR returns a round-robin policy with the given quantum in ticks
// (DefaultQuantum if q <= 0).
func NewRR(q int64) *RR {
	if q <= 0 {
		q = DefaultQuantum
	}
	return &RR{quantum: q, expired: msg.New(msg.RRQuantum, msg.Int("q", q))}
}

// NewRRSeeded returns a round-robin policy whose new threads' first
// slices are drawn from seed (see RR).
func NewRRSeeded(q, seed int64) *RR {
	p := NewRR(q)
	p.rng, p.first = newRand(seed), map[*Task]int64{}
	return p
}

// slice is the length of t's current slice: its first, or a quantum.
func (p *RR) slice(t *Task) int64 {
	if n, ok := p.first[t]; ok {
		return n
	}
	return p.quantum
}

// Quantum is the time slice in ticks.
func (p *RR) Quantum() int64 { return p.quantum }

func (p *RR) Name() string { return "rr" }

func (p *RR) Enqueue(t *Task, why Why, now int64) {
	if p.rng != nil {
		if why == Arrived || why == ChildFirst {
			p.first[t] = 1 + p.rng.Int64N(p.quantum)
		} else {
			delete(p.first, t) // its first slice is over
		}
	}
	if why == ChildFirst {
		p.q.pushFront(t)
		return
	}
	p.q.pushBack(t)
}

func (p *RR) Remove(t *Task) {
	p.q.remove(t)
	delete(p.first, t)
}

func (p *RR) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.q.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	return t, p.args.text(msg.RRHead, msg.Int("since", t.ReadySince))
}

func (p *RR) Tick(t *Task, cpu int, now int64) msg.Text {
	if n, ok := p.first[t]; ok {
		if t.Slice < n {
			return msg.Text{}
		}
		delete(p.first, t)
		if !p.q.anyFor(cpu) {
			t.Slice = 0 // nobody waits: a fresh quantum
			return msg.Text{}
		}
		return msg.New(msg.RRFirstSlice, msg.Int("n", n))
	}
	// With nobody waiting, a process runs through several quanta in one
	// stretch (see Budget): count its slice within the current quantum, as
	// if a fresh quantum had begun at every boundary it crossed.
	if t.Slice > p.quantum {
		t.Slice %= p.quantum
		if t.Slice == 0 {
			t.Slice = p.quantum
		}
	}
	if t.Slice < p.quantum {
		return msg.Text{}
	}
	if !p.q.anyFor(cpu) {
		t.Slice = 0 // nobody waits: a fresh quantum
		return msg.Text{}
	}
	return p.expired
}

// Budget is the rest of the quantum; with nobody waiting, many quanta at
// once, since their expiry changes nothing until another process is ready,
// and only a system call, a timer or input makes one ready, each of which
// ends the stretch (Tick then counts the slice as if quantum by quantum).
func (p *RR) Budget(t *Task, cpu int, now int64) int64 {
	b := sliceLeft(p.slice(t), t)
	if _, first := p.first[t]; first {
		return b // its end resets the slice: count to it exactly
	}
	if !p.q.anyFor(cpu) {
		b += 1 << 20 * p.quantum
	}
	return b
}

func (p *RR) Left(t *Task, now int64)                 { delete(p.first, t) }
func (p *RR) Preempts(cur, t *Task, cpu int) msg.Text { return msg.Text{} }
func (p *RR) Ready(cpu int) []*Task                   { return p.q.listFor(cpu) }
func (p *RR) Len(cpu int) int                         { return p.q.lenFor(cpu) }

// sliceLeft is what remains of a quantum for the running t, at least 1.
func sliceLeft(quantum int64, t *Task) int64 {
	if b := quantum - t.Slice; b > 0 {
		return b
	}
	return 1
}
