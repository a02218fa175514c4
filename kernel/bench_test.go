package kernel

import "testing"

// BenchmarkTicks measures simulated ticks per second of a CPU-bound
// program, with one CPU (long stretches) and with two (lock step).
func BenchmarkTicks(b *testing.B) {
	for _, cpus := range []int{1, 2} {
		b.Run(map[int]string{1: "1cpu", 2: "2cpus"}[cpus], func(b *testing.B) {
			files := testdataFiles(b)
			var ticks int64
			for i := 0; i < b.N; i++ {
				m := New(Config{Files: files, CPUs: cpus, MaxTicks: 2_000_000})
				if err := m.Start([]string{"loop.c"}); err != nil {
					b.Fatal(err)
				}
				ticks += m.Run().CPUTicks
			}
			b.ReportMetric(float64(ticks)/b.Elapsed().Seconds()/1e6, "Mticks/s")
		})
	}
}
