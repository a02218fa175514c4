package kernel

import (
	"errors"
	"fmt"
	"sort"

	"osplay/kernel/sched"
)

var errNotRunning = errors.New("the machine is not running")

// errnoError is an errno as a Go error, for callers outside the machine.
type errnoError int

func (e errnoError) Error() string { return errnoText(int(e)) }

// Step runs the machine for one tick.
func (m *Machine) Step() { m.RunTo(m.now + 1) }

// RunTo runs the machine until tick t, or until it stops or can only wait
// for input.
func (m *Machine) RunTo(t int64) {
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
	if !m.started || m.halted {
		return false
	}
	m.stopAt, m.paused = stop, false
	defer func() { m.stopAt, m.paused = nil, false }()
	m.guard(func() { m.advance(sched.Forever) })
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
			msg := fmt.Sprintf("internal error: %v", r)
			m.halt(KindHalt, msg, errors.New(msg))
		}
	}()
	f()
}

// finish stops the machine when every process has ended.
func (m *Machine) finish() {
	m.halt(KindHalt, "all processes finished", nil)
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
		Created: p.Created, Ended: p.Ended, CPUTicks: p.task.Total, Status: p.Status}
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

func sortedKeys[V any](mp map[string]V) []string {
	out := make([]string, 0, len(mp))
	for k := range mp {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
