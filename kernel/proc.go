package kernel

import (
	"fmt"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// State is a state of the lecture's five-state diagram, of a thread or of
// a process.
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

	// Stopped by SIGSTOP (or SIGTSTP, SIGTTIN, SIGTTOU) until SIGCONT.
	StateStopped
)

var stateNames = [...]string{"new", "ready", "running", "waiting", "terminated", "suspended ready", "suspended waiting", "stopped"}

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
	case StateStopped:
		return 'T'
	}
	return 'R'
}

// blocked reports whether a thread in state s waits for an event, in
// memory or swapped out.
func (s State) blocked() bool { return s == StateWaiting || s == StateSuspendedWaiting }

// Process is a process control block: what a program's threads share.
// It owns the address space, the open files, the working directory, the
// children, the exit status; its threads (thread.go) own what runs. Its
// state in the five-state diagram is derived from its threads' (State).
//
// Pids: 1 is init, a process inside the kernel (it has no program): it
// adopts orphans and reaps them at once. The process Start creates is pid 2
// and its parent is init; later pids count up and are never reused within a
// machine. Threads take their ids from the same numbers.
type Process struct {
	PID, PPID int
	PGID      int      // process group: the initial process's pid, inherited
	Name      string   // command name: the program's base name, as Linux's comm
	Argv      []string // command line
	Nice      int
	Created   int64 // tick of creation
	Ended     int64 // tick of termination
	Status    int   // wait status once terminated

	parent   *Process
	children []*Process // in order of creation or adoption (the order wait scans)
	threads  []*Thread  // in tid order, the main thread first; a thread leaves once joined
	mem      *vm.AddressSpace
	prog     *vm.Program
	files    *fs.Table
	cwd      string
	killSig  int // a fatal signal to act on at the next chance

	// Signals (signal_state.go).
	actions    *[abi.MaxSig + 1]sigAction // by signal number; nil: every one the default (action, setAction)
	sigPending sigSet                     // sent to the process as a whole
	sigInfo    *[abi.MaxSig + 1]sigInfo   // what came with each pending signal; made with the first
	stopped    bool                       // stopped by a stop signal, until SIGCONT
	stopSig    int                        // the signal that stopped it
	waitReport int                        // a stop (StopStatus) or continue (ContinuedStatus) not yet reported to waitpid; 0 none
	alarmAt    int64                      // ITIMER_REAL expires at this tick; 0: not armed
	alarmEvery int64                      // then again every this many ticks; 0: once
	rtQueue    map[int][]sigInfo          // real-time signals queued behind the pending one (signal_rt.go)
	cpuTimers  [2]cpuTimer                // ITIMER_VIRTUAL and ITIMER_PROF (signal_rt.go)

	childExit WaitQueue             // its threads wait here for a child to exit (wait, waitpid)
	futexes   map[uint64]*WaitQueue // futex words its threads wait on, by address
	detached  map[int]bool          // tids of its detached threads, gone or not: a join of one is EINVAL
	stacks    []bool                // thread-stack slots in use (task_clone.go)
	gone      int64                 // CPU time of its threads that were joined
}

// main is the process's main thread, the one with the pid as its tid. It
// stays (terminated, if it called pthread_exit) as long as the process.
// action is what p does on sig.
func (p *Process) action(sig int) sigAction {
	if p.actions == nil {
		return sigAction{}
	}
	return p.actions[sig]
}

// setAction sets what p does on sig; the table is made by the first
// action that is not the default.
func (p *Process) setAction(sig int, a sigAction) {
	if p.actions == nil {
		if a == (sigAction{}) {
			return
		}
		p.actions = new([abi.MaxSig + 1]sigAction)
	}
	p.actions[sig] = a
}

func (p *Process) main() *Thread { return p.threads[0] }

// State is the process's state in the five-state diagram, derived from
// its threads': running if one runs, otherwise ready if one is, otherwise
// waiting if one waits (in memory, then swapped out: ready before
// waiting), new before its first thread is admitted, terminated once
// every thread has. A single-threaded process is in its thread's state.
func (p *Process) State() State { return p.rep().State }

// stateRank orders the states for State: the first that a thread is in
// is the process's.
var stateRank = [...]int{
	StateRunning: 0, StateReady: 1, StateWaiting: 2, StateStopped: 3, StateSuspendedReady: 4,
	StateSuspendedWaiting: 5, StateNew: 6, StateTerminated: 7,
}

// rep is the thread that stands for the process in the views: the first
// (in tid order) of the threads in the process's state.
func (p *Process) rep() *Thread {
	best := p.threads[0]
	for _, t := range p.threads[1:] {
		if stateRank[t.State] < stateRank[best.State] {
			best = t
		}
	}
	return best
}

// liveThreads lists the threads that have not terminated, in tid order.
func (p *Process) liveThreads() []*Thread {
	var out []*Thread
	for _, t := range p.threads {
		if t.live() {
			out = append(out, t)
		}
	}
	return out
}

// singleThreaded reports whether p has at most one live thread: the
// processes the medium-term scheduler may swap out.
func (p *Process) singleThreaded() bool { return len(p.liveThreads()) <= 1 }

// IsInit reports whether p is pid 1.
func (p *Process) IsInit() bool { return p.PID == 1 }

// CPUTicks is the CPU time the process has used, all its threads together.
func (p *Process) CPUTicks() int64 {
	n := p.gone
	for _, t := range p.threads {
		n += t.task.Total
	}
	return n
}

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
