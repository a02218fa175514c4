package sched

import (
	"fmt"
	"slices"

	"osplay/kernel/msg"
)

// Stride is deterministic proportional share (OSTEP chapter 9): each task
// has a stride, BigStride divided by its tickets, and a pass value; the
// task with the lowest pass runs for a quantum and its pass grows by its
// stride. A task that runs less than a quantum (it blocked) is charged in
// proportion.
//
// A new task starts at the lowest pass among the tasks present, so it
// cannot monopolise the CPU; a task that slept keeps its pass but not one
// below that lowest pass, for the same reason.
type Stride struct {
	h        ordered
	quantum  int64
	running  []*Task
	floor    int64 // the lowest pass seen in use: where newcomers start when the system is empty
	transfer bool
}

// BigStride is the large number divided by the tickets to give a stride.
const BigStride = 10000

// NewStride returns a stride scheduler.
func NewStride(o Options) *Stride { return &Stride{quantum: o.quantum(), transfer: o.Transfer} }

func (p *Stride) Name() string    { return "stride" }
func (p *Stride) Transfers() bool { return p.transfer }

// stride is BigStride / tickets.
func stride(t *Task) int64 { return BigStride / max(t.HeldTickets(), 1) }

// charge adds to t's pass its stride for every tick run since last
// charged. Pass values are kept in stride × ticks; one quantum's worth is
// what the lecture calls a pass step.
func (p *Stride) charge(t *Task) {
	t.pass += (t.Total - t.charged) * stride(t)
	t.charged = t.Total
}

// minPass is the lowest pass among the tasks present (ready or running).
func (p *Stride) minPass() int64 {
	m, any := int64(0), false
	if len(p.h.tasks) > 0 {
		m, any = p.h.tasks[0].pass, true
	}
	for _, t := range p.running {
		if !any || t.pass < m {
			m, any = t.pass, true
		}
	}
	if !any {
		return p.floor
	}
	p.floor = max(p.floor, m)
	return m
}

func (p *Stride) Enqueue(t *Task, why Why, now int64) {
	if i := slices.Index(p.running, t); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
	switch {
	case !t.known:
		t.known, t.charged = true, t.Total
		t.pass = p.minPass()
	case why == Woken:
		t.pass = max(t.pass, p.minPass())
	default:
		p.charge(t)
	}
	p.h.push(t, float64(t.pass))
}

func (p *Stride) Remove(t *Task) { p.h.remove(t) }

// passes shows a pass value in quantum steps, as the lecture counts.
func (p *Stride) passes(v int64) float64 { return float64(v) / float64(p.quantum) }

func (p *Stride) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.h.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	p.running = append(p.running, t)
	return t, msg.New(msg.StrideLowest, msg.Num("pass", p.passes(t.pass)), msg.Int("stride", stride(t)))
}

func (p *Stride) Tick(t *Task, cpu int, now int64) msg.Text {
	p.charge(t)
	if t.Slice < p.quantum {
		return msg.Text{}
	}
	if p.h.lenFor(cpu) == 0 {
		t.Slice = 0
		return msg.Text{}
	}
	return msg.New(msg.StrideQuantum, msg.Int("q", p.quantum), msg.Num("pass", p.passes(t.pass)))
}

func (p *Stride) Budget(t *Task, cpu int, now int64) int64 { return sliceLeft(p.quantum, t) }

func (p *Stride) Left(t *Task, now int64) {
	p.charge(t)
	if i := slices.Index(p.running, t); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
}

func (p *Stride) Preempts(cur, t *Task, cpu int) msg.Text { return msg.Text{} }
func (p *Stride) Ready(cpu int) []*Task                   { return p.h.listFor(cpu) }
func (p *Stride) Len(cpu int) int                         { return p.h.lenFor(cpu) }

// Describe shows the task's tickets, stride and pass.
func (p *Stride) Describe(t *Task) string {
	pass := t.pass + (t.Total-t.charged)*stride(t)
	return fmt.Sprintf("%s, stride %d, pass %s", describeTickets(t), stride(t), num(p.passes(pass)))
}
