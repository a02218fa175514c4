package sched

import (
	"fmt"

	"osplay/kernel/msg"
)

// MLQ is a multilevel queue: the ready tasks are split into fixed queues
// by class, each queue with its own algorithm, and a queue runs only while
// every queue above it is empty; a task arriving in a higher queue preempts
// one from a lower queue (the lecture's foreground and background).
//
// A task's queue is its priority, 0 being the top queue, clamped to the
// queues there are; it never moves. Each queue is round robin with its
// quantum, or FCFS when the quantum is 0. By default there are two: RR
// with Options.Quantum in front, FCFS behind.
type MLQ struct {
	levels []queue
	quanta []int64 // per queue, 0 = FCFS
}

// NewMLQ returns a multilevel queue.
func NewMLQ(o Options) (*MLQ, error) {
	n := o.Levels
	quanta := o.Quanta
	switch {
	case len(quanta) > 0 && n > 0 && n != len(quanta):
		return nil, fmt.Errorf("mlq: %d queues but %d quanta", n, len(quanta))
	case len(quanta) > 0:
		n = len(quanta)
	case n == 0:
		n = 2
	}
	if n < 1 || n > MaxLevels {
		return nil, fmt.Errorf("mlq: %d queues (choose 1 to %d)", n, MaxLevels)
	}
	if len(quanta) == 0 {
		quanta = make([]int64, n)
		for i := range n - 1 {
			quanta[i] = o.quantum()
		}
	}
	for _, q := range quanta {
		if q < 0 {
			return nil, fmt.Errorf("mlq: negative quantum %d", q)
		}
	}
	return &MLQ{levels: make([]queue, n), quanta: append([]int64(nil), quanta...)}, nil
}

func (p *MLQ) Name() string { return "mlq" }

// class is the queue t belongs to.
func (p *MLQ) class(t *Task) int { return min(max(t.Priority, 0), len(p.levels)-1) }

// kind names a queue's algorithm.
func (p *MLQ) kind(l int) string { return p.kindText(l).String() }

// kindText is a queue's algorithm, for a reason.
func (p *MLQ) kindText(l int) msg.Text {
	if p.quanta[l] == 0 {
		return msg.New(msg.MLQKindFCFS)
	}
	return msg.New(msg.MLQKindRR, msg.Int("q", p.quanta[l]))
}

func (p *MLQ) Enqueue(t *Task, why Why, now int64) {
	t.level = p.class(t)
	if why == ChildFirst {
		p.levels[t.level].pushFront(t)
		return
	}
	p.levels[t.level].pushBack(t)
}

func (p *MLQ) Remove(t *Task) { p.levels[p.class(t)].remove(t) }

func (p *MLQ) Pick(cpu int, now int64) (*Task, msg.Text) {
	for l := range p.levels {
		if t := p.levels[l].popFor(cpu); t != nil {
			return t, msg.New(msg.MLQHead, msg.Int("l", l), msg.Sub("kind", p.kindText(l)))
		}
	}
	return nil, msg.Text{}
}

func (p *MLQ) Tick(t *Task, cpu int, now int64) msg.Text {
	l := p.class(t)
	q := p.quanta[l]
	if q == 0 || t.Slice < q {
		return msg.Text{}
	}
	for above := 0; above <= l; above++ {
		if p.levels[above].anyFor(cpu) {
			return msg.New(msg.MLQQuantum, msg.Int("q", q), msg.Int("l", l))
		}
	}
	t.Slice = 0 // nobody in its queue or above waits: a fresh quantum
	return msg.Text{}
}

func (p *MLQ) Budget(t *Task, cpu int, now int64) int64 {
	if q := p.quanta[p.class(t)]; q > 0 {
		return sliceLeft(q, t)
	}
	return Forever
}

func (p *MLQ) Left(t *Task, now int64) {}

func (p *MLQ) Preempts(cur, t *Task, cpu int) msg.Text {
	if lt, lc := p.class(t), p.class(cur); lt < lc {
		return msg.New(msg.MLQAbove, t.Who("who"), msg.Int("l", lt), cur.Who("cur"), msg.Int("cl", lc))
	}
	return msg.Text{}
}

func (p *MLQ) Ready(cpu int) []*Task {
	var out []*Task
	for l := range p.levels {
		out = append(out, p.levels[l].listFor(cpu)...)
	}
	return out
}

func (p *MLQ) Len(cpu int) int {
	n := 0
	for l := range p.levels {
		n += p.levels[l].lenFor(cpu)
	}
	return n
}

// Levels shows each queue, the top one first.
func (p *MLQ) Levels(cpu int) []Level {
	out := make([]Level, len(p.levels))
	for l := range p.levels {
		out[l] = Level{Name: fmt.Sprintf("queue %d (%s)", l, p.kind(l)), Tasks: p.levels[l].listFor(cpu)}
	}
	return out
}

// Describe shows the task's queue.
func (p *MLQ) Describe(t *Task) string { return fmt.Sprintf("queue %d", p.class(t)) }
