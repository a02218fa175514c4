package kernel

import (
	"bytes"
	"strconv"
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
	start := time.Now()
	res := m.Run()
	elapsed := time.Since(start)
	if res.Err != nil || res.Code != 0 || stdout.String() != n+"\n" || len(m.Races()) > 0 {
		b.Fatalf("run: %v, exit %d, output %q, %d races", res.Err, res.Code, stdout.String(), len(m.Races()))
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "units/s")
}
