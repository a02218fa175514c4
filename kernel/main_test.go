package kernel

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// run is one program's run: what it printed and what happened.
type run struct {
	res    Result
	stdout string
	stderr string
	events []Event
	m      *Machine
}

// trace formats the events, one per line.
func (r *run) trace() string {
	var b strings.Builder
	for _, e := range r.events {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// count counts the events of a kind that match f (nil: all).
func (r *run) count(k Kind, f func(Event) bool) int {
	n := 0
	for _, e := range r.events {
		if e.Kind == k && (f == nil || f(e)) {
			n++
		}
	}
	return n
}

// runFiles runs argv in a folder with files (name → text) under cfg.
func runFiles(t *testing.T, cfg Config, files map[string]string, argv ...string) *run {
	t.Helper()
	mfs := fstest.MapFS{}
	for name, text := range files {
		mfs[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return runFS(t, cfg, mfs, argv...)
}

// runFS runs argv in the folder mfs under cfg, to the end.
func runFS(t *testing.T, cfg Config, mfs fstest.MapFS, argv ...string) *run {
	t.Helper()
	var out, errb bytes.Buffer
	cfg.Files = mfs
	cfg.Stdout, cfg.Stderr = &out, &errb
	cfg.Record = true
	m := New(cfg)
	if err := m.Start(argv); err != nil {
		t.Fatalf("Start(%q): %v", argv, err)
	}
	res := m.Run()
	events := m.Events()
	for _, e := range events {
		checkTexts(t, e)
	}
	return &run{res: res, stdout: out.String(), stderr: errb.String(), events: events, m: m}
}

// testdataFiles reads the C programs of testdata/proc.
func testdataFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	files := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/proc")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join("testdata/proc", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = &fstest.MapFile{Data: b}
	}
	return files
}

// startTestdata starts testdata/proc/NAME.c on a recording machine.
func startTestdata(t *testing.T, cfg Config, name string, args ...string) (*Machine, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	cfg.Files = testdataFiles(t)
	cfg.Stdout, cfg.Stderr = &out, &out
	cfg.Record = true
	m := New(cfg)
	if err := m.Start(append([]string{name + ".c"}, args...)); err != nil {
		t.Fatal(err)
	}
	return m, &out
}

// findProc returns pid's PCB snapshot, or nil.
func findProc(m *Machine, pid int) *ProcView {
	for _, v := range m.Processes() {
		if v.PID == pid {
			return &v
		}
	}
	return nil
}

// runTestdata runs testdata/proc/NAME.c, with the other files of the
// folder beside it.
func runTestdata(t *testing.T, cfg Config, name string, args ...string) *run {
	t.Helper()
	return runFS(t, cfg, testdataFiles(t), append([]string{name + ".c"}, args...)...)
}

func TestHello(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"hello.c": `#include <stdio.h>
int main(void) { printf("hello, %s %d\n", "world", 42); return 3; }
`}, "hello.c")
	if r.stdout != "hello, world 42\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	if !r.res.Exited || r.res.Code != 3 {
		t.Errorf("result = %+v, want exit 3", r.res)
	}
	if r.res.Err != nil {
		t.Errorf("err = %v", r.res.Err)
	}
}
