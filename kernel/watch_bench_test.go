package kernel

import (
	"testing"
	"testing/fstest"
)

// BenchmarkWatch runs the unlocked counter with and without watching the
// instructions: watching costs a call of the VM per instruction.
func BenchmarkWatch(b *testing.B) {
	for _, watch := range []bool{false, true} {
		name := map[bool]string{false: "off", true: "on"}[watch]
		b.Run(name, func(b *testing.B) {
			var ticks int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m := New(Config{Sched: "rr:q=5", Files: lostUpdateFS()})
				if err := m.Start([]string{"main.c"}); err != nil {
					b.Fatal(err)
				}
				if watch {
					m.Watch(256)
				}
				b.StartTimer()
				ticks += m.Run().CPUTicks
			}
			b.ReportMetric(float64(ticks)/b.Elapsed().Seconds(), "ticks/s")
		})
	}
}

func lostUpdateFS() fstest.MapFS {
	return fstest.MapFS{"main.c": &fstest.MapFile{Data: []byte(lostUpdate)}}
}
