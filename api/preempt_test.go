package api

import (
	"slices"
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
		{"memset.c", bigMemset}, // inside memset: needs the kernel's interrupts in library calls
	} {
		c := dial(t, srv, nil)
		c.next() // hello
		c.send(map[string]any{"op": "load", "program": program(tc.name, tc.text)})
		c.send(map[string]any{"op": "speed", "ticks": 1000000, "interval": 33})
		// Five times: run, let the session compute batch after batch, pause.
		// The median is held to the bound, so that a moment of load from
		// outside the server does not decide (a pause that waits for the
		// batch to end misses it every time); none may take a second.
		var took []time.Duration
		for range 5 {
			c.send(map[string]any{"op": "run"})
			for batches := 0; batches < 2; {
				if m := c.until("batch", nil); status(m) == StatusRunning {
					batches++
				}
			}
			start := time.Now()
			c.send(map[string]any{"op": "pause"})
			c.until("batch", func(m map[string]any) bool { return m["state"].(map[string]any)["running"] == false })
			took = append(took, time.Since(start))
		}
		slices.Sort(took)
		if median, worst := took[len(took)/2], took[len(took)-1]; median > 100*time.Millisecond || worst > time.Second {
			t.Errorf("%s: paused after %v (median), %v at worst; want within 100 ms", tc.name, median, worst)
		} else {
			t.Logf("%s: paused within %v (median), %v at worst", tc.name, median, worst)
		}
		c.conn.Close()
	}
}
