package sched

import (
	"testing"

	"osplay/kernel/msg"
)

// script is a chooser that answers from a list and records what it was
// asked.
type script struct {
	answers []int
	asked   [][]int // cur's id (0 for none), then the ready ids
	quiet   int64
}

func (s *script) Choose(cpu int, cur *Task, ready []*Task) int {
	q := []int{0}
	if cur != nil {
		q[0] = cur.ID()
	}
	for _, t := range ready {
		q = append(q, t.ID())
	}
	s.asked = append(s.asked, q)
	a := s.answers[0]
	s.answers = s.answers[1:]
	return a
}

func (s *script) Quiet(t *Task) int64 { return s.quiet }

func TestManualWithChooser(t *testing.T) {
	p := NewManual(Options{})
	s := &script{answers: []int{1, -1, 0}, quiet: 5}
	p.SetChooser(s)
	a, b, c := &Task{PID: 2}, &Task{PID: 3}, &Task{PID: 4}
	for _, x := range []*Task{a, b, c} {
		p.Enqueue(x, Arrived, 0)
	}
	// A free CPU: the chooser picks from the ready queue, in its order.
	got, why := p.Pick(0, 0)
	if got != b || why.Code != msg.ManualChose {
		t.Fatalf("picked %v (%s), want pid 3", got, why)
	}
	// While others are ready, the budget is the chooser's quiet stretch.
	if n := p.Budget(got, 0, 0); n != 5 {
		t.Errorf("budget %d, want 5", n)
	}
	// After a tick the chooser may let it run on (-1)…
	if why := p.Tick(got, 0, 1); !why.IsZero() {
		t.Errorf("preempted: %s", why)
	}
	// …or switch: the task it names runs next.
	if why := p.Tick(got, 0, 2); why.Code != msg.ManualSwitch {
		t.Fatalf("no switch: %q", why.Code)
	}
	p.Enqueue(got, Preempted, 2)
	if next, _ := p.Pick(0, 2); next != a {
		t.Errorf("after the switch %v runs, want pid 2", next)
	}
	want := [][]int{{0, 2, 3, 4}, {3, 2, 4}, {3, 2, 4}}
	if len(s.asked) != len(want) {
		t.Fatalf("asked %v, want %v", s.asked, want)
	}
	for i := range want {
		if len(s.asked[i]) != len(want[i]) {
			t.Fatalf("asked %v, want %v", s.asked, want)
		}
		for j := range want[i] {
			if s.asked[i][j] != want[i][j] {
				t.Errorf("question %d: %v, want %v", i, s.asked[i], want[i])
			}
		}
	}
	// The only ready task runs without a question; alone, a task is
	// never asked about.
	q := NewManual(Options{})
	q.SetChooser(s)
	q.Enqueue(c, Arrived, 0)
	if only, why := q.Pick(0, 0); only != c || why.Code != msg.ManualOnly {
		t.Errorf("picked %v (%s)", only, why)
	}
	if n := q.Budget(c, 0, 0); n != Forever {
		t.Errorf("alone: budget %d", n)
	}
	if why := q.Tick(c, 0, 1); !why.IsZero() || len(s.asked) != 3 {
		t.Errorf("alone: %s, %d questions", why, len(s.asked))
	}
}
