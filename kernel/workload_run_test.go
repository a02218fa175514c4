package kernel_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"osplay/kernel"
	"osplay/kernel/analysis"
	"osplay/kernel/msg"
)

// Runs of programs and workloads checked through their metrics and Gantt
// charts: what the scheduler did, seen as the views see it.

func TestContextSwitchCost(t *testing.T) {
	r := runTestdata(t, kernel.Config{Sched: "rr", Quantum: 20, ContextSwitch: 3}, "race")
	switches := r.count(kernel.KindSwitch, func(e kernel.Event) bool { return e.Ticks == 3 })
	if switches < 5 {
		t.Fatalf("%d context switches of 3 ticks", switches)
	}
	cpu := r.m.CPUs()[0]
	if cpu.Switch != int64(3*switches) {
		t.Errorf("CPU spent %d ticks switching, want %d", cpu.Switch, 3*switches)
	}
	g := analysis.NewGantt()
	for _, e := range r.events {
		g.Add(e)
	}
	var sw int64
	for _, s := range g.Segments(0) {
		if s.What == analysis.Switching {
			sw += s.End - s.Start
		}
	}
	if sw != cpu.Switch {
		t.Errorf("Gantt shows %d switch ticks, CPU counted %d", sw, cpu.Switch)
	}
	if !strings.Contains(g.String(), "*") {
		t.Errorf("chart without switches:\n%s", g)
	}
}

// TestThreadMetrics checks the lecture's figures for a process with
// threads: its CPU time is its threads' together, it completes when it
// exits, every switch from one thread to another (of the same process or
// not) is charged and counted once, and the Gantt chart shows each
// thread's stretches apart.
func TestThreadMetrics(t *testing.T) {
	for _, cfg := range []kernel.Config{{ContextSwitch: 2}, {CPUs: 2, ContextSwitch: 1, Sched: "rr:q=5"}} {
		m := startMain(t, cfg, counterProgram(t))
		res := m.Run()
		events := m.Events()
		mt := analysis.MetricsOf(events, max(cfg.CPUs, 1))
		p, ok := mt.Proc("2")
		if !ok {
			t.Fatal("no metrics for pid 2")
		}
		var sum kernel.ProcSummary
		for _, s := range res.Procs {
			if s.PID == 2 {
				sum = s
			}
		}
		if p.CPU != sum.CPUTicks || p.Completion != sum.Ended || mt.Busy != res.CPUTicks {
			t.Errorf("cpu %d (kernel %d), completion %d (ended %d), busy %d (kernel %d)",
				p.CPU, sum.CPUTicks, p.Completion, sum.Ended, mt.Busy, res.CPUTicks)
		}
		switches := 0
		g := analysis.NewGantt()
		for _, e := range events {
			g.Add(e)
			if e.Kind == kernel.KindSwitch {
				switches++
			}
		}
		var cpuSwitch int64
		for _, c := range m.CPUs() {
			cpuSwitch += c.Switch
		}
		if switches == 0 || switches != mt.ContextSwitches || mt.SwitchTicks != cpuSwitch {
			t.Errorf("%d switch events, the meter counts %d for %d ticks, the CPUs switched %d ticks",
				switches, mt.ContextSwitches, mt.SwitchTicks, cpuSwitch)
		}
		tids := map[int]bool{}
		for _, s := range g.Segments(0) {
			if s.What == analysis.Running {
				tids[s.TID] = true
			}
		}
		if len(tids) != 5 {
			t.Errorf("the Gantt chart of cpu0 shows threads %v, want the 5 of pid 2", tids)
		}
	}
}

// TestWorkloadMetrics checks the metrics on the lecture's examples.
func TestWorkloadMetrics(t *testing.T) {
	tests := []struct {
		sched, workload     string
		turnaround, waiting float64
		response            float64
	}{
		// FCFS, P1 24, P2 3, P3 3: waiting 0, 24, 27.
		{"fcfs", "P1 0 24\nP2 0 3\nP3 0 3", 27, 17, 17},
		// SJF, 6 8 7 3: average waiting 7.
		{"sjf", "P1 0 6\nP2 0 8\nP3 0 7\nP4 0 3", 13, 7, 7},
		// SRTF with arrivals: average waiting 6.5, turnaround 13.
		{"stcf", "P1 0 8\nP2 1 4\nP3 2 9\nP4 3 5", 13, 6.5, 4.25},
		// RR, quantum 4: waiting 6, 4, 7; response 0, 4, 7.
		{"rr:q=4", "P1 0 24\nP2 0 3\nP3 0 3", 47.0 / 3, 17.0 / 3, 11.0 / 3},
		// Priority: average waiting 8.2.
		{"priority", "P1 0 10 priority=3\nP2 0 1 priority=1\nP3 0 2 priority=4\nP4 0 1 priority=5\nP5 0 5 priority=2", 12, 8.2, 8.2},
	}
	for _, tt := range tests {
		o, err := analysis.RunWorkload(mustWorkload(t, tt.workload), kernel.Config{Sched: tt.sched})
		if err != nil {
			t.Fatal(err)
		}
		m := o.Metrics
		if !near(m.AvgTurnaround, tt.turnaround) || !near(m.AvgWaiting, tt.waiting) || !near(m.AvgResponse, tt.response) {
			t.Errorf("%s: turnaround %.3f waiting %.3f response %.3f, want %.3f %.3f %.3f\n%s", tt.sched,
				m.AvgTurnaround, m.AvgWaiting, m.AvgResponse, tt.turnaround, tt.waiting, tt.response, m)
		}
		if m.Utilisation != 1 || m.Completed != len(m.Procs) {
			t.Errorf("%s: utilisation %v, %d of %d completed", tt.sched, m.Utilisation, m.Completed, len(m.Procs))
		}
	}
	// I/O overlaps with the other job's CPU; the switch cost shows: A to B
	// and B to A, but not the first dispatch of A, which loads only.
	o, _ := analysis.RunWorkload(mustWorkload(t, "A 0 2 io:4 2\nB 0 4"), kernel.Config{Sched: "fcfs", ContextSwitch: 1})
	m := o.Metrics
	a, _ := m.Proc("A")
	if m.ContextSwitches != 2 || m.SwitchTicks != 2 || a.Blocked != 4 || a.CPU != 4 || m.Busy != 8 {
		t.Errorf("switch metrics:\n%s\n%+v", m, a)
	}
	if m.Utilisation >= 1 {
		t.Errorf("utilisation %v with switches", m.Utilisation)
	}
}

// TestWorkloadDevices checks a serial device: the second request waits for
// the first.
func TestWorkloadDevices(t *testing.T) {
	text := "A 0 1 io:printer:5 1\nB 0 1 io:printer:5 1\n"
	par, _ := analysis.RunWorkload(mustWorkload(t, text), kernel.Config{Sched: "fcfs"})
	ser, _ := analysis.RunWorkload(mustWorkload(t, text+"device printer serial\n"), kernel.Config{Sched: "fcfs"})
	bp, _ := par.Metrics.Proc("B")
	bs, _ := ser.Metrics.Proc("B")
	if bp.Completion != 8 || bs.Completion != 12 {
		t.Errorf("B completes at %d (parallel) and %d (serial), want 8 and 12", bp.Completion, bs.Completion)
	}
}

// TestManualRace checks that with a quantum of one tick the student
// decides who runs at every tick.
func TestManualRace(t *testing.T) {
	m := kernel.New(kernel.Config{Sched: "manual:q=1", Record: true})
	if err := m.StartWorkload(mustWorkload(t, "A 0 2\nB 0 2\n")); err != nil {
		t.Fatal(err)
	}
	for _, pid := range []int{2, 3, 2, 3} {
		m.Run()
		if m.Done() {
			break
		}
		if err := m.Choose(pid); err != nil {
			t.Fatal(err)
		}
	}
	m.Run()
	g := analysis.NewGantt()
	for _, e := range m.Events() {
		g.Add(e)
	}
	var got []string
	for _, s := range g.Segments(0) {
		got = append(got, fmt.Sprintf("%d-%d:%d", s.Start, s.End, s.PID))
	}
	if want := []string{"0-1:2", "1-2:3", "2-3:2", "3-4:3"}; !slices.Equal(got, want) {
		t.Errorf("timeline %v, want %v", got, want)
	}
}

// TestLongTermScheduler checks the job queue: with a degree of
// multiprogramming of 1 the jobs run one after the other and the CPU waits
// out each I/O.
func TestLongTermScheduler(t *testing.T) {
	w := mustWorkload(t, "A 0 2 io:3 1\nB 0 2\n")
	o, err := analysis.RunWorkload(w, kernel.Config{Sched: "fcfs", Multiprogramming: 1, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := o.Metrics.Proc("B")
	if b.FirstRun != 6 || o.Metrics.Ticks != 8 {
		t.Errorf("B first runs at %d, all done at %d; want 6 and 8\n%s", b.FirstRun, o.Metrics.Ticks, o.Metrics)
	}
	queued := 0
	for _, e := range o.Events {
		if e.Kind == kernel.KindSched && e.Cause.Code == msg.LTSJobQueue {
			queued++
		}
	}
	if queued != 1 {
		t.Errorf("%d job-queue events, want 1", queued)
	}
	free, _ := analysis.RunWorkload(w, kernel.Config{Sched: "fcfs"})
	if free.Metrics.Ticks != 6 {
		t.Errorf("without a limit the run takes %d ticks, want 6", free.Metrics.Ticks)
	}
}

// TestMediumTermScheduler checks swapping: with room for one process in
// memory, a job that blocks is swapped out for a ready one, and comes back.
func TestMediumTermScheduler(t *testing.T) {
	w := mustWorkload(t, "A 0 2 io:10 2\nB 0 3\nC 0 3\n")
	o, err := analysis.RunWorkload(w, kernel.Config{Sched: "fcfs", Resident: 1, Record: true})
	if err != nil || o.Err != nil {
		t.Fatal(err, o.Err)
	}
	seen := map[kernel.State]bool{}
	for _, e := range o.Events {
		if e.Kind == kernel.KindState {
			seen[e.To] = true
		}
	}
	if !seen[kernel.StateSuspendedReady] || !seen[kernel.StateSuspendedWaiting] {
		t.Errorf("states seen %v, want both suspended states", seen)
	}
	if o.Metrics.Completed != 3 {
		t.Errorf("%d jobs completed", o.Metrics.Completed)
	}
	var trail []string
	for _, e := range o.Events {
		if e.Kind == kernel.KindState && e.PID == 2 {
			trail = append(trail, e.To.String())
		}
	}
	want := []string{"ready", "running", "waiting", "suspended waiting", "suspended ready", "ready", "running", "terminated"}
	if !slices.Equal(trail, want) {
		t.Errorf("A went %v, want %v", trail, want)
	}
}

// TestMultiCPU checks shared and per-CPU queues, affinity and migration.
func TestMultiCPU(t *testing.T) {
	w := mustWorkload(t, "A 0 6\nB 0 6\nC 0 6 cpus=1\nD 0 6 cpus=1\n")
	o, err := analysis.RunWorkload(w, kernel.Config{Sched: "fcfs", CPUs: 2, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range o.Events {
		if e.Kind == kernel.KindDispatch && (e.PID == 4 || e.PID == 5) && e.CPU != 1 {
			t.Errorf("pid %d ran on cpu%d against its affinity", e.PID, e.CPU)
		}
	}
	// B, first in the queue that cpu1 may run, takes cpu1; then cpu0
	// has A and nothing it may run, and C and D wait for cpu1.
	if o.Metrics.Ticks != 18 {
		t.Errorf("two CPUs took %d ticks, want 18", o.Metrics.Ticks)
	}
	// Per-CPU queues: A and C go to cpu0's queue, B and D to cpu1's. When
	// cpu1 is done with its short jobs it steals C, unless pinned.
	w2 := mustWorkload(t, "A 0 8\nB 0 1\nC 0 4\nD 0 1\n")
	pinned, _ := analysis.RunWorkload(w2, kernel.Config{Sched: "fcfs:percpu,pin", CPUs: 2, Record: true})
	steal, _ := analysis.RunWorkload(w2, kernel.Config{Sched: "fcfs:percpu", CPUs: 2, Record: true})
	if pinned.Metrics.Ticks != 12 || steal.Metrics.Ticks != 8 {
		t.Errorf("pinned %d ticks, stealing %d; want 12 and 8", pinned.Metrics.Ticks, steal.Metrics.Ticks)
	}
	migrated := false
	for _, e := range steal.Events {
		migrated = migrated || e.Kind == kernel.KindDispatch && strings.Contains(e.Cause.String(), "migrated from cpu0")
	}
	if !migrated {
		t.Error("no migration by work stealing")
	}
}

// TestMLFQBoostEvent checks that the policy's own decisions are events.
func TestMLFQBoostEvent(t *testing.T) {
	o, _ := analysis.RunWorkload(mustWorkload(t, "A 0 30\nB 0 30\n"), kernel.Config{Sched: "mlfq:q=2,boost=20", Record: true})
	boosts := 0
	for _, e := range o.Events {
		if e.Kind == kernel.KindSched && strings.Contains(e.Cause.String(), "priority boost") {
			boosts++
			if e.Tick%20 != 0 {
				t.Errorf("boost at tick %d", e.Tick)
			}
		}
	}
	if boosts != 2 {
		t.Errorf("%d boosts in 60 ticks, want 2 (at 20 and 40)", boosts)
	}
}

// TestWorkloadSteppingMatchesRunning checks, for every policy, that
// stepping a workload gives the same events as running it in one go: the
// policies must not depend on how the kernel cuts the stretches.
func TestWorkloadSteppingMatchesRunning(t *testing.T) {
	w := mustWorkload(t, `A 0 7 io:3 5 priority=2 tickets=30
B 1 4 io:2 6 io:1 2 priority=1 nice=3
C 2 12 priority=0 tickets=200
D 5 3 io:4 3 nice=-4
E 9 9
`)
	for _, spec := range []string{"fcfs", "sjf", "sjf:estimate", "stcf", "rr:q=3", "priority", "priority:preemptive,aging=4",
		"mlq:quanta=3/0", "mlfq:quanta=2/4/8,boost=15", "mlfq:q=3,stay,iobump", "lottery:q=2,seed=5",
		"lottery:seed=5,transfer", "stride:q=2", "cfs:latency=12,mingran=2", "fcfs:wakefirst"} {
		for _, cpus := range []int{1, 2} {
			cfg := kernel.Config{Sched: spec, CPUs: cpus, ContextSwitch: int64(cpus - 1)}
			whole, err := analysis.RunWorkload(w, withRecord(cfg))
			if err != nil {
				t.Fatal(err)
			}
			m := kernel.New(withRecord(cfg))
			if err := m.StartWorkload(w); err != nil {
				t.Fatal(err)
			}
			for steps := 0; !m.Done(); steps++ {
				if steps%3 == 0 {
					m.Step()
				} else {
					m.RunTo(m.Now() + int64(steps%5))
				}
				if steps > 100_000 {
					t.Fatal("stepping never finishes")
				}
			}
			a, b := traceOf(whole.Events), traceOf(m.Events())
			if a != b {
				t.Errorf("%s on %d CPUs: stepping differs from running:\n%s", spec, cpus, firstDiff(a, b))
			}
			if whole.Metrics.Completed != 5 {
				t.Errorf("%s: %d of 5 jobs completed", spec, whole.Metrics.Completed)
			}
		}
	}
}
