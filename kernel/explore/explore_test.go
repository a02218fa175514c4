package explore

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel"
	"osplay/kernel/msg"
)

// target is the program dir/name alone in its folder.
func target(t testing.TB, dir, name string) Target {
	t.Helper()
	src, err := os.ReadFile(dir + "/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return Target{Config: kernel.Config{Files: fstest.MapFS{name: {Data: src}}}, Argv: []string{name}}
}

func explore(t *testing.T, tg Target, opt Options) Report {
	t.Helper()
	r, err := Explore(context.Background(), tg, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// replayStream replays s on tg and hashes its events as runOnce does.
func replayStream(t *testing.T, tg Target, s Schedule) (string, string) {
	t.Helper()
	o, err := runOnce(tg, newFollow(s.Switches), true)
	if err != nil {
		t.Fatal(err)
	}
	return o.Stream, string(o.Stdout)
}

// PCT depth 1 finds the unlocked counter's lost update within 100 runs:
// one change point is one preemption, between a thread's load and its
// store.
func TestPCTFindsLostUpdate(t *testing.T) {
	tg := target(t, "../testdata/race", "counter.c")
	r := explore(t, tg, Options{Strategy: PCT, Depth: 1, Runs: 100})
	if r.Expected.Stdout != "counter 10\n" {
		t.Fatalf("the default schedule printed %q", r.Expected.Stdout)
	}
	cx := r.Counterexample
	if cx == nil {
		t.Fatalf("no lost update in %d runs", r.Runs)
	}
	if cx.Failure.Why.Code != msg.ExploreOutput {
		t.Errorf("failure %s, want an output that differs", cx.Failure.Why)
	}
	if got := string(cx.Outcome.Stdout); got == "counter 10\n" || !strings.HasPrefix(got, "counter ") {
		t.Errorf("the counterexample printed %q", got)
	}
	// A lost update needs one preemption between a load and a store:
	// shortened, the schedule has exactly that one.
	if n := cx.Schedule.Preemptions(); n != 1 {
		t.Errorf("shortened schedule %s has %d preemptions, want 1", cx.Schedule, n)
	}
	stream, out := replayStream(t, tg, cx.Schedule)
	if stream != cx.Outcome.Stream || out != string(cx.Outcome.Stdout) {
		t.Errorf("replay: stream %s output %q, want %s %q", stream, out, cx.Outcome.Stream, cx.Outcome.Stdout)
	}
	// Through its text, as a command line gives it back.
	parsed, err := ParseSchedule(cx.Schedule.String())
	if err != nil {
		t.Fatal(err)
	}
	if stream, _ := replayStream(t, tg, parsed); stream != cx.Outcome.Stream {
		t.Errorf("replay of %q: stream %s, want %s", cx.Schedule, stream, cx.Outcome.Stream)
	}
}

// PCT with depth 0 never preempts a thread that runs on by itself
// (there are no change points): the lost update, which needs one
// preemption, is out of its reach.
func TestPCTDepthZeroDoesNotPreempt(t *testing.T) {
	r := explore(t, target(t, "../testdata/race", "counter.c"), Options{Strategy: PCT, Depth: -1, Runs: 50})
	if r.Counterexample != nil {
		t.Errorf("depth 0 found %s: %s", r.Counterexample.Schedule, r.Counterexample.Failure.Why)
	}
	if r.Depth != 0 || r.Bound <= 0 {
		t.Errorf("depth %d, bound %g", r.Depth, r.Bound)
	}
}

func TestExhaustiveMutexCounterHolds(t *testing.T) {
	for _, name := range []string{"counter_mutex.c", "counter_sem.c", "counter_join.c"} {
		t.Run(name, func(t *testing.T) {
			r := explore(t, target(t, "../testdata/race", name), Options{Strategy: Exhaustive, Preemptions: 2})
			if cx := r.Counterexample; cx != nil {
				t.Fatalf("failing schedule %s: %s", cx.Schedule, cx.Failure.Why)
			}
			if !r.Exhausted || r.Bound != 1 {
				t.Errorf("not exhausted after %d runs", r.Runs)
			}
			if r.Runs < 10 {
				t.Errorf("only %d schedules with 2 preemptions", r.Runs)
			}
			t.Logf("%d schedules", r.Runs)
		})
	}
}

func TestExhaustiveFindsLostUpdate(t *testing.T) {
	r := explore(t, target(t, "../testdata/race", "counter.c"), Options{Strategy: Exhaustive, Preemptions: 1})
	if r.Counterexample == nil {
		t.Fatalf("no lost update in %d schedules with 1 preemption", r.Runs)
	}
	if n := r.Counterexample.Schedule.Preemptions(); n != 1 {
		t.Errorf("%d preemptions", n)
	}
}

func TestOrderViolationAtDepthTwo(t *testing.T) {
	tg := target(t, "testdata", "order.c")
	r := explore(t, tg, Options{Strategy: PCT, Depth: 2, Runs: 100})
	cx := r.Counterexample
	if cx == nil {
		t.Fatalf("no failure in %d runs", r.Runs)
	}
	if cx.Failure.Why.Code != msg.ExploreCrash || !strings.Contains(cx.Failure.Why.String(), "SIGSEGV") {
		t.Errorf("failure %s, want a crash with SIGSEGV", cx.Failure.Why)
	}
	if stream, _ := replayStream(t, tg, cx.Schedule); stream != cx.Outcome.Stream {
		t.Errorf("replay: stream %s, want %s", stream, cx.Outcome.Stream)
	}
}

func TestPhilosophersDeadlock(t *testing.T) {
	tg := target(t, "../testdata/proc", "philosophers.c")
	r := explore(t, tg, Options{Strategy: Random, Runs: 200})
	cx := r.Counterexample
	if cx == nil {
		t.Fatalf("no deadlock in %d runs", r.Runs)
	}
	if cx.Failure.Why.Code != msg.ExploreDeadlock || len(cx.Failure.Deadlock) < 2 {
		t.Fatalf("failure %s with %d waits, want a deadlock", cx.Failure.Why, len(cx.Failure.Deadlock))
	}
	// The replay deadlocks the same way, event for event.
	var cycle []kernel.WaitEdge
	tg.Config.OnEvent = func(e kernel.Event) {
		if e.Kind == kernel.KindDeadlock && cycle == nil {
			cycle = e.Waits
		}
	}
	stream, _ := replayStream(t, tg, cx.Schedule)
	if stream != cx.Outcome.Stream {
		t.Errorf("replay: stream %s, want %s", stream, cx.Outcome.Stream)
	}
	if len(cycle) != len(cx.Failure.Deadlock) {
		t.Errorf("replay's cycle %v, want %v", cycle, cx.Failure.Deadlock)
	}
	t.Logf("found at run %d, %d switches shortened to %d: %s", cx.Run, len(cx.Found.Switches), len(cx.Schedule.Switches), cx.Schedule)
}

func TestScheduleText(t *testing.T) {
	s := Schedule{Switches: []Switch{{From: 4, Step: 57, To: 5}, {From: 5, Step: 0, To: 4}}}
	if s.String() != "4@57:5,5@0:4" {
		t.Errorf("String %q", s)
	}
	back, err := ParseSchedule(s.String())
	if err != nil || back.String() != s.String() {
		t.Errorf("parse: %v %v", back, err)
	}
	for _, bad := range []string{"4@57", "x@1:2", "4@-1:2", "4:5"} {
		if _, err := ParseSchedule(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if s, err := ParseSchedule("-"); err != nil || len(s.Switches) != 0 {
		t.Errorf("-: %v %v", s, err)
	}
}

func TestStopByContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	runs := 0
	r, err := Explore(ctx, target(t, "../testdata/race", "counter_mutex.c"), Options{Strategy: Random, Runs: 1_000_000, Workers: 1,
		ProgressEvery: 1, Progress: func(p Progress) {
			runs = p.Runs
			if p.Runs >= 20 {
				cancel()
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Stopped || r.Runs > 1000 || runs == 0 {
		t.Errorf("stopped %v after %d runs", r.Stopped, r.Runs)
	}
}

// A failed assert kills the process with SIGABRT: a crash, found with two
// preemptions (main to the worker before main's store, the worker back to
// main between its own store and its check), replayed the same.
func TestExhaustiveFindsFailedAssert(t *testing.T) {
	tg := target(t, "testdata", "assert.c")
	if r := explore(t, tg, Options{Strategy: Exhaustive, Preemptions: 1}); r.Counterexample != nil || !r.Exhausted {
		t.Errorf("one preemption: %+v", r.Counterexample)
	}
	r := explore(t, tg, Options{Strategy: Exhaustive, Preemptions: 2})
	cx := r.Counterexample
	if cx == nil {
		t.Fatalf("no failure in %d schedules", r.Runs)
	}
	if cx.Failure.Why.Code != msg.ExploreCrash || !strings.Contains(cx.Failure.Why.String(), "SIGABRT") ||
		!strings.Contains(string(cx.Outcome.Stderr), "Assertion") {
		t.Errorf("failure %s, stderr %q", cx.Failure.Why, cx.Outcome.Stderr)
	}
	if n := cx.Schedule.Preemptions(); n != 2 {
		t.Errorf("%d preemptions", n)
	}
	if stream, _ := replayStream(t, tg, cx.Schedule); stream != cx.Outcome.Stream {
		t.Errorf("replay: stream %s, want %s", stream, cx.Outcome.Stream)
	}
}
