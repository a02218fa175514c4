package sched

import (
	"osplay/kernel/msg"
)

// RR is round robin: one FIFO ready queue; a running task is preempted
// when it has used its quantum and another task is waiting, and goes to the
// tail of the queue. When nobody waits, it simply starts a new quantum.
type RR struct {
	q       queue
	quantum int64
}

// NewRR returns a round-robin policy with the given quantum in ticks
// (DefaultQuantum if q <= 0).
func NewRR(q int64) *RR {
	if q <= 0 {
		q = DefaultQuantum
	}
	return &RR{quantum: q}
}

// Quantum is the time slice in ticks.
func (p *RR) Quantum() int64 { return p.quantum }

func (p *RR) Name() string { return "rr" }

func (p *RR) Enqueue(t *Task, why Why, now int64) {
	if why == ChildFirst {
		p.q.pushFront(t)
		return
	}
	p.q.pushBack(t)
}

func (p *RR) Remove(t *Task) { p.q.remove(t) }

func (p *RR) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.q.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	return t, msg.New(msg.RRHead, msg.Int("since", t.ReadySince))
}

func (p *RR) Tick(t *Task, cpu int, now int64) msg.Text {
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
	return msg.New(msg.RRQuantum, msg.Int("q", p.quantum))
}

// Budget is the rest of the quantum; with nobody waiting, many quanta at
// once, since their expiry changes nothing until another process is ready,
// and only a system call, a timer or input makes one ready, each of which
// ends the stretch (Tick then counts the slice as if quantum by quantum).
func (p *RR) Budget(t *Task, cpu int, now int64) int64 {
	b := sliceLeft(p.quantum, t)
	if !p.q.anyFor(cpu) {
		b += 1 << 20 * p.quantum
	}
	return b
}

func (p *RR) Left(t *Task, now int64)                 {}
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
