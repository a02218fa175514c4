package explore

import (
	"osplay/kernel"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// point is one scheduling point as a strategy sees it: the threads that
// could run, the running one first when Running (choosing it lets it run
// on), else the ready queue in order (the head is the default).
type point struct {
	N       int   // the point's number in the run, from 0
	Options []int // thread ids
	Running bool
	// Owner is the running thread, or the one that ran last when the
	// CPU is free; Step is Owner's points before this one.
	Owner, Step int
}

// strategy picks an index into Options at each point of a run.
type strategy interface {
	choose(p point) int
}

// maxStreak is how many points in a row one thread may keep the CPU while
// another could run before it is made to give it up: a thread spinning on
// a flag that only a preempted thread can set would otherwise spin for
// ever under a schedule that never preempts it. The forced switch is part
// of every schedule alike, default and replayed.
const maxStreak = 20_000

// controller is the chooser of a run: it numbers the scheduling points,
// asks the strategy, and records the switches the run made.
type controller struct {
	m        *kernel.Machine
	strategy strategy
	n        int         // points so far
	steps    map[int]int // per thread: its points so far
	last     int         // the thread that ran last
	streak   int
	opts     []int
	switches []Switch
	threads  map[int]bool // every thread seen at a point

	// The first point with a choice (several options): its number and
	// its tick, -1 before there is one.
	firstChoice int
	firstTickAt int64
}

func newController(s strategy) *controller {
	return &controller{strategy: s, steps: map[int]int{}, threads: map[int]bool{}, firstChoice: -1}
}

// Choose implements sched.Chooser.
func (c *controller) Choose(cpu int, cur *sched.Task, ready []*sched.Task) int {
	if cur != nil && !c.visible(cur.ID()) {
		return -1
	}
	owner := c.last
	c.opts = c.opts[:0]
	if cur != nil {
		owner = cur.ID()
		c.opts = append(c.opts, owner)
	}
	for _, t := range ready {
		c.opts = append(c.opts, t.ID())
	}
	for _, id := range c.opts {
		c.threads[id] = true
	}
	if len(c.opts) > 1 && c.firstChoice < 0 {
		c.firstChoice = c.n
		if c.m != nil {
			c.firstTickAt = c.m.Time()
		}
	}
	i := c.strategy.choose(point{N: c.n, Options: c.opts, Running: cur != nil, Owner: owner, Step: c.steps[owner]})
	if i < 0 || i >= len(c.opts) {
		i = 0
	}
	forced := false
	if cur != nil && i == 0 {
		c.streak++
		if c.streak > maxStreak {
			i, forced = 1, true
		}
	}
	if i != 0 {
		c.streak = 0
		if !forced {
			c.switches = append(c.switches, Switch{From: owner, Step: c.steps[owner], To: c.opts[i], Preempt: cur != nil})
		}
	}
	c.steps[owner]++
	c.n++
	c.last = c.opts[i]
	if cur != nil {
		return i - 1
	}
	return i
}

// Quiet implements sched.Quieter: a thread runs on without a question
// until its next visible step.
func (c *controller) Quiet(t *sched.Task) int64 {
	if c.m == nil {
		return 1
	}
	return c.m.Quiet(t.ID())
}

// visible reports whether thread tid's next step is one another thread
// can see or change: only before such a step is preempting it worth a
// schedule of its own. A step in library code or in the kernel counts.
func (c *controller) visible(tid int) bool {
	if c.m == nil {
		return true
	}
	ex, user := c.m.Peek(tid)
	if !user {
		return true
	}
	return ex.Size > 0 || ex.Op == vm.CALL || ex.Op == vm.CALLI || ex.Op == vm.SYSCALL
}

// defaults is the default schedule: the running thread runs on, a free
// CPU takes the head of the ready queue.
type defaults struct{}

func (defaults) choose(point) int { return 0 }

// follow replays switches: at a thread's point named by a switch, the
// switch's thread runs if it can; elsewhere the default.
type follow map[key]int

func newFollow(ws []Switch) follow {
	f := make(follow, len(ws))
	for _, w := range ws {
		f[key{w.From, w.Step}] = w.To
	}
	return f
}

func (f follow) choose(p point) int {
	to, ok := f[key{p.Owner, p.Step}]
	if !ok {
		return 0
	}
	return indexOf(p.Options, to)
}

// indexOf is the index of id in ids, or 0.
func indexOf(ids []int, id int) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return 0
}
