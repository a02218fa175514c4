package kernel

import (
	"testing"
	"testing/fstest"

	"osplay/internal/loadprog"
)

// BenchmarkBatches is the kernel's share of a session running at the
// default speed: the two-process loop advanced 10 ticks a call, as a
// batch does, each event handed to a subscriber that keeps it, as the
// session's does until the batch is sent. An op is one batch.
func BenchmarkBatches(b *testing.B) {
	for _, bc := range []struct {
		name     string
		cfg      Config
		machines int
	}{
		{"rr", Config{}, 1},
		{"rr-seed", Config{Seed: 1}, 1},
		{"2cpus", Config{CPUs: 2}, 1},
		{"rr-watched", Config{}, 1}, // as a session at the default speed: the instructions view on
		// Many machines in turn, as a loaded server has them: each
		// batch finds little of its machine in the processor's caches.
		{"rr-200machines", Config{}, 200},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var kept []Event
			cfg := bc.cfg
			cfg.Files = fstest.MapFS{"two.c": {Data: []byte(loadprog.TwoProcesses)}}
			cfg.MaxTicks = 1 << 40
			cfg.OnEvent = func(e Event) { kept = append(kept, e) }
			ms := make([]*Machine, bc.machines)
			for i := range ms {
				ms[i] = New(cfg)
				if err := ms[i].Start([]string{"two.c"}); err != nil {
					b.Fatal(err)
				}
				ms[i].RunTo(10_000 + int64(i)) // past the fork and the first lines
				if bc.name == "rr-watched" {
					ms[i].Watch(96)
				}
			}
			const batch = 10
			events := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m := ms[i%len(ms)]
				kept = kept[:0]
				m.RunTo(m.Now() + batch)
				events += len(kept)
			}
			for _, m := range ms {
				if m.Done() {
					b.Fatalf("a machine stopped: %v", m.Err())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*batch), "ns/tick")
			b.ReportMetric(float64(events)/float64(b.N), "events/batch")
		})
	}
}
