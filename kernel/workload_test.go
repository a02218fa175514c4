package kernel

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"osplay/kernel/msg"
)

func mustWorkload(t testing.TB, text string) *Workload {
	t.Helper()
	w, err := ParseWorkload(text)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestParseWorkload(t *testing.T) {
	w := mustWorkload(t, `
# the lecture's example, with an I/O
A 0 5 io:3 2     priority=2 tickets=50
B 1 cpu:3        nice=-5 cpus=0,1
C 2 4,io:printer:6,1
device printer serial
`)
	want := "A 0 5 io:3 2 priority=2 tickets=50\nB 1 3 nice=-5 cpus=0,1\nC 2 4 io:printer:6 1\ndevice printer serial\n"
	if got := w.String(); got != want {
		t.Errorf("String:\n%s\nwant\n%s", got, want)
	}
	again := mustWorkload(t, w.String())
	if again.String() != want {
		t.Errorf("round trip:\n%s", again)
	}
	if n := w.Jobs[2].CPUTicks(); n != 5 {
		t.Errorf("C needs %d CPU ticks, want 5", n)
	}
	js := mustWorkload(t, `{"Jobs": [{"Name": "A", "Arrival": 2, "Bursts": [{"Ticks": 5}, {"IO": true, "Ticks": 3}, {"Ticks": 1}]}]}`)
	if got := js.String(); got != "A 2 5 io:3 1\n" {
		t.Errorf("JSON workload %q", got)
	}
	bad := []struct{ text, err string }{
		{"", "no jobs"},
		{"A 0", "line 1: want NAME ARRIVAL BURSTS"},
		{"A x 5", "line 1: job A: arrival"},
		{"A 0 5\nA 1 3", "two jobs are named A"},
		{"A 0 io:3 5", "burst 1 is an I/O"},
		{"A 0 5 3", "join CPU bursts"},
		{"A 0 5 io:3", "ends with a CPU burst"},
		{"A 0 0", "at least 1 tick"},
		{"A 0 5 colour=red", "unknown attribute"},
		{"A 0 5 cpus=7", "CPU 7"},
		{"A 0 5 nice=40", "nice 40"},
		{"1A 0 5", "job name"},
		{"A 0 5 io:x:y 3", "burst"},
		{"device disk sometimes", "line 1"},
		{"A -1 5", "arrival -1"},
		{`{"Jobs": [{"Name": "A", "Speed": 3}]}`, "unknown field"},
	}
	for _, b := range bad {
		if _, err := ParseWorkload(b.text); err == nil || !strings.Contains(err.Error(), b.err) {
			t.Errorf("%q: error %v, want one with %q", b.text, err, b.err)
		}
	}
}

// TestWorkloadProcesses checks that jobs are processes: created at their
// arrival as children of init, waiting on their device, exiting with 0.
func TestWorkloadProcesses(t *testing.T) {
	w := mustWorkload(t, "A 0 2 io:5 1\nB 3 4\n")
	m := New(Config{Sched: "fcfs", Record: true})
	if err := m.StartWorkload(w); err != nil {
		t.Fatal(err)
	}
	if got := pidsOf(m.Processes()); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("at tick 0 the processes are %v, want init and A", got)
	}
	m.RunTo(3)
	if v := findProc(m, 2); v == nil || v.State != StateWaiting || v.WaitOn != "disk" {
		t.Errorf("A at tick 3: %+v, want waiting on the disk", v)
	}
	if d := m.Devices(); len(d) != 1 || d[0].Name != "disk" || !slices.Equal(d[0].Queue, []int{2}) {
		t.Errorf("devices %+v, want A in the disk's queue", d)
	}
	m.Run()
	if !m.Done() || m.Err() != nil {
		t.Fatalf("done %v, err %v", m.Done(), m.Err())
	}
	var creates, waits []string
	for _, e := range m.Events() {
		switch {
		case e.Kind == KindCreate && e.PID > 1:
			creates = append(creates, fmt.Sprintf("%d %s %d %v", e.Tick, e.Name, e.Other, e.Argv))
		case e.Kind == KindState && e.To == StateWaiting && e.PID > 1:
			waits = append(waits, fmt.Sprintf("%d %s", e.Tick, e.Name))
		}
	}
	if want := []string{"0 A 1 [A 2 io:5 1]", "3 B 1 [B 4]"}; !slices.Equal(creates, want) {
		t.Errorf("creations %q, want %q", creates, want)
	}
	if want := []string{"2 disk"}; !slices.Equal(waits, want) {
		t.Errorf("waits %q, want %q", waits, want)
	}
	for _, p := range m.Result().Procs {
		if p.Status != 0 || p.PPID != 1 {
			t.Errorf("%s ended with status %#x, parent %d", p.Name, p.Status, p.PPID)
		}
	}
}

func pidsOf(vs []ProcView) []int {
	var out []int
	for _, v := range vs {
		out = append(out, v.PID)
	}
	return out
}

// TestWorkloadMetrics checks the metrics on the lecture's examples.
func TestWorkloadMetrics(t *testing.T) {
	tests := []struct {
		sched, workload     string
		turnaround, waiting float64
		response            float64
	}{
		// FCFS, P1 24, P2 3, P3 3: waiting 0, 24, 27.
		{"fcfs", "P1 0 24\nP2 0 3\nP3 0 3", 27, 17, 17},
		// SJF, 6 8 7 3: average waiting 7.
		{"sjf", "P1 0 6\nP2 0 8\nP3 0 7\nP4 0 3", 13, 7, 7},
		// SRTF with arrivals: average waiting 6.5, turnaround 13.
		{"stcf", "P1 0 8\nP2 1 4\nP3 2 9\nP4 3 5", 13, 6.5, 4.25},
		// RR, quantum 4: waiting 6, 4, 7; response 0, 4, 7.
		{"rr:q=4", "P1 0 24\nP2 0 3\nP3 0 3", 47.0 / 3, 17.0 / 3, 11.0 / 3},
		// Priority: average waiting 8.2.
		{"priority", "P1 0 10 priority=3\nP2 0 1 priority=1\nP3 0 2 priority=4\nP4 0 1 priority=5\nP5 0 5 priority=2", 12, 8.2, 8.2},
	}
	for _, tt := range tests {
		o, err := RunWorkload(mustWorkload(t, tt.workload), Config{Sched: tt.sched})
		if err != nil {
			t.Fatal(err)
		}
		m := o.Metrics
		if !near(m.AvgTurnaround, tt.turnaround) || !near(m.AvgWaiting, tt.waiting) || !near(m.AvgResponse, tt.response) {
			t.Errorf("%s: turnaround %.3f waiting %.3f response %.3f, want %.3f %.3f %.3f\n%s", tt.sched,
				m.AvgTurnaround, m.AvgWaiting, m.AvgResponse, tt.turnaround, tt.waiting, tt.response, m)
		}
		if m.Utilisation != 1 || m.Completed != len(m.Procs) {
			t.Errorf("%s: utilisation %v, %d of %d completed", tt.sched, m.Utilisation, m.Completed, len(m.Procs))
		}
	}
	// I/O overlaps with the other job's CPU; the switch cost shows: A to B
	// and B to A, but not the first dispatch of A, which loads only.
	o, _ := RunWorkload(mustWorkload(t, "A 0 2 io:4 2\nB 0 4"), Config{Sched: "fcfs", ContextSwitch: 1})
	m := o.Metrics
	a, _ := m.Proc("A")
	if m.ContextSwitches != 2 || m.SwitchTicks != 2 || a.Blocked != 4 || a.CPU != 4 || m.Busy != 8 {
		t.Errorf("switch metrics:\n%s\n%+v", m, a)
	}
	if m.Utilisation >= 1 {
		t.Errorf("utilisation %v with switches", m.Utilisation)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestWorkloadDevices checks a serial device: the second request waits for
// the first.
func TestWorkloadDevices(t *testing.T) {
	text := "A 0 1 io:printer:5 1\nB 0 1 io:printer:5 1\n"
	par, _ := RunWorkload(mustWorkload(t, text), Config{Sched: "fcfs"})
	ser, _ := RunWorkload(mustWorkload(t, text+"device printer serial\n"), Config{Sched: "fcfs"})
	bp, _ := par.Metrics.Proc("B")
	bs, _ := ser.Metrics.Proc("B")
	if bp.Completion != 8 || bs.Completion != 12 {
		t.Errorf("B completes at %d (parallel) and %d (serial), want 8 and 12", bp.Completion, bs.Completion)
	}
}

// TestManualPolicy checks that the manual policy stops the machine at each
// decision and runs the chosen process.
func TestManualPolicy(t *testing.T) {
	w := mustWorkload(t, "A 0 3\nB 0 2\nC 0 1\n")
	m := New(Config{Sched: "manual", Record: true})
	if err := m.StartWorkload(w); err != nil {
		t.Fatal(err)
	}
	var order []int
	for _, pick := range []int{4, 2} {
		m.Run()
		q := m.Asking()
		if m.Done() || len(q) != 1 || q[0].CPU != 0 {
			t.Fatalf("not asking: done %v, %+v", m.Done(), q)
		}
		if err := m.Choose(99); err == nil {
			t.Error("chose a process that is not ready")
		}
		if err := m.Choose(pick); err != nil {
			t.Fatal(err)
		}
		order = append(order, pick)
	}
	m.Run() // B alone: no question
	if !m.Done() {
		t.Fatalf("not done: asking %+v", m.Asking())
	}
	var dispatched []int
	asks := 0
	for _, e := range m.Events() {
		switch e.Kind {
		case KindDispatch:
			dispatched = append(dispatched, e.PID)
		case KindAsk:
			asks++
		}
	}
	if !slices.Equal(dispatched, []int{4, 2, 3}) || asks != 2 {
		t.Errorf("dispatched %v after %d questions, want [4 2 3] after 2", dispatched, asks)
	}
	if err := New(Config{}).Choose(2); err == nil {
		t.Error("Choose on a machine not started")
	}
}

// TestManualRace checks that with a quantum of one tick the student
// decides who runs at every tick.
func TestManualRace(t *testing.T) {
	m := New(Config{Sched: "manual:q=1", Record: true})
	if err := m.StartWorkload(mustWorkload(t, "A 0 2\nB 0 2\n")); err != nil {
		t.Fatal(err)
	}
	for _, pid := range []int{2, 3, 2, 3} {
		m.Run()
		if m.Done() {
			break
		}
		if err := m.Choose(pid); err != nil {
			t.Fatal(err)
		}
	}
	m.Run()
	g := NewGantt()
	for _, e := range m.Events() {
		g.Add(e)
	}
	var got []string
	for _, s := range g.Segments(0) {
		got = append(got, fmt.Sprintf("%d-%d:%d", s.Start, s.End, s.PID))
	}
	if want := []string{"0-1:2", "1-2:3", "2-3:2", "3-4:3"}; !slices.Equal(got, want) {
		t.Errorf("timeline %v, want %v", got, want)
	}
}

// TestLongTermScheduler checks the job queue: with a degree of
// multiprogramming of 1 the jobs run one after the other and the CPU waits
// out each I/O.
func TestLongTermScheduler(t *testing.T) {
	w := mustWorkload(t, "A 0 2 io:3 1\nB 0 2\n")
	o, err := RunWorkload(w, Config{Sched: "fcfs", Multiprogramming: 1, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := o.Metrics.Proc("B")
	if b.FirstRun != 6 || o.Metrics.Ticks != 8 {
		t.Errorf("B first runs at %d, all done at %d; want 6 and 8\n%s", b.FirstRun, o.Metrics.Ticks, o.Metrics)
	}
	queued := 0
	for _, e := range o.Events {
		if e.Kind == KindSched && e.Cause.Code == msg.LTSJobQueue {
			queued++
		}
	}
	if queued != 1 {
		t.Errorf("%d job-queue events, want 1", queued)
	}
	free, _ := RunWorkload(w, Config{Sched: "fcfs"})
	if free.Metrics.Ticks != 6 {
		t.Errorf("without a limit the run takes %d ticks, want 6", free.Metrics.Ticks)
	}
}

// TestMediumTermScheduler checks swapping: with room for one process in
// memory, a job that blocks is swapped out for a ready one, and comes back.
func TestMediumTermScheduler(t *testing.T) {
	w := mustWorkload(t, "A 0 2 io:10 2\nB 0 3\nC 0 3\n")
	o, err := RunWorkload(w, Config{Sched: "fcfs", Resident: 1, Record: true})
	if err != nil || o.Err != nil {
		t.Fatal(err, o.Err)
	}
	seen := map[State]bool{}
	for _, e := range o.Events {
		if e.Kind == KindState {
			seen[e.To] = true
		}
	}
	if !seen[StateSuspendedReady] || !seen[StateSuspendedWaiting] {
		t.Errorf("states seen %v, want both suspended states", seen)
	}
	if o.Metrics.Completed != 3 {
		t.Errorf("%d jobs completed", o.Metrics.Completed)
	}
	var trail []string
	for _, e := range o.Events {
		if e.Kind == KindState && e.PID == 2 {
			trail = append(trail, e.To.String())
		}
	}
	want := []string{"ready", "running", "waiting", "suspended waiting", "suspended ready", "ready", "running", "terminated"}
	if !slices.Equal(trail, want) {
		t.Errorf("A went %v, want %v", trail, want)
	}
}

// TestMultiCPU checks shared and per-CPU queues, affinity and migration.
func TestMultiCPU(t *testing.T) {
	w := mustWorkload(t, "A 0 6\nB 0 6\nC 0 6 cpus=1\nD 0 6 cpus=1\n")
	o, err := RunWorkload(w, Config{Sched: "fcfs", CPUs: 2, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range o.Events {
		if e.Kind == KindDispatch && (e.PID == 4 || e.PID == 5) && e.CPU != 1 {
			t.Errorf("pid %d ran on cpu%d against its affinity", e.PID, e.CPU)
		}
	}
	// B, first in the queue that cpu1 may run, takes cpu1; then cpu0
	// has A and nothing it may run, and C and D wait for cpu1.
	if o.Metrics.Ticks != 18 {
		t.Errorf("two CPUs took %d ticks, want 18", o.Metrics.Ticks)
	}
	// Per-CPU queues: A and C go to cpu0's queue, B and D to cpu1's. When
	// cpu1 is done with its short jobs it steals C, unless pinned.
	w2 := mustWorkload(t, "A 0 8\nB 0 1\nC 0 4\nD 0 1\n")
	pinned, _ := RunWorkload(w2, Config{Sched: "fcfs:percpu,pin", CPUs: 2, Record: true})
	steal, _ := RunWorkload(w2, Config{Sched: "fcfs:percpu", CPUs: 2, Record: true})
	if pinned.Metrics.Ticks != 12 || steal.Metrics.Ticks != 8 {
		t.Errorf("pinned %d ticks, stealing %d; want 12 and 8", pinned.Metrics.Ticks, steal.Metrics.Ticks)
	}
	migrated := false
	for _, e := range steal.Events {
		migrated = migrated || e.Kind == KindDispatch && strings.Contains(e.Cause.String(), "migrated from cpu0")
	}
	if !migrated {
		t.Error("no migration by work stealing")
	}
}

// TestMLFQBoostEvent checks that the policy's own decisions are events.
func TestMLFQBoostEvent(t *testing.T) {
	o, _ := RunWorkload(mustWorkload(t, "A 0 30\nB 0 30\n"), Config{Sched: "mlfq:q=2,boost=20", Record: true})
	boosts := 0
	for _, e := range o.Events {
		if e.Kind == KindSched && strings.Contains(e.Cause.String(), "priority boost") {
			boosts++
			if e.Tick%20 != 0 {
				t.Errorf("boost at tick %d", e.Tick)
			}
		}
	}
	if boosts != 2 {
		t.Errorf("%d boosts in 60 ticks, want 2 (at 20 and 40)", boosts)
	}
}

// TestWorkloadSteppingMatchesRunning checks, for every policy, that
// stepping a workload gives the same events as running it in one go: the
// policies must not depend on how the kernel cuts the stretches.
func TestWorkloadSteppingMatchesRunning(t *testing.T) {
	w := mustWorkload(t, `A 0 7 io:3 5 priority=2 tickets=30
B 1 4 io:2 6 io:1 2 priority=1 nice=3
C 2 12 priority=0 tickets=200
D 5 3 io:4 3 nice=-4
E 9 9
`)
	for _, spec := range []string{"fcfs", "sjf", "sjf:estimate", "stcf", "rr:q=3", "priority", "priority:preemptive,aging=4",
		"mlq:quanta=3/0", "mlfq:quanta=2/4/8,boost=15", "mlfq:q=3,stay,iobump", "lottery:q=2,seed=5",
		"lottery:seed=5,transfer", "stride:q=2", "cfs:latency=12,mingran=2", "fcfs:wakefirst"} {
		for _, cpus := range []int{1, 2} {
			cfg := Config{Sched: spec, CPUs: cpus, ContextSwitch: int64(cpus - 1)}
			whole, err := RunWorkload(w, withRecord(cfg))
			if err != nil {
				t.Fatal(err)
			}
			m := New(withRecord(cfg))
			if err := m.StartWorkload(w); err != nil {
				t.Fatal(err)
			}
			for steps := 0; !m.Done(); steps++ {
				if steps%3 == 0 {
					m.Step()
				} else {
					m.RunTo(m.Now() + int64(steps%5))
				}
				if steps > 100_000 {
					t.Fatal("stepping never finishes")
				}
			}
			a, b := traceOf(whole.Events), traceOf(m.Events())
			if a != b {
				t.Errorf("%s on %d CPUs: stepping differs from running:\n%s", spec, cpus, firstDiff(a, b))
			}
			if whole.Metrics.Completed != 5 {
				t.Errorf("%s: %d of 5 jobs completed", spec, whole.Metrics.Completed)
			}
		}
	}
}

func withRecord(c Config) Config {
	c.Record = true
	return c
}

func traceOf(events []Event) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestIOSystemCall checks __osplay_io from C: the process waits on the
// device for the ticks asked, and its burst before the I/O is measured.
func TestIOSystemCall(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"io.c": `#include <osplay.h>
#include <stdio.h>
int main(void) {
	int r = __osplay_io("disk", 500);
	printf("io returned %d\n", r);
	return 0;
}
`}, "io.c")
	if r.stdout != "io returned 0\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	var block, wake int64 = -1, -1
	for _, e := range r.events {
		if e.Kind == KindState && e.PID == 2 && e.To == StateWaiting && e.Name == "disk" {
			block = e.Tick
		}
		if e.Kind == KindState && e.PID == 2 && e.From == StateWaiting && e.Cause.String() == "disk: I/O done" {
			wake = e.Tick
		}
	}
	if block < 0 || wake-block != 500 {
		t.Errorf("blocked at %d, woken at %d: want 500 ticks on the disk\n%s", block, wake, r.trace())
	}
}

// TestTicketTransfer checks that a parent waiting for its child lends it
// its tickets under lottery with transfer, and takes them back.
func TestTicketTransfer(t *testing.T) {
	r := runFiles(t, Config{Sched: "lottery:transfer"}, map[string]string{"tt.c": `#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	if (fork() == 0) {
		for (volatile int i = 0; i < 1000; i++) ;
		return 0;
	}
	wait(0);
	return 0;
}
`}, "tt.c")
	var notes []string
	for _, e := range r.events {
		if e.Kind == KindSched {
			notes = append(notes, e.Cause.String())
		}
	}
	want := []string{"ticket transfer: pid 2 lends 100 tickets to pid 3 while it waits", "ticket transfer: pid 2 takes its tickets back"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

// TestViews checks what the views read of the scheduler: the levels of
// MLFQ, the policy's view of a process, the spec.
func TestViews(t *testing.T) {
	m := New(Config{Sched: "mlfq:quanta=2/4,boost=100"})
	if err := m.StartWorkload(mustWorkload(t, "A 0 10\nB 0 10 tickets=7\n")); err != nil {
		t.Fatal(err)
	}
	m.RunTo(3)
	levels := m.ReadyLevels(0)
	if len(levels) != 2 || levels[0].Name != "queue 1 (quantum 2, allotment 1)" || !slices.Equal(levels[1].PIDs, []int{2}) {
		t.Errorf("levels %+v", levels)
	}
	b := findProc(m, 3)
	if b.Sched != "queue 1, 1 of 2 ticks of its slice left, 1 of 1 slices of its allotment left" || b.Tickets != 7 {
		t.Errorf("B's PCB: %q, %d tickets", b.Sched, b.Tickets)
	}
	if got := m.Sched(); got != "mlfq:quanta=2/4,boost=100" {
		t.Errorf("spec %q", got)
	}
	rr := New(Config{Quantum: 7})
	rr.StartWorkload(mustWorkload(t, "A 0 1"))
	if got := rr.Sched(); got != "rr:q=7" {
		t.Errorf("spec %q", got)
	}
	if lv := rr.ReadyLevels(0); len(lv) != 1 || lv[0].Name != "ready queue" {
		t.Errorf("levels %+v", lv)
	}
}
