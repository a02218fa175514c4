package kernel

import (
	"fmt"
	"slices"
	"testing"

	"osplay/kernel/sched"
)

// splitCase is one run that the split tests cut into pieces: a program of
// testdata/proc (or a workload) under a policy on some CPUs.
type splitCase struct {
	prog     string // a testdata/proc program, or "" for the workload
	args     []string
	workload string
	cfg      Config
}

func (c splitCase) String() string {
	name := c.prog
	if name == "" {
		name = "workload"
	}
	for _, a := range c.args {
		name += "_" + a
	}
	return fmt.Sprintf("%s/%s/%dcpu/cs%d", name, c.cfg.Sched, max(c.cfg.CPUs, 1), c.cfg.ContextSwitch)
}

// start makes the case's machine, started and recording.
func (c splitCase) start(t *testing.T) *Machine {
	t.Helper()
	if c.prog != "" {
		m, _ := startTestdata(t, c.cfg, c.prog, c.args...)
		return m
	}
	cfg := c.cfg
	cfg.Record = true
	m := New(cfg)
	if err := m.StartWorkload(mustWorkload(t, c.workload)); err != nil {
		t.Fatal(err)
	}
	return m
}

// splitCases: the lecture's programs and a workload with I/O, under FCFS,
// RR, MLFQ and CFS, on one and two CPUs, with and without the cost of a switch.
func splitCases() []splitCase {
	const workload = "A 0 5 io:3 4\nB 1 8\nC 2 2 io:5 3 io:2 1\nD 6 6"
	var out []splitCase
	for _, spec := range []string{"fcfs", "rr:q=3", "mlfq:quanta=2/4/8", "cfs"} {
		for _, cpus := range []int{1, 2} {
			for _, cs := range []int64{0, 2} {
				cfg := Config{Sched: spec, CPUs: cpus, ContextSwitch: cs}
				for _, prog := range []string{"race", "forkwait", "zombie", "onetwo", "orphan", "threads", "pingpong"} {
					out = append(out, splitCase{prog: prog, cfg: cfg})
				}
				out = append(out, splitCase{workload: workload, cfg: cfg})
			}
		}
	}
	return out
}

// TestSplitRunsMatchWholeRuns checks the guarantee of run.go: RunTo(a)
// then RunTo(b) gives the events RunTo(b) gives; RunTo(b) gives exactly
// the events of the whole run before tick b (the last exit and the halt,
// at the run's last tick, come with the call that goes past it); and a run
// cut anywhere by RunUntilTick is the whole run.
func TestSplitRunsMatchWholeRuns(t *testing.T) {
	for _, c := range splitCases() {
		t.Run(c.String(), func(t *testing.T) {
			t.Parallel()
			whole := c.start(t)
			whole.Run()
			if err := whole.Err(); err != nil {
				t.Fatalf("the whole run: %v", err)
			}
			all := whole.Events()
			end := whole.Now()
			want := traceOf(all)
			started := len(c.start(t).Events()) // Start's own events, at tick 0

			// RunTo(b) is the whole run before b.
			points := []int64{0, 1, 2, 3, 7, end / 3, end / 2, end - 1, end, end + 5}
			for _, b := range points {
				m := c.start(t)
				m.RunTo(b)
				before := slices.Clone(all[:started])
				for _, e := range all[started:] {
					if e.Tick < b {
						before = append(before, e)
					}
				}
				if got, w := traceOf(m.Events()), traceOf(before); got != w {
					t.Fatalf("RunTo(%d) is not the whole run before %d:\n%s", b, b, firstDiff(w, got))
				}
				if now := m.Now(); now != min(b, end) {
					t.Errorf("RunTo(%d) stopped at %d", b, now)
				}
				// RunTo(a), RunTo(b) is RunTo(b).
				for _, a := range points {
					if a > b {
						continue
					}
					ma := c.start(t)
					ma.RunTo(a)
					ma.RunTo(b)
					if got := traceOf(ma.Events()); got != traceOf(m.Events()) {
						t.Fatalf("RunTo(%d), RunTo(%d) differs from RunTo(%d):\n%s", a, b, b, firstDiff(traceOf(m.Events()), got))
					}
				}
			}

			// Pieces of every length, and stops at every kind of event.
			for _, stop := range []struct {
				name string
				f    func(Event) bool
			}{
				{"none", nil},
				{"state", func(e Event) bool { return e.Kind == KindState }},
				{"syscall", func(e Event) bool { return e.Kind == KindSyscall || e.Kind == KindSysret }},
				{"every event", func(Event) bool { return true }},
			} {
				for _, piece := range []int64{1, 2, 5, 13, 100} {
					m := c.start(t)
					for calls := 0; !m.Done(); calls++ {
						before, to := m.Now(), m.Now()+piece
						if calls%64 == 63 {
							to = before + 100_000 // across the sleeps
						}
						held := m.RunUntilTick(to, stop.f)
						if m.Now() > to {
							t.Fatalf("RunUntilTick(%d) went to %d", to, m.Now())
						}
						if !held && !m.Done() && m.Now() != to {
							t.Fatalf("RunUntilTick(%d) stopped at %d without its stop holding", to, m.Now())
						}
						if stop.f == nil && held {
							t.Fatal("a nil stop held")
						}
						if calls > 1_000_000 {
							t.Fatal("the pieces never end")
						}
					}
					if got := traceOf(m.Events()); got != want {
						t.Fatalf("pieces of %d stopping at %s differ from the whole run:\n%s", piece, stop.name, firstDiff(want, got))
					}
				}
			}
		})
	}
}

// TestRunUntilTick checks what it returns and where it stops.
func TestRunUntilTick(t *testing.T) {
	isExit := func(e Event) bool { return e.Kind == KindExit }
	tests := []struct {
		name   string
		cfg    Config
		until  int64
		stop   func(Event) bool
		held   bool
		atTick func(exit, end int64) int64 // where it stops, from the first exit and the end of the run
	}{
		{"tick first", Config{}, 10, isExit, false, func(int64, int64) int64 { return 10 }},
		{"stop first", Config{}, sched.Forever, isExit, true, func(exit, _ int64) int64 { return exit }},
		{"stop first, 2 CPUs", Config{CPUs: 2}, sched.Forever, isExit, true, func(exit, _ int64) int64 { return exit + 1 }},
		{"nil stop", Config{}, sched.Forever, nil, false, func(_, end int64) int64 { return end }},
		{"never", Config{}, sched.Forever, func(Event) bool { return false }, false, func(_, end int64) int64 { return end }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := runTestdata(t, tt.cfg, "forkwait")
			exit := int64(-1)
			for _, e := range whole.events {
				if e.Kind == KindExit {
					exit = e.Tick
					break
				}
			}
			m, _ := startTestdata(t, tt.cfg, "forkwait")
			held := m.RunUntilTick(tt.until, tt.stop)
			if held != tt.held {
				t.Errorf("held %v, want %v", held, tt.held)
			}
			if want := tt.atTick(exit, whole.res.Ticks); m.Now() != want {
				t.Errorf("stopped at %d, want %d", m.Now(), want)
			}
		})
	}
	var m Machine
	if m.RunUntilTick(5, nil) {
		t.Error("a machine not started ran")
	}
}

// TestManualAsksAfterRunTo checks the timing run.go documents: RunTo(t)
// that stops at t has not asked the question of tick t; the next call asks
// it without leaving tick t; and a replay that applies each choice after
// running to its question gives the original run.
func TestManualAsksAfterRunTo(t *testing.T) {
	for _, cfg := range []Config{
		{Sched: "manual:ask"},
		{Sched: "manual:q=4"},
		{Sched: "manual:q=3,ask", CPUs: 2},
		{Sched: "manual:ask", CPUs: 2, ContextSwitch: 1},
	} {
		for _, prog := range []string{"race", "forkwait", "orphan"} {
			t.Run(fmt.Sprintf("%s/%s/%dcpu", prog, cfg.Sched, max(cfg.CPUs, 1)), func(t *testing.T) {
				// The original: run as far as possible, then choose the
				// last ready process, so the choice matters.
				type choice struct {
					tick int64
					pid  int
				}
				var choices []choice
				orig, _ := startTestdata(t, cfg, prog)
				for !orig.Done() {
					orig.RunTo(sched.Forever)
					asks := orig.Asking()
					if len(asks) == 0 {
						break
					}
					pid := asks[0].Ready[len(asks[0].Ready)-1]
					choices = append(choices, choice{orig.Now(), pid})
					if err := orig.Choose(pid); err != nil {
						t.Fatal(err)
					}
					if len(choices) > 10_000 {
						t.Fatal("too many choices")
					}
				}
				if !orig.Done() || orig.Err() != nil {
					t.Fatalf("the original run did not finish: %v", orig.Err())
				}
				if len(choices) < 1 {
					t.Fatalf("only %d choices", len(choices))
				}

				// The replay, as a session rebuilds a run: to each choice's
				// tick, then to its question.
				m, _ := startTestdata(t, cfg, prog)
				for i, c := range choices {
					m.RunTo(c.tick)
					if m.Now() != c.tick {
						t.Fatalf("choice %d: RunTo(%d) stopped at %d", i, c.tick, m.Now())
					}
					if i == 0 || choices[i-1].tick < c.tick {
						// A fresh tick: its question is still to come.
						if len(m.Asking()) > 0 {
							t.Fatalf("RunTo(%d) asked the question of tick %d", c.tick, c.tick)
						}
					}
					if len(m.Asking()) == 0 {
						m.RunTo(c.tick + 1)
					}
					if m.Now() != c.tick || len(m.Asking()) == 0 {
						t.Fatalf("choice %d: at tick %d asking %v, want the question of tick %d", i, m.Now(), m.Asking(), c.tick)
					}
					if err := m.Choose(c.pid); err != nil {
						t.Fatal(err)
					}
				}
				m.Run()
				if got, want := traceOf(m.Events()), traceOf(orig.Events()); got != want {
					t.Fatalf("the replay differs:\n%s", firstDiff(want, got))
				}
			})
		}
	}
}

// TestRunUntilStopsAtTheEndOfTheTick checks that with several CPUs a stop
// returns at the end of the tick in which it held, also when one process
// runs alone while the others idle (lock step's shortcut) and when every
// CPU is left idle (they would idle on to the limit).
func TestRunUntilStopsAtTheEndOfTheTick(t *testing.T) {
	for _, name := range []string{"forkwait", "onetwo", "execself", "hog", "upper"} {
		for _, cpus := range []int{2, 3} {
			m, _ := startTestdata(t, Config{CPUs: cpus}, name)
			at := int64(-1)
			stop := func(e Event) bool {
				if e.Kind == KindSyscall || e.Kind == KindState {
					at = e.Tick
					return true
				}
				return false
			}
			for calls := 0; !m.Done(); calls++ {
				if calls > 100_000 {
					t.Fatalf("%s on %d CPUs: the stops never end", name, cpus)
				}
				from := m.Now()
				if !m.RunUntilTick(from+1_000_000, stop) {
					break // waiting for input
				}
				if m.Now() != at+1 && !m.Done() {
					t.Fatalf("%s on %d CPUs: an event at tick %d stopped the machine at %d, want %d", name, cpus, at, m.Now(), at+1)
				}
			}
		}
	}
}

// TestSoloStopsTwiceInATick checks lock step's shortcut (runSolo) against
// ticking one by one when the thread that runs alone stops twice in one
// tick: the child's exit flushes stdio (write) and then calls _exit
// without a tick between, waking its parent while the other CPU idles.
// The second stop belongs to the child's CPU's turn in that tick, after
// the CPU before it has idled through it: the parent runs on the child's
// CPU in that tick, not on the idle one.
func TestSoloStopsTwiceInATick(t *testing.T) {
	const src = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	if (fork() == 0) {
		volatile int i;
		for (i = 0; i < 30; i++)
			;
		printf("child");
		exit(0);
	}
	wait(NULL);
	printf(" parent\n");
	return 0;
}
`
	for _, cfg := range []Config{{CPUs: 2}, {CPUs: 2, Sched: "fcfs"}, {CPUs: 3, Sched: "rr:q=4"}} {
		whole := startMain(t, cfg, src)
		whole.Run()
		m := startMain(t, cfg, src)
		for !m.Done() {
			m.RunUntilTick(m.Now()+1, nil)
		}
		if a, b := traceOf(whole.Events()), traceOf(m.Events()); a != b {
			t.Errorf("%s on %d CPUs: the whole run differs from ticking one by one:\n%s", cfg.Sched, cfg.CPUs, firstDiff(a, b))
		}
	}
}

// TestSplitPhilosophersUnderCFS: the five philosophers' threads under CFS
// with a costly switch, run in two calls cut anywhere, are run in one:
// min_vruntime, which places each new thread, must not depend on when the
// kernel last charged the running thread (it did, once: a cut at tick 198
// gave a new thread a later vruntime at 205 and another thread ran).
func TestSplitPhilosophersUnderCFS(t *testing.T) {
	for _, cpus := range []int{1, 2} {
		c := splitCase{prog: "philosophers", cfg: Config{Sched: "cfs", CPUs: cpus, ContextSwitch: 2}}
		whole := c.start(t)
		whole.RunTo(400)
		want := traceOf(whole.Events())
		for cut := int64(1); cut < 400; cut += 3 {
			m := c.start(t)
			m.RunTo(cut)
			m.RunTo(400)
			if got := traceOf(m.Events()); got != want {
				t.Fatalf("%d CPUs: RunTo(%d), RunTo(400) differs from RunTo(400):\n%s", cpus, cut, firstDiff(want, got))
			}
		}
	}
}
