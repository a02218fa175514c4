// Package sched holds osplay's CPU-scheduling policies behind one small
// interface. The kernel owns the processes and the CPUs; a Policy owns only
// the ready queue(s) and decides which ready task a CPU runs next and when
// a running task must give the CPU back. Every decision comes with its
// reason, a text of the kernel's catalogue (kernel/msg) with its
// arguments, which the kernel records as an event.
//
// The policies are the lecture's, one file each: FCFS, SJF (with the
// exponential average as an option), STCF, round robin, priority
// (preemptive or not, with aging), multilevel queue, MLFQ (OSTEP's rules),
// lottery, stride, a CFS-like fair scheduler, and a manual policy in which
// the student decides. Any of them can run with one shared queue or with
// one queue per CPU (percpu.go).
//
// A task is a thread (a single-threaded process is one task). Ties are
// broken the same way everywhere: among tasks equal by the policy's
// measure, the one that became ready first runs first, and among those the
// lower id (Task.ID: the pid of a single-threaded process). A FIFO queue
// (FCFS, RR, the levels of MLQ and MLFQ) keeps the order tasks entered it,
// which is the same rule.
//
// A policy is deterministic: no map iteration, no host time; random
// policies draw from the seed in Options. It is used by one machine on one
// goroutine.
package sched

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"osplay/kernel/msg"
)

// Task is the scheduler's view of a thread: what CPUs run. A
// single-threaded process is one task whose TID is its PID.
type Task struct {
	PID  int // the process
	TID  int // the thread; 0 in a task made without one means the process's only thread
	Name string
	Nice int // -20 (most favoured) … 19: CFS's weight

	// Attributes a workload gives (C programs: Priority is the nice value).
	Priority int    // lower number = higher priority, as in the lecture
	Tickets  int    // lottery and stride share; 0 means DefaultTickets
	Affinity uint64 // CPUs it may run on (bit i = CPU i); 0 means any

	// Maintained by the kernel before it calls the policy:
	ReadySince int64 // tick the task last became ready
	Slice      int64 // ticks run since it was last dispatched
	Total      int64 // ticks run in all
	LastCPU    int   // CPU it last ran on, -1 before its first dispatch
	Burst      int64 // length of the current CPU burst when known in advance (workload jobs), else 0
	BurstRan   int64 // ticks run in the current CPU burst
	Borrowed   int   // tickets lent to it by tasks that wait for it (ticket transfer)

	// Kept by the policy that holds the task.
	charged   int64   // Total when the policy last accounted for the task
	key       float64 // ordering key while in an ordered queue
	pos       int     // 1 + index in an ordered queue; 0 when in none
	known     bool    // the policy has set up its own fields below
	estimate  float64 // SJF: τ, the predicted length of the next CPU burst
	level     int     // MLQ, MLFQ: the queue; priority with aging: the priority it was dispatched with
	sliceLeft int64   // MLFQ: ticks left of the time slice
	allotLeft int64   // MLFQ: time slices left of the allotment at this level
	epoch     int     // MLFQ: boosts seen
	expired   bool    // MLFQ: its slice ran out and it must go to the back
	held      bool    // MLFQ: a boost kept its place in a queue while it runs
	pass      int64   // stride: pass value (ticks × stride); CFS: vruntime (ticks × 1024 × 1024 / weight)
	home      int     // per-CPU queues: the CPU whose queue holds it
}

// ID is the task's thread id, the number policies break ties with and the
// manual policy is told to choose: TID, or PID when the task has no TID.
// Threads take their ids from the pid numbers (as Linux's do), so among
// single-threaded processes ID orders as PID.
func (t *Task) ID() int {
	if t.TID != 0 {
		return t.TID
	}
	return t.PID
}

// Who is the task as the argument key of a reason, which names it after
// the word "pid": the pid of a process's main thread ("5"), and for any
// other thread the pid and the thread ("5 (thread 7)").
func (t *Task) Who(key string) msg.Arg { return msg.Task(key, t.PID, t.TID) }

// Allowed reports whether t may run on cpu.
func (t *Task) Allowed(cpu int) bool {
	return t.Affinity == 0 || cpu < 64 && t.Affinity&(1<<uint(cpu)) != 0
}

// Remaining is the length of t's current CPU burst still to run when the
// burst's length is known, or -1.
func (t *Task) Remaining() int64 {
	if t.Burst <= 0 {
		return -1
	}
	return max(t.Burst-t.BurstRan, 0)
}

// Why says how a task became ready.
type Why int

const (
	Arrived    Why = iota // just created (fork, a workload job, the first process)
	Woken                 // the event it waited for happened
	Preempted             // taken off the CPU while still able to run
	Yielded               // gave the CPU up itself (sched_yield)
	ChildFirst            // created by fork with "child runs first": dispatch it next
)

func (w Why) String() string {
	switch w {
	case Arrived:
		return "arrived"
	case Woken:
		return "woken"
	case Preempted:
		return "preempted"
	case Yielded:
		return "yielded"
	case ChildFirst:
		return "child first"
	}
	return fmt.Sprintf("Why(%d)", int(w))
}

// Forever is the Budget of a task that is never preempted by the clock.
const Forever = math.MaxInt64 / 4

// Policy is a scheduling policy. The kernel calls it at every change of a
// task's readiness and after every stretch of running.
type Policy interface {
	// Name is the policy's short name ("fcfs", "rr").
	Name() string
	// Enqueue makes t ready.
	Enqueue(t *Task, why Why, now int64)
	// Remove takes a ready task out of the queue without running it (it was
	// killed while ready).
	Remove(t *Task)
	// Pick removes and returns the task cpu should run next, with the
	// reason, or nil when cpu should idle.
	Pick(cpu int, now int64) (t *Task, reason msg.Text)
	// Tick is told that the running task t has run on cpu; t.Slice and
	// t.Total already count the new ticks. A non-empty result is the
	// reason to preempt t now.
	Tick(t *Task, cpu int, now int64) (preempt msg.Text)
	// Budget is how many more ticks t may run on cpu from now before Tick
	// would preempt it (at least 1), or Forever. The kernel runs that many
	// ticks in one go when nothing else can happen meanwhile.
	Budget(t *Task, cpu int, now int64) int64
	// Left is told that the running task t left the CPU without becoming
	// ready: it blocked or exited.
	Left(t *Task, now int64)
	// Preempts is asked when t becomes ready while cur runs on cpu; a
	// non-empty result is the reason to preempt cur at once.
	Preempts(cur, t *Task, cpu int) msg.Text
	// Ready lists the tasks cpu could run, in the order it would pick them
	// (lottery: in the order they entered the pool).
	Ready(cpu int) []*Task
	// Len is how many tasks wait in cpu's ready queue(s): len(Ready(cpu)),
	// without building the list.
	Len(cpu int) int
}

// Note is something a policy did on its own, not as the answer to a call:
// an MLFQ priority boost. The kernel records each as an event.
type Note struct {
	PID  int // the task concerned, 0 for all
	TID  int // its thread
	Text msg.Text
}

// Noter is a Policy that makes notes. The kernel takes them after every
// call; Notes returns them once.
type Noter interface {
	Notes() []Note
}

// Level is one ready queue of a policy with several (MLQ, MLFQ, per-CPU).
type Level struct {
	Name  string
	Tasks []*Task
}

// Leveled is a Policy with several ready queues, which a view shows apart.
type Leveled interface {
	Levels(cpu int) []Level
}

// Describer says how a policy sees one task ("queue 2, 3 of 10 ticks of
// its slice left"), for the PCB view.
type Describer interface {
	Describe(t *Task) string
}

// Decider is a policy in which someone outside the machine chooses (the
// manual policy): Pick returns nil while a choice is pending.
type Decider interface {
	// Undecided reports whether cpu waits for a choice.
	Undecided(cpu int) bool
	// Choose makes the task with id pid (Task.ID) the next task cpu runs.
	Choose(cpu, pid int) error
}

// Lender is a policy under which a task that waits for another lends it
// its tickets (lottery and stride with ticket transfer).
type Lender interface {
	Transfers() bool
}

// Options configure a policy. The zero value of every field means its
// default.
type Options struct {
	Quantum int64 // time slice in ticks (RR, lottery, stride, manual, MLQ/MLFQ levels): DefaultQuantum
	CPUs    int   // number of CPUs (1–4)
	Seed    int64 // random seed for randomised policies

	Preemptive bool    // priority: a more urgent arrival preempts; manual: the quantum preempts
	WakeFirst  bool    // FCFS: a task whose wait ends runs at once (process-run.py's IO_RUN_IMMEDIATE)
	Aging      int64   // priority: every Aging ticks in the ready queue raise a task's priority by one step
	Estimate   bool    // SJF, STCF: predict bursts by exponential averaging even when their lengths are known
	Alpha      float64 // SJF, STCF: weight of the last burst in the average (DefaultAlpha)
	Tau0       float64 // SJF, STCF: the first prediction, τ₀ (DefaultTau0)

	Levels     int     // MLQ, MLFQ: number of queues (DefaultLevels)
	Quanta     []int64 // MLQ, MLFQ: time slice per queue, highest priority first (MLQ: 0 = FCFS)
	Allotments []int64 // MLFQ: time slices a job may use at each level, highest first (1)
	Boost      int64   // MLFQ: every Boost ticks, all jobs go back to the top queue (0: never)
	Stay       bool    // MLFQ: issuing an I/O resets the job's slice and allotment (OSTEP's old rule 4b)
	IOBump     bool    // MLFQ: a job back from I/O goes to the front of its queue

	Transfer bool // lottery, stride: a task waiting for a child lends it its tickets

	Latency        int64 // CFS: targeted latency, sched_latency (DefaultLatency)
	MinGranularity int64 // CFS: the shortest slice, min_granularity (DefaultMinGranularity)

	AskAlways bool // manual: ask even when only one task is ready

	PerCPU bool // one ready queue per CPU, with affinity and migration
	Pin    bool // per-CPU queues: never migrate (to show load imbalance)
}

// Defaults of Options.
const (
	DefaultQuantum        = 10
	DefaultTickets        = 100
	DefaultAlpha          = 0.5
	DefaultTau0           = 10
	DefaultLevels         = 3
	DefaultLatency        = 48
	DefaultMinGranularity = 6
	MaxLevels             = 16
)

// quantum is o.Quantum or its default.
func (o Options) quantum() int64 {
	if o.Quantum <= 0 {
		return DefaultQuantum
	}
	return o.Quantum
}

type maker func(Options) (Policy, error)

// policies maps the canonical names to their constructors.
var policies = map[string]maker{
	"fcfs": func(o Options) (Policy, error) { return &FCFS{wakeFirst: o.WakeFirst}, nil },
	"sjf":  func(o Options) (Policy, error) { return NewSJF(o), nil },
	"stcf": func(o Options) (Policy, error) { return NewSTCF(o), nil },
	"rr": func(o Options) (Policy, error) {
		if o.Seed != 0 {
			return NewRRSeeded(o.Quantum, o.Seed), nil
		}
		return NewRR(o.Quantum), nil
	},
	"priority": func(o Options) (Policy, error) { return NewPriority(o), nil },
	"mlq":      func(o Options) (Policy, error) { return NewMLQ(o) },
	"mlfq":     func(o Options) (Policy, error) { return NewMLFQ(o) },
	"lottery":  func(o Options) (Policy, error) { return NewLottery(o), nil },
	"stride":   func(o Options) (Policy, error) { return NewStride(o), nil },
	"cfs":      func(o Options) (Policy, error) { return NewCFS(o), nil },
	"manual":   func(o Options) (Policy, error) { return NewManual(o), nil },
}

// aliases are the other names the lectures use.
var aliases = map[string]string{
	"fifo": "fcfs", "srtf": "stcf", "psjf": "stcf", "roundrobin": "rr", "prio": "priority",
	"fair": "cfs",
}

// New returns the policy with the given name (or alias).
func New(name string, o Options) (Policy, error) {
	if canon, ok := aliases[name]; ok {
		name = canon
	}
	mk, ok := policies[name]
	if !ok {
		return nil, fmt.Errorf("unknown scheduler %q (choose one of %v)", name, Names())
	}
	if o.PerCPU && o.CPUs > 1 {
		return newPerCPU(name, o, mk)
	}
	return mk(o)
}

// Names lists the policies New knows, sorted.
func Names() []string {
	out := make([]string, 0, len(policies))
	for n := range policies {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// before is the tie-break rule of every ordered policy: the task ready
// first, then the lower id (pid, for single-threaded processes).
func before(a, b *Task) bool {
	if a.ReadySince != b.ReadySince {
		return a.ReadySince < b.ReadySince
	}
	return a.ID() < b.ID()
}

// pidList lists the ids of tasks, for reasons.
func pidList(ts []*Task) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(t.ID())
	}
	return s
}

// sortedCopy returns ts ordered by less, ts unchanged.
func sortedCopy(ts []*Task, less func(a, b *Task) bool) []*Task {
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b *Task) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
	return out
}

// argBlock hands out the argument lists of a policy's reasons from blocks
// made now and then, instead of one allocation a reason: a policy gives
// one at every dispatch. Each list is handed out once, and a text, once
// made, is never changed, so the texts that share a block never see each
// other. The blocks grow from 4 lists to 32: a class pressing Run at
// once starts a thousand machines, and their first dispatches should not
// each take memory for 32.
type argBlock struct {
	free []msg.Arg
	size int // of the last block made
}

// text is the text code with the single argument a.
func (b *argBlock) text(code msg.Code, a msg.Arg) msg.Text {
	if len(b.free) == 0 {
		b.size = min(max(2*b.size, 4), 32)
		b.free = make([]msg.Arg, b.size)
	}
	args := b.free[:1:1]
	b.free = b.free[1:]
	args[0] = a
	return msg.Text{Code: code, Args: args}
}
