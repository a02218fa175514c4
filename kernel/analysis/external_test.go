package analysis_test

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

// Helpers of the tests of the analysis of runs, which see the machine
// through its exported API.

// kernelDir is the kernel's folder, which holds the test programs.
const kernelDir = ".."

func mustWorkload(t testing.TB, text string) *kernel.Workload {
	t.Helper()
	w, err := kernel.ParseWorkload(text)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func traceOf(events []kernel.Event) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
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

// caseName names a run of prog (or a workload) under cfg for a subtest.
func caseName(prog string, cfg kernel.Config) string {
	if prog == "" {
		prog = "workload"
	}
	return fmt.Sprintf("%s/%s/%dcpu/cs%d", prog, cfg.Sched, max(cfg.CPUs, 1), cfg.ContextSwitch)
}

// warmUp compiles the C library, by running a program that uses it,
// before a benchmark's clock starts.
func warmUp(b *testing.B) {
	m := kernel.New(kernel.Config{Files: fstest.MapFS{"w.c": &fstest.MapFile{Data: []byte("#include <stdio.h>\nint main(void) { printf(\"\\n\"); return 0; }\n")}}})
	if err := m.Start([]string{"w.c"}); err != nil {
		b.Fatal(err)
	}
	m.Run()
}
