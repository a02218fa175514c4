package kernel

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The thread benchmarks run a C program of testdata/bench end to end, as
// `osplay run` does (compile, load, run to exit; the compiled program is
// cached after the first run, as the server caches it), with b.N round
// trips, and in the same benchmark the same program built by gcc -O2 and
// run natively with the same count. They report round trips per second of
// host time for both, and the simulated ticks one round trip costs.

// BenchmarkThreadCreateJoin: pthread_create + pthread_join.
func BenchmarkThreadCreateJoin(b *testing.B) { benchRoundTrips(b, "threadloop") }

// BenchmarkMutexHandoff: a turn handed back and forth between two threads
// through a mutex and a condition variable; a round trip is two hand-offs.
func BenchmarkMutexHandoff(b *testing.B) { benchRoundTrips(b, "handoff") }

// BenchmarkSemaphorePingPong: two threads, each waiting on its own
// semaphore and posting the other's.
func BenchmarkSemaphorePingPong(b *testing.B) { benchRoundTrips(b, "pingpong") }

func benchRoundTrips(b *testing.B, name string) { benchEndToEnd(b, name, "trips") }

// benchEndToEnd runs testdata/bench/name.c with b.N, simulated and native,
// each printing b.N when done, and reports b.N's units per second of host
// time for both and the simulated ticks of one unit.
func benchEndToEnd(b *testing.B, name, unit string) {
	native := filepath.Join(b.TempDir(), name)
	if out, err := exec.Command("gcc", "-O2", "-pthread", "-o", native, "testdata/bench/"+name+".c").CombinedOutput(); err != nil {
		b.Fatalf("gcc: %v\n%s", err, out)
	}
	n := strconv.Itoa(b.N)
	want := n + "\n"
	b.ResetTimer()

	var stdout bytes.Buffer
	cfg := benchFiles(b)
	cfg.Stdout = &stdout
	start := time.Now()
	m := New(cfg)
	if err := m.Start([]string{name + ".c", n}); err != nil {
		b.Fatal(err)
	}
	res := m.Run()
	simulated := time.Since(start)
	if res.Err != nil || res.Code != 0 || stdout.String() != want {
		b.Fatalf("run: %v, exit %d, output %q", res.Err, res.Code, stdout.String())
	}

	start = time.Now()
	out, err := exec.Command(native, n).Output()
	host := time.Since(start)
	if err != nil || strings.TrimSpace(string(out)) != n {
		b.Fatalf("native: %v, output %q", err, out)
	}
	b.ReportMetric(float64(b.N)/simulated.Seconds(), "osplay-"+unit+"/s")
	b.ReportMetric(float64(b.N)/host.Seconds(), "native-"+unit+"/s")
	b.ReportMetric(float64(res.Ticks)/float64(b.N), "ticks/"+strings.TrimSuffix(unit, "s"))
}
