package exercises

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing/fstest"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// Diagnostic is one compiler message, for the editor to underline.
type Diagnostic struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"msg"`
}

// trace is what the checks know of a run: the output, the result, the
// scheduling metrics (the kernel's Meter, as the views compute them), and
// what the event stream said about every process.
type trace struct {
	compile  []Diagnostic
	startErr string // the program could not start (not a compile error)
	stdout   string
	stderr   string
	result   kernel.Result
	halt     string              // why the machine stopped early: a limit, a deadlock
	deadlock bool                // threads waited in a cycle, or the machine halted with every thread waiting
	cycles   [][]kernel.WaitEdge // the cycles of waits the kernel reported, in order
	spins    []kernel.WaitEdge   // at the instruction limit: threads waiting for a lock whose holder runs on
	waiting  bool                // stopped waiting for input that cannot come
	stopped  string              // the server stopped the run at a limit: StopDeadline, StopMemory

	meter   *analysis.Meter
	metrics analysis.Metrics // filled in by finish
	procs   map[int]*procTrace
	order   []int // pids in order of creation, init left out
	execs   []execTrace
	sent    map[signalTrace]int // signals sent, counted by the process they were sent to
	handled map[signalTrace]int // signals caught by a handler, counted by the process that caught them
	calls   map[callTrace]int   // returns of system calls, counted by process, call and errno

	waitsAtEnd []kernel.WaitEdge // the threads still waiting when the run ended

	memory *kernel.Machine // the machine, when it kept the processes' final memory

	files    []File          // the program, for the checks that run it again (explore)
	ctx      context.Context // the evaluation's: its end stops a check that runs the program again
	main     string
	settings Run
	races    []raceHit          // the data races reported (the first maxRacesKept)
	shared   []kernel.SharedVar // the variables threads shared, with the locks held (the race detector on)
}

// procTrace is one process's life as the events told it.
type procTrace struct {
	pid, parent int // parent: the process that created it
	name        string
	created     int64
	ended       int64
	exited      bool
	status      int
	adopted     bool  // orphaned while alive, adopted by init
	zombieLeft  bool  // its parent exited without reaping it
	reaped      int64 // tick its parent (or init) reaped it, -1 before
	transitions map[[2]kernel.State]int
}

type execTrace struct {
	pid  int
	path string
	argv []string
}

// Limits of a check run besides Run.MaxTicks: generous for any lecture
// program, small enough that many evaluations fit in a server.
const (
	checkMaxProcs       = 32
	checkMaxMemory      = 8 << 20  // per process
	checkMaxTotalMemory = 64 << 20 // all processes together
	checkMaxOutput      = 256 << 10
)

// Drive runs a started machine until it ends or can only wait for input.
// The server passes one that stops the machine at a deadline, or when its
// memory passes a budget, and takes turns on the CPU with everything else
// it runs; it returns "" when the machine got to its end, else the code of
// what stopped it (StopDeadline, StopMemory). A nil Drive runs the machine
// to its end.
type Drive func(m *kernel.Machine) (stopped string)

// The codes a Drive returns: the server's words for its limits.
const (
	StopDeadline = "deadline"
	StopMemory   = "memory_limit"
)

// run executes files on a fresh machine with the exercise's settings and
// records what the checks need; keepMemory keeps every process's final
// memory for the globals checks.
func (r Run) run(files []File, main string, keepMemory bool) *trace {
	return r.runWith(nil, files, main, keepMemory)
}

// runWith is run with the machine driven by drive.
func (r Run) runWith(drive Drive, files []File, main string, keepMemory bool) *trace {
	t := &trace{procs: map[int]*procTrace{}, meter: analysis.NewMeter(max(r.CPUs, 1)), files: files, main: main, settings: r}
	var stdout, stderr limitedBuffer
	cfg := r.kernelConfig(files, &stdout, &stderr)
	cfg.OnEvent, cfg.KeepFinalMemory, cfg.DetectRaces = t.add, keepMemory, r.races
	m := kernel.New(cfg)
	if keepMemory {
		t.memory = m
	}
	if err := m.Start(append([]string{main}, r.Argv...)); err != nil {
		t.compile = diagnostics(err.Error(), main, files)
		if len(t.compile) == 0 {
			t.startErr = err.Error()
		}
		return t
	}
	if drive == nil {
		m.Run()
	} else {
		t.stopped = drive(m)
	}
	t.result = m.Result()
	t.waitsAtEnd = m.WaitsNow()
	if r.races {
		t.shared = m.SharedVars()
	}
	t.stdout, t.stderr = stdout.String(), stderr.String()
	if t.stopped != "" {
		t.halt = t.stopped
	} else if err := t.result.Err; err != nil {
		t.halt = err.Error()
		t.deadlock = t.deadlock || strings.HasPrefix(t.halt, "deadlock")
		t.spins = findSpins(m, err)
	} else if !m.Done() {
		t.waiting = true
		t.halt = "the program waits for input that cannot come"
	}
	return t
}

// kernelConfig is the machine a check runs files on: the exercise's
// settings, under the limits of a check.
func (r Run) kernelConfig(files []File, stdout, stderr io.Writer) kernel.Config {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: []byte(f.Text), Mode: 0644}
	}
	maxTicks, maxProcs := r.MaxTicks, r.MaxProcs
	if maxTicks == 0 {
		maxTicks = DefaultMaxTicks
	}
	if maxProcs == 0 {
		maxProcs = checkMaxProcs
	}
	return kernel.Config{
		Files: fsys, Sched: r.Sched, Quantum: r.Quantum, CPUs: r.CPUs, Seed: r.Seed,
		ContextSwitch: r.CtxSwitch, ChildFirst: r.ChildFirst, Monitor: r.Monitor, MaxProcs: maxProcs,
		MaxTicks: maxTicks, MaxMemory: checkMaxMemory, MaxTotalMemory: checkMaxTotalMemory, MaxOutput: checkMaxOutput,
		Stdin: strings.NewReader(r.Stdin), Stdout: stdout, Stderr: stderr,
	}
}

// add updates the trace with one event.
func (t *trace) add(e kernel.Event) {
	t.meter.Add(e)
	p := t.procs[e.PID]
	switch e.Kind {
	case kernel.KindCreate:
		if e.PID == 1 {
			return
		}
		t.procs[e.PID] = &procTrace{pid: e.PID, parent: e.Other, name: e.Name, created: e.Tick,
			reaped: -1, transitions: map[[2]kernel.State]int{}}
		t.order = append(t.order, e.PID)
	case kernel.KindExec:
		if p != nil {
			p.name = commName(e.Name)
		}
		t.execs = append(t.execs, execTrace{pid: e.PID, path: e.Name, argv: e.Argv})
	case kernel.KindState:
		if p != nil {
			p.transitions[[2]kernel.State{e.From, e.To}]++
		}
	case kernel.KindExit:
		if p != nil {
			p.exited, p.status, p.ended = true, e.Status, e.Tick
		}
	case kernel.KindAdopt:
		if p != nil {
			if p.exited {
				p.zombieLeft = true
			} else {
				p.adopted = true
			}
		}
	case kernel.KindReap:
		if c := t.procs[e.Other]; c != nil {
			c.reaped = e.Tick
		}
	case kernel.KindSignal:
		if t.sent == nil {
			t.sent = map[signalTrace]int{}
		}
		t.sent[signalTrace{pid: e.Other, sig: e.Signal}]++
	case kernel.KindHandler:
		if t.handled == nil {
			t.handled = map[signalTrace]int{}
		}
		t.handled[signalTrace{pid: e.PID, sig: e.Signal}]++
	case kernel.KindSysret:
		if t.calls == nil {
			t.calls = map[callTrace]int{}
		}
		t.calls[callTrace{pid: e.PID, name: e.Name, errno: e.Errno}]++
	case kernel.KindRace:
		if len(t.races) < maxRacesKept {
			t.races = append(t.races, raceHit{pid: e.PID, addr: e.Addr, text: e.Msg})
		}
	case kernel.KindDeadlock:
		t.deadlock = true
		t.cycles = append(t.cycles, e.Waits)
	}
}

// commName is the command name of a program path, as the kernel keeps it.
func commName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	if len(path) > 15 {
		path = path[:15]
	}
	return path
}

// finish computes the metrics once the run is over.
func (t *trace) finish() {
	if t.meter != nil {
		t.metrics = t.meter.Metrics()
	}
}

// mainProc is the process the run started, or nil.
func (t *trace) mainProc() *procTrace {
	if len(t.order) == 0 {
		return nil
	}
	return t.procs[t.order[0]]
}

// tree is the process tree by creation, rooted at the first process.
func (t *trace) tree() *shapeNode {
	nodes := map[int]*shapeNode{}
	var root *shapeNode
	for _, pid := range t.order {
		p := t.procs[pid]
		n := &shapeNode{name: p.name}
		nodes[pid] = n
		if parent := nodes[p.parent]; parent != nil {
			parent.children = append(parent.children, n)
		} else if root == nil {
			root = n
		}
	}
	return root
}

// ran reports whether the program ran at all.
func (t *trace) ran() bool { return len(t.compile) == 0 && t.startErr == "" }

var diagLine = lazyRegexp(`(?m)^([^:\n]+):(\d+):(\d+): (.*)$`)

// diagnostics parses the compiler's "file:line:col: message" lines. The
// compiler reports an unexpected end of file at "<end of input>": that is
// the end of the main file.
func diagnostics(msg, main string, files []File) []Diagnostic {
	var out []Diagnostic
	for _, m := range diagLine().FindAllStringSubmatch(msg, -1) {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		file := m[1]
		if strings.HasPrefix(file, "<") {
			file, line, col = main, 1, 1
			for _, f := range files {
				if f.Name == main {
					line = max(1, strings.Count(strings.TrimRight(f.Text, "\n"), "\n")+1)
				}
			}
		}
		out = append(out, Diagnostic{File: file, Line: line, Col: col, Msg: m[4]})
	}
	return out
}

// limitedBuffer keeps the first maxOutput bytes written to it.
type limitedBuffer struct {
	b strings.Builder
}

const maxOutput = 64 << 10

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxOutput - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return l.b.String() }
