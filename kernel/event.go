package kernel

import (
	"fmt"
	"strconv"
	"strings"

	"osplay/kernel/msg"
)

// Kind is the kind of an event.
type Kind int

// The kinds of events. Each is produced at the moment of the change it
// reports; the comment lists the Event fields it uses besides Tick, CPU,
// PID and TID.
const (
	KindCreate   Kind = iota // a process was created: Other = parent, Name = command, Argv
	KindState                // a state transition: From, To, Cause; Name = the device when it blocks on one
	KindDispatch             // CPU starts running PID: Cause = the policy's reason
	KindPreempt              // PID taken off CPU while runnable: Cause
	KindSwitch               // a context switch from PID (thread TID), what the CPU ran last, to Other (thread OtherTID), Ticks long (none before a CPU's first dispatch)
	KindIdle                 // CPU has nothing to run
	KindSyscall              // PID entered a system call: Name, Args, Text
	KindSysret               // the call returned: Name, Result, Errno
	KindExec                 // PID now runs a new program: Name = path, Argv
	KindExit                 // PID terminated: Status (wait status), Cause
	KindReap                 // PID (the parent) reaped its zombie child Other: Status
	KindAdopt                // orphan PID was adopted by Other (init)
	KindSignal               // PID (0: the user) sent Signal to Other
	KindFault                // PID faulted: Signal, Addr, Msg
	KindOutput               // PID wrote Data to the console stream FD (1 or 2)
	KindInput                // the user typed Data on the console (Msg "EOF" at end of input)
	KindLimit                // a limit was hit: Msg; the machine stops
	KindHalt                 // the machine stopped: Msg says why
	KindSched                // the scheduler acted on its own (MLFQ boost, ticket transfer, swapping): PID (0: all), Cause
	KindAsk                  // the manual policy waits for the user to choose who runs on CPU: Msg lists the ready pids
	// KindOOM: the processes together needed more memory than the machine
	// has (Config.MaxTotalMemory, in Limit and Value): the kernel kills
	// PID, the process with the most memory resident (Bytes), with
	// SIGKILL; its exit follows. Other is the process that needed a page
	// (0 when none did: the kernel, loading a program). Msg says it all.
	KindOOM

	// Threads. A process's main thread comes and goes with the process
	// (KindCreate, KindExit); these are about the others.
	KindThreadCreate // thread TID of PID was created by thread Other: Addr = its start function
	KindThreadExit   // thread TID of PID ended (its process goes on): Result = its exit value
	KindJoin         // thread TID joined the ended thread Other: Result = Other's exit value
	// KindDeadlock: threads wait in a cycle, each for an object the next
	// holds (deadlock.go); thread TID of PID just closed it. Waits lists
	// the cycle from TID on: each thread, what it waits for (kind,
	// address), its holder, the line; Msg sums it up. The other threads
	// run on.
	KindDeadlock

	// Signals (task_deliver.go).
	KindHandler   // thread TID of PID entered its handler for Signal, at Addr
	KindSigreturn // thread TID of PID returned from its handler for Signal

	// Data races (race.go), with Config.DetectRaces.
	KindRace // thread TID of PID accessed Addr with no order to thread Other's earlier access: Msg (msg.RaceFound) says which, where
	// KindModel: thread TID of PID did something with a model object
	// (model.go): Name is the call, Msg what it did.
	KindModel

	// IPC (ipc_event.go): IPC says what was done to which object;
	// IPC.Text says it in words (made when it is read, not when the
	// event is).
	KindIPC      // an object was created, destroyed, unlinked, attached or detached
	KindTransfer // bytes or a message went into or out of an object: a write, read, send, receive, shm_write
)

var kindNames = [...]string{
	KindCreate: "create", KindState: "state", KindDispatch: "dispatch", KindPreempt: "preempt",
	KindSwitch: "switch", KindIdle: "idle", KindSyscall: "syscall", KindSysret: "sysret",
	KindExec: "exec", KindExit: "exit", KindReap: "reap", KindAdopt: "adopt",
	KindSignal: "signal", KindFault: "fault", KindOutput: "output", KindInput: "input",
	KindLimit: "limit", KindHalt: "halt", KindSched: "sched", KindAsk: "ask", KindOOM: "oom",
	KindThreadCreate: "thread", KindThreadExit: "texit", KindJoin: "join", KindDeadlock: "deadlock",
	KindHandler: "handler", KindSigreturn: "sigreturn",
	KindRace: "race", KindModel: "model",
	KindIPC: "ipc", KindTransfer: "transfer",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Event is one change in the machine. Fields not used by its Kind are zero.
//
// PID is the process an event is about and TID the thread: the one that
// acted (made the call, wrote the output, changed state, reaped the
// child), or the process's main thread when none did (a process created,
// adopted, killed from outside). A single-threaded process's events have
// TID = PID, and read as they always have: String names a thread only
// when it is not the process's main thread.
type Event struct {
	Tick int64 // simulated time
	CPU  int   // the CPU it happened on, -1 for none
	PID  int   // the process it is about (0: the machine)
	TID  int   // the thread (0 with PID 0)
	Kind Kind

	From, To State      // KindState
	Cause    msg.Text   // why: state changes, dispatch, preempt, exit, sched
	Other    int        // a second pid: parent, child, target, next process; a second tid (KindThreadCreate, KindJoin)
	OtherTID int        // KindSwitch: the thread of Other switched to
	Name     string     // command, system call or path
	Argv     []string   // KindCreate, KindExec
	Args     []uint64   // KindSyscall: raw argument slots
	Text     string     // KindSyscall: the call as C, "open(\"out.txt\", 0101, 0644)"
	Result   int64      // KindSysret
	Errno    int        // KindSysret: error number when the call failed
	Status   int        // KindExit, KindReap: wait status
	Signal   int        // KindSignal, KindFault
	Addr     uint64     // KindFault
	Msg      msg.Text   // KindFault, KindLimit, KindHalt, KindInput (msg.InputEOF), KindAsk, KindDeadlock, KindRace
	FD       int        // KindOutput
	Data     []byte     // KindOutput, KindInput
	Ticks    int64      // KindSwitch: its cost
	Limit    Limit      // KindLimit and KindHalt at a limit, KindOOM: which limit
	Value    int64      // with Limit: the limit's value (ticks, instructions, bytes)
	Bytes    int64      // KindOOM: memory resident in the process killed
	Waits    []WaitEdge // KindDeadlock: the cycle; KindLimit and KindHalt at a deadlock: every blocked thread's wait
	IPC      *IPCOp     // KindIPC, KindTransfer
}

// String formats the event on one line, as --trace prints it.
func (e Event) String() string { return e.In(msg.English) }

// In formats the event on one line with its texts (causes, reasons,
// faults, limits) in lang, as --trace prints it in that language.
func (e Event) In(lang string) string {
	var b strings.Builder
	cpu := "    "
	if e.CPU >= 0 {
		cpu = fmt.Sprintf("cpu%d", e.CPU)
	}
	if e.TID != 0 && e.TID != e.PID {
		fmt.Fprintf(&b, "%9d %s pid %-4d tid %-4d %-8s ", e.Tick, cpu, e.PID, e.TID, e.Kind)
	} else {
		fmt.Fprintf(&b, "%9d %s pid %-4d %-8s ", e.Tick, cpu, e.PID, e.Kind)
	}
	switch e.Kind {
	case KindCreate:
		fmt.Fprintf(&b, "%s (parent %d)", strings.Join(e.Argv, " "), e.Other)
	case KindState:
		fmt.Fprintf(&b, "%s -> %s: %s", e.From, e.To, e.Cause.In(lang))
	case KindDispatch, KindPreempt:
		b.WriteString(e.Cause.In(lang))
	case KindSwitch:
		from := "idle"
		if e.PID != 0 {
			from = "pid " + strconv.Itoa(e.PID)
		}
		to := "pid " + strconv.Itoa(e.Other)
		if e.OtherTID != 0 && e.OtherTID != e.Other {
			to += " tid " + strconv.Itoa(e.OtherTID)
		}
		fmt.Fprintf(&b, "%s -> %s (%d ticks)", from, to, e.Ticks)
	case KindIdle:
		b.WriteString("nothing ready")
	case KindSyscall:
		b.WriteString(e.Text)
	case KindSysret:
		if e.Errno != 0 {
			fmt.Fprintf(&b, "%s = %d %s", e.Name, e.Result, ErrnoName(e.Errno))
		} else {
			fmt.Fprintf(&b, "%s = %d", e.Name, e.Result)
		}
	case KindExec:
		fmt.Fprintf(&b, "%s %q", e.Name, e.Argv)
	case KindExit:
		fmt.Fprintf(&b, "%s (status 0x%04x)", e.Cause.In(lang), e.Status)
	case KindReap:
		fmt.Fprintf(&b, "child %d (status 0x%04x)", e.Other, e.Status)
	case KindAdopt:
		fmt.Fprintf(&b, "new parent %d", e.Other)
	case KindSignal:
		fmt.Fprintf(&b, "%s to pid %d", SignalName(e.Signal), e.Other)
	case KindFault:
		fmt.Fprintf(&b, "%s at 0x%x: %s", SignalName(e.Signal), e.Addr, e.Msg.In(lang))
	case KindOutput:
		fmt.Fprintf(&b, "fd %d %q", e.FD, e.Data)
	case KindInput:
		if !e.Msg.IsZero() {
			b.WriteString(e.Msg.In(lang))
		} else {
			fmt.Fprintf(&b, "%q", e.Data)
		}
	case KindModel:
		fmt.Fprintf(&b, "%s: %s", e.Name, e.Msg.In(lang))
	case KindIPC, KindTransfer:
		if e.IPC != nil {
			b.WriteString(e.IPC.Text().In(lang))
		}
	case KindLimit, KindHalt, KindAsk, KindRace:
		b.WriteString(e.Msg.In(lang))
	case KindOOM:
		b.WriteString(oomText(e).In(lang))
	case KindSched:
		b.WriteString(e.Cause.In(lang))
	case KindThreadCreate:
		fmt.Fprintf(&b, "thread %d created by thread %d", e.TID, e.Other)
	case KindThreadExit:
		fmt.Fprintf(&b, "thread %d exited (value %s)", e.TID, pointer(uint64(e.Result)))
	case KindJoin:
		fmt.Fprintf(&b, "thread %d (value %s)", e.Other, pointer(uint64(e.Result)))
	case KindHandler:
		fmt.Fprintf(&b, "%s handler at 0x%x", SignalName(e.Signal), e.Addr)
	case KindSigreturn:
		fmt.Fprintf(&b, "%s handler returned", SignalName(e.Signal))
	case KindDeadlock:
		b.WriteString(e.Msg.In(lang))
		for _, w := range e.Waits {
			b.WriteString("; ")
			b.WriteString(w.Text().In(lang))
		}
	}
	return b.String()
}
