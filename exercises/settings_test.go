package exercises

import (
	"slices"
	"testing"
)

func TestWithOverrides(t *testing.T) {
	r := Run{Main: "a.c", Sched: "rr", Quantum: 10, Locked: []string{"quantum"}}
	out, ignored, err := r.WithOverrides(map[string]string{"sched": "fcfs", "quantum": "4", "cpus": "2", "seed": "7", "ctxswitch": "3", "childFirst": "true", "lang": "ko"})
	if err != nil {
		t.Fatal(err)
	}
	want := Run{Main: "a.c", Sched: "fcfs", Quantum: 10, CPUs: 2, Seed: 7, CtxSwitch: 3, ChildFirst: true, Locked: []string{"quantum"}}
	if !slices.Equal(ignored, []string{"quantum"}) || out.Sched != want.Sched || out.Quantum != 10 || out.CPUs != 2 || out.Seed != 7 || out.CtxSwitch != 3 || !out.ChildFirst {
		t.Errorf("WithOverrides = %+v, ignored %v; want %+v, ignored [quantum]", out, ignored, want)
	}
	if out, _, err := r.WithOverrides(map[string]string{"monitor": "mesa"}); err != nil || out.Monitor != "mesa" {
		t.Errorf("monitor=mesa: %+v, %v", out, err)
	}
	if _, ignored, _ := (Run{Locked: []string{"monitor"}}).WithOverrides(map[string]string{"monitor": "mesa"}); !slices.Equal(ignored, []string{"monitor"}) {
		t.Errorf("locked monitor: ignored %v", ignored)
	}
	if r.Sched != "rr" {
		t.Error("WithOverrides changed the exercise's own settings")
	}
	all := Run{Locked: []string{"all"}}
	if _, ignored, _ := all.WithOverrides(map[string]string{"sched": "fcfs", "cpus": "2"}); len(ignored) != 2 {
		t.Errorf("locked all: ignored %v", ignored)
	}
	for _, q := range []map[string]string{{"sched": "lottery-ish"}, {"quantum": "0"}, {"quantum": "x"}, {"cpus": "9"}, {"ctxswitch": "-1"}, {"childFirst": "maybe"}, {"monitor": "brinch"}, {"monitor": ""}} {
		if _, _, err := (Run{}).WithOverrides(q); err == nil {
			t.Errorf("WithOverrides(%v): no error", q)
		}
	}
}
