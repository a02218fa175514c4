package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// philosophers is the naive dining philosophers: all five can end up
// holding their left fork and waiting for the right one.
const philosophers = `#include <pthread.h>
#include <stdio.h>
#define N 5
static pthread_mutex_t fork_[N];
static void *philosopher(void *arg)
{
	int i = (int)(long)arg;
	for (int k = 0; k < 100; k++) {
		pthread_mutex_lock(&fork_[i]);
		for (volatile int j = 0; j < 3; j++)
			;
		pthread_mutex_lock(&fork_[(i + 1) % N]);
		pthread_mutex_unlock(&fork_[(i + 1) % N]);
		pthread_mutex_unlock(&fork_[i]);
	}
	return NULL;
}
int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++)
		pthread_mutex_init(&fork_[i], NULL);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("all ate\n");
	return 0;
}
`

func philosophersProgram() *Program {
	return &Program{Files: []File{{Name: "philosophers.c", Text: philosophers}}, Settings: Settings{Sched: "rr:q=2"}}
}

// cycleOf follows holders from each waiting thread and returns the first
// cycle of the wait-for graph, or nil.
func cycleOf(waits []WaitEdge) []int {
	next := map[int]int{}
	for _, w := range waits {
		if w.Holder != 0 {
			next[w.TID] = w.Holder
		}
	}
	for _, w := range waits {
		seen := map[int]int{}
		var path []int
		for tid, ok := w.TID, true; ok; tid, ok = next[tid] {
			if i, again := seen[tid]; again {
				return path[i:]
			}
			seen[tid] = len(path)
			path = append(path, tid)
		}
	}
	return nil
}

// runToDeadlock runs the session until the kernel reports a deadlock,
// and one batch more.
func runToDeadlock(t *testing.T, s *Session, r *recorder) Event {
	t.Helper()
	s.Handle(cmd(t, `{"op":"run"}`))
	for i := 0; s.Running() && i < 1000; i++ {
		for _, e := range r.events() {
			if e.Kind == "deadlock" {
				s.Handle(cmd(t, `{"op":"pause"}`))
				return e
			}
		}
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	t.Fatalf("no deadlock reported; last state %+v", r.last().State)
	return Event{}
}

// The snapshot of a deadlocked run says who waits for what, held by whom:
// the threads of the process, the mutexes with owner and waiters, the
// wait-for graph with its cycle; the deadlock event carries the cycle.
func TestSnapshotDrawsTheDeadlock(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: philosophersProgram()})
	e := runToDeadlock(t, s, r)
	if c := cycleOf(e.Waits); len(c) != 5 {
		t.Errorf("deadlock event %+v: cycle %v, want the five philosophers", e, c)
	}
	st := r.last().State
	var proc *Proc
	for i := range st.Procs {
		if st.Procs[i].Name == "philosophers" {
			proc = &st.Procs[i]
		}
	}
	if proc == nil || len(proc.Threads) != 6 || proc.Threads[0].TID != proc.PID {
		t.Fatalf("the process and its threads: %+v", proc)
	}
	for _, th := range proc.Threads {
		if th.State != "waiting" || (th.WaitOn != "mutex" && th.WaitOn != "join") {
			t.Errorf("thread %+v, want waiting for a mutex or a join", th)
		}
	}
	cycle := cycleOf(st.Waits)
	if len(cycle) != 5 {
		t.Fatalf("wait-for cycle %v in %+v, want the five philosophers", cycle, st.Waits)
	}
	for _, w := range st.Waits {
		if w.Kind == "mutex" && (w.Line == 0 || w.File != "philosophers.c" || !strings.HasPrefix(w.Var, "fork_[")) {
			t.Errorf("edge %+v has no source line", w)
		}
	}
	mutexes, joins := 0, 0
	for _, o := range st.Sync {
		switch o.Kind {
		case "mutex":
			mutexes++
			if o.Owner == 0 || len(o.Waiters) != 1 || o.Waiters[0] == o.Owner {
				t.Errorf("mutex %+v: want an owner and another thread waiting", o)
			}
			if !strings.HasPrefix(o.Var, "fork_[") {
				t.Errorf("mutex %+v: want it named as an element of fork_", o)
			}
		case "join":
			joins++
			if len(o.Waiters) != 1 || o.Waiters[0] != proc.PID {
				t.Errorf("join %+v: want the main thread waiting", o)
			}
		}
	}
	if mutexes != 5 || joins != 1 {
		t.Errorf("%d mutexes and %d joins waited on in %+v, want 5 and 1", mutexes, joins, st.Sync)
	}
}

// A single-threaded process's snapshot is as in 1.2: no threads listed,
// no synchronisation objects, no wait edges but those of real waits.
func TestSingleThreadedSnapshotHasNoThreads(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "forkexecl")})
	runToEnd(t, s, r)
	for _, b := range r.batches() {
		for _, p := range b.State.Procs {
			if p.Threads != nil {
				t.Fatalf("process %d lists threads: %+v", p.PID, p.Threads)
			}
		}
		if b.State.Sync != nil {
			t.Fatalf("synchronisation objects in a program without threads: %+v", b.State.Sync)
		}
	}
}

// When the kernel ends a run at a deadlock (every thread waits, nothing
// can wake one: a run to the end, as the command line's), the halt code
// is deadlock and every blocked thread's wait comes with it.
func TestDeadlockHaltIsReported(t *testing.T) {
	m, _, err := philosophersProgram().start(Limits{}.WithDefaults(), nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Run()
	waits := deadlockWaits(m.Err())
	if code := limitCode(m.Err()); code != codeDeadlock {
		t.Errorf("halt code %q, want deadlock", code)
	}
	if len(waits) != 7 || len(cycleOf(waits)) != 5 {
		t.Errorf("waits %+v: want init, main and the five philosophers, in a cycle of five", waits)
	}
}

// lostUpdate is OSTEP's unlocked counter: counter++ split by a preemption
// between its load and its store loses an update.
const lostUpdate = `#include <pthread.h>
#include <stdio.h>
static volatile int counter;
static void *add(void *arg)
{
	for (int i = 0; i < 2000; i++)
		counter = counter + 1;
	return NULL;
}
int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, add, NULL);
	pthread_create(&b, NULL, add, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", counter);
	return 0;
}
`

// Stepping a session, each batch carries the instructions run since the
// previous one, numbered on; one of them is the store that loses an
// update, and the load and the store it names came in earlier batches.
func TestSteppingShowsTheInstructions(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "race.c", Text: lostUpdate}},
		Settings: Settings{Sched: "rr:q=5"}}})
	seen := map[int64]Instr{}
	next := int64(0)
	var lost *Instr
	var told *LostUpdate
	for i := 0; i < 2000 && lost == nil; i++ {
		s.Handle(cmd(t, `{"op":"step","by":"tick"}`))
		told = r.last().State.LostUpdate
		for _, in := range r.last().State.Instructions {
			if in.Seq != next {
				t.Fatalf("instruction %d after %d: %+v", in.Seq, next-1, in)
			}
			next++
			seen[in.Seq] = in
			if in.Lost != nil {
				lost = &in
			}
		}
	}
	if lost == nil {
		t.Fatalf("no lost update in %d instructions", next)
	}
	load, other := seen[lost.Lost.Load], seen[lost.Lost.Overwritten]
	if load.Var != "counter" || other.Var != "counter" || lost.Var != "counter" || !lost.Store || !other.Store || load.Store ||
		load.TID != lost.TID || other.TID != lost.Lost.Other || lost.Line != 7 || lost.File != "race.c" {
		t.Errorf("load %+v\nother's store %+v\nstore %+v", load, other, *lost)
	}
	if told == nil || told.Count != 1 || len(told.Instructions) < 3 || told.Instructions[0] != load ||
		!reflect.DeepEqual(told.Instructions[len(told.Instructions)-1], *lost) {
		t.Errorf("the batch of the lost update says %+v", told)
	}
}

// Running fast, a session does not watch: no instructions come.
func TestRunningFastDoesNotWatch(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "race.c", Text: lostUpdate}}}})
	s.Handle(cmd(t, `{"op":"speed","ticks":100000,"interval":33}`))
	runToEnd(t, s, r)
	for _, b := range r.batches()[2:] {
		if len(b.State.Instructions) > 0 {
			t.Fatalf("batch %d carries %d instructions", b.Seq, len(b.State.Instructions))
		}
	}
	if st := r.last().State; st.Status != StatusDone {
		t.Fatalf("status %s", st.Status)
	}
}

// POST /api/run ends a run in which every thread waits, at once, with the
// halt code deadlock and every blocked thread's wait: no signal comes to a
// headless run.
func TestRunReportsTheDeadlock(t *testing.T) {
	_, srv := server(t, Limits{})
	body, _ := json.Marshal(philosophersProgram())
	start := time.Now()
	resp, err := http.Post(srv.URL+"/api/run", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r RunResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if r.HaltCode != codeDeadlock || len(r.Waits) != 7 || len(cycleOf(r.Waits)) != 5 {
		t.Errorf("halt %q (%s), waits %+v", r.Halt, r.HaltCode, r.Waits)
	}
	if took := time.Since(start); took > (Limits{}).WithDefaults().RunTimeout/2 {
		t.Errorf("the deadlocked run took %s: it ran on to its deadline", took)
	}
}

// A session whose threads all wait says so (status stalled) and sends no
// more batches until the user acts; a signal ends it.
func TestStalledSessionWaitsForItsUser(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: philosophersProgram()})
	runToDeadlock(t, s, r)
	s.Handle(cmd(t, `{"op":"run"}`))
	for i := 0; i < 100 && s.Wants(); i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	st := r.last().State
	if st.Status != StatusStalled || s.Wants() {
		t.Fatalf("status %s, wants batches %v", st.Status, s.Wants())
	}
	tick := st.Tick
	s.Tick(time.Now())
	if r.last().State.Tick != tick {
		t.Errorf("a stalled session ran on from tick %d to %d", tick, r.last().State.Tick)
	}
	s.Handle(cmd(t, `{"op":"signal","pid":2,"signal":"SIGKILL"}`))
	if st := r.last().State; st.Status != StatusDone {
		t.Errorf("after SIGKILL: status %s", st.Status)
	}
}

// Slowed down again after running fast, a session watches afresh: the
// instructions it sends are numbered from 0 again, and they come.
func TestWatchingAgainAfterRunningFast(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "race.c", Text: lostUpdate}},
		Settings: Settings{Sched: "rr:q=5"}}})
	for i := 0; i < 50; i++ {
		s.Handle(cmd(t, `{"op":"step","by":"tick"}`))
	}
	// Fast enough not to watch, not so fast that two batches (Run's and
	// the next) end the program.
	s.Handle(cmd(t, `{"op":"speed","ticks":5000,"interval":33}`))
	s.Handle(cmd(t, `{"op":"run"}`))
	s.Handle(command{op: "ack", seq: s.seq})
	s.Tick(time.Now())
	s.Handle(cmd(t, `{"op":"pause"}`))
	s.Handle(cmd(t, `{"op":"step","by":"tick"}`))
	got := r.last().State.Instructions
	if len(got) == 0 || got[0].Seq != 0 {
		t.Fatalf("after watching again (%s at tick %d): %+v", r.last().State.Status, r.last().State.Tick, got)
	}
}
