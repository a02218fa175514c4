package api

import (
	"runtime"
	"time"

	"osplay/kernel"
)

// Limits bound what one visitor can ask of the server. Every limit, when
// hit, produces a message that says which limit and what to do; none of
// them crashes anything. The zero value of a field means its default.
type Limits struct {
	MaxMessage  int64 // bytes of one client message answered with an error beyond (256 KiB)
	MaxFrame    int64 // bytes of one WebSocket frame; the connection is closed beyond (1 MiB)
	MaxBody     int64 // bytes of a request body (POST /api/run) (512 KiB)
	MaxFiles    int   // files in a program (8)
	MaxFileSize int   // bytes of one source file (64 KiB)
	MaxArgs     int   // arguments in argv (32), each at most 256 bytes
	MaxStdin    int   // bytes of the stdin field (64 KiB)

	MaxTicks      int64 // CPU ticks of one run (5,000,000)
	MaxProcs      int   // processes at once (32)
	MaxOutput     int64 // console bytes of one run (256 KiB)
	MaxEventsSent int   // events in one batch before syscall events are left out (2,000)
	RunTimeout    time.Duration
	// MaxExploreRuns bounds the schedules one POST /api/explore may run
	// (20,000); the search as a whole computes as one headless run: one
	// worker, one machine at a time, within RunTimeout.
	MaxExploreRuns int

	// Memory. MaxSessionMemory bounds what all the processes of one
	// machine touch together (the kernel's out-of-memory killer acts
	// beyond; the kernel's own MaxMemory bounds each process).
	MaxSessionMemory uint64 // bytes (256 MiB)
	MaxPendingEvents int    // events a session keeps for its next batch; the oldest are left out beyond (20,000)
	MaxRunEvents     int    // events POST /api/run returns with "events": true (100,000)
	MaxRunProcesses  int    // processes POST /api/run describes one by one (1,000)
	MaxInputBytes    int    // bytes typed into one run in all (1 MiB)
	MaxInputs        int    // inputs (lines, signals, choices) logged for the replay of one run (10,000)

	// CPU. A batch or a command computes its first CPUGrace freely, then
	// only while holding one of CPUSlots slots, a CPUSlice at a time
	// (cpushare.go, cpuseat.go); a batch of a running session computes
	// for BatchCPU at most. Headless runs (POST /api/run, checks)
	// take one of Workers places; up to RunQueue more wait, at most
	// QueueWait, before being told the server is busy.
	CPUSlots  int           // (GOMAXPROCS − 1, at least 1)
	CPUSlice  time.Duration // (5 ms)
	CPUGrace  time.Duration // (1 ms)
	BatchCPU  time.Duration // (20 ms)
	Workers   int           // (GOMAXPROCS)
	RunQueue  int           // (2 × Workers)
	QueueWait time.Duration // (3 s)

	Idle         time.Duration // a session without a command for this long is closed (15 min)
	PingInterval time.Duration // the server pings this often (20 s)
	PongWait     time.Duration // and closes a connection silent for this long (45 s)
	WriteWait    time.Duration // time allowed to write one message (10 s)

	SessionsPerIP int // WebSocket sessions at once from one client address (20)
	MaxSessions   int // WebSocket sessions at once in all (5,000)

	BatchInterval time.Duration // default time between batches (33 ms)
	DefaultTicks  int64         // default ticks per batch (10)
}

// WithDefaults fills in the zero fields.
func (l Limits) WithDefaults() Limits {
	def := func(p *int64, v int64) {
		if *p <= 0 {
			*p = v
		}
	}
	defInt := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	defDur := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&l.MaxMessage, 256<<10)
	def(&l.MaxFrame, 1<<20)
	if l.MaxFrame < l.MaxMessage {
		l.MaxFrame = l.MaxMessage
	}
	def(&l.MaxBody, 512<<10)
	defInt(&l.MaxFiles, 8)
	defInt(&l.MaxFileSize, 64<<10)
	defInt(&l.MaxArgs, 32)
	defInt(&l.MaxStdin, 64<<10)
	def(&l.MaxTicks, 5_000_000)
	defInt(&l.MaxProcs, 32)
	def(&l.MaxOutput, 256<<10)
	defInt(&l.MaxEventsSent, 2000)
	defDur(&l.RunTimeout, 10*time.Second)
	defInt(&l.MaxExploreRuns, 20_000)
	if l.MaxSessionMemory == 0 {
		l.MaxSessionMemory = 256 << 20
	}
	defInt(&l.MaxPendingEvents, 20_000)
	l.MaxPendingEvents = max(l.MaxPendingEvents, l.MaxEventsSent)
	defInt(&l.MaxRunEvents, 100_000)
	defInt(&l.MaxRunProcesses, 1000)
	defInt(&l.MaxInputBytes, 1<<20)
	l.MaxInputBytes = max(l.MaxInputBytes, l.MaxStdin)
	defInt(&l.MaxInputs, 10_000)
	// One processor is kept for the server's own work (sockets, encoding,
	// timers), which the Go scheduler runs only where a processor is free
	// or every 10 ms: with every processor computing machines, a
	// neighbour's step waited ~20 ms instead of ~5 ms (cpushare_test.go).
	defInt(&l.CPUSlots, max(1, runtime.GOMAXPROCS(0)-1))
	defDur(&l.CPUSlice, 5*time.Millisecond)
	defDur(&l.CPUGrace, time.Millisecond)
	defDur(&l.BatchCPU, 20*time.Millisecond)
	defInt(&l.Workers, runtime.GOMAXPROCS(0))
	defInt(&l.RunQueue, 2*l.Workers)
	defDur(&l.QueueWait, 3*time.Second)
	defDur(&l.Idle, 15*time.Minute)
	defDur(&l.PingInterval, 20*time.Second)
	defDur(&l.PongWait, 45*time.Second)
	defDur(&l.WriteWait, 10*time.Second)
	defInt(&l.SessionsPerIP, 20)
	defInt(&l.MaxSessions, 5000)
	defDur(&l.BatchInterval, 33*time.Millisecond)
	def(&l.DefaultTicks, 10)
	return l
}

func (l Limits) client() ClientLimit {
	return ClientLimit{MaxMessage: l.MaxMessage, MaxFiles: l.MaxFiles, MaxFileSize: l.MaxFileSize,
		MaxTicks: l.MaxTicks, MaxProcs: l.MaxProcs, MaxCPUs: kernel.MaxCPUs, IdleSeconds: int(l.Idle / time.Second),
		MaxRunMemory: l.MaxSessionMemory, MaxInputBytes: l.MaxInputBytes}
}
