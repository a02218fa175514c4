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
	// Degree of multiprogramming (long-term scheduler) and processes kept
	// in memory (medium-term scheduler, swapping); 0: no limit.
	Multiprogramming int `json:"multiprogramming,omitempty"`
	Resident         int `json:"resident,omitempty"`
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
	StatusDone    = "done"    // the machine stopped: everything ended, or a limit
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
	Result   *Exit  `json:"result,omitempty"` // once done: how the first process ended
	Program  string `json:"program,omitempty"`
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
