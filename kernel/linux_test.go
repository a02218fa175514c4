package kernel

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/linuxtest"
)

// TestLinuxOracle runs every lecture example and every feature program of
// testdata/linux twice: natively (gcc and glibc, the oracle) and on the
// simulated machine, and compares standard output (lines as a multiset and,
// where wait fixes it, in order), standard error and the exit status, with
// pids and addresses masked.
func TestLinuxOracle(t *testing.T) {
	root := linuxtest.Root(t)
	for _, c := range linuxtest.Cases {
		t.Run(c.Name(), func(t *testing.T) {
			want := c.Native(t, root)
			got := simulate(t, root+"/"+c.Dir, c.Main, c.Args, c.Stdin)
			c.Same(t, want, got)
		})
	}
}

// simulate runs a case on the machine, with the folder's files as the
// native run sees them, and reports it like linuxtest.Native.
func simulate(t *testing.T, dir, main string, args []string, stdin string) linuxtest.Result {
	t.Helper()
	files, err := linuxtest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	mfs := fstest.MapFS{}
	for name, data := range files {
		mfs[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	var stdout, stderr bytes.Buffer
	m := New(Config{Files: mfs, Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr})
	if err := m.Start(append([]string{"./" + main}, args...)); err != nil {
		t.Fatalf("start: %v", err)
	}
	res := m.Run()
	if res.Err != nil {
		t.Fatalf("run: %v (stderr %q)", res.Err, stderr.String())
	}
	exit := res.Code
	if res.Signaled {
		exit = 128 + res.Signal
	}
	return linuxtest.Result{Stdout: stdout.String(), Stderr: stderr.String(), Exit: exit, Status: res.Status}
}
