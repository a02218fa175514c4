// Package kernel is osplay's simulated machine: processes with their PCBs
// and their threads with their TCBs, the system calls, the console and
// file system, the CPUs and the scheduler that shares them between
// threads, the wait queues every blocked thread sleeps on, and the event
// stream that reports every change. It runs real C programs compiled to
// bytecode (kernel/cc) on the VM (kernel/vm) and behaves, as far as a
// program can tell, like Linux.
//
// A process (proc.go) owns an address space, open files and children; its
// threads (thread.go) own registers, a state, what they wait for. A
// single-threaded process is one thread whose tid is its pid, and its
// events read as they did before threads existed. A thread blocks in one
// way only: it sleeps on the WaitQueue of what it waits for
// (waitqueue.go), and is woken by whoever makes that happen.
//
// A machine is deterministic: the same files, argv, configuration and
// input give the same event stream, byte for byte. Nothing in it reads the
// host clock or depends on map order. A Machine is used from one goroutine;
// compiled programs are shared between machines safely.
//
// Time is counted in ticks. One instruction of the student's code on one
// CPU is one tick; a call into library code (libc in C) costs a fixed
// number of ticks (Config.LibCallCost, default 1) however long it runs, so
// a printf does not drown the picture; a context switch costs
// Config.ContextSwitch ticks. Simulated time runs at Config.TicksPerSecond
// (default 1,000,000: one tick is one microsecond); sleep() and time() read
// this clock, which starts at 2024-01-01T00:00:00Z.
//
// Several CPUs run in lock step, one tick at a time, in CPU order: in each
// tick CPU 0 acts first, then CPU 1, and so on, so races between threads
// on different CPUs are reproducible. With one CPU the machine runs a
// thread for as long as nothing else can happen (up to its quantum or the
// next timer) in one go; the result is the same as stepping tick by tick.
package kernel

import (
	"fmt"
	"io"
	iofs "io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"

	"osplay/kernel/fs"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// Epoch is the simulated wall-clock time at tick 0: 2024-01-01T00:00:00Z.
const Epoch = 1704067200

// Defaults of Config.
const (
	DefaultDir            = "/home/student"
	DefaultSched          = "rr"
	DefaultTicksPerSecond = 1_000_000
	DefaultMaxProcs       = 64
	DefaultMaxThreads     = 64
	DefaultMaxTicks       = 50_000_000
	DefaultMaxMemory      = 64 << 20
	DefaultMaxOutput      = 1 << 20
	DefaultMaxRecorded    = 1_000_000
	MaxCPUs               = 4
)

// DefaultEnv is the environment of the first process.
var DefaultEnv = []string{
	"HOME=/home/student", "LOGNAME=student", "PATH=/bin:/usr/bin", "PWD=/home/student",
	"SHELL=/bin/sh", "TERM=xterm", "USER=student",
}

// Config describes a machine. The zero value of every field means its default.
type Config struct {
	Files iofs.FS // the program's folder: every file is copied into Dir; a folder not held in memory (an fstest.MapFS) has its bytes read on first open, so it must give the same bytes each time
	Dir   string  // working directory (DefaultDir)
	Env   []string

	Sched         string // scheduling policy and options as a spec, "rr" or "mlfq:boost=100" (sched.ParseSpec; DefaultSched)
	Quantum       int64  // time slice in ticks when the spec gives none (sched.DefaultQuantum)
	CPUs          int    // 1 to MaxCPUs
	ContextSwitch int64  // ticks a CPU spends switching from one process to another (its first process loads free)
	ChildFirst    bool   // after fork the child runs first (Linux default: the parent)
	Monitor       string // the signal semantics of monitors (model_monitor.go): MonitorHoare (default) or MonitorMesa
	Seed          int64  // random seed for randomised policies

	// The long-term scheduler admits at most Multiprogramming processes at
	// once (the degree of multiprogramming); the others wait in the job
	// queue, in state new. The medium-term scheduler keeps at most
	// Resident processes in memory and swaps the others out (suspended
	// ready, suspended waiting). 0 means no limit.
	Multiprogramming int
	Resident         int

	TicksPerSecond int64 // simulated clock rate (DefaultTicksPerSecond)
	LibCallCost    int64 // ticks charged for one call into library code (1)
	SyscallCost    int64 // ticks a system call keeps the CPU in the kernel (0)

	MaxProcs        int   // processes alive or zombie at once; fork fails with EAGAIN beyond
	MaxThreads      int   // threads of one process not yet joined; creating one fails with EAGAIN beyond
	MaxTicks        int64 // CPU ticks of all processes; the machine stops beyond
	MaxInstructions int64 // VM instructions of all processes, library code included (20×MaxTicks); checkRunLimits says where it is checked
	// MaxMemory bounds the memory of one process: the pages it has
	// touched (its resident set, shared pages included), as a Linux
	// memory cgroup bounds it. Memory is committed lazily: malloc reserves
	// address space, and only the pages the program then touches count.
	// The access that would touch one page more faults (SIGSEGV: "stack
	// overflow (memory limit)" on a stack, "out of memory (memory limit)"
	// elsewhere), and exec of a program whose initialised data alone is
	// larger fails with ENOMEM.
	MaxMemory uint64
	// MaxVirtualMemory bounds the address space one process reserves for
	// its code, static data, heap and mappings, touched or not, as Linux's
	// RLIMIT_DATA: beyond it sbrk (malloc) and mmap fail with ENOMEM, and
	// exec of a program whose static data alone is larger fails with
	// ENOMEM. 0: vm.DefaultVirtualBytes (4 GiB).
	MaxVirtualMemory uint64
	// MaxTotalMemory bounds the memory all processes of the machine have
	// touched together, counted in page frames: a page that processes
	// share copy-on-write after fork counts once (MemoryInUse). When a
	// page is needed beyond it the kernel kills the process with the most
	// memory resident with SIGKILL, as Linux's out-of-memory killer does
	// (KindOOM). 0: no bound.
	MaxTotalMemory uint64
	MaxOutput      int64 // console bytes; the machine stops beyond

	// Stdin, if set, is read when a process reads the console and no typed
	// input is waiting; it is read lazily, only as far as processes ask.
	// Without it, input comes from Input and CloseInput.
	Stdin io.Reader
	// Stdout and Stderr receive the console output of descriptors 1 and 2.
	Stdout, Stderr io.Writer

	// OnEvent, if set, receives every event as it happens.
	OnEvent func(Event)
	// DetectRaces turns on the data-race detector (race.go): KindRace
	// events, Races and SharedVars.
	DetectRaces bool
	// Chooser, if set, answers the manual policy's questions (Sched must
	// be "manual"): a program decides who runs at every scheduling point,
	// and the machine never stops to ask (task_control.go).
	Chooser sched.Chooser
	// Record keeps the events for Events: the last MaxRecorded of them
	// (DefaultMaxRecorded); older ones are dropped, and counted.
	Record      bool
	MaxRecorded int
	// KeepFinalMemory keeps a copy-on-write snapshot of every process's
	// memory when it terminates, for FinalGlobal (checks of an exercise
	// that read globals after the run).
	KeepFinalMemory bool
}

func (c *Config) setDefaults() {
	if c.Dir == "" {
		c.Dir = DefaultDir
	}
	if c.Env == nil {
		c.Env = DefaultEnv
	}
	if c.Sched == "" {
		c.Sched = DefaultSched
	}
	if c.CPUs <= 0 {
		c.CPUs = 1
	}
	if c.TicksPerSecond <= 0 {
		c.TicksPerSecond = DefaultTicksPerSecond
	}
	if c.LibCallCost <= 0 {
		c.LibCallCost = 1
	}
	if c.MaxProcs <= 0 {
		c.MaxProcs = DefaultMaxProcs
	}
	if c.MaxThreads <= 0 {
		c.MaxThreads = DefaultMaxThreads
	}
	if c.MaxTicks <= 0 {
		c.MaxTicks = DefaultMaxTicks
	}
	if c.MaxInstructions <= 0 {
		c.MaxInstructions = 20 * c.MaxTicks
	}
	if c.MaxMemory == 0 {
		c.MaxMemory = DefaultMaxMemory
	}
	if c.MaxOutput <= 0 {
		c.MaxOutput = DefaultMaxOutput
	}
	if c.MaxRecorded <= 0 {
		c.MaxRecorded = DefaultMaxRecorded
	}
}

// Machine is one simulated computer running one session's processes.
type Machine struct {
	cfg    Config
	fs     *fs.FS
	policy sched.Policy
	cpus   []*CPU

	procs         []*Process // every process not yet reaped, by pid
	byPID         map[int]*Process
	byTID         map[int]*Thread            // every thread not yet joined or reaped
	timers        timerHeap                  // threads waiting for a tick: sleeping, or doing I/O
	sleepers      WaitQueue                  // threads sleeping (sleep, usleep) until their deadline
	pollq         WaitQueue                  // threads in poll or select, until a descriptor changes or their deadline
	fifos         map[*fs.Inode]*pipe        // the pipes of the FIFOs open (or being opened)
	nextPipe      uint64                     // the id of the last pipe made
	net           network                    // the sockets (socket.go)
	sharedFutexes map[sharedFutex]*WaitQueue // the queues of futex words in shared memory (futex.go)
	pausers       WaitQueue                  // threads waiting for a signal (pause, sigsuspend, sigwait)
	alarmed       []*Process                 // processes whose ITIMER_REAL is armed, in pid order
	semNames      map[string]*namedSem       // the POSIX named semaphores, by name ("/mutex")
	sems          []*namedSem                // every named semaphore opened, by id (unlinked ones too)
	ipc           ipcSpace                   // System V shared memory and message queues, POSIX message queues
	anonShm       anonShmSpace               // anonymous shared memory, numbered for the views (ipc_mmap_event.go)
	futexWords    futexSpace                 // the locks seen through futex calls, for the views (ipc_futex.go)
	models        modelSpace                 // the lecture's models: mailboxes, ports, monitors, events (model.go)
	init          *Process
	first         *Process // the process Start created
	nextPID       int

	now    int64 // the machine's time: every CPU has run up to at least now
	t      int64 // time of the kernel action in progress (a CPU's local time)
	used   int64 // CPU ticks used by all processes
	instrs int64 // VM instructions executed by all processes
	output int64 // console bytes written

	noter   sched.Noter   // the policy, when it makes notes
	decider sched.Decider // the policy, when the user decides
	asking  bool          // a CPU waits for the user's choice (the manual policy)

	arrivals  []arrival  // workload jobs still to arrive, in order of arrival
	jobQueue  []*Process // created, waiting for the long-term scheduler
	swapQueue []*Thread  // suspended ready (single-threaded processes), in order of suspension
	devices   []*device

	console  console
	recorded recording // Config.Record
	result   Result
	started  bool
	halted   bool // stopped for good: limit, error or everything finished
	paused   bool // RunUntil's condition held: return at the next consistent point
	stopAt   func(Event) bool
	err      error

	finals map[int]finalMemory // memory at exit, by pid (Config.KeepFinalMemory)
	watch  *watcher            // the last instructions of user code, while Watch is on (watch.go)
	races  *raceDetector       // Config.DetectRaces (race.go)

	settleAt int64    // after an interrupt inside a tick: the tick at which the machine is settled again
	deferred []func() // what the user did while it was not settled, to do then

	phys    *vm.PhysicalMemory // the frames of every process's pages (Config.MaxTotalMemory)
	current *Process           // the process whose system call or exec the kernel is carrying out

	intr *interruptFlag // Interrupt, from another goroutine (behind a pointer: a clone, made meanwhile, must not read it)

	cloneBytes uint64 // CloneBytes
}

// New makes a machine. Configuration errors are reported by Start.
func New(cfg Config) *Machine {
	cfg.setDefaults()
	m := &Machine{cfg: cfg, nextPID: 1, byPID: map[int]*Process{}, byTID: map[int]*Thread{}, intr: &interruptFlag{}}
	if cfg.DetectRaces {
		m.races = newRaceDetector()
	}
	m.phys = vm.NewPhysicalMemory(cfg.MaxTotalMemory)
	m.phys.Reclaim = m.reclaim
	m.fs = baseTree().Copy(m.fsClock)
	m.console.reader = cfg.Stdin
	m.console.readers.init(m, WaitObject{Kind: WaitTTY})
	m.sleepers.init(m, WaitObject{Kind: WaitTimer})
	m.pollq.init(m, WaitObject{Kind: WaitPoll})
	m.pausers.init(m, WaitObject{Kind: WaitSignal})
	for i := 0; i < min(cfg.CPUs, MaxCPUs); i++ {
		m.cpus = append(m.cpus, &CPU{ID: i})
	}
	return m
}

func (m *Machine) fsClock() fs.Timespec {
	tps := m.cfg.TicksPerSecond
	return fs.Timespec{Sec: Epoch + m.t/tps, Nsec: (m.t % tps) * 1_000_000_000 / tps}
}

// FS returns the machine's file system.
func (m *Machine) FS() *fs.FS { return m.fs }

// Config returns the configuration with its defaults filled in.
func (m *Machine) Config() Config { return m.cfg }

// Start copies the program's folder into the working directory, creates
// init (pid 1) and runs argv as pid 2, as a shell would run a command.
// argv[0] is a path ("./onetwo", "/bin/ls") or the name of a C file of
// the folder ("onetwo.c", which runs as "./onetwo").
func (m *Machine) Start(argv []string) error {
	if len(argv) == 0 && !m.started {
		m.started = true
		return fmt.Errorf("no program to run")
	}
	if err := m.boot(); err != nil {
		return err
	}
	argv = append([]string(nil), argv...)
	if strings.HasSuffix(argv[0], ".c") && !strings.Contains(argv[0], "/") {
		argv[0] = "./" + strings.TrimSuffix(argv[0], ".c")
	}
	p := m.newProcess(m.init, path.Base(argv[0]), argv)
	p.PGID = p.PID
	p.cwd = m.cfg.Dir
	p.files = m.consoleFiles()
	m.current = p
	defer func() { m.current = nil }()
	prog, errno, msg := m.loadProgram(p, argv[0])
	if errno != 0 {
		if msg == "" {
			msg = fmt.Sprintf("%s: %s", argv[0], errnoText(errno))
		}
		m.halted = true
		m.err = fmt.Errorf("%s", msg)
		return m.err
	}
	if err := m.execProgram(p.main(), prog, argv[0], argv, m.cfg.Env); err != 0 {
		m.halted = true
		m.err = fmt.Errorf("%s: %s", argv[0], errnoText(err))
		return m.err
	}
	m.first = p
	m.admit(p, sched.Arrived)
	return nil
}

// boot makes the policy, fills the file system and creates init: what
// every start has in common.
func (m *Machine) boot() error {
	if m.started {
		return fmt.Errorf("machine already started")
	}
	m.started = true
	if m.cfg.CPUs > MaxCPUs {
		return fmt.Errorf("at most %d CPUs, not %d", MaxCPUs, m.cfg.CPUs)
	}
	if err := checkMonitor(m.cfg.Monitor); err != nil {
		return err
	}
	if m.cfg.Multiprogramming < 0 || m.cfg.Resident < 0 {
		return fmt.Errorf("the degree of multiprogramming and the processes in memory are 0 (no limit) or more")
	}
	name, o, err := sched.ParseSpec(m.cfg.Sched)
	if err != nil {
		return err
	}
	if o.Quantum == 0 {
		o.Quantum = m.cfg.Quantum
	}
	if o.Seed == 0 {
		o.Seed = m.cfg.Seed
	}
	o.CPUs = len(m.cpus)
	pol, err := sched.New(name, o)
	if err != nil {
		return err
	}
	if err := m.control(pol); err != nil {
		return err
	}
	m.policy = pol
	m.noter, _ = pol.(sched.Noter)
	m.decider, _ = pol.(sched.Decider)
	if err := m.populate(); err != nil {
		return err
	}
	m.init = m.newProcess(nil, "init", []string{"/sbin/init"})
	// init waits for its children for ever, but is never woken: it reaps
	// an orphan as soon as it terminates (exit).
	t := m.init.main()
	t.State, t.Cause = StateWaiting, msg.New(msg.InitWaits)
	t.waiter = waiter{queue: &m.init.childExit, deadline: sched.Forever}
	m.init.childExit.waiters = []*Thread{t}
	m.emit(Event{PID: 1, Kind: KindState, From: StateNew, To: StateWaiting, Cause: t.Cause})
	return nil
}

// populate copies the program's folder into the working directory: every
// file as the student's, and for every X.c an executable X built from it.
// A folder held in memory (a session's) is copied at once; any other (the
// command line's, on disk) is listed, and each file's bytes are read when
// the program first opens it (fs.CreateLazy). (The built-in programs are
// in /bin already: New copies the tree that lists them.)
func (m *Machine) populate() error {
	home, err := m.fs.MkdirAll(m.cfg.Dir, 0755, fs.StudentUID)
	if err != nil {
		return fmt.Errorf("working directory %s: %w", m.cfg.Dir, err)
	}
	home.UID, home.GID = fs.StudentUID, fs.StudentUID
	if m.cfg.Files == nil {
		return nil
	}
	var sources []string
	added := func(name, target string) {
		if base := path.Base(name); strings.HasSuffix(base, ".c") && len(base) > 2 {
			sources = append(sources, target)
		}
	}
	copyFile := func(name string, data []byte) error {
		target := path.Join(m.cfg.Dir, name)
		if _, err := m.fs.Create(target, data, 0644, fs.StudentUID); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
		added(name, target)
		return nil
	}
	if files, names, ok := flatFolder(m.cfg.Files); ok {
		// What the walk below would do, without its listing and copies.
		for _, name := range names {
			if err := copyFile(name, files[name].Data); err != nil {
				return err
			}
		}
	} else {
		err = iofs.WalkDir(m.cfg.Files, ".", func(name string, d iofs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if name == "." {
				return nil
			}
			target := path.Join(m.cfg.Dir, name)
			if d.IsDir() {
				_, err := m.fs.MkdirAll(target, 0755, fs.StudentUID)
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			// Its bytes are read when the program first opens it.
			if _, err := m.fs.CreateLazy(target, m.cfg.Files, name, info.Size(), 0644, fs.StudentUID); err != nil {
				return fmt.Errorf("copy %s: %w", name, err)
			}
			added(name, target)
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Every X.c is built into X, as "gcc X.c -o X" would; a file X that
	// was there (a native binary, say) is replaced.
	for _, src := range sources {
		n, err := m.fs.Create(strings.TrimSuffix(src, ".c"), []byte("osplay program built from "+path.Base(src)+"\n"), 0755, fs.StudentUID)
		if err != nil {
			if err == fs.EISDIR {
				continue // a folder X: no program X
			}
			return err
		}
		n.Mode = fs.S_IFREG | 0755
		n.Source = path.Base(src)
	}
	return nil
}

// flatFolder reports whether folder is a map of regular files, none in a
// subfolder (as a session holds a program's folder), and lists their
// names in the order a walk of it visits them.
func flatFolder(folder iofs.FS) (fstest.MapFS, []string, bool) {
	files, ok := folder.(fstest.MapFS)
	if !ok {
		return nil, nil, false
	}
	names := make([]string, 0, len(files))
	for name, f := range files {
		if f == nil || f.Mode&iofs.ModeType != 0 || name == "." || !iofs.ValidPath(name) || strings.Contains(name, "/") {
			return nil, nil, false
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return files, names, true
}

// consoleFiles opens descriptors 0, 1 and 2 on the console, as a terminal
// hands them to the programs a shell starts.
func (m *Machine) consoleFiles() *fs.Table {
	tty, err := m.fs.Lookup("/", "/dev/tty", fs.RootUID)
	if err != nil {
		panic("no /dev/tty") // New always makes it
	}
	t := &fs.Table{}
	for fd := 0; fd <= 2; fd++ {
		stream := 1
		if fd == 2 {
			stream = 2
		}
		t.Install(withOps(m.fs.NewOpenFile(tty, fs.O_RDWR), stream))
	}
	return t
}

// newProcess makes a PCB with its main thread, both in state new, and
// announces it.
func (m *Machine) newProcess(parent *Process, name string, argv []string) *Process {
	p := &Process{PID: m.nextPID, Name: CommName(name), Argv: argv, Created: m.t, parent: parent}
	m.nextPID++
	p.childExit.init(m, WaitObject{Kind: WaitChild, ID: uint64(p.PID)})
	if parent != nil {
		p.PPID = parent.PID
		p.PGID = parent.PGID
		p.Nice = parent.Nice
		parent.children = append(parent.children, p)
	}
	m.newThread(p, p.PID)
	m.procs = append(m.procs, p)
	m.byPID[p.PID] = p
	m.emit(Event{PID: p.PID, Kind: KindCreate, Other: p.PPID, Name: p.Name, Argv: argv})
	return p
}

// CommName is a command name as Linux keeps it: the base name, at most 15 bytes.
func CommName(s string) string {
	s = path.Base(s)
	if len(s) > 15 {
		s = s[:15]
	}
	return s
}

// proc returns the live or zombie process with pid, or nil.
func (m *Machine) proc(pid int) *Process { return m.byPID[pid] }

// emit timestamps an event, records it and hands it to the subscriber.
// An event about a process that names no thread is about its main thread
// (TID = PID).
func (m *Machine) emit(e Event) {
	e.Tick = m.t
	if e.TID == 0 {
		e.TID = e.PID
	}
	switch e.Kind {
	case KindDispatch, KindPreempt, KindSwitch, KindIdle, KindAsk:
		// about a CPU: the caller says which
	default:
		e.CPU = m.cpuOf(e.TID)
	}
	if m.races != nil {
		m.races.event(m, e)
	}
	if m.cfg.Record {
		m.recorded.add(e, m.cfg.MaxRecorded)
	}
	if m.cfg.OnEvent != nil {
		m.cfg.OnEvent(e)
	}
	if m.stopAt != nil && m.stopAt(e) {
		m.paused = true
	}
}

// cpuOf is the CPU thread tid runs on, or -1.
func (m *Machine) cpuOf(tid int) int {
	for _, c := range m.cpus {
		if c.cur != nil && c.cur.TID == tid {
			return c.ID
		}
	}
	return -1
}

// Events returns the recorded events (Config.Record): all of them, or the
// last Config.MaxRecorded when there were more (DroppedEvents counts the
// others). The slice is the machine's: it is valid until the next event.
func (m *Machine) Events() []Event { return m.recorded.events() }

// DroppedEvents is how many of the oldest events Events no longer holds.
func (m *Machine) DroppedEvents() int64 { return m.recorded.dropped }

// Now is the simulated time in ticks: every tick before Now has happened.
// After an interrupt inside a tick (see Interrupt), it is the end of that
// tick, where the machine is settled again.
func (m *Machine) Now() int64 { return max(m.now, m.settleAt) }

// Done reports whether the machine has stopped: every process finished, or
// a limit or an error stopped it.
func (m *Machine) Done() bool { return m.halted }

// Err is why the machine stopped early (a limit, a deadlock), or nil.
func (m *Machine) Err() error { return m.err }

// halt stops the machine for good.
func (m *Machine) halt(kind Kind, why msg.Text, err error) {
	if m.halted {
		return
	}
	m.halted = true
	m.err = err
	m.now = max(m.now, m.t)
	e := Event{CPU: -1, Kind: kind, Msg: why}
	if le, ok := err.(*LimitError); ok {
		e.Limit, e.Value = le.Limit, le.Value
	}
	if de, ok := err.(*DeadlockError); ok {
		e.Waits = de.Waits
	}
	m.emit(e)
	if kind != KindHalt {
		e.Kind = KindHalt
		m.emit(e)
	}
}
