package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"osplay/kernel"
)

// command is one validated client message.
type command struct {
	op      string
	id      *int64
	program *Program // load
	by      string   // step
	speed   Speed    // speed
	tick    int64    // seek; run: the tick to pause at (0: none)
	data    string   // input
	pid     int      // signal, inspect
	signal  int      // signal
	seq     int64    // ack
	resume  *resumption
}

// resumption is a validated resume: a session to rebuild by replay.
type resumption struct {
	program *Program
	inputs  []input
	tick    int64 // replay to this tick
	events  int64 // send the events numbered from this one
	horizon int64
	speed   *Speed
	running bool
	inspect int
}

// ops lists each op with the struct its fields decode into.
var ops = map[string]func() any{
	"load":      func() any { return &loadMsg{} },
	"run":       func() any { return &runMsg{} },
	"pause":     func() any { return &emptyMsg{} },
	"step":      func() any { return &stepMsg{} },
	"speed":     func() any { return &speedMsg{} },
	"reset":     func() any { return &emptyMsg{} },
	"seek":      func() any { return &seekMsg{} },
	"input":     func() any { return &inputMsg{} },
	"eof":       func() any { return &emptyMsg{} },
	"signal":    func() any { return &signalMsg{} },
	"interrupt": func() any { return &emptyMsg{} },
	"inspect":   func() any { return &inspectMsg{} },
	"choose":    func() any { return &chooseMsg{} },
	"ack":       func() any { return &ackMsg{} },
	"resume":    func() any { return &resumeMsg{} },
	"delta":     func() any { return &emptyMsg{} },
}

func opNames() string {
	names := make([]string, 0, len(ops))
	for n := range ops {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// decode validates one client message. The error is the message to send
// back; the connection stays open.
func decode(raw []byte, l Limits) (command, *Error) {
	if seq, ok := plainAck(raw); ok {
		return command{op: "ack", seq: seq}, nil
	}
	return decodeJSON(raw, l)
}

// decodeJSON is decode the general way.
func decodeJSON(raw []byte, l Limits) (command, *Error) {
	var c command
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil || env == nil {
		return c, badMessage(nil, "a message must be one JSON object, as {\"op\":\"run\"}")
	}
	if idRaw, ok := env["id"]; ok {
		var id int64
		if err := json.Unmarshal(idRaw, &id); err != nil {
			return c, badMessage(nil, "id must be a number")
		}
		c.id = &id
		delete(env, "id")
	}
	opRaw, ok := env["op"]
	if !ok {
		return c, badMessage(c.id, "the message has no op; ops are "+opNames())
	}
	if err := json.Unmarshal(opRaw, &c.op); err != nil {
		return c, badMessage(c.id, "op must be a string")
	}
	mk, ok := ops[c.op]
	if !ok {
		return c, badMessage(c.id, fmt.Sprintf("unknown op %q; ops are %s", c.op, opNames()))
	}
	delete(env, "op")
	body, _ := json.Marshal(env)
	v := mk()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return c, badMessage(c.id, fmt.Sprintf("%s: %s", c.op, fieldError(err)))
	}
	if msg := c.fill(v, l); msg != "" {
		return c, badMessage(c.id, c.op+": "+msg)
	}
	return c, nil
}

// plainAck reads an acknowledgement written as every client writes it,
// {"op":"ack","seq":N} with N a plain number, without encoding/json: a
// running session receives one per batch. Anything else (spaces, another
// order, an id, a number out of range) goes the general way.
func plainAck(raw []byte) (int64, bool) {
	const head, tail = `{"op":"ack","seq":`, `}`
	digits, ok := bytes.CutPrefix(raw, []byte(head))
	if !ok {
		return 0, false
	}
	digits, ok = bytes.CutSuffix(digits, []byte(tail))
	if !ok || len(digits) == 0 || len(digits) > 18 || digits[0] == '0' && len(digits) > 1 {
		return 0, false
	}
	var n int64
	for _, d := range digits {
		if d < '0' || d > '9' {
			return 0, false
		}
		n = n*10 + int64(d-'0')
	}
	return n, true
}

// fieldError rewords a decoding error for people.
func fieldError(err error) string {
	s := err.Error()
	if f, ok := strings.CutPrefix(s, "json: unknown field "); ok {
		return "unknown field " + f
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := "a " + te.Type.Kind().String()
		switch te.Type.Kind() {
		case reflect.Int, reflect.Int64:
			want = "a whole number"
		case reflect.String:
			want = "a string"
		case reflect.Bool:
			want = "true or false"
		case reflect.Slice:
			want = "a list"
		case reflect.Struct, reflect.Pointer:
			want = "an object"
		}
		return fmt.Sprintf("field %s must be %s, not %s", te.Field, want, te.Value)
	}
	return strings.TrimPrefix(s, "json: ")
}

// fill checks the op's fields and copies them into c; it returns what is
// wrong, or "".
func (c *command) fill(v any, l Limits) string {
	switch m := v.(type) {
	case *loadMsg:
		if m.Program == nil {
			return "missing program"
		}
		if err := m.Program.check(l); err != nil {
			return err.Error()
		}
		c.program = m.Program
	case *stepMsg:
		if !slices.Contains([]string{"tick", "event", "syscall"}, m.By) {
			return `by must be "tick", "event" or "syscall"`
		}
		c.by = m.By
	case *speedMsg:
		if m.Ticks < 1 || m.Ticks > 1_000_000 {
			return "ticks must be 1 to 1000000"
		}
		if m.Interval != 0 && (m.Interval < 33 || m.Interval > 2000) {
			return "interval must be 33 to 2000 milliseconds"
		}
		c.speed = Speed{Ticks: m.Ticks, Interval: m.Interval}
	case *runMsg:
		if m.Until != nil {
			if *m.Until < 1 {
				return "until must be a tick ≥ 1"
			}
			c.tick = *m.Until
		}
	case *seekMsg:
		if m.Tick == nil || *m.Tick < 0 {
			return "tick must be a number ≥ 0"
		}
		c.tick = *m.Tick
	case *inputMsg:
		if m.Data == nil {
			return "missing data"
		}
		if len(*m.Data) > l.MaxStdin {
			return fmt.Sprintf("input too long (at most %d bytes)", l.MaxStdin)
		}
		c.data = *m.Data
	case *signalMsg:
		sig := kernel.SignalNumber(m.Signal)
		if sig == 0 {
			return fmt.Sprintf("unknown signal %q (as SIGTERM or 15)", m.Signal)
		}
		if m.PID < 1 {
			return "pid must be a process id ≥ 1"
		}
		c.pid, c.signal = m.PID, sig
	case *inspectMsg:
		if m.PID < 0 {
			return "pid must be ≥ 0"
		}
		c.pid = m.PID
	case *chooseMsg:
		if m.PID < 1 {
			return "pid must be a process id ≥ 1"
		}
		c.pid = m.PID
	case *ackMsg:
		c.seq = m.Seq
	case *resumeMsg:
		r, msg := checkResume(m, l)
		if msg != "" {
			return msg
		}
		c.resume = r
	}
	return ""
}

// checkResume validates a resume as untrusted: the client may have made
// up any of it. The program is checked as a load's, each input as if it
// were typed now, and the log is held to the limits of a live run, so a
// forged log is no more than another session's input.
func checkResume(m *resumeMsg, l Limits) (*resumption, string) {
	if m.Program == nil {
		return nil, "missing program"
	}
	if err := m.Program.check(l); err != nil {
		return nil, err.Error()
	}
	if m.Tick == nil || *m.Tick < 0 || *m.Tick > l.MaxTicks {
		return nil, fmt.Sprintf("tick must be 0 to %d", l.MaxTicks)
	}
	if m.Events == nil || *m.Events < 0 {
		return nil, "events must be a number ≥ 0"
	}
	if m.Horizon < 0 || m.Inspect < 0 {
		return nil, "horizon and inspect must be ≥ 0"
	}
	if m.Speed != nil {
		if m.Speed.Ticks < 1 || m.Speed.Ticks > 1_000_000 || m.Speed.Interval < 33 || m.Speed.Interval > 2000 {
			return nil, "speed: ticks must be 1 to 1000000 and interval 33 to 2000 milliseconds"
		}
	}
	if len(m.Inputs) > l.MaxInputs {
		return nil, fmt.Sprintf("%d inputs: a run keeps at most %d", len(m.Inputs), l.MaxInputs)
	}
	r := &resumption{program: m.Program, tick: *m.Tick, events: *m.Events,
		horizon: min(max(m.Horizon, *m.Tick), l.MaxTicks), speed: m.Speed, running: m.Running, inspect: m.Inspect,
		inputs: make([]input, 0, len(m.Inputs))}
	bytes, last := 0, int64(0)
	for i, w := range m.Inputs {
		if msg := checkLogged(w, l); msg != "" {
			return nil, fmt.Sprintf("input %d: %s", i, msg)
		}
		if w.Tick < last || w.Tick > l.MaxTicks {
			return nil, fmt.Sprintf("input %d: ticks must not go back and stay within %d", i, l.MaxTicks)
		}
		last = w.Tick
		bytes += len(w.Data)
		if bytes > l.MaxInputBytes {
			return nil, fmt.Sprintf("the inputs hold more than %d bytes", l.MaxInputBytes)
		}
		r.inputs = append(r.inputs, input{tick: w.Tick, op: w.Op, data: w.Data, pid: w.PID, signal: w.Signal})
	}
	return r, ""
}

// checkLogged checks one logged input as the op that gave it was checked.
func checkLogged(w LoggedInput, l Limits) string {
	if w.Op != "input" && w.Data != "" {
		return "only input has data"
	}
	if w.Op != "signal" && w.Signal != 0 {
		return "only signal has a signal"
	}
	switch w.Op {
	case "input":
		if len(w.Data) > l.MaxStdin {
			return fmt.Sprintf("input too long (at most %d bytes)", l.MaxStdin)
		}
	case "eof", "interrupt":
	case "signal":
		if kernel.SignalNumber(strconv.Itoa(w.Signal)) != w.Signal || w.Signal == 0 {
			return fmt.Sprintf("unknown signal %d", w.Signal)
		}
	case "choose":
	default:
		return fmt.Sprintf("unknown input op %q", w.Op)
	}
	if (w.Op == "signal" || w.Op == "choose") != (w.PID >= 1) {
		return "pid must be a process id ≥ 1 for signal and choose, absent otherwise"
	}
	return ""
}

func badMessage(id *int64, msg string) *Error {
	return &Error{Type: "error", Code: "bad_message", Message: msg, ID: id}
}
