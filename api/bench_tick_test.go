package api

import (
	"osplay/internal/loadprog"
	"testing"
	"time"
)

// BenchmarkSessionInterval is the simulation's part of a batch of a
// running session at the default speed: the machine run through one
// interval (10 ticks of the two-process loop) on the session's seat, each
// event converted as the session takes it, without the snapshot and the
// encoding that follow. With a CPU share, as the server runs sessions,
// the seat computes within its grace.
func BenchmarkSessionInterval(b *testing.B) {
	src := loadprog.TwoProcesses
	for _, bc := range []struct {
		name     string
		shared   bool
		sessions int
	}{
		{"alone", false, 1},
		{"shared", true, 1},
		// Sessions in turn, as a loaded server runs them: each batch
		// finds little of its session in the processor's caches.
		{"shared-500sessions", true, 500},
		{"shared-2000sessions", true, 2000},
	} {
		b.Run(bc.name, func(b *testing.B) {
			share := newCPUShare(2, 10*time.Millisecond)
			ss := make([]*Session, bc.sessions)
			for i := range ss {
				s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {}, nil, nil)
				if bc.shared {
					s.share(share, nil)
				}
				s.reuse, s.deltas = true, true // as a page's session
				s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
				s.Handle(command{op: "run"})
				ss[i] = s
			}
			events := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s := ss[i%len(ss)]
				s.begin(s.lim.BatchCPU)
				s.advanceInterval()
				s.seat.give() // as sending the batch does
				events += len(s.pending)
				s.pending = s.pending[:0]
			}
			for _, s := range ss {
				if s.ended() {
					b.Fatal("a run ended")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*int(ss[0].speed.Ticks)), "ns/tick")
			b.ReportMetric(float64(events)/float64(b.N), "events/batch")
		})
	}
}
