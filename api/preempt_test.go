package api

import (
	"testing"
	"time"
)

// Pause takes effect within 100 ms at any speed, whatever the program
// computes: the socket's reader interrupts the machine in the middle of a
// batch, and the session handles the command at once.
func TestPauseStopsARunningSessionAtOnce(t *testing.T) {
	_, srv := server(t, Limits{MaxTicks: 1 << 50})
	for _, tc := range []struct{ name, text string }{
		{"loop.c", "int main(void) { for (;;) ; }\n"},
		{"forks.c", forkLoop},
	} {
		c := dial(t, srv, nil)
		c.next() // hello
		c.send(map[string]any{"op": "load", "program": program(tc.name, tc.text)})
		c.send(map[string]any{"op": "speed", "ticks": 1000000, "interval": 33})
		c.send(map[string]any{"op": "run"})
		// Pause once the session computes batch after batch.
		for batches := 0; batches < 3; {
			if m := c.until("batch", nil); status(m) == StatusRunning {
				batches++
			}
		}
		start := time.Now()
		c.send(map[string]any{"op": "pause"})
		c.until("batch", func(m map[string]any) bool { return m["state"].(map[string]any)["running"] == false })
		if took := time.Since(start); took > 100*time.Millisecond {
			t.Errorf("%s: paused after %v, want within 100 ms", tc.name, took)
		} else {
			t.Logf("%s: paused after %v", tc.name, took)
		}
		c.conn.Close()
	}
}
