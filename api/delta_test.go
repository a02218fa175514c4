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
// message a client without deltas reads.
type deltaCheck struct {
	t                    *testing.T
	sock                 *socket
	kept                 map[string]any
	messages, deltas     int
	wholeBytes, wireSize int
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
}

// TestDeltaMergesToWholeState drives sessions through every example at
// several speeds, with steps, a PCB inspected and let go while running,
// seeks back and input, and checks that a client merging the deltas has,
// after every message, the state a client sent whole states has.
func TestDeltaMergesToWholeState(t *testing.T) {
	exs, err := LoadExamples(os.DirFS("../examples"))
	if err != nil {
		t.Fatal(err)
	}
	total := &deltaCheck{}
	for i, ex := range exs {
		d := &deltaCheck{t: t}
		s := NewSession("test", Limits{}, func(v any) { d.send(v) }, nil, nil)
		d.sock = &socket{s: s}
		p := ex.Program()
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
	}
	if total.deltas < 300 || total.deltas*2 < total.messages {
		t.Fatalf("%d deltas in %d messages: too few to tell", total.deltas, total.messages)
	}
	if total.wireSize >= total.wholeBytes {
		t.Errorf("deltas sent %d bytes, whole states %d", total.wireSize, total.wholeBytes)
	}
	t.Logf("%d messages, %d deltas; %d bytes instead of %d", total.messages, total.deltas, total.wireSize, total.wholeBytes)
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
