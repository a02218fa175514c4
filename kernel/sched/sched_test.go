package sched

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"osplay/kernel/msg"
)

// job is a task of a test: it arrives at a tick and alternates CPU and
// I/O bursts (bursts[0] CPU, bursts[1] I/O, …).
type job struct {
	arrive   int64
	bursts   []int64
	priority int
	tickets  int
	nice     int
}

// sim is the result of simulating jobs under a policy on one CPU.
type sim struct {
	timeline   string // one letter per tick: the job running, '.' idle
	done       []int64
	firstRun   []int64
	waiting    []int64 // ticks spent ready
	preempts   []string
	dispatches []string
}

// simulate runs jobs (named A, B, C…) on one CPU under p, tick by tick,
// with the kernel's contract: at each tick, first the end of the last
// tick's running (Left or Tick), then arrivals, then I/O completions (each
// may preempt), then a pick if the CPU is free. I/O bursts overlap freely.
func simulate(p Policy, jobs ...job) sim {
	n := len(jobs)
	tasks := make([]*Task, n)
	stage := make([]int, n) // index of the current burst
	left := make([]int64, n)
	wake := make([]int64, n)
	readyAt := make([]int64, n)
	s := sim{done: make([]int64, n), firstRun: make([]int64, n), waiting: make([]int64, n)}
	for i, j := range jobs {
		tasks[i] = &Task{PID: i + 1, Name: string(rune('A' + i)), LastCPU: -1,
			Priority: j.priority, Tickets: j.tickets, Nice: j.nice, Burst: j.bursts[0]}
		left[i] = j.bursts[0]
		wake[i] = -1
		s.firstRun[i] = -1
	}
	index := func(t *Task) int { return t.PID - 1 }
	makeReady := func(i int, why Why, now int64, cur *Task) string {
		t := tasks[i]
		t.ReadySince = now
		readyAt[i] = now
		if why == Arrived || why == Woken {
			t.BurstRan = 0
		}
		p.Enqueue(t, why, now)
		if cur != nil && (why == Arrived || why == Woken) {
			return p.Preempts(cur, t, 0).String()
		}
		return ""
	}
	var cur *Task
	var b strings.Builder
	finished := 0
	for now := int64(0); finished < n && now < 100_000; now++ {
		if cur != nil {
			i := index(cur)
			if left[i] == 0 {
				p.Left(cur, now)
				stage[i]++
				if stage[i] >= len(jobs[i].bursts) {
					s.done[i] = now
					finished++
				} else {
					wake[i] = now + jobs[i].bursts[stage[i]]
					stage[i]++
					left[i] = jobs[i].bursts[stage[i]]
					cur.Burst = left[i]
				}
				cur = nil
			} else if why := p.Tick(cur, 0, now).String(); why != "" {
				s.preempts = append(s.preempts, fmt.Sprintf("%d %s: %s", now, cur.Name, why))
				makeReady(i, Preempted, now, nil)
				cur = nil
			}
		}
		preempt := ""
		for i, j := range jobs {
			if j.arrive == now {
				if why := makeReady(i, Arrived, now, cur); why != "" && preempt == "" {
					preempt = why
				}
			}
		}
		for i := range jobs {
			if wake[i] == now {
				wake[i] = -1
				if why := makeReady(i, Woken, now, cur); why != "" && preempt == "" {
					preempt = why
				}
			}
		}
		if preempt != "" {
			s.preempts = append(s.preempts, fmt.Sprintf("%d %s: %s", now, cur.Name, preempt))
			makeReady(index(cur), Preempted, now, nil)
			cur = nil
		}
		if cur == nil {
			t, reason := p.Pick(0, now)
			why := reason.String()
			if t != nil {
				i := index(t)
				s.waiting[i] += now - readyAt[i]
				if s.firstRun[i] < 0 {
					s.firstRun[i] = now
				}
				t.Slice = 0
				t.LastCPU = 0
				cur = t
				s.dispatches = append(s.dispatches, fmt.Sprintf("%d %s: %s", now, t.Name, why))
			}
		}
		if finished == n {
			break
		}
		if cur == nil {
			b.WriteByte('.')
			continue
		}
		b.WriteString(cur.Name)
		if budget := p.Budget(cur, 0, now); budget < 1 {
			panic(fmt.Sprintf("budget %d", budget))
		}
		i := index(cur)
		cur.Slice++
		cur.Total++
		cur.BurstRan++
		left[i]--
	}
	s.timeline = strings.TrimRight(b.String(), ".")
	return s
}

// cpu returns jobs arriving at 0 with one CPU burst each.
func cpu(bursts ...int64) []job {
	var out []job
	for _, b := range bursts {
		out = append(out, job{bursts: []int64{b}})
	}
	return out
}

func mustNew(t *testing.T, spec string) Policy {
	t.Helper()
	name, o, err := ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	o.CPUs = 1
	p, err := New(name, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTextbook checks each policy on hand-computed cases, most from the
// lecture's textbook (Silberschatz, Operating System Concepts, ch. 5) and
// OSTEP (chs. 7–9). Each timeline has one letter per tick.
func TestTextbook(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		jobs     []job
		timeline string
		waiting  []int64 // nil: not checked
	}{
		// FCFS: P1 24, P2 3, P3 3, all at 0: waiting 0, 24, 27 (average 17).
		{"fcfs convoy", "fcfs", cpu(24, 3, 3),
			strings.Repeat("A", 24) + "BBBCCC", []int64{0, 24, 27}},
		// The same jobs in the other order: average waiting 3.
		{"fcfs short first", "fifo", cpu(3, 3, 24),
			"AAABBB" + strings.Repeat("C", 24), []int64{0, 3, 6}},
		// SJF: P1 6, P2 8, P3 7, P4 3: P4 P1 P3 P2, waiting 3, 16, 9, 0 (average 7).
		{"sjf", "sjf", cpu(6, 8, 7, 3),
			"DDDAAAAAACCCCCCCBBBBBBBB", []int64{3, 16, 9, 0}},
		// SJF ties go to the task ready first, then the lower pid.
		{"sjf ties", "sjf", cpu(4, 2, 2), "BBCCAAAA", nil},
		// SRTF: P1 0/8, P2 1/4, P3 2/9, P4 3/5: average waiting 6.5.
		{"srtf", "srtf", []job{{0, []int64{8}, 0, 0, 0}, {1, []int64{4}, 0, 0, 0}, {2, []int64{9}, 0, 0, 0}, {3, []int64{5}, 0, 0, 0}},
			"ABBBBDDDDDAAAAAAACCCCCCCCC", []int64{9, 0, 15, 2}},
		// Non-preemptive SJF on the same jobs: P1 runs to the end first.
		{"sjf arrivals", "sjf", []job{{0, []int64{8}, 0, 0, 0}, {1, []int64{4}, 0, 0, 0}, {2, []int64{9}, 0, 0, 0}, {3, []int64{5}, 0, 0, 0}},
			"AAAAAAAABBBBDDDDDCCCCCCCCC", []int64{0, 7, 15, 9}},
		// STCF: equal remaining time does not preempt.
		{"stcf tie", "stcf", []job{{0, []int64{4}, 0, 0, 0}, {1, []int64{3}, 0, 0, 0}}, "AAAABBB", nil},
		// RR, quantum 4: P1 24, P2 3, P3 3: waiting 6, 4, 7.
		{"rr", "rr:q=4", cpu(24, 3, 3),
			"AAAABBBCCC" + strings.Repeat("A", 20), []int64{6, 4, 7}},
		{"rr q=2", "rr:q=2", cpu(5, 3, 2), "AABBCCAABA", nil},
		{"rr q=1", "rr:q=1", cpu(3, 3), "ABABAB", nil},
		{"rr long quantum", "rr:q=4", cpu(3, 3), "AAABBB", nil},
		{"rr alone", "rr:q=2", cpu(7), "AAAAAAA", nil},
		// Priority: P1 10/3, P2 1/1, P3 2/4, P4 1/5, P5 5/2: average waiting 8.2.
		{"priority", "priority", []job{{0, []int64{10}, 3, 0, 0}, {0, []int64{1}, 1, 0, 0}, {0, []int64{2}, 4, 0, 0}, {0, []int64{1}, 5, 0, 0}, {0, []int64{5}, 2, 0, 0}},
			"BEEEEEAAAAAAAAAACCD", []int64{6, 0, 16, 18, 1}},
		// Preemptive priority: the more urgent arrival takes the CPU.
		{"priority preemptive", "priority:preemptive", []job{{0, []int64{5}, 2, 0, 0}, {1, []int64{2}, 1, 0, 0}}, "ABBAAAA", nil},
		{"priority not preemptive", "priority", []job{{0, []int64{5}, 2, 0, 0}, {1, []int64{2}, 1, 0, 0}}, "AAAAABB", nil},
		// Aging: B (priority 5) has waited 6 ticks when A ends, C (1) only
		// 1: one step per tick makes B −1, C 0.
		{"priority aging", "priority:aging=1", []job{{0, []int64{6}, 0, 0, 0}, {0, []int64{1}, 5, 0, 0}, {5, []int64{1}, 1, 0, 0}}, "AAAAAABC", nil},
		{"priority without aging", "priority", []job{{0, []int64{6}, 0, 0, 0}, {0, []int64{1}, 5, 0, 0}, {5, []int64{1}, 1, 0, 0}}, "AAAAAACB", nil},
		// Preemptive with aging: B (5) waits behind A (2) and passes it
		// after 4 ticks (5 − 4 = 1 < 2).
		{"priority aging preempts", "priority:preemptive,aging=1", []job{{0, []int64{8}, 2, 0, 0}, {0, []int64{2}, 5, 0, 0}}, "AAAABBAAAA", nil},
		// MLQ: B (queue 0) arrives while A (queue 1, FCFS) runs.
		{"mlq", "mlq", []job{{0, []int64{5}, 1, 0, 0}, {2, []int64{2}, 0, 0, 0}}, "AABBAAA", nil},
		{"mlq rr level", "mlq:quanta=2/0", []job{{0, []int64{3}, 0, 0, 0}, {0, []int64{3}, 0, 0, 0}, {0, []int64{2}, 1, 0, 0}}, "AABBABCC", nil},
		// MLFQ, two queues of quantum 2, allotment 1: B arrives at 3 and
		// preempts A, which keeps its place and the rest of its slice.
		{"mlfq", "mlfq:quanta=2/2", []job{{0, []int64{6}, 0, 0, 0}, {3, []int64{3}, 0, 0, 0}}, "AAABBABAA", nil},
		// Rule 4: an I/O every tick does not keep a job at the top once
		// its allotment (one slice of 3) is spent …
		{"mlfq allotment", "mlfq:quanta=3/3", []job{{0, []int64{1, 1, 1, 1, 1, 1, 1}, 0, 0, 0}, {0, []int64{9}, 0, 0, 0}},
			"ABBBABABBABBB", nil},
		// … but under the old rule (stay), it does.
		{"mlfq stay", "mlfq:quanta=3/3,stay", []job{{0, []int64{1, 1, 1, 1, 1, 1, 1}, 0, 0, 0}, {0, []int64{9}, 0, 0, 0}},
			"ABBBABABABBBB", nil},
		// Rule 5: a boost every 6 ticks brings A back to the top.
		{"mlfq boost", "mlfq:quanta=2/4,boost=6", []job{{0, []int64{10}, 0, 0, 0}, {0, []int64{10}, 0, 0, 0}},
			"AABBAAAABBAAAABBBBBB", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := simulate(mustNew(t, tt.spec), tt.jobs...)
			if s.timeline != tt.timeline {
				t.Errorf("%s: timeline\n got %s\nwant %s\n%s", tt.spec, s.timeline, tt.timeline, strings.Join(s.dispatches, "\n"))
			}
			if tt.waiting != nil && !slices.Equal(s.waiting, tt.waiting) {
				t.Errorf("%s: waiting %v, want %v", tt.spec, s.waiting, tt.waiting)
			}
		})
	}
}

// TestStride follows OSTEP's figure 9.3: tickets 100, 50 and 250 give
// strides 100, 200 and 40; after eight quanta A, B and C all have pass
// 200, and B, ready longest, runs.
func TestStride(t *testing.T) {
	s := simulate(mustNew(t, "stride:q=1"), job{bursts: []int64{50}, tickets: 100},
		job{bursts: []int64{50}, tickets: 50}, job{bursts: []int64{50}, tickets: 250})
	if got := s.timeline[:9]; got != "ABCCCACCB" {
		t.Errorf("stride starts %s, want ABCCCACCB\n%s", got, strings.Join(s.dispatches[:9], "\n"))
	}
	// Over the whole run the shares follow the tickets: 100:50:250.
	share := func(name string) float64 { return float64(strings.Count(s.timeline[:80], name)) / 80 }
	if a, b, c := share("A"), share("B"), share("C"); a != 0.25 || b != 0.125 || c != 0.625 {
		t.Errorf("shares of the first 80 ticks %.3f %.3f %.3f, want 0.25 0.125 0.625", a, b, c)
	}
}

// TestLotteryShares checks that lottery gives the CPU in proportion to the
// tickets, and the same way for the same seed.
func TestLotteryShares(t *testing.T) {
	jobs := []job{{0, []int64{4000}, 0, 75, 0}, {0, []int64{4000}, 0, 25, 0}}
	a := simulate(mustNew(t, "lottery:q=1,seed=3"), jobs...)
	b := simulate(mustNew(t, "lottery:q=1,seed=3"), jobs...)
	if a.timeline != b.timeline {
		t.Fatal("the same seed gave different runs")
	}
	share := float64(strings.Count(a.timeline[:4000], "A")) / 4000
	if share < 0.72 || share > 0.78 {
		t.Errorf("A (75 of 100 tickets) got %.3f of the CPU", share)
	}
	c := simulate(mustNew(t, "lottery:q=1,seed=4"), jobs...)
	if c.timeline == a.timeline {
		t.Error("another seed gave the same run")
	}
	if !strings.Contains(a.dispatches[0], "drew ticket") {
		t.Errorf("reason %q", a.dispatches[0])
	}
}

// TestCFSShares checks that CFS divides the CPU by weight: nice −5 (3121)
// against nice 0 (1024) is 75.3% to 24.7%, and that the slices follow the
// targeted latency.
func TestCFSShares(t *testing.T) {
	s := simulate(mustNew(t, "cfs"), job{bursts: []int64{8000}, nice: -5}, job{bursts: []int64{8000}})
	share := float64(strings.Count(s.timeline[:4800], "A")) / 4800
	if share < 0.74 || share > 0.765 {
		t.Errorf("nice -5 got %.3f of the CPU against nice 0, want 0.753", share)
	}
	if !strings.HasPrefix(s.timeline, strings.Repeat("A", 36)+"B") {
		t.Errorf("A's first slice should be 48 × 3121 / 4145 = 36 ticks: %s", s.timeline[:60])
	}
	eq := simulate(mustNew(t, "cfs"), cpu(100, 100, 100)...)
	if !strings.HasPrefix(eq.timeline, strings.Repeat("A", 16)+strings.Repeat("B", 16)+strings.Repeat("C", 16)) {
		t.Errorf("three equal tasks should get 48/3 = 16 ticks each: %s", eq.timeline[:60])
	}
	// C arrives at 60 with min_vruntime (B's 24), 12 ticks below the
	// running A's 36: more than min_granularity, so A is preempted.
	w := simulate(mustNew(t, "cfs"), job{bursts: []int64{200}}, job{bursts: []int64{200}}, job{arrive: 60, bursts: []int64{5}})
	if !slices.ContainsFunc(w.preempts, func(s string) bool { return strings.HasPrefix(s, "60 A: CFS: pid 3") }) {
		t.Errorf("no preemption by the arrival:\n%s", strings.Join(w.preempts, "\n"))
	}
}

// TestSJFPrediction checks the exponential average: τ₀ = 10, α = ½ and
// bursts 6, 4, 6, 4, 13, 13, 13 give predictions 10, 8, 6, 6, 5, 9, 11, 12
// (the lecture's figure).
func TestSJFPrediction(t *testing.T) {
	p := NewSJF(Options{Estimate: true})
	task := &Task{PID: 1}
	want := []float64{10, 8, 6, 6, 5, 9, 11, 12}
	for i, burst := range []int64{6, 4, 6, 4, 13, 13, 13} {
		if got, _ := p.predicted(task); got != want[i] {
			t.Errorf("prediction %d: τ = %v, want %v", i, got, want[i])
		}
		task.BurstRan = burst
		p.Left(task, 0)
	}
	if got, _ := p.predicted(task); got != want[7] {
		t.Errorf("last prediction τ = %v, want %v", got, want[7])
	}
	// Without Estimate a known burst length is used as it is.
	q := NewSJF(Options{})
	if got, known := q.predicted(&Task{Burst: 7}); got != 7 || !known {
		t.Errorf("known burst: %v %v", got, known)
	}
}

func TestRRBudget(t *testing.T) {
	p := NewRR(4)
	a, b := &Task{PID: 1}, &Task{PID: 2}
	p.Enqueue(a, Arrived, 0)
	p.Enqueue(b, Arrived, 0)
	got, _ := p.Pick(0, 0)
	if got != a {
		t.Fatalf("Pick = %v, want A", got)
	}
	if n := p.Budget(a, 0, 0); n != 4 {
		t.Errorf("Budget at slice 0 = %d, want 4", n)
	}
	a.Slice = 3
	if why := p.Tick(a, 0, 3); !why.IsZero() {
		t.Errorf("preempted before the quantum: %q", why)
	}
	if n := p.Budget(a, 0, 3); n != 1 {
		t.Errorf("Budget at slice 3 = %d, want 1", n)
	}
	a.Slice = 4
	if why := p.Tick(a, 0, 4); why.Code != msg.RRQuantum || !strings.Contains(why.String(), "quantum of 4 ticks") {
		t.Errorf("Tick at the quantum = %q", why)
	}
	if n := NewFCFS().Budget(a, 0, 0); n != Forever {
		t.Errorf("FCFS budget = %d, want Forever", n)
	}
}

// TestQueueOperations runs every policy through the calls every policy
// must answer the same way.
func TestQueueOperations(t *testing.T) {
	for _, name := range Names() {
		p, err := New(name, Options{Quantum: 3})
		if err != nil {
			t.Fatal(err)
		}
		a, b, c := &Task{PID: 1}, &Task{PID: 2}, &Task{PID: 3}
		p.Enqueue(a, Arrived, 0)
		p.Enqueue(b, Woken, 0)
		p.Enqueue(c, Arrived, 0)
		if got := pids(p.Ready(0)); len(got) != 3 || p.Len(0) != 3 {
			t.Errorf("%s: ready queue %v, Len %d", name, got, p.Len(0))
		}
		p.Remove(a)
		if got := pids(p.Ready(0)); len(got) != 2 || slices.Contains(got, 1) || p.Len(0) != 2 {
			t.Errorf("%s: after Remove(1): %v", name, got)
		}
		if d, ok := p.(Decider); ok {
			if first, _ := p.Pick(0, 5); first != nil || !d.Undecided(0) {
				t.Errorf("%s: picked %v without asking", name, first)
			}
			if err := d.Choose(0, 1); err == nil {
				t.Errorf("%s: chose a removed task", name)
			}
			if err := d.Choose(0, 3); err != nil {
				t.Fatal(err)
			}
		}
		first, why := p.Pick(0, 5)
		if first == nil || why.IsZero() {
			t.Errorf("%s: Pick = %v %q, want a task with a reason", name, first, why)
		}
		p.Pick(0, 5)
		if t2, _ := p.Pick(0, 5); t2 != nil {
			t.Errorf("%s: Pick from an empty queue = %v", name, t2)
		}
	}
}

// TestChildFirst checks that the FIFO policies put a child-first task at
// the head of the queue.
func TestChildFirst(t *testing.T) {
	for _, name := range []string{"fcfs", "rr", "mlq", "mlfq", "lottery", "manual"} {
		p, _ := New(name, Options{Quantum: 3})
		a, b, c := &Task{PID: 1}, &Task{PID: 2}, &Task{PID: 3}
		p.Enqueue(a, Arrived, 0)
		p.Enqueue(b, Woken, 0)
		p.Enqueue(c, ChildFirst, 0)
		if got := pids(p.Ready(0)); !slices.Equal(got, []int{3, 1, 2}) {
			t.Errorf("%s: ready queue %v, want the child first [3 1 2]", name, got)
		}
	}
}

func TestAffinity(t *testing.T) {
	for _, name := range Names() {
		p, _ := New(name, Options{Quantum: 3, CPUs: 2})
		a := &Task{PID: 1, Affinity: 1 << 1} // cpu1 only
		b := &Task{PID: 2}
		p.Enqueue(a, Arrived, 0)
		p.Enqueue(b, Arrived, 0)
		if n := p.Len(0); n != 1 {
			t.Errorf("%s: cpu0 may run %d tasks, want 1", name, n)
		}
		if d, ok := p.(Decider); ok {
			d.Choose(0, 2)
		}
		if got, _ := p.Pick(0, 0); got != b {
			t.Errorf("%s: cpu0 picked %v, want pid 2", name, got)
		}
		if got, _ := p.Pick(0, 0); got != nil {
			t.Errorf("%s: cpu0 picked pid %d, which may only run on cpu1", name, got.PID)
		}
		if got, _ := p.Pick(1, 0); got != a {
			t.Errorf("%s: cpu1 picked %v, want pid 1", name, got)
		}
	}
}

// TestPerCPU checks per-CPU queues: new tasks go to the shorter queue, a
// woken task to the CPU it ran on, and an idle CPU steals unless pinned.
func TestPerCPU(t *testing.T) {
	p, err := New("rr", Options{CPUs: 2, PerCPU: true})
	if err != nil {
		t.Fatal(err)
	}
	tasks := []*Task{{PID: 1, LastCPU: -1}, {PID: 2, LastCPU: -1}, {PID: 3, LastCPU: -1}}
	for _, task := range tasks {
		p.Enqueue(task, Arrived, 0)
	}
	if got := [2][]int{pids(p.Ready(0)), pids(p.Ready(1))}; !slices.Equal(got[0], []int{1, 3}) || !slices.Equal(got[1], []int{2}) {
		t.Errorf("queues %v, want [1 3] and [2]", got)
	}
	a, _ := p.Pick(1, 0)
	b, why := p.Pick(1, 0)
	if a.PID != 2 || b == nil || b.PID != 1 || why.Code != msg.Migrated || !strings.Contains(why.String(), "migrated from cpu0") {
		t.Errorf("cpu1 ran %v then %v (%q), want pid 2 then a task stolen from cpu0", a, b, why)
	}
	b.LastCPU = 1
	p.Left(b, 1)
	p.Enqueue(b, Woken, 2)
	if got := pids(p.Ready(1)); !slices.Equal(got, []int{1}) {
		t.Errorf("woken pid 1 went to %v of cpu1, want its last CPU", got)
	}
	pinned, _ := New("fcfs", Options{CPUs: 2, PerCPU: true, Pin: true})
	x, y := &Task{PID: 1, LastCPU: 0}, &Task{PID: 2, LastCPU: 0}
	pinned.Enqueue(x, Woken, 0)
	pinned.Enqueue(y, Woken, 0)
	if got, _ := pinned.Pick(1, 0); got != nil {
		t.Errorf("a pinned queue lost pid %d to cpu1", got.PID)
	}
}

func TestMLFQNotesAndLevels(t *testing.T) {
	p, err := NewMLFQ(Options{Quanta: []int64{2, 4}, Boost: 6})
	if err != nil {
		t.Fatal(err)
	}
	s := simulate(p, job{bursts: []int64{10}}, job{bursts: []int64{10}})
	_ = s
	notes := p.Notes()
	if len(notes) == 0 || notes[0].Text.Code != msg.MLFQBoost || !strings.Contains(notes[0].Text.String(), "priority boost at tick 6") {
		t.Errorf("notes %v", notes)
	}
	if p.Notes() != nil {
		t.Error("notes given twice")
	}
	levels := p.Levels(0)
	if len(levels) != 2 || !strings.HasPrefix(levels[0].Name, "queue 1") {
		t.Errorf("levels %+v", levels)
	}
	if _, err := NewMLFQ(Options{Quanta: []int64{2, 4}, Allotments: []int64{1, 2, 3}}); err == nil {
		t.Error("three allotments for two queues accepted")
	}
}

func TestSpecs(t *testing.T) {
	tests := []struct {
		spec, canon string
	}{
		{"fcfs", "fcfs"},
		{"FIFO", "fcfs"},
		{"rr:q=4", "rr:q=4"},
		{"srtf", "stcf"},
		{"mlfq:n=3,q=10,a=2,B=50,S,I", "mlfq:q=10,levels=3,allot=2,boost=50,stay,iobump"},
		{"mlfq:Q=1/2/4,A=1/1/2", "mlfq:quanta=1/2/4,allots=1/1/2"},
		{"priority:preempt,aging=5", "priority:preemptive,aging=5"},
		{"sjf:estimate,alpha=0.25,tau=6", "sjf:estimate,alpha=0.25,tau=6"},
		{"manual:q=1", "manual:q=1"},
		{"manual:ask", "manual:ask"},
		{"lottery:seed=7,transfer", "lottery:transfer,seed=7"},
		{"cfs:latency=20,mingran=4", "cfs:latency=20,mingran=4"},
		{"rr:q=2,percpu,pin", "rr:q=2,percpu,pin"},
	}
	for _, tt := range tests {
		name, o, err := ParseSpec(tt.spec)
		if err != nil {
			t.Errorf("%s: %v", tt.spec, err)
			continue
		}
		if got := Spec(name, o); got != tt.canon {
			t.Errorf("%s: canonical %q, want %q", tt.spec, got, tt.canon)
		}
		if _, err := New(name, o); err != nil {
			t.Errorf("%s: %v", tt.spec, err)
		}
	}
	for _, bad := range []string{"lottery-ish", "rr:q=0", "rr:q", "rr:quantum=x", "mlfq:stay=1", "rr:speed=3", "sjf:alpha=2"} {
		if _, _, err := ParseSpec(bad); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	if _, _, err := ParseSpec("lottery-ish"); err == nil || !strings.Contains(err.Error(), "fcfs") {
		t.Errorf("unknown policy error %v, want one listing the policies", err)
	}
}

func TestUnknownPolicy(t *testing.T) {
	if _, err := New("lottery-ish", Options{}); err == nil || !strings.Contains(err.Error(), "fcfs") {
		t.Errorf("New(unknown) error = %v, want one listing the policies", err)
	}
}

func pids(ts []*Task) []int {
	var out []int
	for _, t := range ts {
		out = append(out, t.PID)
	}
	return out
}

// TestTaskIdent checks how reasons name a thread (Task.Who): a process's main thread
// (or a task without a tid) by its pid alone, any other thread with it.
func TestTaskIdent(t *testing.T) {
	for _, c := range []struct {
		task  Task
		id    int
		ident string
	}{
		{Task{PID: 5}, 5, "5"},
		{Task{PID: 5, TID: 5}, 5, "5"},
		{Task{PID: 5, TID: 7}, 7, "5 (thread 7)"},
	} {
		ident := msg.New(msg.TicketsBack, c.task.Who("who")).String()
		ident = strings.TrimSuffix(strings.TrimPrefix(ident, "ticket transfer: pid "), " takes its tickets back")
		if id := c.task.ID(); id != c.id || ident != c.ident {
			t.Errorf("%+v: ID %d, Ident %q; want %d, %q", c.task, id, ident, c.id, c.ident)
		}
	}
}

// TestRRSeededFirstSlices: with a seed, each new task's first slice is
// 1 to q ticks, drawn from the seed, and every later slice a whole
// quantum; one seed gives one timeline, and seeds 1 to 10 more than one;
// without a seed the timeline is the textbook's.
func TestRRSeededFirstSlices(t *testing.T) {
	runs := func(timeline string) []int {
		var out []int
		for i := 0; i < len(timeline); {
			j := i
			for j < len(timeline) && timeline[j] == timeline[i] {
				j++
			}
			out = append(out, j-i)
			i = j
		}
		return out
	}
	if s := simulate(mustNew(t, "rr:q=4"), cpu(12, 12)...); s.timeline != "AAAABBBBAAAABBBBAAAABBBB" {
		t.Errorf("without a seed: %s", s.timeline)
	}
	seen := map[string]bool{}
	for seed := 1; seed <= 10; seed++ {
		spec := fmt.Sprintf("rr:q=4,seed=%d", seed)
		s := simulate(mustNew(t, spec), cpu(12, 12)...)
		if again := simulate(mustNew(t, spec), cpu(12, 12)...); again.timeline != s.timeline {
			t.Errorf("%s: %s, then %s", spec, s.timeline, again.timeline)
		}
		seen[s.timeline] = true
		r := runs(s.timeline)
		if len(r) < 3 || r[0] < 1 || r[0] > 4 || r[1] < 1 || r[1] > 4 {
			t.Errorf("%s: %s: the first slices are not 1 to 4 ticks", spec, s.timeline)
			continue
		}
		for _, n := range r[2 : len(r)-2] {
			if n != 4 {
				t.Errorf("%s: %s: a later slice of %d ticks", spec, s.timeline, n)
			}
		}
	}
	if len(seen) < 2 {
		t.Errorf("seeds 1-10 gave one timeline: %v", seen)
	}
}
