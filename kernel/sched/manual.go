package sched

import (
	"fmt"

	"osplay/kernel/msg"
)

// Manual lets the student be the scheduler: whenever a CPU is free and
// more than one task is ready, the machine stops and asks which one runs
// (Decider); a single ready task runs without asking unless
// Options.AskAlways. With Options.Preemptive the running task is also
// stopped at the end of each quantum (Options.Quantum; 1 tick for
// instruction-by-instruction control) to ask again, so that a race can be
// produced on purpose, one step at a time.
type Manual struct {
	q          queue
	quantum    int64
	preemptive bool
	askAlways  bool
	choice     []int  // per CPU: the pid chosen to run next, 0 for none
	asking     []bool // per CPU: waiting for a choice
	chooser    Chooser
	scratch    []*Task // the ready list handed to the chooser (chooser.go)
}

// NewManual returns the manual policy.
func NewManual(o Options) *Manual {
	n := max(o.CPUs, 1)
	return &Manual{quantum: o.quantum(), preemptive: o.Preemptive, askAlways: o.AskAlways,
		choice: make([]int, n), asking: make([]bool, n)}
}

func (p *Manual) Name() string { return "manual" }

func (p *Manual) grow(cpu int) {
	for len(p.choice) <= cpu {
		p.choice = append(p.choice, 0)
		p.asking = append(p.asking, false)
	}
}

func (p *Manual) Enqueue(t *Task, why Why, now int64) {
	if why == ChildFirst {
		p.q.pushFront(t)
		return
	}
	p.q.pushBack(t)
}

func (p *Manual) Remove(t *Task) {
	p.q.remove(t)
	for cpu, pid := range p.choice {
		if pid == t.ID() {
			p.choice[cpu] = 0
		}
	}
}

func (p *Manual) Pick(cpu int, now int64) (*Task, msg.Text) {
	p.grow(cpu)
	if !p.q.anyFor(cpu) {
		p.asking[cpu] = false
		return nil, msg.Text{}
	}
	if pid := p.choice[cpu]; pid != 0 {
		p.choice[cpu] = 0
		for _, t := range p.q.tasks {
			if t.ID() == pid && t.Allowed(cpu) {
				p.q.remove(t)
				p.asking[cpu] = false
				return t, msg.New(msg.ManualChose, msg.Int("pid", pid))
			}
		}
	}
	if p.chooser != nil {
		return p.chosen(cpu)
	}
	if p.q.lenFor(cpu) == 1 && !p.askAlways {
		p.asking[cpu] = false
		return p.q.popFor(cpu), msg.New(msg.ManualOnly)
	}
	p.asking[cpu] = true
	return nil, msg.Text{}
}

// Undecided reports whether cpu waits for the student's choice.
func (p *Manual) Undecided(cpu int) bool { return cpu < len(p.asking) && p.asking[cpu] }

// Choose makes pid, which must be ready and allowed on cpu, the next task
// cpu runs.
func (p *Manual) Choose(cpu, pid int) error {
	p.grow(cpu)
	for _, t := range p.q.tasks {
		if t.ID() == pid {
			if !t.Allowed(cpu) {
				return fmt.Errorf("pid %d may not run on cpu%d", pid, cpu)
			}
			p.choice[cpu] = pid
			p.asking[cpu] = false
			return nil
		}
	}
	return fmt.Errorf("pid %d is not in the ready queue (ready: %s)", pid, pidList(p.q.listFor(cpu)))
}

func (p *Manual) Tick(t *Task, cpu int, now int64) msg.Text {
	if p.chooser != nil {
		return p.preemptChosen(t, cpu)
	}
	if !p.preemptive || t.Slice < p.quantum {
		return msg.Text{}
	}
	if !p.q.anyFor(cpu) {
		t.Slice = 0
		return msg.Text{}
	}
	return msg.New(msg.ManualQuantum, msg.Int("q", p.quantum))
}

func (p *Manual) Budget(t *Task, cpu int, now int64) int64 {
	if p.chooser != nil {
		if p.q.anyFor(cpu) {
			// Every tick is a question while another task could run,
			// unless the chooser knows it would not switch.
			if q, ok := p.chooser.(Quieter); ok {
				return max(q.Quiet(t), 1)
			}
			return 1
		}
		return Forever
	}
	if !p.preemptive {
		return Forever
	}
	return sliceLeft(p.quantum, t)
}

func (p *Manual) Left(t *Task, now int64)                 {}
func (p *Manual) Preempts(cur, t *Task, cpu int) msg.Text { return msg.Text{} }
func (p *Manual) Ready(cpu int) []*Task                   { return p.q.listFor(cpu) }
func (p *Manual) Len(cpu int) int                         { return p.q.lenFor(cpu) }
