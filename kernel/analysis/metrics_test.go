package analysis_test

import (
	"fmt"
	"testing"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// TestContextSwitchesAgree checks that the kernel charges a context switch
// for exactly the switches the Meter counts: the Meter's ContextSwitches,
// the KindSwitch events, SwitchTicks, the CPUs' switching time and the
// Gantt chart's switch segments all agree, and no CPU switches before its
// first dispatch (it has no state to save).
func TestContextSwitchesAgree(t *testing.T) {
	const twoJobs = "A 0 3\nB 0 3"
	tests := []struct {
		prog     string // a testdata/proc program, or "" for workload
		workload string
		cfg      kernel.Config
		switches int // -1: not checked
		ticks    int64
	}{
		// A loads at 0 (no switch), runs to 3; A → B costs 2; B runs 5 to 8.
		{"", twoJobs, kernel.Config{Sched: "fcfs", ContextSwitch: 2}, 1, 8},
		// Each CPU loads its first job: no switch at all.
		{"", twoJobs, kernel.Config{Sched: "fcfs", CPUs: 2, ContextSwitch: 2}, 0, 3},
		// A B A B A B: five switches of one tick after A's first dispatch.
		{"", twoJobs, kernel.Config{Sched: "rr:q=1", ContextSwitch: 1}, 5, 11},
		{"", "A 0 2 io:4 2\nB 0 4\nC 1 3 io:2 1", kernel.Config{Sched: "mlfq:quanta=1/2/4", CPUs: 2, ContextSwitch: 1}, -1, 0},
		{"race", "", kernel.Config{Sched: "rr:q=3", ContextSwitch: 3}, -1, 0},
		{"", "A 0 6\nB 0 6\nC 0 6", kernel.Config{Sched: "rr:q=2", CPUs: 2, ContextSwitch: 2}, -1, 0},
		{"forkwait", "", kernel.Config{Sched: "fcfs", ContextSwitch: 5}, -1, 0},
		{"orphan", "", kernel.Config{Sched: "mlfq", CPUs: 2, ContextSwitch: 1}, -1, 0},
		{"race", "", kernel.Config{Sched: "rr:q=3"}, -1, 0},
	}
	for _, tt := range tests {
		t.Run(caseName(tt.prog, tt.cfg), func(t *testing.T) {
			m := startCase(t, tt.prog, tt.workload, tt.cfg)
			m.Run()
			if err := m.Err(); err != nil {
				t.Fatal(err)
			}
			events := m.Events()
			cpus := max(tt.cfg.CPUs, 1)
			mt := analysis.MetricsOf(events, cpus)
			g := analysis.NewGantt()
			switchEvents, dispatched := 0, make([]bool, cpus)
			for _, e := range events {
				g.Add(e)
				switch e.Kind {
				case kernel.KindSwitch:
					switchEvents++
					if !dispatched[e.CPU] {
						t.Errorf("cpu%d switches at tick %d before its first dispatch: %s", e.CPU, e.Tick, e)
					}
				case kernel.KindDispatch:
					dispatched[e.CPU] = true
				}
			}
			var cpuSwitch, ganttSwitch int64
			for i, v := range m.CPUs() {
				cpuSwitch += v.Switch
				for _, s := range g.Segments(i) {
					if s.What == analysis.Switching {
						ganttSwitch += s.End - s.Start
					}
				}
			}
			perProc := 0
			for _, p := range mt.Procs {
				perProc += p.Switches
			}
			cost := tt.cfg.ContextSwitch
			want := fmt.Sprintf("switches %d, ticks %d, CPUs %d, Gantt %d, per process %d",
				mt.ContextSwitches, cost*int64(mt.ContextSwitches), cost*int64(mt.ContextSwitches), cost*int64(mt.ContextSwitches), mt.ContextSwitches)
			got := fmt.Sprintf("switches %d, ticks %d, CPUs %d, Gantt %d, per process %d",
				mt.ContextSwitches, mt.SwitchTicks, cpuSwitch, ganttSwitch, perProc)
			if cost > 0 && switchEvents != mt.ContextSwitches {
				t.Errorf("%d switch events, the Meter counts %d", switchEvents, mt.ContextSwitches)
			}
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			if tt.switches >= 0 && (mt.ContextSwitches != tt.switches || m.Now() != tt.ticks) {
				t.Errorf("%d switches in %d ticks, want %d in %d\n%s", mt.ContextSwitches, m.Now(), tt.switches, tt.ticks, traceOf(events))
			}
			if cost > 0 && mt.ContextSwitches == 0 && tt.switches != 0 {
				t.Error("no switch at all: the case tests nothing")
			}
		})
	}
}
