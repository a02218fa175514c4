package kernel

import (
	"fmt"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// State is a process state of the lecture's five-state diagram.
type State int

const (
	StateNew        State = iota // being created
	StateReady                   // waiting for a CPU
	StateRunning                 // on a CPU
	StateWaiting                 // blocked until an event (child exit, input, timer, I/O)
	StateTerminated              // exited; a zombie until its parent reaps it

	// The two states the medium-term scheduler adds (Config.Resident):
	// swapped out of memory while ready, or while waiting (the lecture's
	// suspended-blocked).
	StateSuspendedReady
	StateSuspendedWaiting
)

var stateNames = [...]string{"new", "ready", "running", "waiting", "terminated", "suspended ready", "suspended waiting"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Letter is the state as ps shows it: R running or ready, S waiting,
// Z zombie.
func (s State) Letter() byte {
	switch s {
	case StateWaiting, StateSuspendedWaiting:
		return 'S'
	case StateTerminated:
		return 'Z'
	}
	return 'R'
}

// blocked reports whether a process in state s waits for an event, in
// memory or swapped out.
func (s State) blocked() bool { return s == StateWaiting || s == StateSuspendedWaiting }

// Process is a process control block.
//
// Pids: 1 is init, a process inside the kernel (it has no program): it
// adopts orphans and reaps them at once. The process Start creates is pid 2
// and its parent is init; later pids count up and are never reused within a
// machine.
type Process struct {
	PID, PPID int
	PGID      int      // process group: the initial process's pid, inherited
	Name      string   // command name: the program's base name, as Linux's comm
	Argv      []string // command line
	State     State
	Cause     string // why it entered State
	WaitOn    string // while waiting: what for ("child", "tty", "timer", or a device)
	Nice      int
	Created   int64 // tick of creation
	Ended     int64 // tick of termination
	Status    int   // wait status once terminated
	CPU       int   // CPU it runs on, -1 when not running

	parent   *Process
	children []*Process // in order of creation or adoption (the order wait scans)
	task     sched.Task
	ctx      *vm.Context
	files    *fs.Table
	cwd      string

	// System-call state.
	inSyscall bool     // entered, not yet returned: a blocked call restarts
	waitKey   waitChan // what it sleeps on
	wakeAt    int64    // timer: tick to wake up (sleep, usleep)
	timerDone bool     // the timer of the pending sleep expired
	killSig   int      // a fatal signal to act on at the next chance
	yieldTo   string   // give the CPU up after this call returns, and why (child-first fork)
	yieldHow  sched.Why
	sys       abi.Sys // the call in progress
	instrBase int64   // instructions of earlier programs (exec replaces the context)

	job     *jobRun   // a workload job: bursts instead of a program
	ioDev   *device   // the device of the I/O in progress
	lentTo  []lend    // tickets lent while waiting (ticket transfer)
	blocked int64     // tick it last blocked, for choosing whom to swap out
	swapHow sched.Why // how it became ready before it was swapped out
}

// waitChan identifies what a waiting process sleeps on, as xv6's chan.
type waitChan struct {
	kind string // "child", "tty", "timer", "io"
	pid  int    // "child": the waiting parent
}

// timed reports whether p waits for a moment in time: a timer or the end
// of an I/O.
func (p *Process) timed() bool {
	return p.State.blocked() && (p.waitKey.kind == "timer" || p.waitKey.kind == "io")
}

// IsInit reports whether p is pid 1.
func (p *Process) IsInit() bool { return p.PID == 1 }

// CPUTicks is the CPU time the process has used.
func (p *Process) CPUTicks() int64 { return p.task.Total }

// Children lists the pids of p's children (zombies included).
func (p *Process) Children() []int {
	out := make([]int, len(p.children))
	for i, c := range p.children {
		out[i] = c.PID
	}
	return out
}

func (p *Process) removeChild(c *Process) {
	for i, x := range p.children {
		if x == c {
			p.children = append(p.children[:i:i], p.children[i+1:]...)
			return
		}
	}
}
