package kernel

import (
	"os"
	"strings"
	"testing"
)

// raceRun runs testdata/race/name with the race detector on.
func raceRun(t *testing.T, name string, cfg Config) (*Machine, []Event) {
	t.Helper()
	var races []Event
	cfg.Files, cfg.DetectRaces = os.DirFS("testdata/race"), true
	cfg.OnEvent = func(e Event) {
		if e.Kind == KindRace {
			races = append(races, e)
		}
	}
	m := New(cfg)
	if err := m.Start([]string{name}); err != nil {
		t.Fatal(err)
	}
	if res := m.Run(); res.Err != nil || res.Code != 0 {
		t.Fatalf("%s: %v, exit %d", name, res.Err, res.Code)
	}
	return m, races
}

func TestRaceOnUnlockedCounter(t *testing.T) {
	for _, sched := range []string{"rr", "fcfs", "rr:q=3", "rr:q=3/2cpus"} {
		t.Run(sched, func(t *testing.T) {
			cfg := Config{Sched: sched}
			if s, ok := strings.CutSuffix(sched, "/2cpus"); ok {
				cfg = Config{Sched: s, CPUs: 2}
			}
			m, events := raceRun(t, "counter.c", cfg)
			races := m.Races()
			if len(races) == 0 || len(events) != len(races) {
				t.Fatalf("%d races, %d events", len(races), len(events))
			}
			for _, r := range races {
				if r.Var != "counter" || r.First.Line != 13 || r.Second.Line != 13 || r.First.File != "counter.c" ||
					r.First.TID == r.Second.TID || !(r.First.Write || r.Second.Write) {
					t.Errorf("race %+v", r)
				}
				// Worker threads are 3 and 4 (main is 2).
				if r.First.TID < 3 || r.Second.TID < 3 {
					t.Errorf("race between threads %d and %d", r.First.TID, r.Second.TID)
				}
			}
			e := events[0]
			text := e.Msg.String()
			if !strings.HasPrefix(text, "data race: counter ") || !strings.Contains(text, "at counter.c:13 while thread") ||
				!strings.HasSuffix(text, "at counter.c:13, no common lock") {
				t.Errorf("text %q", text)
			}
			if ko := e.Msg.In("ko"); !strings.Contains(ko, "데이터 경쟁: counter") || !strings.Contains(ko, "공통 락 없음") {
				t.Errorf("Korean %q", ko)
			}
			if e.Kind.String() != "race" || e.TID != races[0].Second.TID || e.Other != races[0].First.TID {
				t.Errorf("event %v", e)
			}
		})
	}
}

func TestNoRaceWhenSynchronised(t *testing.T) {
	for _, name := range []string{"counter_mutex.c", "counter_sem.c", "counter_join.c",
		"check_then_use.c", "init_before_use.c", "same_order.c", "done_flag.c", "pipe_handoff.c"} {
		for _, sched := range []string{"rr", "rr:q=2", "fcfs", "rr:q=3/2cpus"} {
			t.Run(name+"/"+sched, func(t *testing.T) {
				cfg := Config{Sched: sched}
				if s, ok := strings.CutSuffix(sched, "/2cpus"); ok {
					cfg = Config{Sched: s, CPUs: 2}
				}
				m, events := raceRun(t, name, cfg)
				if len(events) > 0 || len(m.Races()) > 0 {
					t.Errorf("races reported: %v", events[0])
				}
				if len(m.SharedVars()) == 0 && name != "counter_join.c" {
					t.Errorf("no shared variable seen: is the detector looking?")
				}
			})
		}
	}
}

// The lockset summary: m is held at every access of balance and at none
// of count's, which races.
func TestLocksetSummary(t *testing.T) {
	m, _ := raceRun(t, "two_counters.c", Config{})
	vars := map[string]SharedVar{}
	for _, v := range m.SharedVars() {
		vars[v.Var] = v
	}
	b, c := vars["balance"], vars["count"]
	if b.Accesses != 12 || len(b.Locks) != 1 || b.Locks[0].Name != "m" || b.Locks[0].Held != 12 || len(b.Threads) != 2 {
		t.Errorf("balance: %+v", b)
	}
	if c.Accesses != 12 || len(c.Locks) != 0 {
		t.Errorf("count: %+v", c)
	}
	guards := m.Guards()
	if len(guards) != 1 || guards[0].Name != "m" || len(guards[0].Vars) != 1 ||
		guards[0].Vars[0] != (Guarded{Addr: b.Addr, Var: "balance", Held: 12, Accesses: 12}) {
		t.Errorf("guards %+v", guards)
	}
	races := m.Races()
	if len(races) == 0 {
		t.Fatal("no race on count")
	}
	for _, r := range races {
		if r.Var != "count" {
			t.Errorf("race on %q", r.Var)
		}
	}
}

// Off, the detector changes nothing: the same events as without it,
// and none of kind race.
func TestRaceDetectorOffAndOnSameStream(t *testing.T) {
	stream := func(detect bool) []string {
		var out []string
		m := New(Config{Files: os.DirFS("testdata/race"), DetectRaces: detect, OnEvent: func(e Event) {
			if e.Kind != KindRace {
				out = append(out, e.String())
			}
		}})
		if err := m.Start([]string{"two_counters.c"}); err != nil {
			t.Fatal(err)
		}
		m.Run()
		return out
	}
	off, on := stream(false), stream(true)
	if strings.Join(off, "\n") != strings.Join(on, "\n") {
		t.Errorf("the detector changed the run: %d events off, %d on", len(off), len(on))
	}
}

// A sleep orders nothing: the reader after it still races with the write.
func TestRaceDespiteSleep(t *testing.T) {
	m, _ := raceRun(t, "sleep_handoff.c", Config{})
	races := m.Races()
	if len(races) != 1 || races[0].Var != "result" || !races[0].First.Write || races[0].Second.Write ||
		races[0].First.Line != 11 || races[0].Second.Line != 18 {
		t.Errorf("races %+v", races)
	}
}

// Past its bound on threads the detector stops, silently and for good,
// rather than grow clocks without end: the run goes on as without it.
func TestRaceDetectorBounded(t *testing.T) {
	m, events := raceRun(t, "many_threads.c", Config{})
	if !m.races.full || len(events) > 0 || len(m.races.threads) > maxSlots {
		t.Errorf("full %v, %d races, %d threads kept", m.races.full, len(events), len(m.races.threads))
	}
}
