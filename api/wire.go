package api

// The messages of the WebSocket protocol and of POST /api/run, with their
// JSON names. doc.go describes how they are used.

// File is one source file of a program.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Settings are the machine's options a student may change.
type Settings struct {
	Sched      string `json:"sched,omitempty"`      // scheduling policy as a spec: "rr", "fcfs", "mlfq:boost=100"
	Quantum    int64  `json:"quantum,omitempty"`    // RR time slice in ticks
	CPUs       int    `json:"cpus,omitempty"`       // 1 to 4
	Seed       int64  `json:"seed,omitempty"`       // random seed
	CtxSwitch  int64  `json:"ctxswitch,omitempty"`  // ticks a context switch costs
	ChildFirst bool   `json:"childFirst,omitempty"` // after fork the child runs first
	Monitor    string `json:"monitor,omitempty"`    // what a monitor's signal does (<osplay/monitor.h>): "hoare" (default) or "mesa"
	// Degree of multiprogramming (long-term scheduler) and processes kept
	// in memory (medium-term scheduler, swapping); 0: no limit.
	Multiprogramming int `json:"multiprogramming,omitempty"`
	Resident         int `json:"resident,omitempty"`
	// Races turns on the kernel's data-race detector: "race" events.
	Races bool `json:"races,omitempty"`
	// Schedule replays a schedule the explorer found ("3@9:4", POST
	// /api/explore): one CPU, the manual policy answered by the schedule.
	Schedule string `json:"schedule,omitempty"`
}

// Program is what a session or a headless run executes.
type Program struct {
	Files    []File   `json:"files"`
	Main     string   `json:"main,omitempty"` // the file to run; default the first .c file
	Argv     []string `json:"argv,omitempty"` // arguments after the program's name
	Stdin    string   `json:"stdin,omitempty"`
	Settings Settings `json:"settings"`
	// Instead of files: a workload in the text form of kernel.Workload, or
	// an OSTEP homework problem (workload.go).
	Workload string    `json:"workload,omitempty"`
	OSTEP    *OSTEPRef `json:"ostep,omitempty"`
}

// Client messages, one struct per op. Each lists exactly the fields the op
// accepts (besides "op" and "id").
type (
	loadMsg struct {
		Program *Program `json:"program"`
	}
	stepMsg struct {
		By string `json:"by"`
	}
	speedMsg struct {
		Ticks    int64 `json:"ticks"`
		Interval int   `json:"interval"`
	}
	seekMsg struct {
		Tick *int64 `json:"tick"`
	}
	inputMsg struct {
		Data *string `json:"data"`
	}
	signalMsg struct {
		PID    int    `json:"pid"`
		Signal string `json:"signal"`
	}
	inspectMsg struct {
		PID int `json:"pid"`
	}
	chooseMsg struct {
		PID int `json:"pid"`
	}
	ackMsg struct {
		Seq int64 `json:"seq"`
	}
	// resumeMsg is what a client kept of a session whose connection
	// dropped: enough to rebuild it by replay on any server (since 1.2).
	resumeMsg struct {
		Program *Program      `json:"program"`
		Inputs  []LoggedInput `json:"inputs"`
		Tick    *int64        `json:"tick"`   // the tick of the client's last snapshot
		Events  *int64        `json:"events"` // the events emitted by then: the next one it wants
		Horizon int64         `json:"horizon"`
		Speed   *Speed        `json:"speed"`
		Running bool          `json:"running"`
		Inspect int           `json:"inspect"`
	}
	emptyMsg struct{}
	// runMsg may say where to stop: a run until a tick pauses there
	// (since 1.5), as an exercise's predictions need.
	runMsg struct {
		Until *int64 `json:"until"`
	}
)

// Hello is the server's first message.
type Hello struct {
	Type       string      `json:"type"` // "hello"
	V          int         `json:"v"`
	Minor      int         `json:"minor"` // fields and codes added since V's first release
	Session    string      `json:"session"`
	Limits     ClientLimit `json:"limits"`
	Schedulers []string    `json:"schedulers"`
	Speed      Speed       `json:"speed"` // the speed a session starts with
}

// ClientLimit is what the page needs to know of the limits.
type ClientLimit struct {
	MaxMessage  int64 `json:"maxMessage"`
	MaxFiles    int   `json:"maxFiles"`
	MaxFileSize int   `json:"maxFileSize"`
	MaxTicks    int64 `json:"maxTicks"`
	MaxProcs    int   `json:"maxProcs"`
	MaxCPUs     int   `json:"maxCPUs"`
	IdleSeconds int   `json:"idleSeconds"`
	// Since 1.1.
	MaxRunMemory  uint64 `json:"maxRunMemory"`  // bytes all the processes of a run may touch together
	MaxInputBytes int    `json:"maxInputBytes"` // bytes typed into one run in all
}

// Speed is how fast a running session advances.
type Speed struct {
	Ticks    int64 `json:"ticks"`    // ticks per batch
	Interval int   `json:"interval"` // milliseconds between batches
}

// Batch is the events since the previous batch and the machine's state.
type Batch struct {
	Type    string   `json:"type"` // "batch"
	Seq     int64    `json:"seq"`
	Events  []Event  `json:"events"`
	Dropped int      `json:"dropped,omitempty"` // syscall events left out of a crowded batch
	Skipped int      `json:"skipped,omitempty"` // events left out before these, too many at once (since 1.1)
	State   Snapshot `json:"state"`
	Sent    int64    `json:"sent"` // server time the batch was due, Unix microseconds (for latency measurements)
	// Log says how the run's input log changed since the previous batch
	// that had one, for a client that keeps it to resume (since 1.2).
	Log *LogChange `json:"log,omitempty"`
	// Thinned is the stretch of ticks from which the scheduler's routine
	// was left out of a crowded batch at high speed (counted in Dropped;
	// since 1.5).
	Thinned *TickRange `json:"thinned,omitempty"`
	// Delta: the state lists only the fields that differ from the state
	// sent last, in a batch or a rewound message, and Cleared names those
	// it had that are now absent (since 1.6, to a client that asked with
	// the op "delta"; api/delta.go).
	Delta   bool     `json:"delta,omitempty"`
	Cleared []string `json:"cleared,omitempty"`
}

// TickRange is a stretch of ticks, From to To.
type TickRange struct {
	From int64 `json:"from"`
	To   int64 `json:"to"`
}

// LogChange is a change of a run's input log: the log is now its first
// From inputs followed by Inputs.
type LogChange struct {
	From   int           `json:"from"`
	Inputs []LoggedInput `json:"inputs"`
}

// LoggedInput is one input of the log as the server applied it: what the
// user gave and the tick at which the machine took it.
type LoggedInput struct {
	Tick   int64  `json:"tick"`
	Op     string `json:"op"` // input, eof, signal, interrupt, choose
	Data   string `json:"data,omitempty"`
	PID    int    `json:"pid,omitempty"`
	Signal int    `json:"signal,omitempty"` // its number
}

// Rewound answers seek: the machine now stands at Tick, having emitted
// Events events.
type Rewound struct {
	Type   string   `json:"type"` // "rewound"
	Tick   int64    `json:"tick"`
	Events int64    `json:"events"`
	State  Snapshot `json:"state"`
}

// Error reports a problem with a message or a run.
type Error struct {
	Type    string         `json:"type"` // "error"
	Code    string         `json:"code"`
	Message string         `json:"message"`
	ID      *int64         `json:"id,omitempty"`
	Errors  []CompileError `json:"errors,omitempty"`
	// Args are the values the message carries, by name, for a client that
	// words the code itself (since 1.1): "limit" ("256 MiB"), "inputs",
	// "ticks", "what".
	Args map[string]any `json:"args,omitempty"`
}

// CompileError is one diagnostic of the C compiler.
type CompileError struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"msg"`
}

// Session statuses, in Snapshot.Status.
const (
	StatusEmpty   = "empty"   // no program loaded
	StatusPaused  = "paused"  // loaded, not running
	StatusRunning = "running" // advancing batch by batch
	StatusInput   = "input"   // every process waits for the console (the user must type) or, with no stdin given, for a signal the user may send
	StatusChoose  = "choose"  // the manual scheduler waits for the user to pick who runs
	// StatusStalled: every thread waits and none can wake another, nor
	// a timer: only the user can change it, with a signal (since 1.3).
	StatusStalled = "stalled"
	StatusDone    = "done" // the machine stopped: everything ended, or a limit
)

// Snapshot is the machine's state after a batch.
type Snapshot struct {
	Status  string   `json:"status"`
	Running bool     `json:"running"` // the session runs on by itself (Pause stops it)
	Tick    int64    `json:"tick"`
	Horizon int64    `json:"horizon"` // the furthest tick reached since load: the scrubber's end
	Events  int64    `json:"events"`  // events emitted so far
	Speed   Speed    `json:"speed"`
	Procs   []Proc   `json:"procs"`
	CPUs    []CPU    `json:"cpus"`
	Ready   [][]int  `json:"ready"`            // per CPU, the pids its policy would pick, in order
	Jobs    []int    `json:"jobs"`             // the job queue: created, not yet admitted (long-term scheduler)
	Swapped []int    `json:"swapped"`          // swapped out while ready (medium-term scheduler)
	Devices []Device `json:"devices"`          // device queues
	Asking  []Ask    `json:"asking,omitempty"` // CPUs waiting for the user to choose who runs (manual scheduler)
	PCB     *PCB     `json:"pcb,omitempty"`
	Halt    string   `json:"halt,omitempty"` // why the machine stopped early (limit, deadlock), if it did
	// The code of a halt the server decided (memory_limit), since 1.1.
	HaltCode string `json:"haltCode,omitempty"`
	// A halt of the kernel's (a limit, a deadlock) as a text of its
	// catalogue, since 1.3.
	HaltText *Text  `json:"haltText,omitempty"`
	Result   *Exit  `json:"result,omitempty"` // once done: how the first process ended
	Program  string `json:"program,omitempty"`
	// Threads and synchronisation (since 1.3): the synchronisation
	// objects threads wait on, and every blocked thread's wait as an edge
	// of the wait-for graph.
	Sync  []SyncObject `json:"sync,omitempty"`
	Waits []WaitEdge   `json:"waits,omitempty"`
	// IPC is every IPC object as it stands (since 1.4), the first 64;
	// IPCMore counts those left out.
	IPC     []IPCObject `json:"ipc,omitempty"`
	IPCMore int         `json:"ipcMore,omitempty"`
	// Instructions are the instructions of the student's code run since
	// the previous batch that had some, while the session watches them
	// (since 1.3): numbered from 0 on each machine (seq), so a number not
	// above the last one kept means the machine started again.
	Instructions []Instr `json:"instructions,omitempty"`
	// LostUpdate is the last lost update seen while watching, when it is
	// new since the previous batch (since 1.3).
	LostUpdate *LostUpdate `json:"lostUpdate,omitempty"`
	// Shared are the variables several threads of a process accessed,
	// with the locks held at their accesses, while the race detector is
	// on (settings.races, since 1.5): a lock held at every access protects
	// the variable. The first maxSharedSent, in order of first access.
	Shared []SharedVar `json:"shared,omitempty"`
	// Globals are the integer variables of the live processes' own
	// programs as they are now (since 1.5): what the page's prediction
	// mode asks about. At most maxGlobalsSent of a process, for the first
	// maxGlobalsProcs processes.
	Globals []GlobalVar `json:"globals,omitempty"`
}

// GlobalVar is an integer variable of process PID's program, and its
// value now.
type GlobalVar struct {
	PID   int    `json:"pid"`
	Var   string `json:"var"`
	Value int64  `json:"value"`
}

// SharedVar is a variable several threads accessed (the race detector
// on): where it is, how often and by which threads it was accessed, and
// each lock held at some of those accesses, held at Held of them.
type SharedVar struct {
	PID      int        `json:"pid"`
	Addr     uint64     `json:"addr"`
	Var      string     `json:"var,omitempty"` // its name as C writes it: "balance", "a[2]"
	Accesses int        `json:"accesses"`
	Threads  []int      `json:"threads"`
	Locks    []LockHeld `json:"locks"`
}

// LockHeld is a lock held at Held of a shared variable's accesses.
type LockHeld struct {
	Lock uint64 `json:"lock"`
	Var  string `json:"var,omitempty"` // the lock's variable: "m"
	Held int    `json:"held"`
}

// LostUpdate is a lost update as it ran: the instructions of every thread
// from the load the losing store was computed from to that store, and how
// many lost updates the machine has seen while watching.
type LostUpdate struct {
	Count        int64   `json:"count"`
	Instructions []Instr `json:"instructions"`
}

// Instr is one instruction of the student's code that ran (since 1.3):
// its tick, CPU and thread, where it is in the program, the operation and
// its operands, and for a load or a store the address (and the variable's
// name there), the width and the value. lost marks a store that writes
// over another thread's update made after this thread loaded the value.
type Instr struct {
	Seq    int64     `json:"seq"`
	Tick   int64     `json:"t"`
	CPU    int       `json:"cpu"`
	PID    int       `json:"pid"`
	TID    int       `json:"tid"`
	Func   string    `json:"func,omitempty"`
	File   string    `json:"file,omitempty"`
	Line   int       `json:"line,omitempty"`
	Op     string    `json:"op"`
	A      int32     `json:"a,omitempty"`
	B      int64     `json:"b,omitempty"`
	Addr   uint64    `json:"addr,omitempty"`
	Var    string    `json:"var,omitempty"`
	Size   int       `json:"size,omitempty"`
	Store  bool      `json:"store,omitempty"`
	Value  int64     `json:"value"`
	Callee string    `json:"callee,omitempty"`
	Lost   *LostInfo `json:"lost,omitempty"`
}

// LostInfo is a lost update: the store's thread loaded the value at
// instruction load, thread other stored to the address at instruction
// overwritten, and this store writes over it.
type LostInfo struct {
	Load        int64 `json:"load"`
	Overwritten int64 `json:"overwritten"`
	Other       int   `json:"other"`
}

// Proc is one process not yet reaped, as the views need it at every batch.
type Proc struct {
	PID      int    `json:"pid"`
	PPID     int    `json:"ppid"`
	Name     string `json:"name"`
	State    string `json:"state"`
	WaitOn   string `json:"waitOn,omitempty"`
	CPU      int    `json:"cpu"`
	File     string `json:"file,omitempty"` // source file of the current instruction
	Line     int    `json:"line,omitempty"`
	Func     string `json:"func,omitempty"`
	CPUTicks int64  `json:"cpuTicks"`
	// Threads lists a multi-threaded process's threads (TCBs), the main
	// one first; absent for a single-threaded process (since 1.3).
	Threads []ThreadState `json:"threads,omitempty"`
}

// ThreadState is one thread of a process, as the views need it at every
// batch (since 1.3).
type ThreadState struct {
	TID      int    `json:"tid"`
	State    string `json:"state"`
	WaitOn   string `json:"waitOn,omitempty"`
	WaitAddr uint64 `json:"waitAddr,omitempty"` // the object waited for: an address, a tid, a pid
	WaitVar  string `json:"waitVar,omitempty"`  // the program's variable at that address: "fork_[2]"
	CPU      int    `json:"cpu"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Func     string `json:"func,omitempty"`
	CPUTicks int64  `json:"cpuTicks"`
}

// SyncObject is a synchronisation object that threads wait on (since
// 1.3): kind mutex, semaphore, condvar, rwlock, barrier, once, futex (a
// word of no known kind) or join (waiting for thread addr to exit).
type SyncObject struct {
	PID     int    `json:"pid"`
	Kind    string `json:"kind"`
	Addr    uint64 `json:"addr"`
	Var     string `json:"var,omitempty"`     // the program's variable there: "fork_[2]"
	Name    string `json:"name,omitempty"`    // a named semaphore's name
	Owner   int    `json:"owner,omitempty"`   // a mutex's owner, a read-write lock's writer
	Value   int64  `json:"value"`             // a semaphore's value
	Arrived int    `json:"arrived,omitempty"` // a barrier: threads waiting at it…
	Count   int    `json:"count,omitempty"`   // …of how many it lets through
	Waiters []int  `json:"waiters"`           // tids, in the order they began to wait
}

// WaitEdge is one blocked thread's wait (since 1.3): thread tid of
// process pid waits for the object (kind at addr) held by holder (0: no
// single holder), at line of file.
type WaitEdge struct {
	PID    int    `json:"pid"`
	TID    int    `json:"tid"`
	Kind   string `json:"kind"`
	Addr   uint64 `json:"addr,omitempty"`
	Var    string `json:"var,omitempty"` // the program's variable at addr: "fork_[2]"
	Holder int    `json:"holder,omitempty"`
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Text   *Text  `json:"text,omitempty"` // the whole wait, as a text of the kernel's catalogue
}

// CPU is one processor's state and accounting.
type CPU struct {
	ID        int   `json:"id"`
	PID       int   `json:"pid"` // running or being switched in; 0 idle
	Switching bool  `json:"switching,omitempty"`
	Busy      int64 `json:"busy"`
	Switch    int64 `json:"switch"`
	Idle      int64 `json:"idle"`
}

// Device is one device and the processes queued for it, the one being
// served first.
type Device struct {
	Name   string `json:"name"`
	Serial bool   `json:"serial,omitempty"`
	Queue  []int  `json:"queue"`
}

// Ask is a CPU waiting for the user to pick the next process.
type Ask struct {
	CPU   int   `json:"cpu"`
	Ready []int `json:"ready"`
}

// PCB is every field of a process control block the kernel keeps.
type PCB struct {
	PID      int       `json:"pid"`
	PPID     int       `json:"ppid"`
	PGID     int       `json:"pgid"`
	Name     string    `json:"name"`
	Argv     []string  `json:"argv"`
	State    string    `json:"state"`
	Cause    string    `json:"cause,omitempty"`
	WaitOn   string    `json:"waitOn,omitempty"`
	CPU      int       `json:"cpu"`
	Nice     int       `json:"nice"`
	CPUTicks int64     `json:"cpuTicks"`
	Created  int64     `json:"created"`
	Ended    int64     `json:"ended,omitempty"`
	Status   int       `json:"status,omitempty"`
	Children []int     `json:"children"`
	Files    []OpenFD  `json:"files"`
	Regs     Registers `json:"regs"`
	Segments []Segment `json:"segments"`
	Resident uint64    `json:"resident"`
	Signals  Signals   `json:"signals"`
	// Cause, and what it waits for ("mutex 0x601040 held by thread 7"),
	// as texts of the kernel's catalogue (since 1.3).
	CauseText   *Text `json:"causeText,omitempty"`
	WaitForText *Text `json:"waitForText,omitempty"`
}

// Signals is a PCB's signal state, each a list of signal names
// ("SIGUSR1"): pending for the process or one of its threads, blocked by
// its main thread, caught by a handler, ignored.
type Signals struct {
	Pending []string `json:"pending"`
	Blocked []string `json:"blocked"`
	Handled []string `json:"handled"`
	Ignored []string `json:"ignored"`
}

// OpenFD is one open file descriptor.
type OpenFD struct {
	FD     int    `json:"fd"`
	Ino    uint64 `json:"ino"`
	Flags  int    `json:"flags"`
	Offset int64  `json:"offset"`
	Refs   int    `json:"refs"`
}

// Registers are the VM's registers of a process.
type Registers struct {
	PC    int    `json:"pc"`
	Func  string `json:"func,omitempty"`
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	SP    uint64 `json:"sp"`
	FP    uint64 `json:"fp"`
	Depth int    `json:"depth"`
}

// Segment is one region of a process's memory map.
type Segment struct {
	Name  string `json:"name"`
	Start uint64 `json:"start"`
	End   uint64 `json:"end"`
	Prot  string `json:"prot"`
}

// Exit is how a process ended, decoded from its wait status.
type Exit struct {
	Status   int    `json:"status"`           // the raw wait status
	Code     *int   `json:"code,omitempty"`   // exit code, if it exited
	Signal   string `json:"signal,omitempty"` // the signal that killed it, if one did
	Core     bool   `json:"core,omitempty"`
	Describe string `json:"describe"` // "exit code 0", "killed by SIGSEGV (core dumped)"
}
