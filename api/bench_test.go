package api

import (
	"osplay/internal/loadprog"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// BenchmarkSessionBatch is the server's work for one batch of a running
// session at the default speed, as the socket does it: decode the
// client's acknowledgement, advance the machine, take the snapshot, encode
// the message (the state as a delta, as to the page).
func BenchmarkSessionBatch(b *testing.B) {
	bytes := 0
	s := loadedPageSession(&bytes)
	lim := s.lim
	s.Handle(command{op: "run"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, bad := decode([]byte(`{"op":"ack","seq":`+strconv.FormatInt(s.seq, 10)+`}`), lim)
		if bad != nil {
			b.Fatal(bad.Message)
		}
		s.Handle(c)
		s.Tick(time.Now())
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/batch")
}

// BenchmarkRunFirstBatch is the server's work to answer Run in a session
// whose program is loaded and paused at tick 0, as when a class presses
// Run together: the batch of the first interval, with the whole state
// (the interval itself computed at the load, as a page's session does:
// ahead.go).
func BenchmarkRunFirstBatch(b *testing.B) {
	bytes, sent := 0, 0
	b.StopTimer()
	for range b.N {
		s := loadedPageSession(&bytes)
		loaded := bytes
		b.StartTimer()
		s.Handle(command{op: "run"})
		b.StopTimer()
		sent += bytes - loaded
	}
	b.ReportMetric(float64(sent)/float64(b.N), "bytes/run")
}

// BenchmarkRunStorm is BenchmarkRunFirstBatch as a class meets it: a
// thousand sessions loaded, then Run pressed in each in turn, so that
// each answer finds its session's memory out of the processor's caches,
// as the server does when a class presses Run together. It reports the
// time and the allocations per Run. In "again", each session has run an
// interval and been reset before: the class told to start over.
func BenchmarkRunStorm(b *testing.B) {
	for _, again := range []bool{false, true} {
		name := "loaded"
		if again {
			name = "again"
		}
		b.Run(name, func(b *testing.B) { runStorm(b, again) })
	}
}

func runStorm(b *testing.B, again bool) {
	const sessions = 1000
	bytes := 0
	var took time.Duration
	var allocs uint64
	for range b.N {
		b.StopTimer()
		ss := make([]*Session, sessions)
		for i := range ss {
			ss[i] = loadedPageSession(&bytes)
			if again {
				ss[i].Handle(command{op: "run"})
				ss[i].Handle(command{op: "ack", seq: ss[i].seq})
				ss[i].Tick(time.Now())
				ss[i].Handle(command{op: "reset"})
			}
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		start := time.Now()
		for _, s := range ss {
			s.Handle(command{op: "run"})
		}
		took += time.Since(start)
		b.StopTimer()
		runtime.ReadMemStats(&after)
		allocs += after.Mallocs - before.Mallocs
	}
	b.ReportMetric(float64(took.Microseconds())/float64(b.N*sessions), "µs/run")
	b.ReportMetric(float64(allocs)/float64(b.N*sessions), "allocs/run")
}

// loadedPageSession is a session as a page's socket makes it (its
// messages encoded at once, states as deltas), with the load benchmark's
// two-process loop loaded; it adds the bytes it sends to *bytes.
func loadedPageSession(bytes *int) *Session {
	src := loadprog.TwoProcesses
	var sock socket
	s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {
		data, _ := sock.encode(v)
		*bytes += len(data)
		sock.written() // as a write does
	}, nil, nil)
	sock.s, s.reuse, s.deltas, s.runAhead = s, true, true, true
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
	return s
}
