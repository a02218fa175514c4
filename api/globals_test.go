package api

import (
	"os"
	"slices"
	"testing"
)

// The snapshot carries the live processes' integer globals as they are,
// event by event: the fork program's count is 5, then 10 in the parent,
// 10 in the child (its copy, which it changes just before it exits), and
// 110 in the parent at the end.
func TestSnapshotCarriesGlobals(t *testing.T) {
	src, err := os.ReadFile("../kernel/testdata/proc/globals.c")
	if err != nil {
		t.Fatal(err)
	}
	s, r := newTestSession()
	p := program("globals.c", string(src))
	s.Handle(command{op: "load", program: &p})
	seen := map[int][]int64{}
	// Event by event: a step ends at the next event, whatever the
	// batching of a running session.
	for i := 0; r.last().State.Status != StatusDone && i < 10000; i++ {
		s.Handle(cmd(t, `{"op":"step","by":"event"}`))
		for _, g := range r.last().State.Globals {
			if g.Var == "word" {
				t.Fatalf("an array among the globals: %+v", g)
			}
			if g.Var == "count" && !slices.Contains(seen[g.PID], g.Value) {
				seen[g.PID] = append(seen[g.PID], g.Value)
			}
		}
	}
	if st := r.last().State; st.Status != StatusDone || len(st.Globals) != 0 {
		t.Fatalf("at the end: status %q, globals %+v", st.Status, st.Globals)
	}
	if !slices.Equal(seen[2], []int64{5, 10, 110}) || !slices.Equal(seen[3], []int64{10}) {
		t.Errorf("count seen: %v", seen)
	}
}
