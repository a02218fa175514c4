package kernel

import (
	"bytes"
	"os"
	"runtime"
	"testing"
)

// BenchmarkCompare runs the five programs of bench/compare (the ones
// bench/compare/run.sh times beside Lua and CPython) on the machine, and
// reports the host CPU time of the run alone, compile and start-up left
// out (cpu-s, on the thread that runs the machine: what the VM costs,
// whatever else loads the host), its ticks, and the CPU time per tick.
func BenchmarkCompare(b *testing.B) {
	for _, name := range []string{"fib", "sieve", "matmul", "chars", "qsort"} {
		b.Run(name, func(b *testing.B) {
			var cpu float64
			var ticks int64
			for b.Loop() {
				var out bytes.Buffer
				cfg := Config{Files: os.DirFS("../bench/compare"), MaxTicks: 1 << 40, MaxInstructions: 1 << 42, MaxProcs: 8, Stdout: &out}
				m := New(cfg)
				if err := m.Start([]string{name + ".c"}); err != nil {
					b.Fatal(err)
				}
				runtime.LockOSThread()
				start := threadCPU()
				res := m.Run()
				cpu += (threadCPU() - start).Seconds()
				runtime.UnlockOSThread()
				if res.Err != nil || res.Code != 0 || out.Len() == 0 {
					b.Fatalf("run: %v, exit %d, output %q", res.Err, res.Code, out.String())
				}
				ticks += res.CPUTicks
			}
			b.ReportMetric(cpu/float64(b.N), "cpu-s")
			b.ReportMetric(float64(ticks)/float64(b.N), "ticks")
			b.ReportMetric(cpu*1e9/float64(ticks), "cpu-ns/tick")
		})
	}
}
