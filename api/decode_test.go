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

// An acknowledgement read the quick way is the one the general way reads,
// and whatever the quick way does not take goes the general way.
func TestDecodePlainAck(t *testing.T) {
	l := Limits{}.WithDefaults()
	for _, raw := range []string{
		`{"op":"ack","seq":0}`, `{"op":"ack","seq":7}`, `{"op":"ack","seq":123456789012345678}`,
		`{"op":"ack","seq":9223372036854775807}`, `{"op":"ack","seq":-3}`, `{"op":"ack","seq":07}`,
		`{"op":"ack","seq":1.5}`, `{"op":"ack","seq":}`, `{"op":"ack","seq":"4"}`, `{"op":"ack","seq":4,"x":1}`,
		`{"op":"ack", "seq":4}`, `{"seq":4,"op":"ack"}`, `{"op":"ack","seq":4}x`, `{"op":"ack","seq":1e3}`,
	} {
		quick, qbad := decode([]byte(raw), l)
		slow, sbad := decodeJSON([]byte(raw), l)
		if (qbad == nil) != (sbad == nil) || qbad != nil && qbad.Message != sbad.Message {
			t.Errorf("%s: quick way %+v, general way %+v", raw, qbad, sbad)
			continue
		}
		if quick.op != slow.op || quick.seq != slow.seq || quick.id != nil || slow.id != nil {
			t.Errorf("%s: quick way %+v, general way %+v", raw, quick, slow)
		}
	}
}
