package api

import (
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
		MaxTicks: l.MaxTicks, MaxProcs: l.MaxProcs, MaxCPUs: kernel.MaxCPUs, IdleSeconds: int(l.Idle / time.Second)}
}
