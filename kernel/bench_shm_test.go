package kernel

import (
	"os"
	"testing"
	"testing/fstest"
)

// BenchmarkSharedStores runs a loop of stores into a page of the heap and
// into a page of a System V segment, and reports simulated ticks per
// second of each: the difference is what recording each store's writer
// costs (a store to shared memory skips the write TLB, vm/shmwrites.go).
func BenchmarkSharedStores(b *testing.B) {
	src, err := os.ReadFile("testdata/bench/shmstore.c")
	if err != nil {
		b.Fatal(err)
	}
	files := fstest.MapFS{"shmstore.c": &fstest.MapFile{Data: src}}
	for _, where := range []string{"heap", "shared"} {
		b.Run(where, func(b *testing.B) {
			var ticks int64
			for i := 0; i < b.N; i++ {
				m := New(Config{Files: files})
				if err := m.Start([]string{"shmstore.c", where}); err != nil {
					b.Fatal(err)
				}
				res := m.Run()
				if res.Err != nil || res.Code != 0 {
					b.Fatalf("run: %v, exit %d", res.Err, res.Code)
				}
				ticks += res.CPUTicks
			}
			b.ReportMetric(float64(ticks)/b.Elapsed().Seconds()/1e6, "Mticks/s")
		})
	}
}
