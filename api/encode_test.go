package api

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// sameAsJSON fails unless the batch encoder writes b exactly as
// encoding/json does.
func sameAsJSON(t *testing.T, what string, b Batch) {
	t.Helper()
	want, err := json.Marshal(b)
	if err != nil {
		t.Fatalf("%s: encoding/json: %v", what, err)
	}
	got := appendBatch(nil, &b)
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(0, i-80)
		t.Fatalf("%s, batch %d: the encoder differs from encoding/json at byte %d:\n got …%s\nwant …%s",
			what, b.Seq, i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
	}
}

// TestEncoderWritesWhatJSONWrites drives sessions through every example
// at several speeds, with steps, a watched PCB and rewinds, and compares
// each batch the encoder writes with encoding/json's bytes.
func TestEncoderWritesWhatJSONWrites(t *testing.T) {
	exs, err := LoadExamples(os.DirFS("../examples"))
	if err != nil {
		t.Fatal(err)
	}
	batches := 0
	for i, ex := range exs {
		p := ex.Program()
		s, r := newTestSession()
		s.Handle(command{op: "load", program: &p})
		s.Handle(command{op: "inspect", pid: 2 + i%2})
		for _, by := range []string{"tick", "event", "syscall", "event"} {
			s.Handle(command{op: "step", by: by})
		}
		for _, sp := range []Speed{{Ticks: 10, Interval: 33}, {Ticks: 1000, Interval: 33}, {Ticks: 200_000, Interval: 33}} {
			s.Handle(command{op: "speed", speed: sp})
			s.Handle(command{op: "run"})
			for j := 0; j < 40 && s.Running(); j++ {
				s.Handle(command{op: "ack", seq: s.seq})
				s.Tick(time.Now())
			}
		}
		if s.m != nil {
			s.Handle(command{op: "seek", tick: s.m.Now() / 2})
			s.Handle(command{op: "step", by: "event"})
			s.Handle(command{op: "input", data: "hello <&> \"é\" \xff\n"})
		}
		for _, b := range r.batches() {
			sameAsJSON(t, ex.Name, b)
			batches++
		}
	}
	if batches < 500 {
		t.Fatalf("compared %d batches only", batches)
	}
}

// TestEncoderEscapes compares strings encoding/json escapes: quotes,
// backslashes, HTML, control characters, invalid UTF-8, U+2028.
func TestEncoderEscapes(t *testing.T) {
	for _, s := range []string{"", "plain", `"q"`, `a\b`, "<script>&", "tab\tnl\n\x01\x7f", "é한글", "bad \xff\xfe", "\u2028\u2029", "\x00"} {
		b := Batch{Type: "batch", Events: []Event{{Kind: "output", Data: s, Name: s, Argv: []string{s, "x"},
			CauseText: &Text{Code: "c", Args: map[string]any{"z": s, "a": int64(-3), "task": Task{PID: 4, TID: 5}, "t": &Text{Code: s}, "f": 1.5e-7}}}},
			State: Snapshot{Status: s, Program: s, IPCMore: 3, Procs: []Proc{{Name: s, Threads: []ThreadState{{WaitVar: s}}}},
				Devices: []Device{{Name: s}}, Instructions: []Instr{{Var: s, Lost: &LostInfo{Other: 3}}},
				LostUpdate: &LostUpdate{Count: 1}, HaltText: &Text{Code: s},
				Sync:    []SyncObject{{PID: 2, Kind: s, Addr: 1 << 63, Var: s, Name: s, Owner: 3, Value: -1, Arrived: 2, Count: 4, Waiters: []int{5}}, {Kind: "k"}},
				Waits:   []WaitEdge{{PID: 2, TID: 3, Kind: s, Addr: 7, Var: s, Holder: 4, File: s, Line: 9, Text: &Text{Code: s}}, {Kind: "k"}},
				Globals: []GlobalVar{{PID: 2, Var: s, Value: -7}, {}}, Asking: []Ask{{CPU: 1, Ready: []int{2, 3}}, {}}},
			Log: &LogChange{Inputs: []LoggedInput{{Data: s}}}, Thinned: &TickRange{From: 5, To: 9}}
		sameAsJSON(t, "escape "+s, b)
	}
}

// TestEncoderFields fails when a field is added to a type the encoder
// writes by hand without being added to encode.go.
func TestEncoderFields(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields int
	}{
		{Batch{}, 11}, {Event{}, 30}, {Snapshot{}, 27}, {Speed{}, 2}, {Proc{}, 11}, {ThreadState{}, 10},
		{CPU{}, 6}, {Device{}, 3}, {Instr{}, 18}, {LostInfo{}, 3}, {LostUpdate{}, 2}, {Text{}, 3}, {Task{}, 2}, {TickRange{}, 2},
		{SyncObject{}, 10}, {WaitEdge{}, 9}, {GlobalVar{}, 3}, {Ask{}, 2},
	} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.fields {
			t.Errorf("%T has %d fields, encode.go writes %d: write the new ones there (and here)", c.v, n, c.fields)
		}
	}
}

// TestHeldBatchesCoalesce: while the client has not acknowledged the last
// batch, the intervals computed are held and go out as one batch — when
// the ack comes, or after maxHeld intervals — and the session stops
// computing once window batches are unacknowledged, however slow the
// reader. The stream of events and instructions is the one a client that
// acknowledges every batch at once receives.
func TestHeldBatchesCoalesce(t *testing.T) {
	prompt, r1 := newTestSession()
	slow, r2 := newTestSession()
	for _, s := range []*Session{prompt, slow} {
		s.Handle(command{op: "load", program: example(t, "nfork")})
		s.Handle(command{op: "run"})
	}
	if b := r2.last(); len(b.Events) == 0 || b.State.Tick == 0 {
		t.Fatalf("Run's answer carries no events: tick %d, %d events", b.State.Tick, len(b.Events))
	}
	runToEnd(t, prompt, r1)

	// The slow reader acknowledges nothing at first.
	sent := len(r2.batches())
	start := time.Now()
	for i := 1; i <= maxHeld; i++ {
		slow.Tick(start.Add(time.Duration(i) * time.Millisecond))
	}
	if n := len(r2.batches()); n != sent {
		t.Fatalf("%d batches sent while the client was behind, want them held", n-sent)
	}
	slow.Tick(start.Add(time.Second))
	b := r2.last()
	if len(r2.batches()) != sent+1 || b.Sent != start.Add(time.Millisecond).UnixMicro() {
		t.Fatalf("after %d intervals held: %d batches, due %d; want one, due with the first held", maxHeld, len(r2.batches())-sent, b.Sent)
	}
	if slow.Wants() {
		t.Fatalf("the session computes with %d batches unacknowledged", slow.seq-slow.acked)
	}
	for i := 0; i < 5; i++ {
		slow.Tick(time.Now()) // the pacing timer may fire: nothing happens
	}
	if len(r2.batches()) != sent+1 {
		t.Fatalf("a reader that acknowledges nothing got %d batches", len(r2.batches())-sent)
	}
	// The ack of the last batch sends what was held at once.
	slow.Handle(command{op: "ack", seq: slow.seq - 1})
	slow.Tick(time.Now())
	n := len(r2.batches())
	slow.Handle(command{op: "ack", seq: slow.seq})
	if len(r2.batches()) != n+1 {
		t.Fatalf("the ack did not send the batch held for it")
	}
	// Then irregularly, to the end.
	for i := 0; slow.Running() && i < 100000; i++ {
		if i%3 == 0 {
			slow.Handle(command{op: "ack", seq: slow.seq})
		}
		slow.Tick(time.Now())
	}
	if len(r2.batches()) >= len(r1.batches()) {
		t.Errorf("the slow reader got %d batches, the prompt one %d: nothing coalesced", len(r2.batches()), len(r1.batches()))
	}
	if a, b := r1.events(), r2.events(); !reflect.DeepEqual(a, b) {
		t.Errorf("the event streams differ: %d and %d events", len(a), len(b))
	}
	instrs := func(r *recorder) (out []Instr) {
		for _, b := range r.batches() {
			out = append(out, b.State.Instructions...)
		}
		return out
	}
	if a, b := instrs(r1), instrs(r2); !reflect.DeepEqual(a, b) {
		t.Errorf("the instructions differ: %d and %d", len(a), len(b))
	}
	a, z := r1.last().State, r2.last().State
	a.Instructions, z.Instructions = nil, nil // compared above, as a stream
	if a.Status != StatusDone || !reflect.DeepEqual(a, z) {
		t.Errorf("the last snapshots differ:\n%+v\n%+v", a, z)
	}
}

// TestHugeBatchLeavesNoBuffer: the bytes of a written batch go back to
// be lent again (lend.go) only while small; after a crowded batch (here
// 20,000 events and 32 processes of 64 threads) none of its size is kept,
// and a socket keeps no base of that size for its deltas.
func TestHugeBatchLeavesNoBuffer(t *testing.T) {
	keptAtMost := func(what string) {
		t.Helper()
		encodedBuffers.mu.Lock()
		defer encodedBuffers.mu.Unlock()
		for _, b := range encodedBuffers.free {
			if cap(b) > lendsAtMost || len(b) != 0 {
				t.Errorf("%s: a buffer of %d bytes (%d used) is kept to lend", what, cap(b), len(b))
			}
		}
	}
	c := &socket{}
	small := Batch{Type: "batch", Seq: 1, Events: []Event{{Kind: "output", Data: "hi\n"}}, State: Snapshot{Status: StatusRunning, Running: true}}
	c.encodeBatch(&small)
	lent := c.lent
	c.written()
	if cap(lent) == 0 || c.lent != nil {
		t.Fatalf("the small batch was encoded in %d lent bytes, %d still held after it was written", cap(lent), cap(c.lent))
	}
	if again := encodedBuffers.borrow(); cap(again) == 0 || len(again) != 0 || slices.ContainsFunc(again[:cap(again)], func(b byte) bool { return b != 0 }) {
		t.Errorf("the buffer given back is lent again as %d bytes of %d, not emptied and zeroed", len(again), cap(again))
	} else {
		encodedBuffers.giveBack(again)
	}
	huge := Batch{Type: "batch", Seq: 2, Events: make([]Event, 20000)}
	for i := range huge.Events {
		huge.Events[i] = Event{N: int64(i), Kind: "output", Data: strings.Repeat("x", 100)}
	}
	for pid := 1; pid <= 32; pid++ {
		p := Proc{PID: pid, Name: "p", State: "ready"}
		for tid := 0; tid < 64; tid++ {
			p.Threads = append(p.Threads, ThreadState{TID: pid*100 + tid, State: "ready"})
		}
		huge.State.Procs = append(huge.State.Procs, p)
	}
	data := c.encodeBatch(&huge)
	if len(data) < 2<<20 {
		t.Fatalf("the huge batch is %d bytes", len(data))
	}
	sameAsJSON(t, "huge", huge)
	c.written()
	keptAtMost("after a huge batch")
	if got := c.encodeBatch(&small); !bytes.Equal(got, appendBatch(nil, &small)) {
		t.Errorf("the next small batch is %q", got)
	}
	c.written()
	keptAtMost("after the next small one")
	paused := small
	paused.State.Running = false
	// A client that takes deltas: the base of the comparison is let go
	// after a huge batch, and when the session pauses.
	d := &socket{s: &Session{deltas: true}}
	d.encodeBatch(&small)
	if d.base == nil || !d.base.valid {
		t.Fatalf("no base after a small batch")
	}
	d.encodeBatch(&huge)
	if d.base.valid || d.base.prev != nil || d.base.cur != nil {
		t.Errorf("the socket keeps a base of %d bytes after a huge batch", cap(d.base.prev)+cap(d.base.cur))
	}
	d.encodeBatch(&small)
	if d.encodeBatch(&paused); d.base.valid || d.base.prev != nil {
		t.Errorf("a paused session keeps a base of %d bytes", cap(d.base.prev))
	}
}

// TestLateIntervalsCoalesce: when the server is behind — each interval's
// timer fires well after it was due — a session whose client acknowledges
// every batch at once still sends two intervals a batch, and the stream of
// events is the one of a session on time.
func TestLateIntervalsCoalesce(t *testing.T) {
	onTime, r1 := newTestSession()
	late, r2 := newTestSession()
	const intervals = 100
	for _, s := range []*Session{onTime, late} {
		s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: twoLoops}}}})
		s.Handle(command{op: "run"})
		sent := len(r2.batches())
		for i := 0; i < intervals; i++ {
			s.Handle(command{op: "ack", seq: s.seq})
			due := time.Now()
			if s == late {
				due = due.Add(-s.Interval())
			}
			s.Tick(due)
		}
		if s == late {
			if n := len(r2.batches()) - sent; n > intervals/2+1 {
				t.Errorf("%d batches for %d late intervals: nothing coalesced", n, intervals)
			}
		}
		s.Handle(command{op: "pause"})
	}
	if len(r1.batches()) < intervals {
		t.Fatalf("%d batches on time", len(r1.batches()))
	}
	if a, b := r1.events(), r2.events(); len(a) < intervals || !reflect.DeepEqual(a, b) {
		t.Errorf("the event streams differ: %d and %d events", len(a), len(b))
	}
	if a, z := r1.last().State, r2.last().State; a.Tick != z.Tick || a.Events != z.Events {
		t.Errorf("the last snapshots differ: tick %d and %d, %d and %d events", a.Tick, z.Tick, a.Events, z.Events)
	}
}

// BenchmarkEncodeInstructions is the encoder's work for the watched
// instructions of a batch at the default speed: about ten, most of a
// batch's bytes.
func BenchmarkEncodeInstructions(b *testing.B) {
	in := []Instr{
		{Seq: 4121, Tick: 90311, PID: 2, TID: 2, Func: "main", File: "two.c", Line: 3, Op: "ldi32", Addr: 1<<46 - 52, Var: "i", Size: 4, Value: 1234},
		{Seq: 4122, Tick: 90312, PID: 2, TID: 2, Func: "main", File: "two.c", Line: 3, Op: "const", B: 2000, Value: 2000},
		{Seq: 4123, Tick: 90313, PID: 2, TID: 2, Func: "main", File: "two.c", Line: 3, Op: "jge", A: 17, Value: 0},
		{Seq: 4124, Tick: 90314, PID: 2, TID: 2, Func: "main", File: "two.c", Line: 3, Op: "addi32", B: 1, Value: 1235},
		{Seq: 4125, Tick: 90315, PID: 2, TID: 2, Func: "main", File: "two.c", Line: 3, Op: "st32", Addr: 1<<46 - 52, Var: "i", Size: 4, Store: true, Value: 1235},
	}
	in = append(in, in...)
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = appendInstrs(buf[:0], in)
	}
	b.SetBytes(int64(len(buf)))
}
