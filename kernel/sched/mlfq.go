package sched

import (
	"fmt"
	"slices"

	"osplay/kernel/msg"
)

// MLFQ is the multi-level feedback queue of OSTEP's chapter 8, with its
// rules:
//
//  1. If Priority(A) > Priority(B), A runs (B doesn't).
//  2. If Priority(A) = Priority(B), A and B run in round robin, each for
//     the time slice (quantum) of their queue.
//  3. When a job enters the system, it is placed at the highest priority.
//  4. Once a job uses up its time allotment at a given level (regardless
//     of how many times it has given up the CPU), its priority is reduced.
//  5. After some time period S, move all the jobs to the topmost queue.
//
// Queues are numbered as in OSTEP and its mlfq.py: queue n−1 is the top, 0
// the bottom. An allotment counts time slices, as mlfq.py's -a: a job may
// use that many slices of its queue's quantum before it moves down. With
// Options.Stay a job that issues an I/O gets a fresh slice and allotment
// at its level (the old rule 4b, which a job can game); with
// Options.IOBump a job back from I/O goes to the front of its queue.
//
// The details follow mlfq.py, so that a converted problem gives the
// script's answers: a job preempted by a higher queue keeps its place at
// the head of its own queue and the rest of its slice; a job whose slice
// runs out goes to the tail of its (new) queue; a boost moves the jobs of
// the lower queues to the top one behind the jobs already there, the
// bottom queue first, and gives every job a fresh slice and allotment.
type MLFQ struct {
	quanta, allots []int64 // by queue: 0 is the bottom
	boost          int64
	stay, ioBump   bool

	queues    []queue // a job held by a boost sits in its new place while it runs
	running   []*Task // dispatched jobs
	waiting   int     // jobs in the queues, not counting held ones
	epoch     int     // boosts so far: a job that missed one catches up when next seen
	nextBoost int64
	notes     []Note
}

// NewMLFQ returns an MLFQ policy.
func NewMLFQ(o Options) (*MLFQ, error) {
	n := o.Levels
	var quanta []int64
	switch {
	case len(o.Quanta) > 0 && n > 0 && n != len(o.Quanta):
		return nil, fmt.Errorf("mlfq: %d queues but %d quanta", n, len(o.Quanta))
	case len(o.Quanta) > 0:
		quanta = reversed(o.Quanta)
		n = len(quanta)
	default:
		if n == 0 {
			n = DefaultLevels
		}
		if n < 1 || n > MaxLevels {
			return nil, fmt.Errorf("mlfq: %d queues (choose 1 to %d)", n, MaxLevels)
		}
		quanta = make([]int64, n)
		for i := range quanta {
			quanta[i] = o.quantum()
		}
	}
	if n > MaxLevels {
		return nil, fmt.Errorf("mlfq: %d queues (choose 1 to %d)", n, MaxLevels)
	}
	for _, q := range quanta {
		if q < 1 {
			return nil, fmt.Errorf("mlfq: quantum %d: a time slice is at least 1 tick", q)
		}
	}
	allots := make([]int64, n)
	switch {
	case len(o.Allotments) == 1:
		for i := range allots {
			allots[i] = o.Allotments[0]
		}
	case len(o.Allotments) > 0 && len(o.Allotments) != n:
		return nil, fmt.Errorf("mlfq: %d queues but %d allotments", n, len(o.Allotments))
	case len(o.Allotments) > 0:
		allots = reversed(o.Allotments)
	default:
		for i := range allots {
			allots[i] = 1
		}
	}
	// As mlfq.py: every queue a job can be demoted from needs an allotment.
	for l := n - 1; l > 0; l-- {
		if allots[l] < 1 {
			return nil, fmt.Errorf("mlfq: allotment %d at queue %d: it must be at least 1 time slice", allots[l], l)
		}
	}
	if o.Boost < 0 {
		return nil, fmt.Errorf("mlfq: boost period %d: use 0 for none", o.Boost)
	}
	return &MLFQ{quanta: quanta, allots: allots, boost: o.Boost, stay: o.Stay, ioBump: o.IOBump,
		queues: make([]queue, n), nextBoost: o.Boost}, nil
}

// reversed returns a list given from the top queue down, indexed by queue.
func reversed(top []int64) []int64 {
	out := slices.Clone(top)
	slices.Reverse(out)
	return out
}

func (p *MLFQ) Name() string { return "mlfq" }

func (p *MLFQ) top() int { return len(p.queues) - 1 }

// setup gives a new job its place at the top (rule 3), and brings one that
// missed a boost while it was away (blocked) up to date (rule 5).
func (p *MLFQ) setup(t *Task) {
	if !t.known || t.epoch < p.epoch {
		if !t.known {
			t.charged = t.Total
		}
		t.known = true
		t.level = p.top()
		t.sliceLeft, t.allotLeft = p.quanta[t.level], p.allots[t.level]
		t.epoch = p.epoch
	}
}

// charge counts the ticks t ran since last accounted against its slice,
// and reports whether the slice is used up.
func (p *MLFQ) charge(t *Task) bool {
	t.sliceLeft -= t.Total - t.charged
	t.charged = t.Total
	return t.sliceLeft <= 0
}

// expire ends t's used-up slice: one slice less of its allotment, and when
// the allotment is spent one queue down (rule 4). It returns the reason.
func (p *MLFQ) expire(t *Task) msg.Text {
	l := t.level
	t.allotLeft--
	t.expired = true
	var why msg.Text
	if t.allotLeft == 0 {
		next := max(l-1, 0)
		t.level, t.allotLeft = next, p.allots[next]
		if next < l {
			why = msg.New(msg.MLFQDown, msg.Int("l", l), msg.Int("next", next))
		} else {
			why = msg.New(msg.MLFQBottom, msg.Int("l", l))
		}
	} else {
		why = msg.New(msg.MLFQSlice, msg.Int("q", p.quanta[l]), msg.Int("l", l), msg.Int("more", t.allotLeft))
	}
	t.sliceLeft = p.quanta[t.level]
	return why
}

// catchUp carries out the boosts due by now (rule 5). Boosts with nothing
// in between have the effect of one.
func (p *MLFQ) catchUp(now int64) {
	if p.boost <= 0 || now < p.nextBoost {
		return
	}
	at := now - now%p.boost
	p.nextBoost = at + p.boost
	p.epoch++
	top := p.top()
	var merged queue
	add := func(l int) {
		for _, r := range p.running {
			if r.level == l && !r.expired {
				r.held = true
				merged.pushBack(r)
			}
		}
		merged.tasks = append(merged.tasks, p.queues[l].tasks...)
		merged.restricted += p.queues[l].restricted
		for _, r := range p.running {
			if r.level == l && r.expired {
				r.held = true
				merged.pushBack(r)
			}
		}
		p.queues[l] = queue{}
	}
	add(top)
	for l := range top {
		add(l)
	}
	for _, t := range merged.tasks {
		t.level = top
		t.sliceLeft, t.allotLeft = p.quanta[top], p.allots[top]
		t.epoch = p.epoch
	}
	p.queues[top] = merged
	p.notes = append(p.notes, Note{Text: msg.New(msg.MLFQBoost, msg.Int("at", at), msg.Int("every", p.boost), msg.Int("top", top))})
}

// dropRunning forgets t as running.
func (p *MLFQ) dropRunning(t *Task) {
	if i := slices.Index(p.running, t); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
}

func (p *MLFQ) Enqueue(t *Task, why Why, now int64) {
	p.catchUp(now)
	p.setup(t)
	p.dropRunning(t)
	if why == Preempted || why == Yielded {
		if p.charge(t) {
			p.expire(t)
		}
	}
	expired := t.expired
	t.expired = false
	if t.held {
		t.held = false // a boost kept its place
		p.waiting++
		return
	}
	q := &p.queues[t.level]
	switch {
	case why == Woken && p.ioBump:
		// In mlfq.py the running job stays at the head of its queue, so
		// a job back from I/O goes before it and runs next: the running
		// jobs of its queue keep their places right behind it.
		for i := len(p.running) - 1; i >= 0; i-- {
			if r := p.running[i]; r.level == t.level && !r.held {
				r.held = true
				q.pushFront(r)
			}
		}
		q.pushFront(t)
	case why == ChildFirst,
		why == Preempted && !expired: // a higher queue took the CPU: it stays at the head of its own
		q.pushFront(t)
	default:
		q.pushBack(t)
	}
	p.waiting++
}

func (p *MLFQ) Remove(t *Task) {
	if p.queues[t.level].remove(t) && !t.held {
		p.waiting--
	}
	t.held = false
	p.dropRunning(t)
}

func (p *MLFQ) Pick(cpu int, now int64) (*Task, msg.Text) {
	p.catchUp(now)
	for l := p.top(); l >= 0; l-- {
		q := &p.queues[l]
		for i, t := range q.tasks {
			if t.held || !t.Allowed(cpu) {
				continue
			}
			q.tasks = append(q.tasks[:i:i], q.tasks[i+1:]...)
			q.count(t, -1)
			p.waiting--
			p.running = append(p.running, t)
			return t, msg.New(msg.MLFQFirst, msg.Int("l", l), msg.Int("left", t.sliceLeft))
		}
	}
	return nil, msg.Text{}
}

func (p *MLFQ) Tick(t *Task, cpu int, now int64) msg.Text {
	p.setup(t)
	var why msg.Text
	if p.charge(t) {
		why = p.expire(t)
	}
	p.catchUp(now)
	if t.held {
		ahead := p.ahead(t)
		if ahead == nil {
			// First in the top queue after a boost: it runs on, on a fresh slice.
			p.queues[t.level].remove(t)
			t.held, t.expired = false, false
			return msg.Text{}
		}
		if p.boost > 0 && p.nextBoost-p.boost == now {
			return msg.New(msg.MLFQBoostAhead, msg.Int("l", t.level), ahead.Who("who"))
		}
		return msg.New(msg.MLFQAhead, ahead.Who("who"), msg.Int("l", t.level))
	}
	return why
}

// ahead is the first waiting job before t in t's queue, or nil.
func (p *MLFQ) ahead(t *Task) *Task {
	for _, u := range p.queues[t.level].tasks {
		if u == t {
			return nil
		}
		if !u.held {
			return u
		}
	}
	return nil
}

func (p *MLFQ) Budget(t *Task, cpu int, now int64) int64 {
	p.catchUp(now)
	p.setup(t)
	b := t.sliceLeft
	if p.boost > 0 {
		b = min(b, p.nextBoost-now)
	}
	return max(b, 1)
}

// Left accounts for the end of t's CPU burst: with Options.Stay, issuing
// an I/O renews its slice and allotment, before the slice it may have just
// used up is counted, as mlfq.py does.
func (p *MLFQ) Left(t *Task, now int64) {
	p.setup(t)
	p.dropRunning(t)
	if t.held {
		p.queues[t.level].remove(t)
		t.held = false
	}
	used := p.charge(t)
	if p.stay {
		t.sliceLeft, t.allotLeft = p.quanta[t.level], p.allots[t.level]
	}
	if used {
		from := t.level
		p.expire(t)
		if t.level < from {
			p.notes = append(p.notes, Note{PID: t.PID, TID: t.TID, Text: msg.New(msg.MLFQNoteDown, t.Who("who"), msg.Int("l", from), msg.Int("next", t.level))})
		}
	}
	t.expired = false
}

func (p *MLFQ) Preempts(cur, t *Task, cpu int) msg.Text {
	if t.level > cur.level {
		return msg.New(msg.MLFQAbove, t.Who("who"), msg.Int("l", t.level), cur.Who("cur"), msg.Int("cl", cur.level))
	}
	if cur.held && p.ahead(cur) == t {
		return msg.New(msg.MLFQIOBump, t.Who("who"), msg.Int("l", t.level), cur.Who("cur"))
	}
	return msg.Text{}
}

func (p *MLFQ) Ready(cpu int) []*Task {
	var out []*Task
	for l := p.top(); l >= 0; l-- {
		for _, t := range p.queues[l].tasks {
			if !t.held && t.Allowed(cpu) {
				out = append(out, t)
			}
		}
	}
	return out
}

func (p *MLFQ) Len(cpu int) int {
	restricted := false
	for l := range p.queues {
		restricted = restricted || p.queues[l].restricted > 0
	}
	if !restricted {
		return p.waiting
	}
	return len(p.Ready(cpu))
}

// Levels shows the queues, the top one first.
func (p *MLFQ) Levels(cpu int) []Level {
	var out []Level
	for l := p.top(); l >= 0; l-- {
		lv := Level{Name: fmt.Sprintf("queue %d (quantum %d, allotment %d)", l, p.quanta[l], p.allots[l])}
		for _, t := range p.queues[l].tasks {
			if !t.held && t.Allowed(cpu) {
				lv.Tasks = append(lv.Tasks, t)
			}
		}
		out = append(out, lv)
	}
	return out
}

// Describe shows the job's queue, slice and allotment.
func (p *MLFQ) Describe(t *Task) string {
	if !t.known {
		return ""
	}
	left := t.sliceLeft - (t.Total - t.charged) // a running job's latest ticks are not yet charged
	return fmt.Sprintf("queue %d, %d of %d ticks of its slice left, %d of %d slices of its allotment left",
		t.level, max(left, 0), p.quanta[t.level], t.allotLeft, p.allots[t.level])
}

// Notes returns the boosts and demotions since last asked.
func (p *MLFQ) Notes() []Note {
	n := p.notes
	p.notes = nil
	return n
}
