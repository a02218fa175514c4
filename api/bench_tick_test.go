package api

import (
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
	src := `#include <stdio.h>
#include <unistd.h>
int main(void) { int n = 0; fork(); for (;;) { for (int i = 0; i < 2000; i++) ; printf("%d: %d\n", getpid(), n++); } }`
	for _, shared := range []bool{false, true} {
		b.Run(map[bool]string{false: "alone", true: "shared"}[shared], func(b *testing.B) {
			s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {}, nil, nil)
			if shared {
				s.share(newCPUShare(2, 10*time.Millisecond), nil)
			}
			s.reuse, s.deltas = true, true // as a page's session
			s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
			s.Handle(command{op: "run"})
			events := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.begin(s.lim.BatchCPU)
				s.advanceInterval()
				events += len(s.pending)
				s.pending = s.pending[:0]
			}
			if s.ended() {
				b.Fatal("the run ended")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*int(s.speed.Ticks)), "ns/tick")
			b.ReportMetric(float64(events)/float64(b.N), "events/batch")
		})
	}
}
