package api

import (
	"encoding/json"
	"testing"
	"time"
)

// TestRunAheadChangesNothingButTheTime: a session that runs ahead of Run
// (ahead.go) sends, whatever the student does after the load, the very
// messages a session that does not run ahead sends: Run answered from the
// interval held, any other command after it is dropped, and the commands
// that do not look at the machine over it. Reset runs ahead again, as a
// load does: a class told to start over presses Reset and Run together.
func TestRunAheadChangesNothingButTheTime(t *testing.T) {
	two := &Program{Files: []File{{Name: "two.c", Text: twoLoops}}}
	other := &Program{Files: []File{{Name: "other.c", Text: "int main(void) { return 3; }\n"}}}
	load := func(p *Program) command { return command{op: "load", program: p} }
	for _, tc := range []struct {
		name   string
		prog   *Program
		before []command
		run    string
		held   bool // the session holds the interval when Run comes
	}{
		{name: "run", prog: two, held: true},
		{name: "a lecture's example", prog: example(t, "forkexecl"), held: true},
		{name: "delta and ack over it", prog: two, before: []command{{op: "delta"}, {op: "ack", seq: 1}}, held: true},
		{name: "steps", prog: two, before: []command{cmd(t, `{"op":"step","by":"event"}`), cmd(t, `{"op":"step","by":"tick"}`)}},
		{name: "a PCB inspected", prog: two, before: []command{{op: "inspect", pid: 2}}},
		{name: "another speed", prog: two, before: []command{cmd(t, `{"op":"speed","ticks":1000,"interval":33}`)}},
		{name: "a line typed", prog: &resumeProgram, before: []command{{op: "input", data: "hello\n"}}},
		{name: "a seek to 0", prog: two, before: []command{{op: "seek", tick: 0}}},
		{name: "reset", prog: two, before: []command{{op: "reset"}}, held: true},
		{name: "a run, reset, run again", prog: two, before: []command{cmd(t, `{"op":"run"}`), {op: "ack", seq: 2}, {op: "reset"}}, held: true},
		{name: "reset, then a step", prog: two, before: []command{{op: "reset"}, cmd(t, `{"op":"step","by":"event"}`)}},
		{name: "reset while the input waits", prog: &resumeProgram, before: []command{cmd(t, `{"op":"run"}`), {op: "reset"}, {op: "input", data: "hi\n"}}},
		{name: "pause", prog: two, before: []command{{op: "pause"}}},
		{name: "another program", prog: two, before: []command{load(other)}, held: true},
		{name: "run until a tick", prog: two, run: `{"op":"run","until":7}`, held: true},
	} {
		var streams [2]string
		for i, ahead := range []bool{false, true} {
			// A batch cut short by its CPU time (under the race detector,
			// on a busy machine) ends where the clock says: the budget is
			// out of the way, for the two to compute the same intervals.
			r := &recorder{}
			s := NewSession("test", Limits{BatchCPU: time.Minute}, r.send, nil, nil)
			s.runAhead = ahead
			s.Handle(load(tc.prog))
			if ahead && (!s.ahead || s.m.Now() != s.speed.Ticks) {
				t.Fatalf("%s: after the load the session holds no interval (tick %d)", tc.name, s.m.Now())
			}
			for _, c := range tc.before {
				s.Handle(c)
			}
			if ahead && s.ahead != tc.held {
				t.Errorf("%s: holds an interval %v before Run, want %v", tc.name, s.ahead, tc.held)
			}
			run := tc.run
			if run == "" {
				run = `{"op":"run"}`
			}
			s.Handle(cmd(t, run))
			runOn(s, 40)
			streams[i] = timeless(t, r)
		}
		if streams[0] != streams[1] {
			t.Errorf("%s: running ahead changed what the session sends:\n%s\nwithout:\n%s", tc.name, streams[1], streams[0])
		}
	}
}

// runOn takes up to n batches of a running session, each acknowledged as
// a page does, until it stops or waits for the user.
func runOn(s *Session, n int) {
	for j := 0; j < n && s.Running() && !s.stuck(); j++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
}

// timeless is what r recorded, a message a line, the batches' "sent" (the
// only field that tells the time) left out.
func timeless(t *testing.T, r *recorder) string {
	t.Helper()
	stream := ""
	for _, m := range r.msgs {
		if b, ok := m.(Batch); ok {
			b.Sent = 0
			m = b
		}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		stream += string(data) + "\n"
	}
	return stream
}

// TestBatchEndsWhereverTheChunksFall: a batch computes in chunks sized by
// the host's clock (advanceBatch); where a batch that comes to wait for
// input ends — and so the tick a line typed next is given at, and the run
// after it — is the same whatever the chunks.
func TestBatchEndsWhereverTheChunksFall(t *testing.T) {
	var streams []string
	for _, chunk := range []int64{1, 3, 8, 1 << 20} {
		r := &recorder{}
		s := NewSession("test", Limits{BatchCPU: time.Minute}, r.send, nil, nil)
		s.Handle(command{op: "load", program: &resumeProgram})
		s.chunk = chunk
		s.Handle(cmd(t, `{"op":"run"}`))
		waits := s.m.Now()
		if !s.stuck() {
			t.Fatalf("chunks of %d: the first interval did not come to wait for input (tick %d)", chunk, waits)
		}
		s.Handle(command{op: "input", data: "hi\n"})
		runOn(s, 40)
		stream := timeless(t, r)
		streams = append(streams, stream)
		if len(streams) > 1 && stream != streams[0] {
			t.Errorf("chunks of %d: the session sent another stream than with chunks of 1 (the first interval ended at tick %d)", chunk, waits)
		}
	}
}

// TestIntervalsEndWhereTheSpeedPutsThem: at a speed whose intervals carry
// more events than a batch may (MaxEventsSent), batches are cut where the
// events overflow, at a chunk's end; the rest of the interval goes with
// the next batch, so that a machine that comes to wait for input waits
// from the end of an interval whatever the chunks, and a line typed then
// is given at the same tick.
func TestIntervalsEndWhereTheSpeedPutsThem(t *testing.T) {
	prog := &Program{Files: []File{{Name: "lines.c", Text: `#include <stdio.h>
int main(void) {
	char b[64];
	for (int i = 0; i < 40; i++)
		printf("line %d\n", i);
	fgets(b, sizeof b, stdin);
	printf("%s", b);
	return 0;
}
`}}}
	var first int64 = -1
	allCuts := 0
	for _, chunk := range []int64{1, 3, 8, 100, 1 << 20} {
		r := &recorder{}
		s := NewSession("test", Limits{BatchCPU: time.Minute, MaxEventsSent: 8}, r.send, nil, nil)
		s.Handle(command{op: "load", program: prog})
		s.Handle(cmd(t, `{"op":"speed","ticks":500,"interval":33}`))
		s.chunk = chunk
		s.Handle(cmd(t, `{"op":"run"}`))
		cuts := 0
		for j := 0; j < 400 && s.Running() && !s.stuck(); j++ {
			if s.m.Now()%500 != 0 {
				cuts++
			}
			s.Handle(command{op: "ack", seq: s.seq})
			s.Tick(time.Now())
		}
		if !s.stuck() {
			t.Fatalf("chunks of %d: the program did not come to wait for input (tick %d)", chunk, s.m.Now())
		}
		allCuts += cuts
		if first < 0 {
			first = s.m.Now()
		}
		if s.m.Now() != first {
			t.Errorf("chunks of %d: the machine waits for input from tick %d, with chunks of 1 from tick %d", chunk, s.m.Now(), first)
		}
	}
	t.Logf("the machine waits from tick %d; %d batches cut short in all", first, allCuts)
	if allCuts == 0 {
		t.Error("no batch was cut short: the test tests nothing")
	}
}
