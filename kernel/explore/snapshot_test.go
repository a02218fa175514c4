package explore

import (
	"testing"
)

// A run from the snapshot is the run from a fresh machine: for the
// programs the tests explore and many schedules (PCT and random seeds,
// every schedule with one preemption of the first ones), the same events,
// output, points and switches.
func TestSnapshotRunIsTheFreshRun(t *testing.T) {
	for _, c := range []struct{ dir, name string }{
		{"testdata", "bank.c"},
		{"../testdata/race", "counter.c"},
		{"../testdata/race", "counter_mutex.c"},
		{"../testdata/race", "init_before_use.c"},
		{"../testdata/race", "pipe_handoff.c"},
		{"../testdata/proc", "philosophers.c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tg := target(t, c.dir, c.name)
			first, err := runOnce(tg, defaults{}, false)
			if err != nil {
				t.Fatal(err)
			}
			snap := tg
			snap.snap = takeSnapshot(tg, first)
			if snap.snap == nil {
				t.Fatal("no snapshot taken")
			}
			if snap.snap.n == 0 && len(snap.snap.events) == 0 {
				t.Fatal("the snapshot is at the start: nothing shared")
			}
			var strategies []func() strategy
			for seed := int64(1); seed <= 12; seed++ {
				strategies = append(strategies,
					func() strategy { return newPCT(seed, 2, first.Points) },
					func() strategy { return newRandom(seed) })
			}
			for n := 0; n < 12; n++ {
				strategies = append(strategies, func() strategy { return &prefix{choices: append(make([]int, n), 1)} })
			}
			for i, mk := range strategies {
				want, err := runOnce(tg, mk(), true)
				if err != nil {
					t.Fatal(err)
				}
				got, err := runOnce(snap, mk(), true)
				if err != nil {
					t.Fatal(err)
				}
				if !sameRun(got, want) {
					t.Fatalf("schedule %d from the snapshot: %+v\nfresh: %+v", i, got, want)
				}
			}
		})
	}
}
