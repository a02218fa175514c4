// Package sched holds osplay's CPU-scheduling policies behind one small
// interface. The kernel owns the processes and the CPUs; a Policy owns only
// the ready queue(s) and decides which ready task a CPU runs next and when
// a running task must give the CPU back. Every decision comes with its
// reason in words, which the kernel records as an event.
//
// A policy is deterministic: no map iteration, no host time; random
// policies draw from the seed in Options. It is used by one machine on one
// goroutine.
package sched

import (
	"fmt"
	"math"
	"sort"
)

// Task is the scheduler's view of a process.
type Task struct {
	PID  int
	Name string
	Nice int // -20 (most favoured) … 19

	// Maintained by the kernel before it calls the policy:
	ReadySince int64 // tick the task last became ready
	Slice      int64 // ticks run since it was last dispatched
	Total      int64 // ticks run in all
	LastCPU    int   // CPU it last ran on, -1 before its first dispatch
}

// Why says how a task became ready.
type Why int

const (
	Arrived    Why = iota // just created (fork, or the first process)
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
	Pick(cpu int, now int64) (t *Task, reason string)
	// Tick is told that the running task t has run on cpu; t.Slice and
	// t.Total already count the new ticks. A non-empty result is the
	// reason to preempt t now.
	Tick(t *Task, cpu int, now int64) (preempt string)
	// Budget is how many more ticks t may run on cpu before Tick would
	// preempt it (at least 1), or Forever. The kernel runs that many ticks
	// in one go when nothing else can happen meanwhile.
	Budget(t *Task, cpu int) int64
	// Left is told that the running task t left the CPU without becoming
	// ready: it blocked or exited.
	Left(t *Task, now int64)
	// Preempts is asked when t becomes ready while cur runs on cpu; a
	// non-empty result is the reason to preempt cur at once.
	Preempts(cur, t *Task, cpu int) string
	// Ready lists the tasks cpu could run, in the order it would pick them.
	Ready(cpu int) []*Task
}

// Options configure a policy.
type Options struct {
	Quantum int64 // time slice in ticks (RR); 0 means DefaultQuantum
	CPUs    int   // number of CPUs (1–4)
	Seed    int64 // random seed for randomised policies
}

// DefaultQuantum is RR's time slice when none is given.
const DefaultQuantum = 10

var policies = map[string]func(Options) Policy{
	"fcfs": func(Options) Policy { return NewFCFS() },
	"rr":   func(o Options) Policy { return NewRR(o.Quantum) },
}

// New returns the policy with the given name.
func New(name string, o Options) (Policy, error) {
	mk, ok := policies[name]
	if !ok {
		return nil, fmt.Errorf("unknown scheduler %q (choose one of %v)", name, Names())
	}
	return mk(o), nil
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
