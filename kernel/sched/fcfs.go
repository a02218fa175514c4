package sched

import "fmt"

// FCFS is first come, first served: one FIFO ready queue, and a task runs
// until it blocks or exits. It is never preempted by the clock.
type FCFS struct {
	q queue
}

// NewFCFS returns an FCFS policy.
func NewFCFS() *FCFS { return &FCFS{} }

func (p *FCFS) Name() string { return "fcfs" }

func (p *FCFS) Enqueue(t *Task, why Why, now int64) {
	if why == ChildFirst {
		p.q.pushFront(t)
		return
	}
	p.q.pushBack(t)
}

func (p *FCFS) Remove(t *Task) { p.q.remove(t) }

func (p *FCFS) Pick(cpu int, now int64) (*Task, string) {
	t := p.q.popFront()
	if t == nil {
		return nil, ""
	}
	return t, fmt.Sprintf("FCFS: first in the ready queue (ready since tick %d)", t.ReadySince)
}

func (p *FCFS) Tick(t *Task, cpu int, now int64) string { return "" }
func (p *FCFS) Budget(t *Task, cpu int) int64           { return Forever }
func (p *FCFS) Left(t *Task, now int64)                 {}
func (p *FCFS) Preempts(cur, t *Task, cpu int) string   { return "" }
func (p *FCFS) Ready(cpu int) []*Task                   { return p.q.list() }
