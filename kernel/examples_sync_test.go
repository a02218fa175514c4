package kernel

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"osplay/kernel/linuxtest"
)

// The synchronisation examples Linux cannot be the oracle of (see
// linuxtest.Unoracled), each checked for what it is there to show.

// TestCounterRaceExample: under Round Robin with a quantum of 5 the
// unlocked counter loses updates, the same number every run, and the
// mutex version of the same program loses none.
func TestCounterRaceExample(t *testing.T) {
	run := func(name string) string {
		var out strings.Builder
		m := startMain(t, Config{Sched: "rr:q=5", Stdout: &out}, readTestdata(t, "../examples/"+name+"/"+name+".c"))
		if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
			t.Fatalf("%s: result %+v", name, res)
		}
		return out.String()
	}
	race := run("counter-race")
	if race == "counter = 4000 (want 4000)\n" || !strings.HasPrefix(race, "counter = ") {
		t.Errorf("counter-race printed %q: no update lost", race)
	}
	if again := run("counter-race"); again != race {
		t.Errorf("counter-race printed %q, then %q", race, again)
	}
	if fixed := run("counter-mutex"); fixed != "counter = 4000 (want 4000)\n" {
		t.Errorf("counter-mutex printed %q", fixed)
	}
}

// TestPhilosophersExample: the naive dining philosophers end in a cycle
// of five threads, each waiting for a fork (a mutex) at the line that
// takes the right fork, held by the next; the machine halts, nothing
// able to run.
func TestPhilosophersExample(t *testing.T) {
	src := readTestdata(t, "../examples/philosophers/philosophers.c")
	line := 1 + strings.Count(src[:strings.Index(src, "pthread_mutex_lock(&fork_[right])")], "\n")
	m := startMain(t, Config{}, src)
	res := m.Run()
	var de *DeadlockError
	if !errors.As(res.Err, &de) {
		t.Fatalf("result %+v, want a deadlock", res)
	}
	ds := deadlocks(m)
	if len(ds) != 1 || len(ds[0].Waits) != 5 {
		t.Fatalf("deadlock events %v, want one cycle of five", ds)
	}
	if sp := m.Spinners(); len(sp) != 0 {
		t.Errorf("spinners %v in a deadlock, where every holder waits", sp)
	}
	cycle := ds[0].Waits
	for i, w := range cycle {
		if w.Kind != WaitMutex || w.Line != line || w.Holder != cycle[(i+1)%5].TID {
			t.Errorf("wait %d: %+v, want a mutex at line %d held by thread %d", i, w, line, cycle[(i+1)%5].TID)
		}
	}
}

// TestReadersWritersBusyWaitExample: the writer spins inside the monitor
// for ever. The run stops at the instruction limit with the reader waiting
// for the monitor's mutex, held by the writer, which waits for nothing:
// no cycle of waits — a hang that deadlock detection does not call a
// deadlock.
func TestReadersWritersBusyWaitExample(t *testing.T) {
	src := readTestdata(t, "../examples/rw-busywait/rw-busywait.c")
	var out strings.Builder
	m := startMain(t, Config{MaxTicks: 200_000, Stdout: &out}, src)
	res := m.Run()
	var le *LimitError
	if !errors.As(res.Err, &le) || le.Limit != LimitTicks {
		t.Fatalf("result %+v, want the instruction limit", res)
	}
	if out.String() != "reader: read 0\n" {
		t.Errorf("output %q", out.String())
	}
	if ds := deadlocks(m); len(ds) != 0 {
		t.Errorf("deadlocks reported: %v", ds)
	}
	ps := m.Processes()
	var prog *ProcView
	for i := range ps {
		if ps[i].PID == 2 {
			prog = &ps[i]
		}
	}
	if prog == nil || len(prog.Threads) != 3 {
		t.Fatalf("processes %+v, want pid 2 with main, the reader and the writer", ps)
	}
	reader, writer := prog.Threads[1], prog.Threads[2]
	if reader.State != StateWaiting || reader.WaitFor.Kind != WaitMutex || reader.WaitFor.Holder != writer.TID {
		t.Errorf("reader %+v, want waiting for the mutex held by thread %d", reader, writer.TID)
	}
	if writer.State == StateWaiting {
		t.Errorf("writer %+v waits; it should spin", writer)
	}
	if sp := m.Spinners(); len(sp) != 1 || sp[0].TID != reader.TID || sp[0].Holder != writer.TID || sp[0].Kind != WaitMutex {
		t.Errorf("spinners %v, want the reader waiting for the writer's mutex", sp)
	}
}

// TestThreadProgramsUnderPolicies runs the thread programs of the Linux
// cases under other policies, quanta and CPU counts: their output, which
// Linux fixes whatever the interleaving, must be the same under each.
func TestThreadProgramsUnderPolicies(t *testing.T) {
	root := linuxtest.Root(t)
	configs := []Config{{Sched: "rr:q=1"}, {Sched: "rr:q=3", CPUs: 2}, {Sched: "lottery:seed=5,q=4", CPUs: 3}, {Sched: "fcfs"}, {Sched: "mlfq", CPUs: 2, ContextSwitch: 2}}
	for _, c := range linuxtest.Cases {
		if !syncCase[c.Dir] {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			src := readTestdata(t, filepath.Join(root, c.Dir, c.Main+".c"))
			want := ""
			for i, cfg := range append([]Config{{}}, configs...) {
				var out strings.Builder
				cfg.Stdout = &out
				m := startMain(t, cfg, src)
				if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
					t.Fatalf("%s%s: result %+v", cfg.Sched, describeCPUs(cfg), res)
				}
				if i == 0 {
					want = out.String()
				} else if out.String() != want {
					t.Errorf("%s%s: output\n%s\nwant\n%s", cfg.Sched, describeCPUs(cfg), out.String(), want)
				}
			}
		})
	}
}

// syncCase lists the folders of the Linux cases that are thread programs
// running alone: the synchronisation lectures', OSTEP's patterns, one per
// pthread feature.
var syncCase = map[string]bool{
	"examples/boundedbuffer": true, "examples/rw-condvar": true, "examples/tunnel": true,
	"examples/philosophers-monitor": true, "examples/barrier": true, "examples/counter-mutex": true,
	"kernel/testdata/linux/ostep": true, "kernel/testdata/linux/threads": true, "kernel/testdata/linux/condvar": true,
	"kernel/testdata/linux/semaphore": true, "kernel/testdata/linux/rwlock": true, "kernel/testdata/linux/barrier": true,
	"kernel/testdata/linux/once": true, "kernel/testdata/linux/mutextypes": true, "kernel/testdata/linux/atomics": true,
	"kernel/testdata/linux/errnothreads": true,
}

// TestLostUpdateUnderRRDependsOnTheSeed: OSTEP's unlocked counter under
// Round Robin with a quantum of 3, seeds 1 to 10, gives at least two
// different totals, one of them with updates lost, and a seed the same
// total every time. The seed draws each new thread's first slice; with no
// seed every slice is a whole quantum, and at q=3, which divides the
// loop's iteration, no update is lost.
func TestLostUpdateUnderRRDependsOnTheSeed(t *testing.T) {
	run := func(seed int64) string {
		var out strings.Builder
		m := startMain(t, Config{Sched: "rr:q=3", Seed: seed, Stdout: &out}, lostUpdate)
		if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
			t.Fatalf("seed %d: result %+v", seed, res)
		}
		return strings.TrimSpace(out.String())
	}
	if total := run(0); total != "4000" {
		t.Errorf("no seed: total %s, want 4000", total)
	}
	totals := map[string]bool{}
	for seed := int64(1); seed <= 10; seed++ {
		total := run(seed)
		totals[total] = true
		if again := run(seed); again != total {
			t.Errorf("seed %d: total %s, then %s", seed, total, again)
		}
	}
	if len(totals) < 2 {
		t.Errorf("totals %v over seeds 1-10, want at least two different", totals)
	}
}
