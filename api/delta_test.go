package api

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// mergeState is what a client that takes deltas does with a message's
// state (static/js/delta.js): a whole state replaces the kept one; a
// delta's fields replace the kept ones, those it clears are removed, and
// the per-batch fields are never kept.
func mergeState(kept map[string]any, msg map[string]any) map[string]any {
	st, _ := msg["state"].(map[string]any)
	if msg["delta"] != true || kept == nil {
		return st
	}
	out := map[string]any{}
	for k, v := range kept {
		if !perBatch(k) {
			out[k] = v
		}
	}
	if cl, ok := msg["cleared"].([]any); ok {
		for _, k := range cl {
			delete(out, k.(string))
		}
	}
	for k, v := range st {
		out[k] = v
	}
	return out
}

func decodeMap(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return m
}

// deltaCheck reads what a session sends as a client that took deltas
// would, and compares each message, its state merged, with the whole
// message a client without deltas reads, and with the state built anew,
// none of the session's parts reused (parts.go).
type deltaCheck struct {
	t                    *testing.T
	sock                 *socket
	kept                 map[string]any
	messages, deltas     int
	wholeBytes, wireSize int
	// The values of each part seen last, and how often a part changed
	// from one message to the next.
	last    map[string]string
	changes map[string]int
}

// builtAnew is the state s's machine stands in, built with none of the
// parts the session keeps: what the client must have, but for what
// happened since the last batch (instructions, lostUpdate).
func builtAnew(s *Session) map[string]any {
	parts, watchSent, lostSent := s.parts, s.watchSent, s.lostSent
	s.parts = snapshotParts{}
	st := s.snapshot()
	s.parts, s.watchSent, s.lostSent = parts, watchSent, lostSent
	st.Instructions, st.LostUpdate = nil, nil
	data, err := json.Marshal(st)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	return m
}

func (d *deltaCheck) send(v any) {
	t := d.t
	t.Helper()
	whole, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	wire, err := d.sock.encode(v)
	if err != nil {
		t.Fatal(err)
	}
	defer d.sock.written() // as a write does: its buffer is lent again
	d.messages++
	d.wholeBytes += len(whole)
	d.wireSize += len(wire)
	want, got := decodeMap(t, whole), decodeMap(t, wire)
	if _, ok := got["state"]; !ok {
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("message without state differs:\n got %s\nwant %s", wire, whole)
		}
		return
	}
	if got["delta"] == true {
		d.deltas++
	}
	d.kept = mergeState(d.kept, got)
	got["state"] = d.kept
	delete(got, "delta")
	delete(got, "cleared")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("merged state differs from the whole one:\n got %v\nwant %v\nwire %s", got["state"], want["state"], wire)
	}
	anew := builtAnew(d.sock.s)
	merged := map[string]any{}
	for k, v := range d.kept {
		if !perBatch(k) {
			merged[k] = v
		}
	}
	if !reflect.DeepEqual(merged, anew) {
		for k := range anew {
			if !reflect.DeepEqual(merged[k], anew[k]) {
				t.Errorf("%s: the session sent %v, the machine has %v", k, merged[k], anew[k])
			}
		}
		t.Fatalf("merged state differs from the state built anew:\n got %v\nwant %v", merged, anew)
	}
	if d.last == nil {
		d.last, d.changes = map[string]string{}, map[string]int{}
	}
	for _, k := range []string{"ready", "jobs", "swapped", "devices", "sync", "waits", "ipc", "globals"} {
		v, _ := json.Marshal(anew[k])
		if old, ok := d.last[k]; ok && old != string(v) {
			d.changes[k]++
		}
		d.last[k] = string(v)
	}
}

// TestDeltaMergesToWholeState drives sessions through every example at
// several speeds, with steps, a PCB inspected and let go while running,
// seeks back and input, and checks that a client merging the deltas has,
// after every message, the state a client sent whole states has, and the
// state the machine is in: every part the session keeps from batch to
// batch (parts.go) is sent again when it changes, and only then. Some
// examples run with a job queue and swapping, some with the session
// reusing its slices as a page's does.
func TestDeltaMergesToWholeState(t *testing.T) {
	exs, err := LoadExamples(os.DirFS("../examples"))
	if err != nil {
		t.Fatal(err)
	}
	var progs []Program
	for _, ex := range exs {
		progs = append(progs, ex.Program())
	}
	// A workload whose jobs queue for devices.
	progs = append(progs, Program{Workload: "A 0 5 io:3 2 io:4 3\nB 0 8 io:6 2\nC 1 3 io:printer:6 1 io:printer:2 1\ndevice printer serial\n"})
	total := &deltaCheck{changes: map[string]int{}}
	for i, p := range progs {
		d := &deltaCheck{t: t}
		s := NewSession("test", Limits{}, func(v any) { d.send(v) }, nil, nil)
		d.sock = &socket{s: s}
		s.reuse = i%2 == 1 // the socket encodes each message at once
		if i%3 == 0 {
			p.Settings.Multiprogramming, p.Settings.Resident = 2, 1
		}
		s.Handle(command{op: "delta"})
		s.Handle(command{op: "load", program: &p})
		s.Handle(command{op: "step", by: "event"})
		for _, sp := range []Speed{{Ticks: 10, Interval: 33}, {Ticks: 1000, Interval: 33}, {Ticks: 200_000, Interval: 33}} {
			s.Handle(command{op: "speed", speed: sp})
			s.Handle(command{op: "run"})
			for j := 0; j < 40 && s.Running(); j++ {
				switch j {
				case 5:
					s.Handle(command{op: "inspect", pid: 2 + i%2})
				case 12:
					s.Handle(command{op: "inspect", pid: 0})
				}
				s.Handle(command{op: "ack", seq: s.seq})
				s.Tick(time.Now())
			}
		}
		if s.m != nil {
			s.Handle(command{op: "seek", tick: s.m.Now() / 2})
			s.Handle(command{op: "run"})
			s.Handle(command{op: "ack", seq: s.seq})
			s.Tick(time.Now())
			s.Handle(command{op: "input", data: "hello\n"})
			s.Handle(command{op: "reset"})
		}
		total.messages += d.messages
		total.deltas += d.deltas
		total.wholeBytes += d.wholeBytes
		total.wireSize += d.wireSize
		for k, n := range d.changes {
			total.changes[k] += n
		}
	}
	for _, k := range []string{"ready", "jobs", "swapped", "devices", "sync", "waits", "ipc", "globals"} {
		if total.changes[k] < 3 {
			t.Errorf("%s changed %d times from one message to the next: too few to tell", k, total.changes[k])
		}
	}
	t.Logf("changes of the parts: %v", total.changes)
	if total.deltas < 300 || total.deltas*2 < total.messages {
		t.Fatalf("%d deltas in %d messages: too few to tell", total.deltas, total.messages)
	}
	if total.wireSize >= total.wholeBytes {
		t.Errorf("deltas sent %d bytes, whole states %d", total.wireSize, total.wholeBytes)
	}
	t.Logf("%d messages, %d deltas; %d bytes instead of %d", total.messages, total.deltas, total.wireSize, total.wholeBytes)
}

// TestSessionsLendingBuffersInTurn: sessions that borrow their batches'
// buffers from the same lenders (lend.go), their batches built in turn,
// each send at every message what a client sent whole states reads, and
// the state their machine is in (deltaCheck): no batch sees another's
// buffers, nor its own last one's.
func TestSessionsLendingBuffersInTurn(t *testing.T) {
	exs, err := LoadExamples(os.DirFS("../examples"))
	if err != nil {
		t.Fatal(err)
	}
	messages := 0
	for i := 0; i+1 < len(exs); i += 2 {
		var ss []*Session
		var ds []*deltaCheck
		for _, ex := range exs[i : i+2] {
			p := ex.Program()
			d := &deltaCheck{t: t}
			s := NewSession("test", Limits{}, func(v any) { d.send(v) }, nil, nil)
			d.sock, s.reuse = &socket{s: s}, true
			s.Handle(command{op: "delta"})
			s.Handle(command{op: "load", program: &p})
			ss, ds = append(ss, s), append(ds, d)
		}
		for _, sp := range []Speed{{Ticks: 10, Interval: 33}, {Ticks: 1000, Interval: 33}} {
			for _, s := range ss {
				s.Handle(command{op: "speed", speed: sp})
				s.Handle(command{op: "run"})
			}
			for j := 0; j < 30; j++ {
				for k, s := range ss {
					if j == 7 {
						s.Handle(command{op: "inspect", pid: 2 + k})
					}
					if s.Running() {
						s.Handle(command{op: "ack", seq: s.seq})
						s.Tick(time.Now())
					}
				}
			}
		}
		for _, d := range ds {
			messages += d.messages
		}
	}
	if messages < 200 {
		t.Fatalf("%d messages: too few to tell", messages)
	}
}

// TestDeltaWithHostileAcks: over a WebSocket, a client that takes deltas
// and acknowledges batches out of order, twice, in advance, with numbers
// never sent or below zero, still merges every batch into the state the
// server has: the events it counts are the events it was sent, and once
// paused its merged state is the whole state the server sends next.
func TestDeltaWithHostileAcks(t *testing.T) {
	_, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	if h := c.next(); h["minor"] != float64(Minor) || Minor < 6 {
		t.Fatalf("hello %v", h)
	}
	c.send(map[string]any{"op": "delta"})
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "two.c", Text: twoLoops}}}})
	var kept map[string]any
	last := int64(-1)
	next := func() map[string]any {
		m := c.next()
		if m["type"] != "batch" {
			t.Fatalf("message %v", m)
		}
		kept = mergeState(kept, m)
		for _, e := range m["events"].([]any) {
			n := int64(e.(map[string]any)["n"].(float64))
			if n != last+1 {
				t.Fatalf("event %d after %d", n, last)
			}
			last = n
		}
		if events := int64(kept["events"].(float64)); events != last+1 {
			t.Fatalf("batch %v: merged state counts %d events, %d came", m["seq"], events, last+1)
		}
		return m
	}
	next() // the load's batch
	c.send(map[string]any{"op": "run"})
	deltas := 0
	for i := 0; deltas < 30; i++ {
		m := next()
		if m["delta"] == true {
			deltas++
		}
		seq := int64(m["seq"].(float64))
		switch i % 5 {
		case 0:
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq+1) + `}`) // before it comes
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
		case 1:
			c.sendRaw(`{"op":"ack","seq":-4}`)
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
		case 2:
			c.sendRaw(`{"op":"ack","seq":1099511627776}`)
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
		case 3:
			c.sendRaw(`{"op":"ack","seq":1}`) // long past
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
		default:
			c.sendRaw(`{"op":"ack","seq":` + itoa(seq) + `}`)
			c.sendRaw(`{"op":"ack","seq":0}`)
		}
	}
	c.send(map[string]any{"op": "pause"})
	for {
		if next(); kept["running"] == false {
			break
		}
	}
	c.send(map[string]any{"op": "inspect", "pid": 0}) // answered by a whole state
	whole := c.next()
	if whole["delta"] == true {
		t.Fatalf("the batch after a pause is a delta: %v", whole)
	}
	want := whole["state"].(map[string]any)
	for _, k := range []string{"instructions", "lostUpdate"} {
		delete(want, k)
		delete(kept, k)
	}
	if !reflect.DeepEqual(kept, want) {
		t.Fatalf("merged state\n%v\nwhole state\n%v", kept, want)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// twoLoops runs for ever: two processes that compute and print.
const twoLoops = `#include <stdio.h>
#include <unistd.h>
int main(void) { int n = 0; fork(); for (;;) { for (int i = 0; i < 200; i++) ; printf("%d: %d\n", getpid(), n++); } }`

// TestWholeStateOfABase: the first state a base writes (or the first
// after it forgets) is the whole state, byte for byte as appendSnapshot
// writes it, the fields of the batch only (never kept in the base)
// included; the next, the same state again, is an empty delta but for
// those.
func TestWholeStateOfABase(t *testing.T) {
	st := Snapshot{Status: "running", Tick: 9, Procs: []Proc{{PID: 2, Name: "a"}}, CPUs: []CPU{{}}, Ready: [][]int{{3}},
		Jobs: []int{}, Swapped: []int{}, Devices: []Device{{Name: "disk", Queue: []int{}}}, Program: "a.c",
		Instructions: []Instr{{Seq: 4, Op: "st32", Store: true, Var: "n"}, {Seq: 5, Op: "ret"}},
		LostUpdate:   &LostUpdate{Count: 1, Instructions: []Instr{{Seq: 3, Lost: &LostInfo{Load: 1, Overwritten: 2, Other: 4}}}},
		Globals:      []GlobalVar{{PID: 2, Var: "n", Value: 1}}}
	var d stateBase
	for round := 0; round < 2; round++ {
		got, delta, cleared := d.appendState(nil, &st)
		if want := appendSnapshot(nil, &st); delta || cleared != nil || string(got) != string(want) {
			t.Fatalf("round %d: the base's first state (delta %v, cleared %v)\n%s\nwant\n%s", round, delta, cleared, got, want)
		}
		got, delta, _ = d.appendState(nil, &st)
		want := `{"instructions":` + string(appendInstrs(nil, st.Instructions)) + `,"lostUpdate":` + string(appendLostUpdate(nil, st.LostUpdate)) + `}`
		if !delta || string(got) != want {
			t.Fatalf("round %d: the same state again (delta %v)\n%s\nwant\n%s", round, delta, got, want)
		}
		d.forget()
	}
}
