package api

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// recorder collects what a session sends.
type recorder struct{ msgs []any }

func (r *recorder) send(v any) { r.msgs = append(r.msgs, v) }

func (r *recorder) batches() []Batch {
	var out []Batch
	for _, m := range r.msgs {
		if b, ok := m.(Batch); ok {
			out = append(out, b)
		}
	}
	return out
}

func (r *recorder) last() Batch {
	b := r.batches()
	return b[len(b)-1]
}

func (r *recorder) events() []Event {
	var out []Event
	for _, b := range r.batches() {
		out = append(out, b.Events...)
	}
	return out
}

func (r *recorder) errors() []Error {
	var out []Error
	for _, m := range r.msgs {
		if e, ok := m.(Error); ok {
			out = append(out, e)
		}
	}
	return out
}

func example(t testing.TB, name string) *Program {
	t.Helper()
	exs, err := LoadExamples(os.DirFS("../examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exs {
		if e.Name == name {
			p := e.Program()
			return &p
		}
	}
	t.Fatalf("no example %s", name)
	return nil
}

func newTestSession() (*Session, *recorder) {
	r := &recorder{}
	return NewSession("test", Limits{}, r.send, nil, nil), r
}

func cmd(t testing.TB, js string) command {
	t.Helper()
	c, bad := decode([]byte(js), Limits{}.WithDefaults())
	if bad != nil {
		t.Fatalf("decode %s: %s", js, bad.Message)
	}
	return c
}

// runToEnd runs the session until it stops, acking every batch.
func runToEnd(t testing.TB, s *Session, r *recorder) {
	t.Helper()
	s.Handle(cmd(t, `{"op":"run"}`))
	for i := 0; s.Running() && i < 100000; i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
		if s.stuck() {
			break // the user's turn (a replay's logged inputs come by themselves)
		}
	}
}

func console(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		if e.Kind == "output" {
			b.WriteString(e.Data)
		}
	}
	return b.String()
}

func TestSessionRunsForkExecWait(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "forkexecl")})
	if st := r.last().State; st.Status != StatusPaused || st.Tick != 0 {
		t.Fatalf("after load: %+v", st)
	}
	runToEnd(t, s, r)
	st := r.last().State
	if st.Status != StatusDone || st.Result == nil || st.Result.Describe != "exit code 0" {
		t.Fatalf("end state: %+v", st)
	}
	out := console(r.events())
	if !strings.Contains(out, "child Complete") {
		t.Errorf("console lacks child Complete:\n%s", out)
	}
	created := map[int]bool{}
	for i, e := range r.events() {
		if e.N != int64(i) {
			t.Fatalf("event %d numbered %d", i, e.N)
		}
		if e.Kind == "create" {
			created[e.PID] = true
		}
	}
	if !created[2] || !created[3] {
		t.Errorf("created %v, want pids 2 and 3", created)
	}
}

// The event stream must not depend on how the run is cut into batches:
// replays (rewind) rely on it.
func TestBatchingDoesNotChangeTheRun(t *testing.T) {
	for _, name := range []string{"forkexecl", "nfork", "mystatus", "onetwo"} {
		var streams []string
		for _, ticks := range []int64{1, 7, 100, 1000000} {
			s, r := newTestSession()
			s.Handle(command{op: "load", program: example(t, name)})
			s.Handle(command{op: "speed", speed: Speed{Ticks: ticks}})
			runToEnd(t, s, r)
			js, _ := json.Marshal(r.events())
			streams = append(streams, string(js))
		}
		for i := 1; i < len(streams); i++ {
			if streams[i] != streams[0] {
				t.Errorf("%s: batches of different sizes gave different runs", name)
			}
		}
	}
}

func TestStepBySyscallStopsAtFork(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "onetwo")})
	var calls []string
	for i := 0; i < 5; i++ {
		s.Handle(cmd(t, `{"op":"step","by":"syscall"}`))
		b := r.last()
		for _, e := range b.Events {
			if e.Kind == "syscall" {
				calls = append(calls, e.Text)
			}
		}
		if strings.Contains(strings.Join(calls, " "), "fork") {
			break
		}
	}
	if len(calls) == 0 || !strings.HasPrefix(calls[len(calls)-1], "fork") {
		t.Fatalf("steps by system call reached %q, want fork last", calls)
	}
	s.Handle(cmd(t, `{"op":"step","by":"event"}`))
	if n := len(r.last().State.Procs); n != 3 {
		t.Errorf("after the fork: %d processes, want init, parent and child", n)
	}
}

func TestSeekRewindsByReplay(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "forkexecl")})
	runToEnd(t, s, r)
	all := r.events()
	end := r.last().State.Tick
	for _, tick := range []int64{0, 5, 22, end / 2, end} {
		s.Handle(command{op: "seek", tick: tick})
		rw, ok := r.msgs[len(r.msgs)-1].(Rewound)
		if !ok {
			if tick == end {
				continue // already there: answered with a batch
			}
			t.Fatalf("seek %d answered %T", tick, r.msgs[len(r.msgs)-1])
		}
		if rw.Tick != tick {
			t.Errorf("seek %d: at tick %d", tick, rw.Tick)
		}
		// The machine emitted exactly the events of the first run up to there.
		for _, e := range all[:rw.Events] {
			if e.Tick > tick {
				t.Errorf("seek %d: event %d at tick %d", tick, e.N, e.Tick)
			}
		}
		// Running on gives the rest of the first run.
		before := len(r.batches())
		runToEnd(t, s, r)
		var rest []Event
		for _, b := range r.batches()[before:] {
			rest = append(rest, b.Events...)
		}
		if !reflect.DeepEqual(rest, all[rw.Events:]) {
			t.Errorf("seek %d then run: %d events, want the %d of the first run", tick, len(rest), len(all)-int(rw.Events))
		}
	}
}

func TestInputsAreReplayed(t *testing.T) {
	src := `#include <stdio.h>
int main() { char line[64]; while (fgets(line, sizeof line, stdin)) printf("got %s", line); printf("bye\n"); return 0; }`
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "echo.c", Text: src}}}})
	runToEnd(t, s, r)
	if st := r.last().State.Status; st != StatusInput {
		t.Fatalf("status %s, want input", st)
	}
	s.Handle(command{op: "input", data: "hello\n"})
	runToEnd(t, s, r)
	s.Handle(command{op: "eof"})
	runToEnd(t, s, r)
	first := console(r.events())
	if first != "got hello\nbye\n" {
		t.Fatalf("console %q", first)
	}
	s.Handle(command{op: "seek", tick: 0})
	r.msgs = nil
	runToEnd(t, s, r)
	if got := console(r.events()); got != first {
		t.Errorf("after rewinding to 0 and running: %q, want %q (the inputs replayed)", got, first)
	}
}

func TestCompileErrorHasLineAndColumn(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "bad.c", Text: "int main() {\n  int x = ;\n}\n"}}}})
	errs := r.errors()
	if len(errs) != 1 || errs[0].Code != "compile" || len(errs[0].Errors) == 0 {
		t.Fatalf("errors %+v", errs)
	}
	if e := errs[0].Errors[0]; e.File != "bad.c" || e.Line != 2 || e.Col == 0 {
		t.Errorf("diagnostic %+v, want bad.c line 2", e)
	}
	s.Handle(cmd(t, `{"op":"run"}`))
	if e := r.errors(); e[len(e)-1].Code != "no_program" {
		t.Errorf("run without a program: %+v", e[len(e)-1])
	}
}

func TestSignalKillsProcess(t *testing.T) {
	src := `#include <unistd.h>
int main() { for (;;) ; }`
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "loop.c", Text: src}}}})
	s.Handle(cmd(t, `{"op":"step","by":"tick"}`))
	s.Handle(cmd(t, `{"op":"interrupt"}`))
	runToEnd(t, s, r)
	st := r.last().State
	if st.Result == nil || st.Result.Signal != "SIGINT" {
		t.Fatalf("after Ctrl-C: %+v", st)
	}
}

func TestPanicIsReportedToTheSessionOnly(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "onetwo")})
	s.crash("test")
	if e := r.errors(); len(e) != 1 || e[0].Code != "machine" {
		t.Fatalf("errors %+v", e)
	}
	if st := r.last().State.Status; st != StatusEmpty {
		t.Errorf("status %s after a crash, want empty", st)
	}
}

func TestManualSchedulerWaitsForAChoice(t *testing.T) {
	s, r := newTestSession()
	p := example(t, "onetwo")
	p.Settings.Sched = "manual:preemptive,quantum=3"
	s.Handle(command{op: "load", program: p})
	runToEnd(t, s, r)
	st := r.last().State
	if st.Status != StatusChoose || len(st.Asking) == 0 {
		t.Fatalf("manual scheduler: status %s, asking %v", st.Status, st.Asking)
	}
	for i := 0; i < 20 && r.last().State.Status == StatusChoose; i++ {
		ask := r.last().State.Asking[0]
		s.Handle(command{op: "choose", pid: ask.Ready[len(ask.Ready)-1]})
		runToEnd(t, s, r)
	}
	if st := r.last().State; st.Status != StatusDone {
		t.Fatalf("after choosing: %s", st.Status)
	}
	if got := console(r.events()); got != "one\ntwo\ntwo\n" {
		t.Errorf("console %q", got)
	}
	// The choices are inputs: a rewind replays them.
	s.Handle(command{op: "seek", tick: 0})
	r.msgs = nil
	runToEnd(t, s, r)
	if st := r.last().State; st.Status != StatusDone {
		t.Errorf("replayed run stopped at %s", st.Status)
	}
}

// A step by event or by system call ends at the end of the tick of the
// first such event, on one CPU or several.
func TestStepEndsAtTheEndOfTheEventsTick(t *testing.T) {
	for _, cpus := range []int{1, 2, 3} {
		for _, by := range []string{"event", "syscall"} {
			p := example(t, "mystatus")
			p.Settings.CPUs = cpus
			s, r := newTestSession()
			s.Handle(command{op: "load", program: p})
			for i := 0; i < 200 && !s.m.Done(); i++ {
				s.Handle(command{op: "step", by: by})
				b := r.last()
				first := int64(-1)
				for _, e := range b.Events {
					if matchStep(by, e.Kind) {
						first = e.Tick
						break
					}
				}
				if b.State.Status == StatusDone {
					break
				}
				if first < 0 || b.State.Tick != first+1 {
					t.Fatalf("%d CPUs, step by %s: stopped at tick %d, first event at tick %d", cpus, by, b.State.Tick, first)
				}
			}
		}
	}
}

// A session keeps at most MaxPendingEvents events for its next batch: a
// seek forward over thousands of events sends the newest and counts the
// others, and the numbering still says where each event belongs.
func TestPendingEventsAreBounded(t *testing.T) {
	lim := Limits{MaxEventsSent: 100, MaxPendingEvents: 500}
	r := &recorder{}
	s := NewSession("test", lim, r.send, nil, nil)
	src := "#include <sys/wait.h>\n#include <unistd.h>\nint main(void) { for (int i = 0; i < 200; i++) { if (fork() == 0) _exit(0); wait(NULL); } return 0; }\n"
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "forks.c", Text: src}}}})
	s.Handle(command{op: "speed", speed: Speed{Ticks: 1000000}})
	runToEnd(t, s, r)
	end := r.last().State
	s.Handle(command{op: "seek", tick: 0})
	before := r.msgs[len(r.msgs)-1].(Rewound).Events // emitted again by the replay, not sent
	r.msgs = nil
	s.Handle(command{op: "seek", tick: end.Tick})
	b := r.last()
	if len(b.Events) > 500 || b.Skipped == 0 {
		t.Fatalf("seek over %d events: a batch of %d, %d skipped", end.Events, len(b.Events), b.Skipped)
	}
	if first := b.Events[0].N; first < before+int64(b.Skipped) {
		t.Errorf("the first event sent is number %d, want ≥ %d: the oldest are left out", first, before+int64(b.Skipped))
	}
	if got := int64(len(b.Events) + b.Skipped + b.Dropped); got != b.State.Events-before {
		t.Errorf("%d sent + %d skipped + %d dropped = %d, want the %d events after tick 0", len(b.Events), b.Skipped, b.Dropped, got, b.State.Events-before)
	}
}

// A session cut into slices of microseconds by the CPU share emits the
// same events as one that computes undisturbed: interrupts change where a
// machine call returns, never what the machine does.
func TestSlicedRunsAreTheSame(t *testing.T) {
	forks := &Program{Files: []File{{Name: "forks.c", Text: "#include <stdio.h>\n#include <sys/wait.h>\n#include <unistd.h>\n" +
		"int main(void) { for (int n = 0; n < 300; n++) { if (fork() == 0) { printf(\"child %d\\n\", n); return 0; } wait(NULL); } return 0; }\n"}}}
	programs := map[string]*Program{"forks": forks}
	for _, name := range []string{"forkexecl", "nfork", "mystatus"} {
		programs[name] = example(t, name)
	}
	for name, p := range programs {
		var streams []string
		for _, sliced := range []bool{false, true} {
			// Every event is sent (none dropped from crowded batches), and
			// every slice and grace is as short as the timers allow.
			lim := Limits{CPUSlice: 20 * time.Microsecond, CPUGrace: time.Nanosecond, MaxEventsSent: 1 << 20}
			s, r := NewSession("test", lim, (&recorder{}).send, nil, nil), &recorder{}
			s.send = r.send
			if sliced {
				s.share(newCPUShare(1, lim.CPUSlice), nil)
			}
			s.Handle(command{op: "load", program: p})
			s.Handle(command{op: "speed", speed: Speed{Ticks: 1000000}})
			runToEnd(t, s, r)
			if st := r.last().State.Status; st != StatusDone {
				t.Fatalf("%s (sliced %v): status %s", name, sliced, st)
			}
			js, _ := json.Marshal(r.events())
			streams = append(streams, string(js))
		}
		if streams[0] != streams[1] {
			t.Errorf("%s: the sliced run differs", name)
		}
	}
}

// A run until a tick pauses there, whatever the speed; Run again goes on.
func TestRunUntilPausesAtTheTick(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: example(t, "onetwo")})
	s.Handle(cmd(t, `{"op":"speed","ticks":1000,"interval":33}`))
	s.Handle(cmd(t, `{"op":"run","until":7}`))
	for i := 0; s.Running() && i < 1000; i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	st := r.last().State
	if st.Tick != 7 || st.Running || st.Status != StatusPaused {
		t.Fatalf("after run until 7: tick %d, running %v, status %q", st.Tick, st.Running, st.Status)
	}
	runToEnd(t, s, r)
	if st := r.last().State; st.Status != StatusDone || st.Tick <= 7 {
		t.Errorf("Run after the pause: tick %d, status %q", st.Tick, st.Status)
	}
	for _, bad := range []string{`{"op":"run","until":0}`, `{"op":"run","until":-3}`, `{"op":"run","until":"x"}`} {
		if _, e := decode([]byte(bad), Limits{}.WithDefaults()); e == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
