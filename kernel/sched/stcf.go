package sched

import "fmt"

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

func (p *STCF) Pick(cpu int, now int64) (*Task, string) {
	t := p.h.popFor(cpu)
	if t == nil {
		return nil, ""
	}
	why := "STCF: shortest time to completion (" + p.length(t) + ")"
	if p.h.Len() == 0 {
		why = "STCF: the only ready task (" + p.length(t) + ")"
	}
	return t, why
}

func (p *STCF) Preempts(cur, t *Task, cpu int) string {
	if need, left := p.remaining(t), p.remaining(cur); need < left {
		return fmt.Sprintf("STCF: pid %s needs %s ticks, less than the %s left to pid %s",
			t.Ident(), num(need), num(left), cur.Ident())
	}
	return ""
}
