package sched

import "osplay/kernel/msg"

// Chooser answers the manual policy's questions from a program instead of
// a person, without stopping the machine: the explorer of schedules
// (kernel/explore) is one. It is the same decision the student makes with
// Choose, asked at the same places, plus one more: after each tick of a
// running task while others are ready, whether to preempt it.
//
// Choose is given the task running on cpu (nil when the CPU is free) and
// the ready tasks allowed on it, in queue order (never empty); it returns
// the index in ready of the task to run next, or -1 to let cur run on
// (only when cur is not nil). A chooser must be deterministic for runs to
// be replayable.
type Chooser interface {
	Choose(cpu int, cur *Task, ready []*Task) int
}

// Quieter is a Chooser that knows how many ticks a running task will
// spend on steps no other task can see, during which it would never
// preempt it: the policy then runs it that long without asking (at least
// 1 tick).
type Quieter interface {
	Quiet(t *Task) int64
}

// SetChooser makes c answer every choice of the policy, or, with nil, the
// student again. With a chooser the policy preempts only when c says so
// and never asks.
func (p *Manual) SetChooser(c Chooser) { p.chooser = c }

// chosen is Pick with a chooser: the only ready task, or c's choice.
func (p *Manual) chosen(cpu int) (*Task, msg.Text) {
	if p.q.lenFor(cpu) == 1 {
		return p.q.popFor(cpu), msg.New(msg.ManualOnly)
	}
	ready := p.q.listFor(cpu)
	i := p.chooser.Choose(cpu, nil, ready)
	if i < 0 || i >= len(ready) {
		i = 0
	}
	t := ready[i]
	p.q.remove(t)
	return t, msg.New(msg.ManualChose, msg.Int("pid", t.ID()))
}

// preemptChosen is Tick with a chooser: cur runs on unless c switches.
func (p *Manual) preemptChosen(t *Task, cpu int) msg.Text {
	if !p.q.anyFor(cpu) {
		return msg.Text{}
	}
	// The list is the policy's own, reused: this is asked at every tick.
	p.scratch = p.scratch[:0]
	for _, r := range p.q.tasks {
		if r.Allowed(cpu) {
			p.scratch = append(p.scratch, r)
		}
	}
	ready := p.scratch
	i := p.chooser.Choose(cpu, t, ready)
	if i < 0 || i >= len(ready) {
		return msg.Text{}
	}
	p.choice[cpu] = ready[i].ID()
	return msg.New(msg.ManualSwitch, msg.Task("who", ready[i].PID, ready[i].TID))
}
