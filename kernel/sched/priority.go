package sched

import (
	"fmt"

	"osplay/kernel/msg"
)

// Priority runs the ready task with the highest priority; as in the
// lecture, a lower number is a higher priority (0 before 1). Without
// preemption the running task keeps the CPU until it blocks or exits; with
// Options.Preemptive, a task that becomes ready with a higher priority than
// the running one takes the CPU at once.
//
// Aging (Options.Aging = A) fights starvation: a task that has waited w
// ticks in the ready queue counts as priority − ⌊w / A⌋. It keeps that
// priority while it runs, and its age starts again each time it becomes
// ready.
type Priority struct {
	preemptive bool
	aging      int64
	h          ordered // without aging: by priority
	q          queue   // with aging: priorities change as tasks wait, so a list
	now        int64   // the latest time the kernel told, for Ready
}

// NewPriority returns a priority policy.
func NewPriority(o Options) *Priority {
	return &Priority{preemptive: o.Preemptive, aging: max(o.Aging, 0)}
}

func (p *Priority) Name() string { return "priority" }

// effective is t's priority at now, aging counted.
func (p *Priority) effective(t *Task, now int64) int {
	if p.aging == 0 {
		return t.Priority
	}
	return t.Priority - int((now-t.ReadySince)/p.aging)
}

func (p *Priority) Enqueue(t *Task, why Why, now int64) {
	p.now = max(p.now, now)
	if p.aging > 0 {
		p.q.pushBack(t)
		return
	}
	p.h.push(t, float64(t.Priority))
}

func (p *Priority) Remove(t *Task) {
	p.q.remove(t)
	p.h.remove(t)
}

// best is the ready task cpu would pick at now, aging counted, or nil.
func (p *Priority) best(cpu int, now int64) *Task {
	var b *Task
	bp := 0
	for _, t := range p.q.tasks {
		if !t.Allowed(cpu) {
			continue
		}
		if e := p.effective(t, now); b == nil || e < bp || e == bp && before(t, b) {
			b, bp = t, e
		}
	}
	return b
}

func (p *Priority) Pick(cpu int, now int64) (*Task, msg.Text) {
	p.now = max(p.now, now)
	if p.aging == 0 {
		t := p.h.popFor(cpu)
		if t == nil {
			return nil, msg.Text{}
		}
		return t, msg.New(msg.PrioHighest, msg.Int("p", t.Priority))
	}
	t := p.best(cpu, now)
	if t == nil {
		return nil, msg.Text{}
	}
	p.q.remove(t)
	e := p.effective(t, now)
	t.level = e
	if e == t.Priority {
		return t, msg.New(msg.PrioHighest, msg.Int("p", e))
	}
	return t, msg.New(msg.PrioHighestAged, msg.Int("p", e), msg.Int("own", t.Priority),
		msg.Int("waited", now-t.ReadySince))
}

// runPriority is the priority the running t counts as.
func (p *Priority) runPriority(t *Task) int {
	if p.aging == 0 {
		return t.Priority
	}
	return t.level
}

// Tick preempts, under aging, for a waiting task that has aged above the
// running one.
func (p *Priority) Tick(t *Task, cpu int, now int64) msg.Text {
	p.now = max(p.now, now)
	if !p.preemptive || p.aging == 0 {
		return msg.Text{}
	}
	if b := p.best(cpu, now); b != nil && p.effective(b, now) < p.runPriority(t) {
		return msg.New(msg.PrioAgedAbove, b.Who("who"), msg.Int("p", p.effective(b, now)),
			t.Who("cur"), msg.Int("cp", p.runPriority(t)))
	}
	return msg.Text{}
}

// Budget runs t until the first waiting task would age above it.
func (p *Priority) Budget(t *Task, cpu int, now int64) int64 {
	if !p.preemptive || p.aging == 0 {
		return Forever
	}
	b := int64(Forever)
	for _, u := range p.q.tasks {
		if !u.Allowed(cpu) {
			continue
		}
		// u counts as u.Priority − ⌊(T − R) / A⌋, which passes t's
		// priority r once ⌊(T − R) / A⌋ ≥ u.Priority − r + 1.
		steps := int64(u.Priority - p.runPriority(t) + 1)
		when := u.ReadySince + p.aging*max(steps, 0)
		b = min(b, when-now)
	}
	return max(b, 1)
}

func (p *Priority) Left(t *Task, now int64) {}

func (p *Priority) Preempts(cur, t *Task, cpu int) msg.Text {
	if p.preemptive && t.Priority < p.runPriority(cur) {
		return msg.New(msg.PrioAbove, t.Who("who"), msg.Int("p", t.Priority),
			cur.Who("cur"), msg.Int("cp", p.runPriority(cur)))
	}
	return msg.Text{}
}

func (p *Priority) Ready(cpu int) []*Task {
	if p.aging == 0 {
		return p.h.listFor(cpu)
	}
	return sortedCopy(p.q.listFor(cpu), func(a, b *Task) bool {
		ea, eb := p.effective(a, p.now), p.effective(b, p.now)
		if ea != eb {
			return ea < eb
		}
		return before(a, b)
	})
}

func (p *Priority) Len(cpu int) int {
	if p.aging == 0 {
		return p.h.lenFor(cpu)
	}
	return p.q.lenFor(cpu)
}

// Describe shows the task's priority.
func (p *Priority) Describe(t *Task) string { return fmt.Sprintf("priority %d", t.Priority) }
