package api

import (
	"strings"
	"testing"
)

// The log of a run's inputs is bounded in entries and in typed bytes,
// counting only the inputs that stay after a rewind.
func TestInputLogFits(t *testing.T) {
	lim := Limits{MaxInputs: 3, MaxInputBytes: 10, MaxStdin: 1}.WithDefaults()
	typedIn := func(s string) input { return input{op: "input", data: s} }
	for _, tc := range []struct {
		name    string
		log     []input
		applied int
		next    input
		want    bool
	}{
		{"empty", nil, 0, typedIn("0123456789"), true},
		{"bytes full", []input{typedIn("01234")}, 1, typedIn("012345"), false},
		{"bytes exactly", []input{typedIn("01234")}, 1, typedIn("01234"), true},
		{"entries full", []input{{op: "eof"}, {op: "signal"}, {op: "choose"}}, 3, input{op: "eof"}, false},
		{"inputs after a rewind are forgotten", []input{typedIn("0123456789"), typedIn("x")}, 0, typedIn("0123456789"), true},
	} {
		l := inputLog{}
		for _, in := range tc.log {
			l.record(in)
		}
		l.applied = tc.applied
		if got := l.fits(tc.next, lim); got != tc.want {
			t.Errorf("%s: fits %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Typed input beyond what a run keeps is refused with input_limit and
// words saying what to do; the session goes on.
func TestInputFloodIsRefused(t *testing.T) {
	_, srv := server(t, Limits{MaxStdin: 1000, MaxInputBytes: 4000})
	c := dial(t, srv, nil)
	c.next() // hello
	reader := "#include <unistd.h>\nint main(void) { char b[64]; while (read(0, b, sizeof b) > 0) ; return 0; }\n"
	c.send(map[string]any{"op": "load", "program": program("reader.c", reader)})
	c.until("batch", nil)
	line := strings.Repeat("x", 999) + "\n"
	var refused map[string]any
	for i := 0; i < 10 && refused == nil; i++ {
		c.send(map[string]any{"op": "input", "data": line, "id": i})
		for {
			m := c.next()
			if m["type"] == "error" {
				refused = m
				if m["id"] != float64(i) || i != 4 {
					t.Errorf("refused input %v after %d inputs of 1000 bytes, want the fifth", m["id"], i)
				}
				break
			}
			if m["type"] == "batch" {
				break
			}
		}
	}
	if refused == nil || refused["code"] != codeInputLimit || !strings.Contains(refused["message"].(string), "Reset") {
		t.Fatalf("no input_limit: %v", refused)
	}
	// Reset starts the run afresh, with room for input again.
	c.send(map[string]any{"op": "reset"})
	c.until("batch", func(m map[string]any) bool { return m["state"].(map[string]any)["tick"] == float64(0) })
	c.send(map[string]any{"op": "input", "data": line})
	if m := c.next(); m["type"] != "batch" {
		t.Errorf("input after reset: %v", m)
	}
}
