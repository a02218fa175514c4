package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// resumeSource reads a line, forks, and both processes compute and print
// for a while: typed input, a fork, and enough events to cut the run in
// the middle.
const resumeSource = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main() {
	char line[64];
	if (!fgets(line, sizeof line, stdin)) return 1;
	int pid = fork();
	int sum = 0;
	for (int i = 0; i < 1500; i++) {
		sum += i;
		if (i % 300 == 0) printf("%d %d %s", getpid(), i, line);
	}
	if (pid > 0) { wait(0); printf("sum %d\n", sum); }
	return 0;
}
`

var resumeProgram = Program{Files: []File{{Name: "resume.c", Text: resumeSource}}, Settings: Settings{Sched: "rr", Quantum: 5}}

// keeper is a client that keeps what the page keeps to resume a session:
// the program, the input log as the batches tell it, the last snapshot,
// and every event by its number.
type keeper struct {
	t      *testing.T
	c      *client
	log    []LoggedInput
	state  Snapshot
	events map[int64]Event
}

func newKeeper(t *testing.T) *keeper {
	return &keeper{t: t, events: map[int64]Event{}}
}

// next reads one message, keeps what it says and acks batches.
func (k *keeper) next() (typ string, raw []byte) {
	k.t.Helper()
	k.c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, raw, err := k.c.conn.ReadMessage()
	if err != nil {
		k.t.Fatalf("read: %v", err)
	}
	var head struct{ Type string }
	json.Unmarshal(raw, &head)
	switch head.Type {
	case "batch":
		var b Batch
		if err := json.Unmarshal(raw, &b); err != nil {
			k.t.Fatal(err)
		}
		k.keep(b)
		k.c.send(map[string]any{"op": "ack", "seq": b.Seq})
	case "error":
		k.t.Fatalf("error: %s", raw)
	}
	return head.Type, raw
}

// keep takes a batch's events, state and log change.
func (k *keeper) keep(b Batch) {
	k.t.Helper()
	if b.Dropped > 0 || b.Skipped > 0 {
		k.t.Fatalf("batch %d left events out (dropped %d, skipped %d): slow the test's speed", b.Seq, b.Dropped, b.Skipped)
	}
	for _, e := range b.Events {
		if _, dup := k.events[e.N]; dup {
			k.t.Fatalf("event %d sent twice", e.N)
		}
		k.events[e.N] = e
	}
	k.state = b.State
	if b.Log != nil {
		k.log = append(k.log[:b.Log.From], b.Log.Inputs...)
	}
}

// until reads until a batch's state satisfies ok.
func (k *keeper) until(ok func(Snapshot) bool) {
	k.t.Helper()
	for i := 0; i < 100000; i++ {
		if typ, _ := k.next(); typ == "batch" && ok(k.state) {
			return
		}
	}
	k.t.Fatal("the state never came")
}

// resume sends what the keeper kept.
func (k *keeper) resume() {
	k.c.send(map[string]any{"op": "resume", "program": resumeProgram, "inputs": k.log,
		"tick": k.state.Tick, "events": k.state.Events, "horizon": k.state.Horizon,
		"speed": k.state.Speed, "running": k.state.Running})
}

// stream is the events in order, checked to be numbered 0, 1, 2… without
// a gap, and a hash of them.
func (k *keeper) stream() ([]Event, string) {
	k.t.Helper()
	list := make([]Event, len(k.events))
	for n, e := range k.events {
		if n < 0 || n >= int64(len(list)) {
			k.t.Fatalf("event %d of %d: the numbering has a gap", n, len(list))
		}
		list[n] = e
	}
	h := sha256.New()
	for _, e := range list {
		data, _ := json.Marshal(e)
		h.Write(data)
	}
	return list, hex.EncodeToString(h.Sum(nil))
}

// startResumeRun loads the program, types a line when it asks for one,
// and runs it.
func startResumeRun(k *keeper) {
	k.next() // hello
	k.c.send(map[string]any{"op": "speed", "ticks": 1000, "interval": 33})
	k.c.send(map[string]any{"op": "load", "program": resumeProgram})
	k.until(func(Snapshot) bool { return true })
	// Step, which stops at the same tick in every run, to where the
	// program waits for a line: the line is then typed at the same tick
	// in every run (a running machine may idle a few ticks more or less
	// before the line comes).
	for k.state.Status != StatusInput {
		k.c.send(map[string]any{"op": "step", "by": "event"})
		k.until(func(Snapshot) bool { return true })
	}
	k.c.send(map[string]any{"op": "input", "data": "hello\n"})
	k.c.send(map[string]any{"op": "run"})
}

func TestResumeOnAnotherServerContinuesTheSameStream(t *testing.T) {
	_, srv := server(t, Limits{})
	whole := newKeeper(t)
	whole.c = dial(t, srv, nil)
	startResumeRun(whole)
	whole.until(func(st Snapshot) bool { return st.Status == StatusDone })
	want, wantHash := whole.stream()
	creates := 0
	for _, e := range want {
		if e.Kind == "create" {
			creates++
		}
	}
	if creates < 2 {
		t.Fatalf("%d processes created: the run should fork", creates)
	}

	// The same run, cut in the middle, then resumed by a client that has
	// only what it kept, on another server (another API, no shared state).
	_, first := server(t, Limits{})
	_, second := server(t, Limits{})
	cut := newKeeper(t)
	cut.c = dial(t, first, nil)
	startResumeRun(cut)
	cut.until(func(st Snapshot) bool { return st.Events > int64(len(want))/2 })
	if len(cut.log) != 1 || cut.log[0].Op != "input" || cut.log[0].Data != "hello\n" {
		t.Fatalf("the log the client kept: %+v", cut.log)
	}
	cut.c.conn.Close()
	kept := len(cut.events)

	cut.c = dial(t, second, nil)
	cut.next() // hello
	cut.resume()
	cut.until(func(st Snapshot) bool { return st.Status == StatusDone })
	got, gotHash := cut.stream()
	if kept == 0 || kept == len(got) {
		t.Fatalf("the cut kept %d of %d events: not in the middle", kept, len(got))
	}
	if len(got) != len(want) || gotHash != wantHash {
		for i := range min(len(got), len(want)) {
			if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
				t.Fatalf("event %d: resumed %+v, uninterrupted %+v", i, got[i], want[i])
			}
		}
		t.Fatalf("%d events (hash %s), want %d (%s)", len(got), gotHash, len(want), wantHash)
	}
	if got[len(got)-1].Tick != want[len(want)-1].Tick {
		t.Errorf("last tick %d, want %d", got[len(got)-1].Tick, want[len(want)-1].Tick)
	}
	if cut.state.Tick != whole.state.Tick || cut.state.Events != whole.state.Events {
		t.Errorf("ended at tick %d with %d events, want %d and %d", cut.state.Tick, cut.state.Events, whole.state.Tick, whole.state.Events)
	}
}

func TestResumeStandsWhereTheClientWas(t *testing.T) {
	// Paused mid-run: a resume answers with the same tick and the same
	// number of events, and sends none the client has.
	_, first := server(t, Limits{})
	_, second := server(t, Limits{})
	k := newKeeper(t)
	k.c = dial(t, first, nil)
	startResumeRun(k)
	k.until(func(st Snapshot) bool { return st.Tick > 0 && st.Status == StatusRunning })
	k.c.send(map[string]any{"op": "pause"})
	k.until(func(st Snapshot) bool { return !st.Running })
	before := k.state
	k.c.conn.Close()

	k.c = dial(t, second, nil)
	k.next()
	k.resume()
	k.until(func(Snapshot) bool { return true })
	if k.state.Tick != before.Tick || k.state.Events != before.Events || k.state.Status != before.Status {
		t.Errorf("resumed at tick %d, %d events, %s; the client was at %d, %d, %s",
			k.state.Tick, k.state.Events, k.state.Status, before.Tick, before.Events, before.Status)
	}
}

func TestResumeIsCheckedAsUntrusted(t *testing.T) {
	lim := Limits{MaxInputs: 3, MaxInputBytes: 10, MaxStdin: 8}.WithDefaults()
	prog, _ := json.Marshal(resumeProgram)
	msg := func(rest string) string {
		return `{"op":"resume","program":` + string(prog) + `,` + rest + `}`
	}
	tests := []struct {
		name, msg, want string // want: part of the error, "" for accepted
	}{
		{"fine", msg(`"tick":10,"events":3,"inputs":[{"tick":1,"op":"input","data":"a\n"},{"tick":4,"op":"eof"}]`), ""},
		{"no program", `{"op":"resume","tick":0,"events":0}`, "missing program"},
		{"no tick", msg(`"events":0`), "tick must be"},
		{"tick past the limit", msg(`"tick":1e12,"events":0`), "tick must be"},
		{"negative events", msg(`"tick":0,"events":-1`), "events must be"},
		{"too many inputs", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"eof"},{"tick":0,"op":"eof"},{"tick":0,"op":"eof"},{"tick":0,"op":"eof"}]`), "at most 3"},
		{"too many bytes", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"input","data":"12345678"},{"tick":0,"op":"input","data":"123"}]`), "more than 10 bytes"},
		{"line too long", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"input","data":"123456789"}]`), "too long"},
		{"ticks go back", msg(`"tick":9,"events":0,"inputs":[{"tick":5,"op":"eof"},{"tick":4,"op":"eof"}]`), "must not go back"},
		{"input past max ticks", msg(`"tick":0,"events":0,"inputs":[{"tick":99999999999,"op":"eof"}]`), "must not go back"},
		{"unknown op", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"load"}]`), "unknown input op"},
		{"bad signal", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"signal","pid":1,"signal":999}]`), "unknown signal"},
		{"signal without pid", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"signal","signal":15}]`), "pid must be"},
		{"data on eof", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"eof","data":"x"}]`), "only input has data"},
		{"unknown field", msg(`"tick":0,"events":0,"inputs":[{"tick":0,"op":"eof","when":3}]`), "unknown field"},
		{"bad speed", msg(`"tick":0,"events":0,"speed":{"ticks":0,"interval":33}`), "speed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, bad := decode([]byte(tc.msg), lim)
			switch {
			case tc.want == "" && bad != nil:
				t.Fatalf("refused: %s", bad.Message)
			case tc.want == "" && (c.resume == nil || len(c.resume.inputs) != 2):
				t.Fatalf("decoded %+v", c.resume)
			case tc.want != "" && bad == nil:
				t.Fatalf("accepted, want %q", tc.want)
			case tc.want != "" && !strings.Contains(bad.Message, tc.want):
				t.Fatalf("error %q, want %q", bad.Message, tc.want)
			}
		})
	}
}

func TestResumeIsBoundedAsALiveSession(t *testing.T) {
	loop := &Program{Files: []File{{Name: "loop.c", Text: "int main() { int x = 0; for (;;) x = x * 3 + 1; }"}}}
	lim := Limits{RunTimeout: 300 * time.Millisecond, MaxInputs: 2}

	t.Run("deadline", func(t *testing.T) {
		// A resume to a tick far away computes no longer than any command
		// (RunTimeout, on the server's CPU share), and sends none of the
		// events the client claims to have.
		_, srv := server(t, Limits{RunTimeout: 200 * time.Millisecond, MaxTicks: 1 << 40})
		k := newKeeper(t)
		k.c = dial(t, srv, nil)
		k.next() // hello
		start := time.Now()
		k.c.send(map[string]any{"op": "resume", "program": loop, "tick": int64(1) << 40, "events": int64(1) << 40})
		k.until(func(Snapshot) bool { return true })
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("the resume took %v", took)
		}
		if k.state.Tick >= 1<<40 || len(k.events) != 0 {
			t.Errorf("tick %d with %d events sent: want stopped short, none the client claims to have", k.state.Tick, len(k.events))
		}
	})
	t.Run("input limit", func(t *testing.T) {
		// A log at the limit leaves no room: the next input is refused as
		// in the session that made the log.
		r := &recorder{}
		s := NewSession("test", lim, r.send, nil, nil)
		full := []input{{tick: 1, op: "input", data: "a\n"}, {tick: 2, op: "input", data: "b\n"}}
		s.Handle(command{op: "resume", resume: &resumption{program: loop, tick: 3, inputs: full}})
		s.Handle(command{op: "input", data: "c\n"})
		errs := r.errors()
		if len(errs) != 1 || errs[0].Code != codeInputLimit {
			t.Errorf("errors %+v, want input_limit", errs)
		}
	})
	t.Run("max ticks", func(t *testing.T) {
		// The kernel's own limit holds in a replay: a run resumed at the
		// last tick ends there.
		r := &recorder{}
		s := NewSession("test", Limits{MaxTicks: 2000}, r.send, nil, nil)
		s.Handle(command{op: "resume", resume: &resumption{program: loop, tick: 2000, running: true}})
		runToEnd(t, s, r)
		if st := r.last().State; st.Status != StatusDone || st.HaltCode != "max_ticks" {
			t.Errorf("status %s, halt code %q; want done at max_ticks", st.Status, st.HaltCode)
		}
	})
}

func TestBatchesTellTheInputLog(t *testing.T) {
	// The client's copy of the log, kept from the batches' changes, is
	// the server's log after every command: typed lines, a rewind that
	// keeps the later ones waiting, a new line that drops them, a reset.
	src := `#include <stdio.h>
int main() { char line[64]; while (fgets(line, sizeof line, stdin)) printf("got %s", line); return 0; }`
	s, r := newTestSession()
	var kept []LoggedInput
	follow := func() {
		for _, b := range r.batches() {
			if b.Log != nil {
				kept = append(kept[:b.Log.From], b.Log.Inputs...)
			}
		}
		r.msgs = nil
	}
	steps := []struct {
		name string
		do   func()
		want []string // the data of the inputs kept
	}{
		{"load", func() {
			s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "echo.c", Text: src}}}})
			runToEnd(t, s, r)
		}, nil},
		{"a", func() { s.Handle(command{op: "input", data: "a\n"}); runToEnd(t, s, r) }, []string{"a\n"}},
		{"b", func() { s.Handle(command{op: "input", data: "b\n"}); runToEnd(t, s, r) }, []string{"a\n", "b\n"}},
		{"rewind", func() { s.Handle(command{op: "seek", tick: s.inputs.list[1].tick - 1}) }, []string{"a\n", "b\n"}},
		{"c drops b", func() { s.Handle(command{op: "input", data: "c\n"}) }, []string{"a\n", "c\n"}},
		{"reset", func() { s.Handle(command{op: "reset"}) }, []string{}},
	}
	for _, st := range steps {
		st.do()
		follow()
		var got []string
		for _, in := range kept {
			got = append(got, in.Data)
		}
		if fmt.Sprint(got) != fmt.Sprint(st.want) {
			t.Fatalf("after %s the client keeps %q, want %q", st.name, got, st.want)
		}
		if fmt.Sprint(kept) != fmt.Sprint(wireInputs(s.inputs.list)) {
			t.Fatalf("after %s the client keeps %+v, the server %+v", st.name, kept, wireInputs(s.inputs.list))
		}
	}
}
