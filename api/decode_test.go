package api

import (
	"strings"
	"testing"
)

// Signals are read as kill(1) reads them.
func TestDecodeSignal(t *testing.T) {
	l := Limits{}.WithDefaults()
	for _, tc := range []struct {
		signal string
		want   int // 0: refused
	}{
		{"SIGTERM", 15}, {"TERM", 15}, {"sigint", 2}, {" kill ", 9}, {"15", 15}, {"SIGCHLD", 17},
		{"SIGIOT", 6}, {"SIGRTMIN+1", 35}, {"SIGWHAT", 0}, {"0", 0}, {"", 0}, {"65", 0},
	} {
		c, bad := decode([]byte(`{"op":"signal","pid":2,"signal":"`+tc.signal+`"}`), l)
		switch {
		case tc.want == 0 && (bad == nil || !strings.Contains(bad.Message, "unknown signal")):
			t.Errorf("%q: accepted as %d, want refused", tc.signal, c.signal)
		case tc.want != 0 && bad != nil:
			t.Errorf("%q: %s, want %d", tc.signal, bad.Message, tc.want)
		case tc.want != 0 && c.signal != tc.want:
			t.Errorf("%q: %d, want %d", tc.signal, c.signal, tc.want)
		}
	}
}
