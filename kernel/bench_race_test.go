package kernel

import (
	"bytes"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// The race detector's cost: the thread benchmarks' programs with
// Config.DetectRaces off and on, in units per second of host time (the
// two figures of one program are comparable; see bench_thread_test.go for
// the programs). SumLoop is the worst case: two threads doing nothing but
// loads and stores.

func BenchmarkRacesOffMutexHandoff(b *testing.B)      { benchRaces(b, "handoff", false) }
func BenchmarkRacesOnMutexHandoff(b *testing.B)       { benchRaces(b, "handoff", true) }
func BenchmarkRacesOffSemaphorePingPong(b *testing.B) { benchRaces(b, "pingpong", false) }
func BenchmarkRacesOnSemaphorePingPong(b *testing.B)  { benchRaces(b, "pingpong", true) }
func BenchmarkRacesOffSumLoop(b *testing.B)           { benchRaces(b, "sumloop", false) }
func BenchmarkRacesOnSumLoop(b *testing.B)            { benchRaces(b, "sumloop", true) }

func benchRaces(b *testing.B, name string, detect bool) {
	n := strconv.Itoa(b.N)
	var stdout bytes.Buffer
	cfg := benchFiles(b)
	cfg.Stdout, cfg.DetectRaces = &stdout, detect
	m := New(cfg)
	if err := m.Start([]string{name + ".c", n}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := processCPU()
	start := time.Now()
	res := m.Run()
	elapsed := time.Since(start)
	cpu := processCPU() - cpu0
	if res.Err != nil || res.Code != 0 || stdout.String() != n+"\n" || len(m.Races()) > 0 {
		b.Fatalf("run: %v, exit %d, output %q, %d races", res.Err, res.Code, stdout.String(), len(m.Races()))
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "units/s")
	// Host CPU per unit: what a loaded machine does not inflate.
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/unit")
}

// processCPU is the CPU time the test process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
