package sched

import (
	"fmt"
	"slices"

	"osplay/kernel/msg"
)

// CFS is a fair scheduler after Linux's Completely Fair Scheduler (OSTEP
// chapter 9): every task accumulates virtual runtime, its CPU time scaled
// by 1024 / its weight, and the task with the least vruntime runs. The
// weight comes from the nice value by Linux's table (nice 0 is 1024, and
// each step of nice is about 10% of CPU). A task runs for its share of the
// targeted latency, sched_latency × weight / total weight of the runnable
// tasks, but never less than min_granularity; with many tasks the period
// stretches to n × min_granularity.
//
// A new task starts at the smallest vruntime present, min_vruntime, and a
// task that wakes up is raised to it (Linux gives a sleeper a little
// credit; OSTEP's account does not), so neither can monopolise the CPU. A
// task that wakes with a vruntime more than min_granularity below the
// running task's preempts it.
type CFS struct {
	h        ordered
	latency  int64
	minGran  int64
	running  []*Task
	minV     int64 // min_vruntime: never decreases
	load     int64 // total weight of the runnable tasks (ready and running)
	runnable int
}

// vrScale is a tick of a nice-0 task in vruntime units: vruntime is kept
// in 1/1024 ticks so that weights divide without losing much.
const vrScale = 1024

// niceWeights is Linux's sched_prio_to_weight, nice -20 to 19.
var niceWeights = [40]int64{
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
	110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
}

// Weight is the CFS weight of a nice value.
func Weight(nice int) int64 { return niceWeights[min(max(nice, -20), 19)+20] }

// NewCFS returns a CFS-like policy.
func NewCFS(o Options) *CFS {
	p := &CFS{latency: o.Latency, minGran: o.MinGranularity}
	if p.latency <= 0 {
		p.latency = DefaultLatency
	}
	if p.minGran <= 0 {
		p.minGran = DefaultMinGranularity
	}
	return p
}

func (p *CFS) Name() string { return "cfs" }

// charge adds the ticks t ran since last charged to its vruntime.
func (p *CFS) charge(t *Task) {
	p.catchUp(t)
	p.updateMin()
}

// catchUp adds the ticks t ran since last charged to its vruntime.
func (p *CFS) catchUp(t *Task) {
	t.pass += (t.Total - t.charged) * 1024 * vrScale / Weight(t.Nice)
	t.charged = t.Total
}

// updateMin moves min_vruntime up to the smallest vruntime present,
// the running tasks' brought up to date first, as Linux's update_curr
// does before a task is placed: min_vruntime is then a function of the
// ticks run, not of when the kernel last happened to charge them (a run
// stopped part-way and run on is the whole run).
func (p *CFS) updateMin() {
	for _, t := range p.running {
		p.catchUp(t)
	}
	m, any := int64(0), false
	if len(p.h.tasks) > 0 {
		m, any = p.h.tasks[0].pass, true
	}
	for _, t := range p.running {
		if !any || t.pass < m {
			m, any = t.pass, true
		}
	}
	if any {
		p.minV = max(p.minV, m)
	}
}

// period is the time in which every runnable task should run once.
func (p *CFS) period() int64 { return max(p.latency, int64(p.runnable)*p.minGran) }

// slice is t's share of the period.
func (p *CFS) slice(t *Task) int64 {
	if p.load == 0 {
		return p.period()
	}
	return max(p.period()*Weight(t.Nice)/p.load, 1)
}

func (p *CFS) Enqueue(t *Task, why Why, now int64) {
	if i := slices.Index(p.running, t); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
	switch {
	case !t.known:
		t.known, t.charged = true, t.Total
		p.updateMin()
		t.pass = p.minV
		p.load += Weight(t.Nice)
		p.runnable++
	case why == Woken:
		p.updateMin()
		t.pass = max(t.pass, p.minV)
		p.load += Weight(t.Nice)
		p.runnable++
	default:
		p.charge(t)
	}
	p.h.push(t, float64(t.pass))
}

func (p *CFS) Remove(t *Task) {
	if t.pos > 0 {
		p.h.remove(t)
		p.load -= Weight(t.Nice)
		p.runnable--
	}
}

func (p *CFS) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.h.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	p.running = append(p.running, t)
	return t, msg.New(msg.CFSSmallest, msg.Num("vr", vruntime(t.pass)), msg.Int("slice", p.slice(t)))
}

// vruntime shows a vruntime in ticks.
func vruntime(v int64) float64 { return float64(v*100/vrScale) / 100 }

func (p *CFS) Tick(t *Task, cpu int, now int64) msg.Text {
	p.charge(t)
	s := p.slice(t)
	if t.Slice < s {
		return msg.Text{}
	}
	if p.h.lenFor(cpu) == 0 {
		t.Slice = 0
		return msg.Text{}
	}
	return msg.New(msg.CFSSlice, msg.Int("slice", s), msg.Int("latency", p.period()),
		msg.Int("weight", Weight(t.Nice)), msg.Int("total", p.load))
}

func (p *CFS) Budget(t *Task, cpu int, now int64) int64 { return sliceLeft(p.slice(t), t) }

func (p *CFS) Left(t *Task, now int64) {
	p.charge(t)
	if i := slices.Index(p.running, t); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
	p.load -= Weight(t.Nice)
	p.runnable--
}

func (p *CFS) Preempts(cur, t *Task, cpu int) msg.Text {
	p.charge(cur)
	if cur.pass-t.pass > p.minGran*vrScale {
		return msg.New(msg.CFSPreempt, t.Who("who"), msg.Num("vr", vruntime(t.pass)),
			msg.Int("gran", p.minGran), cur.Who("cur"), msg.Num("cvr", vruntime(cur.pass)))
	}
	return msg.Text{}
}

func (p *CFS) Ready(cpu int) []*Task { return p.h.listFor(cpu) }
func (p *CFS) Len(cpu int) int       { return p.h.lenFor(cpu) }

// Describe shows the task's vruntime and weight.
func (p *CFS) Describe(t *Task) string {
	v := t.pass + (t.Total-t.charged)*1024*vrScale/Weight(t.Nice)
	return fmt.Sprintf("vruntime %s, weight %d (nice %d)", num(vruntime(v)), Weight(t.Nice), t.Nice)
}
