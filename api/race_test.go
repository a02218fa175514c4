package api

import (
	"os"
	"testing"
)

// With the races setting, POST /api/run's events carry the race with
// its text as data; without it, none.
func TestRunReportsRaces(t *testing.T) {
	src, err := os.ReadFile("../kernel/testdata/race/counter.c")
	if err != nil {
		t.Fatal(err)
	}
	_, srv := server(t, Limits{})
	for _, on := range []bool{false, true} {
		p := program("counter.c", string(src))
		p.Settings.Races = on
		resp, r := postRun(t, srv, RunRequest{Program: p, Events: true})
		if resp.StatusCode != 200 || r.Stdout != "counter 10\n" {
			t.Fatalf("races %v: %d %q %+v", on, resp.StatusCode, r.Stdout, r.Error)
		}
		var races []Event
		for _, e := range r.Events {
			if e.Kind == "race" {
				races = append(races, e)
			}
		}
		if !on {
			if len(races) > 0 {
				t.Errorf("races reported while off: %+v", races[0])
			}
			continue
		}
		if len(races) == 0 {
			t.Fatal("no race event")
		}
		e := races[0]
		if e.MsgText == nil || e.MsgText.Code != "race.found" || e.TID == 0 || e.Other == 0 || e.Addr == 0 {
			t.Fatalf("race event %+v", e)
		}
		if e.Msg != "data race: counter read by thread 4 at counter.c:13 while thread 3 wrote it at counter.c:13, no common lock" {
			t.Errorf("msg %q", e.Msg)
		}
	}
}

// With the races setting the snapshot lists the shared variables with the
// locks held at their accesses: m at every access of balance, none at
// count's; without it, nothing.
func TestSnapshotListsSharedVariables(t *testing.T) {
	src, err := os.ReadFile("../kernel/testdata/race/two_counters.c")
	if err != nil {
		t.Fatal(err)
	}
	for _, on := range []bool{false, true} {
		s, r := newTestSession()
		p := program("bank.c", string(src))
		p.Settings.Races = on
		s.Handle(command{op: "load", program: &p})
		runToEnd(t, s, r)
		st := r.last().State
		if st.Status != StatusDone {
			t.Fatalf("races %v: status %q", on, st.Status)
		}
		if !on {
			if len(st.Shared) > 0 {
				t.Errorf("shared variables while off: %+v", st.Shared)
			}
			continue
		}
		byName := map[string]SharedVar{}
		for _, v := range st.Shared {
			byName[v.Var] = v
		}
		b, c := byName["balance"], byName["count"]
		if b.Accesses == 0 || len(b.Threads) != 2 || len(b.Locks) != 1 || b.Locks[0].Var != "m" || b.Locks[0].Held != b.Accesses || b.Locks[0].Lock == 0 {
			t.Errorf("balance: %+v", b)
		}
		if c.Accesses == 0 || len(c.Threads) != 2 || len(c.Locks) != 0 {
			t.Errorf("count: %+v", c)
		}
	}
}
