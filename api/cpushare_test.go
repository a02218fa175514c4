package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// A freed slot goes to the waiting account that used the least CPU
// lately, whatever the order of arrival.
func TestCPUShareServesTheLeastUsedFirst(t *testing.T) {
	type use struct{ cpu, ago time.Duration } // CPU used, that long ago
	for _, tc := range []struct {
		name string
		uses []use // of each waiting account, in order of arrival
		want []int // the order in which they get the slot
	}{
		{"least first", []use{{300 * time.Millisecond, 0}, {0, 0}, {100 * time.Millisecond, 0}}, []int{1, 2, 0}},
		{"the heavy one last", []use{{time.Second, 0}, {0, 0}}, []int{1, 0}},
		{"already in order", []use{{0, 0}, {time.Millisecond, 0}, {time.Second, 0}}, []int{0, 1, 2}},
		{"ties in order of arrival", []use{{0, 0}, {0, 0}, {0, 0}}, []int{0, 1, 2}},
		{"old use is forgiven", []use{{200 * time.Millisecond, 0}, {time.Second, 3 * cpuHalfLife}}, []int{1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newCPUShare(1, time.Hour)
			holder := s.account()
			if !s.acquire(holder, nil) {
				t.Fatal("the free slot is refused")
			}
			var mu sync.Mutex
			var order []int
			var wg sync.WaitGroup
			for i, u := range tc.uses {
				a := &cpuAccount{at: s.floor.at}
				a.charge(u.cpu, time.Now().Add(-u.ago))
				w := s.enter(a)
				wg.Add(1)
				go func() {
					defer wg.Done()
					s.await(w, nil)
					mu.Lock()
					order = append(order, i)
					mu.Unlock()
					s.release(a, 0)
				}()
			}
			s.release(holder, 0)
			wg.Wait()
			if !slices.Equal(order, tc.want) {
				t.Errorf("served %v, want %v", order, tc.want)
			}
		})
	}
}

// A waiter that gives up leaves the line; the slot then goes to the next.
func TestCPUShareWaitCanBeStopped(t *testing.T) {
	s := newCPUShare(1, time.Hour)
	holder := s.account()
	s.acquire(holder, nil)
	w := s.enter(s.account())
	stop := make(chan struct{})
	close(stop)
	if s.await(w, stop) {
		t.Fatal("a stopped wait got the slot")
	}
	if s.queued() != 0 {
		t.Fatalf("%d still in line", s.queued())
	}
	s.release(holder, 0)
	if !s.acquire(s.account(), nil) {
		t.Fatal("the slot did not come back")
	}
}

// A newcomer that has used much less than the holder takes its slot at
// once (the holder is preempted); one with about the holder's use waits
// for the slice's end.
func TestCPUShareNewcomerPreemptsAHeavyHolder(t *testing.T) {
	for _, tc := range []struct {
		name          string
		holder, comer time.Duration
		want          bool
	}{
		{"a looper and a neighbour", 140 * time.Millisecond, 0, true},
		{"two loopers", 140 * time.Millisecond, 130 * time.Millisecond, false},
		{"the newcomer used more", 0, 140 * time.Millisecond, false},
	} {
		s := newCPUShare(1, time.Hour)
		holder := &cpuAccount{at: s.floor.at}
		holder.charge(tc.holder, time.Now())
		preempted := 0
		holder.preempt = func() { preempted++ }
		s.acquire(holder, nil)
		comer := &cpuAccount{at: s.floor.at}
		comer.charge(tc.comer, time.Now())
		w := s.enter(comer)
		if got := preempted > 0; got != tc.want {
			t.Errorf("%s: preempted %v, want %v", tc.name, got, tc.want)
		}
		if tc.want {
			s.enter(&cpuAccount{at: s.floor.at}) // another light one: the holder is already going
			if preempted != 1 {
				t.Errorf("%s: preempted %d times", tc.name, preempted)
			}
		}
		s.release(holder, 0)
		if !w.granted && tc.comer == 0 {
			t.Errorf("%s: the newcomer did not get the slot", tc.name)
		}
	}
}

// Commands are counted server-wide from the moment they are read until
// their session takes them up (commands go first, cpushare.go): acks
// are not commands, and a session closed with commands unhandled, or
// sent one after it closed, leaves none counted.
func TestCommandsWaitingAreCountedServerWide(t *testing.T) {
	share := newCPUShare(1, time.Millisecond)
	lim := Limits{}.WithDefaults()
	a, b := NewSession("a", lim, (&recorder{}).send, nil, nil), NewSession("b", lim, (&recorder{}).send, nil, nil)
	a.share(share, nil)
	b.share(share, nil)
	count := func(want int64, when string) {
		t.Helper()
		if n := share.commands.Load(); n != want {
			t.Errorf("%s: %d commands counted, want %d", when, n, want)
		}
	}
	a.Preempt()
	a.Preempt()
	b.Preempt()
	count(3, "three read")
	a.Handle(command{op: "ack", seq: 0})
	count(3, "after an ack")
	a.Handle(command{op: "delta"})
	count(2, "one handled")
	b.Handle(command{op: "pause"}) // no program: refused, and handled
	count(1, "two handled")
	a.Close()
	count(0, "the session with one left closed")
	a.Preempt()
	count(0, "a command read after the close")
	b.Preempt()
	b.Close()
	count(0, "both closed")
}

// Use decays by half every cpuHalfLife.
func TestCPUAccountDecays(t *testing.T) {
	now := time.Now()
	a := cpuAccount{at: now}
	a.charge(time.Second, now)
	for _, tc := range []struct {
		after time.Duration
		want  float64
	}{{0, 1}, {cpuHalfLife, 0.5}, {2 * cpuHalfLife, 0.25}} {
		if got := a.decayed(now.Add(tc.after)); got < tc.want*0.999 || got > tc.want*1.001 {
			t.Errorf("after %v: %.4f s, want %.4f", tc.after, got, tc.want)
		}
	}
}

const endlessLoop = "int main(void) { for (;;) ; }\n"

// smallProgram forks, prints and waits, for ever: a neighbour's program.
const smallProgram = `#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	for (int n = 0;; n++) {
		if (fork() == 0) {
			printf("child %d\n", n);
			return 0;
		}
		wait(NULL);
	}
}
`

// looper keeps a session running an endless loop at the highest speed,
// acking every batch, until its connection closes. It says nil on running
// once the session has sent three batches while running, or why the
// connection ended before that.
func looper(t testing.TB, srv *httptest.Server, running chan<- error) {
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "loop.c", Text: endlessLoop}}}})
	c.send(map[string]any{"op": "speed", "ticks": 1000000, "interval": 33})
	c.send(map[string]any{"op": "run"})
	go func() {
		batches := 0
		for {
			_, data, err := c.conn.ReadMessage()
			if err != nil {
				if batches < 3 {
					running <- fmt.Errorf("the connection ended after %d batches while running: %w", batches, err)
				}
				return
			}
			if !bytes.HasPrefix(data, []byte(`{"type":"batch"`)) {
				continue
			}
			var b struct {
				Seq int64 `json:"seq"`
			}
			json.Unmarshal(data, &b)
			c.conn.WriteJSON(map[string]any{"op": "ack", "seq": b.Seq})
			if bytes.Contains(data, []byte(`"status":"running"`)) {
				if batches++; batches == 3 {
					running <- nil
				}
			}
		}
	}()
}

// stepLatencies loads the small program in c and steps it n times, one
// tick at a time, returning how long each step took to be answered.
func stepLatencies(t testing.TB, c *client, n int) []time.Duration {
	t.Helper()
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "small.c", Text: smallProgram}}}})
	c.until("batch", nil)
	var out []time.Duration
	for range n {
		start := time.Now()
		c.send(map[string]any{"op": "step", "by": "tick"})
		c.until("batch", nil)
		out = append(out, time.Since(start))
	}
	slices.Sort(out)
	return out
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// Twenty sessions running endless loops at full speed do not keep a
// neighbour from stepping: each of its steps is answered, one tick on from
// the last. How long the answers take is a figure of the machine, not a
// fact to test: BenchmarkNeighbourStepsBesideLoopingSessions measures it.
func TestNeighbourStepsBesideLoopingSessions(t *testing.T) {
	c := neighbourBesideLoopers(t, 20)
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "small.c", Text: smallProgram}}}})
	c.until("batch", nil)
	for want := 1.0; want <= 50; want++ {
		c.send(map[string]any{"op": "step", "by": "tick"})
		st := c.until("batch", nil)["state"].(map[string]any)
		if st["tick"] != want || st["status"] != "paused" {
			t.Fatalf("step %v: tick %v, status %v; want tick %v, paused", want, st["tick"], st["status"], want)
		}
	}
}

// BenchmarkNeighbourStepsBesideLoopingSessions: how long a neighbour's
// step waits beside twenty sessions looping at full speed (the goal:
// p99 within 100 ms).
//
//	go test ./api -run '^$' -bench NeighbourSteps -benchtime 1x
func BenchmarkNeighbourStepsBesideLoopingSessions(b *testing.B) {
	for range b.N {
		neighbour := neighbourBesideLoopers(b, 20)
		lat := stepLatencies(b, neighbour, 300)
		b.ReportMetric(float64(percentile(lat, 0.50))/1e6, "p50-ms")
		b.ReportMetric(float64(percentile(lat, 0.99))/1e6, "p99-ms")
		b.ReportMetric(float64(lat[len(lat)-1])/1e6, "max-ms")
	}
}

// neighbourBesideLoopers starts a server with loopers sessions running an
// endless loop at full speed, and returns a neighbour's session beside
// them.
func neighbourBesideLoopers(t testing.TB, loopers int) *client {
	t.Helper()
	_, srv := server(t, Limits{MaxTicks: 1 << 50, SessionsPerIP: loopers + 1})
	running := make(chan error, loopers)
	for range loopers {
		looper(t, srv, running)
	}
	for range loopers {
		if err := <-running; err != nil {
			t.Fatalf("a looping session: %v", err)
		}
	}
	neighbour := dial(t, srv, nil)
	neighbour.next() // hello
	return neighbour
}
