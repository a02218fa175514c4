package api

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// loop2 is two processes computing for ever, each printing its count now
// and then.
const loop2 = "#include <stdio.h>\n#include <unistd.h>\nint main(void)\n{\n\tint n = 0;\n\tfork();\n\tfor (;;) {\n\t\tfor (int i = 0; i < 2000; i++)\n\t\t\t;\n\t\tprintf(\"%d: %d\\n\", getpid(), n++);\n\t}\n}\n"

// TestThinningAtHighSpeed: past thinTicks a batch, a running session
// leaves the scheduler's routine out of its batches past the first few,
// says from which tick (thinned) and how many (dropped), and runs its
// whole batch; everything else — here every line printed — is sent.
func TestThinningAtHighSpeed(t *testing.T) {
	// A batch's CPU budget as long as it takes: this test is of what a
	// whole batch of 100,000 ticks sends, not of how many ticks the
	// machine running it (under the race detector, beside other work)
	// computes in 20 ms.
	r := &recorder{}
	s := NewSession("test", Limits{BatchCPU: time.Minute}, r.send, nil, nil)
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "a.c", Text: loop2}}}})
	s.Handle(command{op: "speed", speed: Speed{Ticks: 100_000, Interval: 33}})
	s.Handle(command{op: "run"})
	for i := 0; i < 20; i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	s.Handle(command{op: "pause"})
	thinned := 0
	for _, b := range r.batches() {
		n := 0
		for _, e := range b.Events {
			if e.Kind == "dispatch" || e.Kind == "preempt" || e.Kind == "switch" || e.Kind == "idle" ||
				e.Kind == "state" && (e.From == "ready" && e.To == "running" || e.From == "running" && e.To == "ready") {
				n++
			}
		}
		if n > s.lim.MaxEventsSent/thinKeep {
			t.Errorf("batch %d: %d of the scheduler's routine events, want at most %d", b.Seq, n, s.lim.MaxEventsSent/thinKeep)
		}
		if b.Thinned != nil {
			thinned++
			if b.Dropped == 0 || b.Thinned.From > b.Thinned.To || b.Thinned.To != b.State.Tick {
				t.Errorf("batch %d: thinned %+v, dropped %d, tick %d", b.Seq, *b.Thinned, b.Dropped, b.State.Tick)
			}
		}
	}
	if thinned < 10 {
		t.Errorf("%d batches thinned of %d", thinned, len(r.batches()))
	}
	if tick := r.last().State.Tick; tick < 1_000_000 {
		t.Errorf("20 batches of 100,000 ticks reached tick %d only", tick)
	}
	// Every line printed came, each process's count without a gap.
	next := map[string]int{}
	lines := strings.Split(strings.TrimSuffix(console(r.events()), "\n"), "\n")
	for _, l := range lines {
		var pid string
		var n int
		if _, err := fmt.Sscanf(strings.Replace(l, ":", " ", 1), "%s %d", &pid, &n); err != nil || n != next[pid] {
			t.Fatalf("line %q after %v: a line is missing", l, next)
		}
		next[pid]++
	}
	if len(lines) < 100 {
		t.Errorf("%d lines printed", len(lines))
	}

	// At 1,000 ticks a batch nothing is thinned.
	s.Handle(command{op: "speed", speed: Speed{Ticks: 1000, Interval: 33}})
	s.Handle(command{op: "run"})
	from := len(r.batches())
	for i := 0; i < 10; i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	for _, b := range r.batches()[from:] {
		if b.Thinned != nil || b.Dropped > 0 {
			t.Errorf("batch %d at 1,000 ticks a batch: thinned %v, dropped %d", b.Seq, b.Thinned, b.Dropped)
		}
	}
}
