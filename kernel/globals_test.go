package kernel

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"osplay/kernel/vm"
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

// GlobalsNow reads a live process's integer globals as they change: the
// parent's count goes 5, 10, 110; the child's own copy 11; arrays are
// left out, and an ended process has none.
func TestGlobalsNow(t *testing.T) {
	m, _ := startTestdata(t, Config{}, "globals")
	const parent, child = 2, 3
	seen := map[int][]int64{}
	for tick := int64(1); !m.Done() && tick < 100000; tick++ {
		m.RunTo(tick)
		for _, pid := range []int{parent, child} {
			for _, g := range m.GlobalsNow(pid, 16) {
				switch g.Name {
				case "word":
					t.Fatalf("the array word is listed: %+v", g)
				case "__osplay_end_of_input":
					t.Fatalf("the compiler's own variable is listed: %+v", g)
				case "neg":
					if g.Value != -2 || g.Size != 2 {
						t.Errorf("neg: %+v", g)
					}
				case "count":
					if s := seen[pid]; len(s) == 0 || s[len(s)-1] != g.Value {
						seen[pid] = append(seen[pid], g.Value)
					}
				}
			}
		}
	}
	if got := seen[parent]; len(got) < 3 || got[0] != 5 || got[len(got)-1] != 110 || !slices.Contains(got, 10) {
		t.Errorf("the parent's count went %v, want 5, 10, …, 110", got)
	}
	if got := seen[child]; len(got) == 0 || got[len(got)-1] != 11 {
		t.Errorf("the child's count went %v, want … 11", got)
	}
	if g := m.GlobalsNow(parent, 16); g != nil {
		t.Errorf("an ended process's globals: %+v", g)
	}
	if g := m.GlobalsNow(42, 16); g != nil {
		t.Errorf("no such process: %+v", g)
	}
}

// GlobalsNow leaves out a name two variables share, whether the program
// has a few variables or many, and lists the others in address order up
// to the limit. (The test gives the program a second "a" itself.)
func TestGlobalsNowSharedNames(t *testing.T) {
	for _, extra := range []int{0, 20} {
		src := "int a = 1;\n"
		for i := 0; i < extra; i++ {
			src += fmt.Sprintf("int x%d = %d;\n", i, i)
		}
		src += "int z = 3;\nint main(void) { for (;;) a++; }\n"
		m := startMainArgs(t, Config{}, src)
		m.RunTo(2000)
		p := m.proc(m.ProcessList()[1].PID)
		vars := slices.Clone(p.prog.Vars)
		z := vars[len(vars)-2]
		if z.Name != "z" {
			t.Fatalf("the program's variables: %+v", vars)
		}
		// Only its variables: the machine does not run it again.
		p.prog = &vm.Program{Vars: append(vars, vm.Var{Name: "a", Addr: z.Addr, Size: z.Size})}
		var names []string
		for _, g := range m.GlobalsNow(p.PID, 64) {
			names = append(names, g.Name)
		}
		if slices.Contains(names, "a") || !slices.Contains(names, "z") || len(names) != extra+1 {
			t.Errorf("%d more variables: GlobalsNow lists %v, want the %d and z, not a", extra, names, extra)
		}
		if got := m.AppendGlobalsNow([]GlobalValue{{Name: "before"}}, p.PID, 2); len(got) != 1+min(2, len(names)) || got[0].Name != "before" || got[1].Name != names[0] {
			t.Errorf("%d more variables: AppendGlobalsNow(…, 2) gives %+v", extra, got)
		}
	}
}
