package api

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the test process has used, user and system:
// on a loaded machine, a steadier measure than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSeek is a seek backward to a random tick of a 50 M-tick run:
// from the latest snapshot before it (the session as it runs), and by a
// replay from tick 0 (the snapshots set aside), on one session. Each seek
// starts from the run's end. Reported: milliseconds a seek, and the
// snapshots the run kept with the memory they hold.
func BenchmarkSeek(b *testing.B) {
	src := `#include <stdio.h>
int a[4096];
int main(void) {
	long s = 0;
	for (int r = 0; ; r++) {
		for (int i = 0; i < 4096; i++) { a[i] += i ^ r; s += a[i]; }
		if (r % 200 == 0) printf("%d %ld\n", r, s);
	}
}`
	const ticks = 50_000_000
	s := NewSession("bench", Limits{MaxTicks: ticks, RunTimeout: time.Minute, BatchCPU: time.Second}, func(any) {}, nil, nil)
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "loop.c", Text: src}}}})
	s.Handle(command{op: "speed", speed: Speed{Ticks: 10_000_000, Interval: 10}})
	s.Handle(command{op: "run"})
	for s.Running() {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	end := s.m.Now()
	if end < ticks*9/10 {
		b.Fatalf("the run stopped at tick %d", end)
	}
	snaps, held := len(s.rewind.snaps), s.rewind.bytes
	for _, mode := range []string{"snapshot", "replay"} {
		b.Run(mode, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			var took, cpu time.Duration
			for range b.N {
				s.Handle(command{op: "seek", tick: end})
				kept := s.rewind
				if mode == "replay" {
					s.rewind = rewinder{}
				}
				t := rng.Int64N(end)
				start, cpu0 := time.Now(), cpuTime()
				s.Handle(command{op: "seek", tick: t})
				took, cpu = took+time.Since(start), cpu+cpuTime()-cpu0
				if s.m.Now() != t {
					b.Fatalf("seek to %d reached %d", t, s.m.Now())
				}
				s.rewind = kept
			}
			b.ReportMetric(took.Seconds()*1e3/float64(b.N), "ms/seek")
			b.ReportMetric(cpu.Seconds()*1e3/float64(b.N), "cpu-ms/seek")
			b.ReportMetric(float64(snaps), "snapshots")
			b.ReportMetric(float64(held)/(1<<20), "snapshot-MiB")
		})
	}
}
