package api

import (
	"strconv"
	"testing"
	"time"
)

// BenchmarkSessionBatch is the server's work for one batch of a running
// session at the default speed, as the socket does it: decode the
// client's acknowledgement, advance the machine, take the snapshot, encode
// the message (the state as a delta, as to the page).
func BenchmarkSessionBatch(b *testing.B) {
	src := `#include <stdio.h>
#include <unistd.h>
int main(void) { int n = 0; fork(); for (;;) { for (int i = 0; i < 2000; i++) ; printf("%d: %d\n", getpid(), n++); } }`
	bytes := 0
	var sock socket
	s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {
		data, _ := sock.encode(v)
		bytes += len(data)
	}, nil, nil)
	sock.s, s.reuse, s.deltas = s, true, true // as a page's session
	lim := s.lim
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
	s.Handle(command{op: "run"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, bad := decode([]byte(`{"op":"ack","seq":`+strconv.FormatInt(s.seq, 10)+`}`), lim)
		if bad != nil {
			b.Fatal(bad.Message)
		}
		s.Handle(c)
		s.Tick(time.Now())
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/batch")
}

// BenchmarkRunFirstBatch is the server's work to answer Run in a session
// whose program is loaded and paused at tick 0, as when a class presses
// Run together: the first interval, and its batch with the whole state.
func BenchmarkRunFirstBatch(b *testing.B) {
	src := `#include <stdio.h>
#include <unistd.h>
int main(void) { int n = 0; fork(); for (;;) { for (int i = 0; i < 2000; i++) ; printf("%d: %d\n", getpid(), n++); } }`
	bytes, sent := 0, 0
	b.StopTimer()
	for range b.N {
		var sock socket
		s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {
			data, _ := sock.encode(v)
			bytes += len(data)
		}, nil, nil)
		sock.s, s.reuse, s.deltas = s, true, true // as a page's session
		s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
		loaded := bytes
		b.StartTimer()
		s.Handle(command{op: "run"})
		b.StopTimer()
		sent += bytes - loaded
	}
	b.ReportMetric(float64(sent)/float64(b.N), "bytes/run")
}
