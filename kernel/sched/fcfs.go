package sched

import (
	"osplay/kernel/msg"
)

// FCFS is first come, first served: one FIFO ready queue, and a task runs
// until it blocks or exits. It is never preempted by the clock.
//
// With Options.WakeFirst a task whose wait ends (its I/O completed) runs at
// once, ahead of the running task, which waits at the head of the queue:
// process-run.py's IO_RUN_IMMEDIATE.
type FCFS struct {
	q         queue
	wakeFirst bool
	woken     *Task // the task just woken, which preempts under WakeFirst
}

// NewFCFS returns an FCFS policy.
func NewFCFS() *FCFS { return &FCFS{} }

func (p *FCFS) Name() string { return "fcfs" }

func (p *FCFS) Enqueue(t *Task, why Why, now int64) {
	switch {
	case p.wakeFirst && why == Preempted:
		// It was running: it goes back to the head, behind the task that
		// took the CPU from it.
		woken := p.woken
		p.q.pushFront(t)
		if woken != nil && len(p.q.tasks) > 1 && p.q.tasks[1] == woken {
			p.q.tasks[0], p.q.tasks[1] = woken, t
		}
	case why == ChildFirst:
		p.q.pushFront(t)
	case p.wakeFirst && why == Woken:
		p.q.pushFront(t)
		p.woken = t
		return
	default:
		p.q.pushBack(t)
	}
	p.woken = nil
}

func (p *FCFS) Remove(t *Task) { p.q.remove(t) }

func (p *FCFS) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.q.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	p.woken = nil
	return t, msg.New(msg.FCFSFirst, msg.Int("since", t.ReadySince))
}

func (p *FCFS) Tick(t *Task, cpu int, now int64) msg.Text { return msg.Text{} }
func (p *FCFS) Budget(t *Task, cpu int, now int64) int64  { return Forever }
func (p *FCFS) Left(t *Task, now int64)                   {}
func (p *FCFS) Ready(cpu int) []*Task                     { return p.q.listFor(cpu) }
func (p *FCFS) Len(cpu int) int                           { return p.q.lenFor(cpu) }

func (p *FCFS) Preempts(cur, t *Task, cpu int) msg.Text {
	if p.wakeFirst && t == p.woken {
		return msg.New(msg.FCFSWakeFirst, t.Who("who"))
	}
	return msg.Text{}
}
