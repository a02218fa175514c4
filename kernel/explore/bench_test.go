package explore

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The exploration benchmarks run testdata/bank.c, two threads in about a
// hundred lines of C, under b.N schedules and report schedules per second
// of host time: with the workers GOMAXPROCS gives (all CPUs), and with one.
// Each run is a fresh machine on the shared compiled program.

func BenchmarkExplorePCT(b *testing.B) { benchExplore(b, Options{Strategy: PCT}) }

// The runs of testdata/ledger.c share a long beginning (the ledger summed
// before the threads start): from a fresh machine each, and from a clone
// of the machine stopped where the schedules part (snapshot.go).
func BenchmarkExploreLongStart(b *testing.B) {
	for _, c := range []struct {
		name string
		mode int
	}{{"fresh", snapshotsOff}, {"snapshot", snapshotsOn}, {"bank-fresh", snapshotsOff}, {"bank-snapshot", snapshotsOn}} {
		b.Run(c.name, func(b *testing.B) {
			defer func(m int) { snapshots = m }(snapshots)
			snapshots = c.mode
			file := "ledger.c"
			if strings.HasPrefix(c.name, "bank") {
				file = "bank.c"
			}
			benchExploreFile(b, file, Options{Strategy: PCT, Workers: 1})
		})
	}
}
func BenchmarkExplorePCTOneCPU(b *testing.B)  { benchExplore(b, Options{Strategy: PCT, Workers: 1}) }
func BenchmarkExploreRandom(b *testing.B)     { benchExplore(b, Options{Strategy: Random}) }
func BenchmarkExploreExhaustive(b *testing.B) { benchExplore(b, Options{Strategy: Exhaustive}) }

func benchExplore(b *testing.B, opt Options) { benchExploreFile(b, "bank.c", opt) }

func benchExploreFile(b *testing.B, file string, opt Options) {
	tg := target(b, "testdata", file)
	// Compile once, outside the timing, as the server's cache would have.
	if _, err := runOnce(tg, defaults{}, false); err != nil {
		b.Fatal(err)
	}
	opt.Runs = b.N + 1
	b.ResetTimer()
	cpu0 := cpuTime()
	start := time.Now()
	r, err := Explore(context.Background(), tg, opt)
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	if err != nil || r.Counterexample != nil {
		b.Fatalf("%v %+v", err, r.Counterexample)
	}
	b.ReportMetric(float64(r.Runs)/elapsed.Seconds(), "schedules/s")
	b.ReportMetric(float64(r.Steps), "points/run")
	// Host CPU time per schedule, which a loaded machine does not
	// inflate as it does the wall-clock rate: the rate on n idle cores is
	// about n / this.
	b.ReportMetric(cpu.Seconds()*1e6/float64(r.Runs), "cpu-µs/schedule")
}

// cpuTime is the CPU time the test process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
