package kernel

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"testing/fstest"
	"time"
)

func benchFiles(b *testing.B) Config {
	return Config{Files: os.DirFS("testdata/bench"), MaxTicks: 1 << 40, MaxInstructions: 1 << 42, MaxProcs: 8}
}

// BenchmarkForkExitWait times one fork + _exit + wait round trip of a
// simulated process, in host time.
func BenchmarkForkExitWait(b *testing.B) {
	cfg := benchFiles(b)
	m := New(cfg)
	if err := m.Start([]string{"forkloop.c", strconv.Itoa(b.N)}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	res := m.Run()
	if res.Err != nil || res.Code != 0 {
		b.Fatalf("run: %v, exit %d", res.Err, res.Code)
	}
}

// BenchmarkFib32 runs fib(32) in C as `osplay run` does (compile, load,
// run to exit) and, in the same benchmark, CPython on fib.py, and reports
// the ratio of their times (below 1: osplay is faster).
func BenchmarkFib32(b *testing.B) {
	var osplay, python time.Duration
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		cfg := benchFiles(b)
		cfg.Stdout = &out
		start := time.Now()
		m := New(cfg)
		if err := m.Start([]string{"fib.c"}); err != nil {
			b.Fatal(err)
		}
		if res := m.Run(); res.Err != nil || out.String() != "2178309\n" {
			b.Fatalf("run: %v, output %q", res.Err, out.String())
		}
		osplay += time.Since(start)

		start = time.Now()
		py, err := exec.Command("python3", "testdata/bench/fib.py").Output()
		if err != nil {
			b.Skipf("python3: %v", err)
		}
		python += time.Since(start)
		if string(py) != "2178309\n" {
			b.Fatalf("python printed %q", py)
		}
	}
	b.ReportMetric(osplay.Seconds()/float64(b.N), "osplay-s/op")
	b.ReportMetric(python.Seconds()/float64(b.N), "cpython-s/op")
	b.ReportMetric(osplay.Seconds()/python.Seconds(), "ratio")
}

// BenchmarkMallocMix runs 100,000 mixed allocations and frees, then 5,000
// alternate frees followed by 5,000 larger allocations, as `osplay run`
// does (compile, load, run to exit).
func BenchmarkMallocMix(b *testing.B) {
	for b.Loop() {
		var out bytes.Buffer
		cfg := benchFiles(b)
		cfg.Stdout = &out
		m := New(cfg)
		if err := m.Start([]string{"mallocmix.c"}); err != nil {
			b.Fatal(err)
		}
		if res := m.Run(); res.Err != nil || res.Code != 0 {
			b.Fatalf("run: %v, exit %d, output %q", res.Err, res.Code, out.String())
		}
	}
}

// BenchmarkStartOnetwo starts a machine and runs the lecture's onetwo
// program to its end, as the server does for each Run once the program is
// compiled (a run before the timed ones compiles the library and the
// program, which the server keeps): the program's folder in memory, as a
// session holds it. cpu-ns/op is the host CPU of the process per run, the
// collector's included: what a loaded machine does not inflate.
func BenchmarkStartOnetwo(b *testing.B) {
	src, err := os.ReadFile("../examples/onetwo/onetwo.c")
	if err != nil {
		b.Fatal(err)
	}
	cfg := Config{Files: fstest.MapFS{"onetwo.c": {Data: src, Mode: 0o644}}}
	run := func() {
		var out bytes.Buffer
		c := cfg
		c.Stdout = &out
		m := New(c)
		if err := m.Start([]string{"onetwo.c"}); err != nil {
			b.Fatal(err)
		}
		if res := m.Run(); res.Err != nil || res.Code != 0 || out.String() != "one\ntwo\ntwo\n" {
			b.Fatalf("run: %v, exit %d, output %q", res.Err, res.Code, out.String())
		}
	}
	run()
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
