package kernel

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"osplay/kernel/msg"
)

func TestOrphanAdoptedByInit(t *testing.T) {
	r := runTestdata(t, Config{}, "orphan")
	child := 3
	if n := r.count(KindAdopt, func(e Event) bool { return e.PID == child && e.Other == 1 }); n != 1 {
		t.Errorf("adopt events for pid %d: %d, want 1\n%s", child, n, r.trace())
	}
	if n := r.count(KindReap, func(e Event) bool { return e.PID == 1 && e.Other == child }); n != 1 {
		t.Errorf("init reaped pid %d %d times, want once", child, n)
	}
}

func TestZombieUntilReaped(t *testing.T) {
	m, _ := startTestdata(t, Config{}, "zombie")
	child := 3
	if !m.RunUntil(func(e Event) bool { return e.Kind == KindExit && e.PID == child }) {
		t.Fatal("the child never exited")
	}
	exitTick := m.Now()
	v := findProc(m, child)
	if v == nil || v.State != StateTerminated {
		t.Fatalf("after its exit the child is %+v, want a zombie", v)
	}
	var reap Event
	if !m.RunUntil(func(e Event) bool { reap = e; return e.Kind == KindReap && e.Other == child }) {
		t.Fatal("the child was never reaped")
	}
	if reap.PID != 2 {
		t.Errorf("reaped by %d, want the parent 2", reap.PID)
	}
	if d := reap.Tick - exitTick; d < 19*DefaultTicksPerSecond/10 {
		t.Errorf("zombie for %d ticks, want the parent's 2 s sleep", d)
	}
	if findProc(m, child) != nil {
		t.Error("the child is still in the process table after the reap")
	}
	m.Run()
	if !m.Done() || m.Err() != nil {
		t.Errorf("done %v err %v", m.Done(), m.Err())
	}
}

func TestForkBombHitsLimit(t *testing.T) {
	r := runTestdata(t, Config{MaxProcs: 10}, "forkbomb")
	if want := "forked 9 children, then errno is EAGAIN: yes\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	if n := r.count(KindSysret, func(e Event) bool { return e.Name == "fork" && e.Errno == 11 }); n != 1 {
		t.Errorf("%d forks failed with EAGAIN, want 1", n)
	}
}

func TestInfiniteLoopLimit(t *testing.T) {
	r := runTestdata(t, Config{MaxTicks: 100_000}, "loop")
	want := "instruction limit of 100000 ticks reached: is there an infinite loop?"
	if r.res.Err == nil || r.res.Err.Error() != want {
		t.Fatalf("err = %v, want %q", r.res.Err, want)
	}
	if n := r.count(KindLimit, func(e Event) bool { return e.Msg.String() == want }); n != 1 {
		t.Errorf("%d limit events", n)
	}
	if r.res.CPUTicks < 100_000 || r.res.CPUTicks > 100_010 {
		t.Errorf("ran %d ticks, want just over the limit", r.res.CPUTicks)
	}
}

func TestFaults(t *testing.T) {
	r := runTestdata(t, Config{}, "segv")
	if !r.res.Signaled || r.res.Signal != 11 || !r.res.Core {
		t.Errorf("result %+v, want SIGSEGV with core", r.res)
	}
	if n := r.count(KindFault, func(e Event) bool { return e.Signal == 11 && e.PID == 2 }); n != 1 {
		t.Errorf("%d SIGSEGV fault events, want 1", n)
	}
	if got := ShellReport(r.res.Status); got != "Segmentation fault (core dumped)" {
		t.Errorf("ShellReport = %q", got)
	}
}

func TestShellReport(t *testing.T) {
	tests := []struct {
		status int
		want   string
	}{
		{0, ""},
		{42 << 8, ""},
		{11 | 0x80, "Segmentation fault (core dumped)"},
		{8 | 0x80, "Floating point exception (core dumped)"},
		{6 | 0x80, "Aborted (core dumped)"},
		{9, "Killed"},
		{15, "Terminated"},
		{2, ""},
	}
	for _, tt := range tests {
		if got := ShellReport(tt.status); got != tt.want {
			t.Errorf("ShellReport(%#x) = %q, want %q", tt.status, got, tt.want)
		}
	}
}

func TestSchedulingOrder(t *testing.T) {
	fcfs := runTestdata(t, Config{Sched: "fcfs"}, "race")
	if want := "parent 0\nparent 1\nparent 2\nparent 3\nparent 4\nchild 0\nchild 1\nchild 2\nchild 3\nchild 4\n"; fcfs.stdout != want {
		t.Errorf("FCFS output:\n%s", fcfs.stdout)
	}
	if n := fcfs.count(KindPreempt, nil); n != 0 {
		t.Errorf("FCFS preempted %d times", n)
	}
	rr := runTestdata(t, Config{Sched: "rr", Quantum: 20}, "race")
	if strings.HasPrefix(rr.stdout, "parent 0\nparent 1\nparent 2\nparent 3\nparent 4\n") {
		t.Errorf("RR with a small quantum did not interleave:\n%s", rr.stdout)
	}
	if n := rr.count(KindPreempt, func(e Event) bool {
		return e.Cause.Code == msg.RRQuantum && strings.Contains(e.Cause.String(), "quantum of 20 ticks")
	}); n < 4 {
		t.Errorf("RR preempted %d times at the quantum, want several", n)
	}
	if len(rr.stdout) != len(fcfs.stdout) {
		t.Errorf("RR printed %d bytes, FCFS %d", len(rr.stdout), len(fcfs.stdout))
	}
}

func TestChildFirst(t *testing.T) {
	src := map[string]string{"who.c": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	if (fork() == 0) { printf("child\n"); return 0; }
	printf("parent\n");
	wait(0);
	return 0;
}
`}
	if r := runFiles(t, Config{}, src, "who.c"); r.stdout != "parent\nchild\n" {
		t.Errorf("default order %q, want the parent first", r.stdout)
	}
	if r := runFiles(t, Config{ChildFirst: true}, src, "who.c"); r.stdout != "child\nparent\n" {
		t.Errorf("child-first order %q", r.stdout)
	}
}

// TestSteppingMatchesRunning checks that running in one go and stepping
// tick by tick (as the web view does) give the same events.
func TestSteppingMatchesRunning(t *testing.T) {
	for _, cfg := range []Config{{Sched: "rr", Quantum: 7}, {Sched: "fcfs", ContextSwitch: 2}, {CPUs: 2, Quantum: 5}} {
		for _, prog := range []string{"race", "wnohang", "zombie", "killchild"} {
			whole := runTestdata(t, cfg, prog).trace()
			m, _ := startTestdata(t, cfg, prog)
			for steps := 0; !m.Done(); steps++ {
				if steps%3 == 0 {
					m.Step()
				} else {
					m.RunTo(m.Now() + int64(steps%17))
				}
				if steps%1000 == 999 {
					m.RunTo(m.Now() + 100_000) // across the sleeps
				}
				if steps > 1_000_000 {
					t.Fatal("stepping never finishes")
				}
			}
			var b strings.Builder
			for _, e := range m.Events() {
				b.WriteString(e.String())
				b.WriteByte('\n')
			}
			if stepped := b.String(); stepped != whole {
				t.Errorf("%s %+v: stepping differs from running:\n%s", prog, cfg, firstDiff(whole, stepped))
			}
		}
	}
}

func TestDeterminism(t *testing.T) {
	hash := func() string {
		h := sha256.New()
		for _, name := range []string{"race", "forkwait", "wnohang", "orphan"} {
			for _, cfg := range []Config{{CPUs: 1}, {CPUs: 2, Quantum: 4}, {CPUs: 4, Sched: "fcfs", ContextSwitch: 1}} {
				fmt.Fprint(h, runTestdata(t, cfg, name).trace())
			}
		}
		// Threads: a mutex counter and the philosophers' deadlock, under
		// seeded policies, one CPU and several.
		for _, name := range []string{"threads", "philosophers"} {
			for _, cfg := range []Config{{Sched: "rr:q=3", Seed: 7}, {CPUs: 3, Sched: "lottery", Seed: 2}, {CPUs: 2, Sched: "mlfq"}} {
				fmt.Fprint(h, runTestdata(t, cfg, name).trace())
			}
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	a := hash()
	runtime.GOMAXPROCS(4)
	b := hash()
	c := hash()
	if a != b || b != c {
		t.Errorf("event streams differ between runs: %s %s %s", a, b, c)
	}
}

func TestMultiCPURunsInParallel(t *testing.T) {
	r := runTestdata(t, Config{CPUs: 2, Sched: "fcfs"}, "race")
	busy := map[int]bool{}
	for _, e := range r.events {
		if e.Kind == KindDispatch {
			busy[e.CPU] = true
		}
	}
	if !busy[0] || !busy[1] {
		t.Errorf("dispatches on CPUs %v, want both", busy)
	}
	one := runTestdata(t, Config{CPUs: 1, Sched: "fcfs"}, "race")
	if r.res.Ticks >= one.res.Ticks {
		t.Errorf("two CPUs took %d ticks, one CPU %d", r.res.Ticks, one.res.Ticks)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  run:  %s\n  step: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// TestConcurrentMachines runs machines on several goroutines at once, as
// the server does: they share compiled programs and nothing else.
func TestConcurrentMachines(t *testing.T) {
	files := testdataFiles(t)
	want := runFS(t, Config{}, files, "forkwait.c").trace()
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			m := New(Config{Files: files, Record: true})
			if err := m.Start([]string{"forkwait.c"}); err != nil {
				errs <- err.Error()
				return
			}
			m.Run()
			var b strings.Builder
			for _, e := range m.Events() {
				b.WriteString(e.String())
				b.WriteByte('\n')
			}
			if b.String() != want {
				errs <- firstDiff(want, b.String())
				return
			}
			errs <- ""
		}()
	}
	for i := 0; i < 8; i++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
