package api

import (
	"encoding/json"
	"testing"
	"time"
)

// BenchmarkSessionBatch is the server's work for one batch of a running
// session at the default speed: advance the machine, take the snapshot,
// encode the message.
func BenchmarkSessionBatch(b *testing.B) {
	src := `#include <stdio.h>
#include <unistd.h>
int main(void) { int n = 0; fork(); for (;;) { for (int i = 0; i < 2000; i++) ; printf("%d: %d\n", getpid(), n++); } }`
	bytes := 0
	s := NewSession("bench", Limits{MaxTicks: 1 << 40}, func(v any) {
		data, _ := json.Marshal(v)
		bytes += len(data)
	}, nil, nil)
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "two.c", Text: src}}}})
	s.Handle(command{op: "run"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Handle(command{op: "ack", seq: s.seq})
		s.Tick(time.Now())
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/batch")
}
