package sched

import (
	"slices"
	"strings"
	"testing"
)

// simulate runs CPU-only tasks (one letter each, with its burst in ticks)
// on one CPU under p, tick by tick, and returns the timeline: one letter per
// tick. All tasks arrive at tick 0 in order.
func simulate(p Policy, bursts ...int) string {
	var tasks []*Task
	left := map[*Task]int{}
	for i, b := range bursts {
		t := &Task{PID: i + 1, Name: string(rune('A' + i)), LastCPU: -1}
		tasks = append(tasks, t)
		left[t] = b
		p.Enqueue(t, Arrived, 0)
	}
	var out strings.Builder
	var cur *Task
	for now := int64(0); now < 1000; now++ {
		if cur == nil {
			cur, _ = p.Pick(0, now)
			if cur == nil {
				break
			}
			cur.Slice = 0
		}
		out.WriteString(cur.Name)
		cur.Slice++
		cur.Total++
		left[cur]--
		if left[cur] == 0 {
			p.Left(cur, now+1)
			cur = nil
			continue
		}
		if why := p.Tick(cur, 0, now+1); why != "" {
			cur.ReadySince = now + 1
			p.Enqueue(cur, Preempted, now+1)
			cur = nil
		}
	}
	return out.String()
}

func TestTimelines(t *testing.T) {
	tests := []struct {
		policy string
		opts   Options
		bursts []int
		want   string
	}{
		{"fcfs", Options{}, []int{5, 3, 2}, "AAAAABBBCC"},
		{"rr", Options{Quantum: 2}, []int{5, 3, 2}, "AABBCCAABA"},
		{"rr", Options{Quantum: 1}, []int{3, 3}, "ABABAB"},
		{"rr", Options{Quantum: 4}, []int{3, 3}, "AAABBB"},
		{"rr", Options{Quantum: 2}, []int{7}, "AAAAAAA"},
		{"rr", Options{}, []int{12, 1}, "AAAAAAAAAABAA"},
	}
	for _, tt := range tests {
		p, err := New(tt.policy, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := simulate(p, tt.bursts...); got != tt.want {
			t.Errorf("%s %+v bursts %v: %s, want %s", tt.policy, tt.opts, tt.bursts, got, tt.want)
		}
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
	if n := p.Budget(a, 0); n != 4 {
		t.Errorf("Budget at slice 0 = %d, want 4", n)
	}
	a.Slice = 3
	if why := p.Tick(a, 0, 3); why != "" {
		t.Errorf("preempted before the quantum: %q", why)
	}
	if n := p.Budget(a, 0); n != 1 {
		t.Errorf("Budget at slice 3 = %d, want 1", n)
	}
	a.Slice = 4
	if why := p.Tick(a, 0, 4); !strings.Contains(why, "quantum of 4 ticks") {
		t.Errorf("Tick at the quantum = %q", why)
	}
	if n := NewFCFS().Budget(a, 0); n != Forever {
		t.Errorf("FCFS budget = %d, want Forever", n)
	}
}

func TestQueueOperations(t *testing.T) {
	for _, name := range Names() {
		p, _ := New(name, Options{Quantum: 3})
		a, b, c := &Task{PID: 1}, &Task{PID: 2}, &Task{PID: 3}
		p.Enqueue(a, Arrived, 0)
		p.Enqueue(b, Woken, 0)
		p.Enqueue(c, ChildFirst, 0)
		if got := pids(p.Ready(0)); !slices.Equal(got, []int{3, 1, 2}) {
			t.Errorf("%s: ready queue %v, want the child first [3 1 2]", name, got)
		}
		p.Remove(a)
		if got := pids(p.Ready(0)); !slices.Equal(got, []int{3, 2}) {
			t.Errorf("%s: after Remove(1): %v", name, got)
		}
		first, why := p.Pick(0, 5)
		if first != c || why == "" {
			t.Errorf("%s: Pick = %v %q, want pid 3 with a reason", name, first, why)
		}
		p.Pick(0, 5)
		if t2, _ := p.Pick(0, 5); t2 != nil {
			t.Errorf("%s: Pick from an empty queue = %v", name, t2)
		}
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
