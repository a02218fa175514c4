package sched

import (
	"fmt"

	"osplay/kernel/msg"
)

// PerCPU gives every CPU its own ready queue, each run by its own instance
// of a policy (OSTEP chapter 10's multi-queue multiprocessor scheduling).
// A task stays on the queue of the CPU it last ran on if it may (cache
// affinity); a new task goes to the shortest queue it is allowed on. A CPU
// whose queue is empty steals the next task of the longest other queue
// (migration by work stealing), unless Options.Pin forbids migration, which
// shows how the load can become unbalanced.
type PerCPU struct {
	name    string
	cpus    []Policy
	pin     bool
	running []*Task // per CPU, nil when idle or unknown
}

func newPerCPU(name string, o Options, mk maker) (*PerCPU, error) {
	p := &PerCPU{name: name, pin: o.Pin, running: make([]*Task, o.CPUs)}
	for cpu := range o.CPUs {
		oc := o
		oc.PerCPU = false
		oc.Seed = o.Seed + int64(cpu) // each lottery draws its own numbers
		pol, err := mk(oc)
		if err != nil {
			return nil, err
		}
		p.cpus = append(p.cpus, pol)
	}
	return p, nil
}

func (p *PerCPU) Name() string { return p.name }

// load is how many tasks cpu has: its queue and the one it runs.
func (p *PerCPU) load(cpu int) int {
	n := p.cpus[cpu].Len(cpu)
	if p.running[cpu] != nil {
		n++
	}
	return n
}

// home chooses the queue for t.
func (p *PerCPU) home(t *Task, why Why) int {
	if why != Arrived && why != ChildFirst && t.LastCPU >= 0 && t.LastCPU < len(p.cpus) && t.Allowed(t.LastCPU) {
		return t.LastCPU
	}
	best := -1
	for cpu := range p.cpus {
		if t.Allowed(cpu) && (best < 0 || p.load(cpu) < p.load(best)) {
			best = cpu
		}
	}
	if best < 0 {
		return 0 // allowed nowhere: the mask names no CPU of this machine
	}
	return best
}

func (p *PerCPU) forget(t *Task) {
	for cpu, r := range p.running {
		if r == t {
			p.running[cpu] = nil
		}
	}
}

func (p *PerCPU) Enqueue(t *Task, why Why, now int64) {
	p.forget(t)
	t.home = p.home(t, why)
	p.cpus[t.home].Enqueue(t, why, now)
}

func (p *PerCPU) Remove(t *Task) { p.cpus[t.home].Remove(t) }

func (p *PerCPU) Pick(cpu int, now int64) (*Task, msg.Text) {
	if t, why := p.cpus[cpu].Pick(cpu, now); t != nil {
		p.running[cpu] = t
		return t, why
	}
	if p.pin {
		return nil, msg.Text{}
	}
	// Steal from the longest queue that has something this CPU may run:
	// its next task moves to this CPU's queue and runs.
	from := -1
	for c := range p.cpus {
		if c != cpu && p.cpus[c].Len(cpu) > 0 && (from < 0 || p.cpus[c].Len(c) > p.cpus[from].Len(from)) {
			from = c
		}
	}
	if from < 0 {
		return nil, msg.Text{}
	}
	t := p.cpus[from].Ready(cpu)[0]
	p.cpus[from].Remove(t)
	t.home = cpu
	p.cpus[cpu].Enqueue(t, Woken, now)
	t, why := p.cpus[cpu].Pick(cpu, now)
	if t == nil {
		return nil, msg.Text{}
	}
	p.running[cpu] = t
	return t, msg.New(msg.Migrated, msg.Int("from", from), msg.Sub("why", why))
}

func (p *PerCPU) Tick(t *Task, cpu int, now int64) msg.Text { return p.cpus[cpu].Tick(t, cpu, now) }
func (p *PerCPU) Budget(t *Task, cpu int, now int64) int64 {
	return p.cpus[cpu].Budget(t, cpu, now)
}

func (p *PerCPU) Left(t *Task, now int64) {
	p.forget(t)
	if t.LastCPU >= 0 && t.LastCPU < len(p.cpus) {
		p.cpus[t.LastCPU].Left(t, now)
	}
}

func (p *PerCPU) Preempts(cur, t *Task, cpu int) msg.Text {
	if t.home != cpu {
		return msg.Text{}
	}
	return p.cpus[cpu].Preempts(cur, t, cpu)
}

func (p *PerCPU) Ready(cpu int) []*Task { return p.cpus[cpu].Ready(cpu) }
func (p *PerCPU) Len(cpu int) int       { return p.cpus[cpu].Len(cpu) }

// Levels shows each CPU's queue, or its levels.
func (p *PerCPU) Levels(cpu int) []Level {
	if l, ok := p.cpus[cpu].(Leveled); ok {
		return l.Levels(cpu)
	}
	return []Level{{Name: fmt.Sprintf("cpu%d's queue", cpu), Tasks: p.cpus[cpu].Ready(cpu)}}
}

// Describe asks the policy of the task's CPU.
func (p *PerCPU) Describe(t *Task) string {
	if d, ok := p.cpus[t.home].(Describer); ok {
		return d.Describe(t)
	}
	return ""
}

// Notes gathers the notes of every CPU's policy.
func (p *PerCPU) Notes() []Note {
	var out []Note
	for _, pol := range p.cpus {
		if n, ok := pol.(Noter); ok {
			out = append(out, n.Notes()...)
		}
	}
	return out
}

func (p *PerCPU) Undecided(cpu int) bool {
	d, ok := p.cpus[cpu].(Decider)
	return ok && d.Undecided(cpu)
}

func (p *PerCPU) Choose(cpu, pid int) error {
	if d, ok := p.cpus[cpu].(Decider); ok {
		return d.Choose(cpu, pid)
	}
	return fmt.Errorf("the %s policy decides by itself", p.name)
}

func (p *PerCPU) Transfers() bool {
	l, ok := p.cpus[0].(Lender)
	return ok && l.Transfers()
}
