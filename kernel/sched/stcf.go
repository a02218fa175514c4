package sched

import (
	"osplay/kernel/msg"
)

// STCF is shortest time-to-completion first (SRTF, preemptive SJF): as
// SJF, but a task that becomes ready with less left of its burst than the
// running task has left of its own takes the CPU at once. Equal times do
// not preempt. Burst lengths are known or predicted as for SJF.
type STCF struct {
	SJF
}

// NewSTCF returns an STCF policy.
func NewSTCF(o Options) *STCF { return &STCF{*NewSJF(o)} }

func (p *STCF) Name() string { return "stcf" }

func (p *STCF) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.h.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	why := msg.New(msg.STCFShortest, p.length(t))
	if p.h.Len() == 0 {
		why = msg.New(msg.STCFOnly, p.length(t))
	}
	return t, why
}

func (p *STCF) Preempts(cur, t *Task, cpu int) msg.Text {
	if need, left := p.remaining(t), p.remaining(cur); need < left {
		return msg.New(msg.STCFPreempt, t.Who("who"), msg.Num("need", need), msg.Num("left", left), cur.Who("cur"))
	}
	return msg.Text{}
}
