package kernel

import (
	"fmt"
	"slices"
	"strings"
	"testing"
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
	if want := append(order, 3); !slices.Equal(dispatched, want) || asks != 2 { // the picks, then B alone
		t.Errorf("dispatched %v after %d questions, want [4 2 3] after 2", dispatched, asks)
	}
	if err := New(Config{}).Choose(2); err == nil {
		t.Error("Choose on a machine not started")
	}
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
