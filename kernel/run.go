package kernel

import (
	"errors"
	"fmt"
	"sort"

	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

var errNotRunning = errors.New("the machine is not running")

// errnoError is an errno as a Go error, for callers outside the machine.
type errnoError int

func (e errnoError) Error() string { return errnoText(int(e)) }

// Running in pieces gives the same run as running in one go: for any
// a <= b, RunTo(a) then RunTo(b) emits exactly the events RunTo(b) emits,
// in the same order, with the same ticks; so does any sequence of RunTo,
// Step, RunUntil and RunUntilTick calls that ends at the same point. The
// views and the replay that rewinds a session depend on it: a batch
// boundary is not an event. (TestSplitRunsMatchWholeRuns checks it.) A
// call cut short by Interrupt is one more piece: see interruptFlag
// (TestInterruptedRunsMatchWholeRuns).
//
// RunTo(t) stops before tick t: every CPU has accounted for every tick
// before t and nothing of tick t has happened yet, so its events all have
// Tick < t (but for a limit reached at t, which stops the machine there).
// A process whose last stretch ends at t exits with the next call, which
// also ends the run.
//
// In particular, with the manual policy, a RunTo(t) that stops at tick t
// has not asked the question of tick t, however the machine got there:
// the next call asks it and stops there, Now() still t. So the machine
// stands at tick t in one of two places: before the tick (after RunTo(t))
// or at its question (Asking not empty). A replay must give each input at
// the place the original run gave it: an input given while a question was
// pending is given again after running to the question (RunTo(t+1) stops
// there), one given before it right after RunTo(t).

// Step runs the machine for one tick.
func (m *Machine) Step() { m.RunTo(m.Now() + 1) }

// RunTo runs the machine until tick t, or until it stops or can only wait
// for input or for the user's choice.
func (m *Machine) RunTo(t int64) {
	m.intr.clearLast()
	if !m.started || m.halted {
		return
	}
	m.guard(func() { m.advance(t) })
}

// RunUntil runs until stop returns true for an event, then returns at the
// next point where the machine is consistent (the end of the current tick
// with several CPUs, at once with one). It also returns when the machine
// stops or can only wait for input. It reports whether stop held.
func (m *Machine) RunUntil(stop func(Event) bool) bool {
	return m.RunUntilTick(sched.Forever, stop)
}

// RunUntilTick is RunUntil bounded by RunTo: it runs until tick t or until
// stop returns true for an event, whichever comes first, and returns where
// RunTo(t) or RunUntil(stop) would. A nil stop never holds. It reports
// whether stop held. With several CPUs a stop that holds in tick t-1
// returns at the end of that tick, at t, as RunTo(t) would.
func (m *Machine) RunUntilTick(t int64, stop func(Event) bool) bool {
	m.intr.clearLast()
	if !m.started || m.halted {
		return false
	}
	m.stopAt, m.paused = stop, false
	defer func() { m.stopAt, m.paused = nil, false }()
	m.guard(func() { m.advance(t) })
	return m.paused
}

// Run runs the machine to the end (or until it can only wait for input)
// and returns the result.
func (m *Machine) Run() Result {
	m.RunTo(sched.Forever)
	return m.Result()
}

// guard turns a panic in the kernel into a stopped machine with the reason,
// so one broken session never takes the server down.
func (m *Machine) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			why := msg.New(msg.HaltInternal, msg.Name("err", fmt.Sprint(r)))
			m.halt(KindHalt, why, errors.New(why.String()))
		}
	}()
	f()
}

// finish stops the machine when every process has ended.
func (m *Machine) finish() {
	m.halt(KindHalt, msg.New(msg.HaltDone), nil)
}

// Result is the outcome of a run.
type Result struct {
	Status   int  // wait status of the first process, as its parent sees it
	Exited   bool // it called exit: Code is valid
	Code     int
	Signaled bool // a signal killed it: Signal is valid
	Signal   int
	Core     bool
	Ticks    int64 // simulated time at the end
	CPUTicks int64 // ticks the CPUs spent running processes
	Procs    []ProcSummary
	Err      error // why the machine stopped early, if it did
}

func (r *Result) setStatus(st int) {
	r.Status = st
	if sig := st & 0x7f; sig != 0 {
		r.Signaled, r.Signal, r.Core = true, sig, st&0x80 != 0
	} else {
		r.Exited, r.Code = true, st>>8&0xff
	}
}

// ExitCode is the first process's status as a shell's $? shows it: the
// exit code, or 128 + the signal number.
func (r Result) ExitCode() int {
	if r.Signaled {
		return 128 + r.Signal
	}
	return r.Code
}

// ProcSummary is what is left of a finished process.
type ProcSummary struct {
	PID, PPID      int
	Name           string
	Argv           []string
	Created, Ended int64
	CPUTicks       int64
	Status         int
}

func summarize(p *Process) ProcSummary {
	return ProcSummary{PID: p.PID, PPID: p.PPID, Name: p.Name, Argv: p.Argv,
		Created: p.Created, Ended: p.Ended, CPUTicks: p.CPUTicks(), Status: p.Status}
}

// Result reports the run so far.
func (m *Machine) Result() Result {
	r := m.result
	r.Ticks = m.now
	r.CPUTicks = m.used
	r.Err = m.err
	r.Procs = append([]ProcSummary(nil), r.Procs...)
	sort.Slice(r.Procs, func(i, j int) bool { return r.Procs[i].PID < r.Procs[j].PID })
	return r
}

// FirstPID is the pid of the process Start created.
func (m *Machine) FirstPID() int {
	if m.first == nil {
		return 0
	}
	return m.first.PID
}
