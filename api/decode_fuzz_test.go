package api

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
)

// FuzzDecode gives the message decoder any bytes, as a client may send:
// the answer is a command or a bad_message error, never a panic. A command
// the decoder accepts, written back as a message, decodes to the same
// message.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"op":"run"}`,
		`{"op":"run","id":7}`,
		`{"op":"step","by":"syscall"}`,
		`{"op":"speed","ticks":100,"interval":50}`,
		`{"op":"seek","tick":120}`,
		`{"op":"input","data":"hello\n"}`,
		`{"op":"eof"}`,
		`{"op":"signal","pid":2,"signal":"SIGTERM"}`,
		`{"op":"interrupt"}`,
		`{"op":"inspect","pid":1}`,
		`{"op":"choose","pid":3}`,
		`{"op":"ack","seq":42}`,
		`{"op":"load","program":{"files":[{"name":"a.c","text":"int main(void){return 0;}"}],"argv":["x"],"settings":{"sched":"rr","quantum":4,"cpus":2}}}`,
		`{"op":"load","program":{"workload":"A 0 cpu 5","settings":{}}}`,
		`{"op":"load","program":{"ostep":{"command":"mlfq","args":"-n 2 -c"}}}`,
		`{"op":"step","by":"tick","extra":1}`,
		`{"op":"seek","tick":-1}`,
		`[1,2]`,
		`null`,
		`{"op":5}`,
		`{"id":"x","op":"run"}`,
	} {
		f.Add([]byte(s))
	}
	l := Limits{}.WithDefaults()
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, bad := decode(raw, l)
		if bad != nil {
			if bad.Code != "bad_message" || bad.Message == "" {
				t.Fatalf("error %+v", bad)
			}
			return
		}
		if _, ok := ops[c.op]; !ok {
			t.Fatalf("accepted unknown op %q", c.op)
		}
		msg := encodeCommand(c)
		again, bad := decode(msg, l)
		if bad != nil {
			t.Fatalf("%s decoded, then written back as %s: %s", raw, msg, bad.Message)
		}
		// Compared as messages: an empty list and none are the same
		// message ("argv":[] and no argv), not the same Go value.
		if msg2 := encodeCommand(again); !bytes.Equal(msg, msg2) {
			t.Fatalf("%s decoded and written back as %s, then as %s", raw, msg, msg2)
		}
	})
}

// encodeCommand writes c back as the message a client would send.
func encodeCommand(c command) []byte {
	m := map[string]any{"op": c.op}
	if c.id != nil {
		m["id"] = *c.id
	}
	switch c.op {
	case "load":
		m["program"] = c.program
	case "step":
		m["by"] = c.by
	case "speed":
		m["ticks"], m["interval"] = c.speed.Ticks, c.speed.Interval
	case "seek":
		m["tick"] = c.tick
	case "input":
		m["data"] = c.data
	case "signal":
		m["pid"], m["signal"] = c.pid, strconv.Itoa(c.signal)
	case "inspect", "choose":
		m["pid"] = c.pid
	case "ack":
		m["seq"] = c.seq
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}
