package kernel

import (
	"strings"
	"testing"
)

func TestFinalGlobal(t *testing.T) {
	r := runTestdata(t, Config{KeepFinalMemory: true}, "globals")
	if r.stdout != "count = 110\n" {
		t.Fatalf("stdout = %q", r.stdout)
	}
	const parent, child = 2, 3
	ints := []struct {
		pid  int
		name string
		size int
		want uint64
	}{
		{parent, "count", 4, 110},
		{child, "count", 4, 11}, // the child's own copy, changed after fork
		{parent, "big", 8, 1 << 40},
		{child, "big", 8, 1 << 40}, // copied by fork
		{parent, "neg", 2, 0xfffe},
		{parent, "small", 1, 200},
	}
	for _, c := range ints {
		got, err := r.m.FinalGlobal(c.pid, c.name, c.size)
		if err != nil || got != c.want {
			t.Errorf("FinalGlobal(%d, %s, %d) = %d, %v; want %d", c.pid, c.name, c.size, got, err, c.want)
		}
	}
	for pid, want := range map[int]string{parent: "parent", child: "child"} {
		b, err := r.m.FinalGlobalBytes(pid, "word", 8)
		if got, _, _ := strings.Cut(string(b), "\x00"); err != nil || got != want {
			t.Errorf("FinalGlobalBytes(%d, word) = %q, %v; want %q", pid, b, err, want)
		}
	}

	errs := []struct {
		pid  int
		name string
		size int
		want string
	}{
		{parent, "nosuch", 4, `no global variable named "nosuch"`},
		{42, "count", 4, "process 42: no such process"},
		{parent, "count", 3, "not 3"},
	}
	for _, c := range errs {
		if _, err := r.m.FinalGlobal(c.pid, c.name, c.size); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("FinalGlobal(%d, %s, %d) error = %v; want it to say %q", c.pid, c.name, c.size, err, c.want)
		}
	}
}

func TestFinalGlobalOff(t *testing.T) {
	r := runTestdata(t, Config{}, "globals")
	if r.m.finals != nil {
		t.Errorf("memory kept without KeepFinalMemory: %d snapshots", len(r.m.finals))
	}
	if _, err := r.m.FinalGlobal(2, "count", 4); err == nil || !strings.Contains(err.Error(), "KeepFinalMemory") {
		t.Errorf("FinalGlobal without KeepFinalMemory: error = %v", err)
	}
}
