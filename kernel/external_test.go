package kernel_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel"
)

// Helpers of the tests that see the machine from outside, through its
// exported API, as the views and the analysis of a run do.

// kernelDir is the kernel's folder, which holds the test programs.
const kernelDir = "."

func mustWorkload(t testing.TB, text string) *kernel.Workload {
	t.Helper()
	w, err := kernel.ParseWorkload(text)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func withRecord(c kernel.Config) kernel.Config {
	c.Record = true
	return c
}

func traceOf(events []kernel.Event) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  run:  %s\n  step: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// procFiles reads the C programs of testdata/proc.
func procFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	dir := filepath.Join(kernelDir, "testdata/proc")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = &fstest.MapFile{Data: b}
	}
	return files
}

// startCase starts testdata/proc/PROG.c, or the workload when prog is "",
// on a recording machine.
func startCase(t *testing.T, prog, workload string, cfg kernel.Config) *kernel.Machine {
	t.Helper()
	cfg.Record = true
	if prog == "" {
		m := kernel.New(cfg)
		if err := m.StartWorkload(mustWorkload(t, workload)); err != nil {
			t.Fatal(err)
		}
		return m
	}
	var out bytes.Buffer
	cfg.Files = procFiles(t)
	cfg.Stdout, cfg.Stderr = &out, &out
	m := kernel.New(cfg)
	if err := m.Start([]string{prog + ".c"}); err != nil {
		t.Fatal(err)
	}
	return m
}

// run is a finished run of a test program: the machine and its events.
type run struct {
	m      *kernel.Machine
	events []kernel.Event
}

// runTestdata runs testdata/proc/NAME.c to its end.
func runTestdata(t *testing.T, cfg kernel.Config, name string) *run {
	t.Helper()
	m := startCase(t, name, "", cfg)
	m.Run()
	return &run{m: m, events: m.Events()}
}

// count counts the events of kind k that f accepts.
func (r *run) count(k kernel.Kind, f func(kernel.Event) bool) int {
	n := 0
	for _, e := range r.events {
		if e.Kind == k && f(e) {
			n++
		}
	}
	return n
}

// startMain starts the C program src as main.c on a recording machine.
func startMain(t *testing.T, cfg kernel.Config, src string) *kernel.Machine {
	t.Helper()
	cfg.Files = fstest.MapFS{"main.c": &fstest.MapFile{Data: []byte(src)}}
	cfg.Record = true
	m := kernel.New(cfg)
	if err := m.Start([]string{"main.c"}); err != nil {
		t.Fatal(err)
	}
	return m
}

// counterProgram is the Linux test's mutex counter with four threads.
func counterProgram(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(kernelDir, "testdata/linux/threads/threads.c"))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}
