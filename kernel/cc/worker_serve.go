package cc

import (
	"bufio"
	"encoding/gob"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// A compiler worker is this same executable started again with workerEnv
// set: package cc's init sees the variable and serves compiles instead of
// running the program, so every binary that links package cc (the server,
// the CLI, test binaries) can be its own compiler. Requests arrive on file
// descriptor 3 and replies leave on 4; stdout and stderr stay free for
// anything the front end prints.
const workerEnv = "OSPLAY_CC_WORKER"

// Exit statuses of a worker the parent tells apart.
const (
	exitMemory = 3 // the compile went over its memory budget
)

func init() {
	if os.Getenv(workerEnv) == "1" {
		os.Exit(serveWorker(os.NewFile(3, "requests"), os.NewFile(4, "replies")))
	}
}

// serveWorker compiles requests one at a time until the parent closes the
// pipe, and returns the exit status.
func serveWorker(in, out *os.File) int {
	if runtime.GOMAXPROCS(0) > 2 {
		runtime.GOMAXPROCS(2) // a compile, its watcher, and the collector
	}
	// A runaway recursion in the front end (a few hundred thousand nested
	// parentheses) crashes the worker at 64 MiB of stack, not 1 GiB: the
	// memory budget counts the heap only. Ten thousand levels fit.
	debug.SetMaxStack(64 << 20)
	go exitWithParent()
	var mem memoryWatch
	go mem.run()

	dec := gob.NewDecoder(bufio.NewReader(in))
	enc := gob.NewEncoder(out)
	headerSets := map[string]*headerSet{}
	for {
		var req compileRequest
		if err := dec.Decode(&req); err != nil {
			return 0 // the parent is done with this worker
		}
		if req.Headers != nil {
			headerSets[req.HeadersKey] = newHeaderSet(folder(req.Headers))
		}
		headers := headerSets[req.HeadersKey]
		if headers == nil {
			return 1 // the parent sends each set of headers before its first use
		}
		mem.setBudget(req.CompilerMemory)
		rep := compileRequested(&req, headers)
		// A compile can finish between two looks of the watch: check
		// once more, so the budget holds whatever the timing.
		if mem.over() {
			return exitMemory
		}
		if err := enc.Encode(rep); err != nil {
			return 0
		}
		if rep.Abandoned {
			return 0 // the abandoned compile still runs: only exiting stops it
		}
	}
}

func compileRequested(req *compileRequest, headers *headerSet) *compileReply {
	var dir = folder(req.Files)
	if len(req.Files) == 0 {
		dir = nil
	}
	job := &compileJob{name: req.Name, src: req.Src, dir: dir, limits: Limits{
		ProcessMemory: req.ProcessMemory, Deadline: req.Deadline, CompilerMemory: req.CompilerMemory, stall: req.Stall,
	}.withDefaults()}
	o, abandoned, err := watch(job, headers)
	if err != nil {
		return &compileReply{Errors: asList(err), Abandoned: abandoned}
	}
	return &compileReply{Object: toWire(o)}
}

// exitWithParent ends the worker when the process that started it is
// gone, even in the middle of a compile that is stuck.
func exitWithParent() {
	parent := os.Getppid()
	for range time.Tick(time.Second) {
		if os.Getppid() != parent {
			os.Exit(0)
		}
	}
}

// memoryWatch ends the worker when its heap outgrows the compile's
// budget. The garbage collector is told the budget too, so only memory
// the compile really holds counts.
type memoryWatch struct {
	budget atomic.Int64
}

func (m *memoryWatch) setBudget(n int64) {
	m.budget.Store(n)
	debug.SetMemoryLimit(n)
}

// over reports whether the heap holds more than the budget, garbage
// collected first so that only memory in use counts.
func (m *memoryWatch) over() bool {
	if !m.heapOver() {
		return false
	}
	runtime.GC()
	return m.heapOver()
}

func (m *memoryWatch) heapOver() bool {
	b := m.budget.Load()
	if b <= 0 {
		return false
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()) > b
}

func (m *memoryWatch) run() {
	for range time.Tick(5 * time.Millisecond) {
		if m.over() {
			os.Exit(exitMemory)
		}
	}
}
