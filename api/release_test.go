package api

import "testing"

// TestReleaseWhenAClassLeaves: memory is given back once after many
// sessions close, not when a few come and go.
func TestReleaseWhenAClassLeaves(t *testing.T) {
	var due []func()
	freed := 0
	r := &releaser{free: func() { freed++ }, schedule: func(f func()) { due = append(due, f) }}
	fire := func() {
		for len(due) > 0 {
			f := due[0]
			due = due[1:]
			f()
		}
	}
	for n := 1; n <= 100; n++ {
		r.opened(n)
	}
	for n := 99; n >= 90; n-- {
		r.closed(n) // a tenth: the class is still there
	}
	if len(due) != 0 {
		t.Fatalf("a release scheduled with %d of 100 sessions open", 90)
	}
	for n := 89; n >= 0; n-- {
		r.closed(n)
	}
	if len(due) != 1 {
		t.Fatalf("%d releases scheduled as the class left, want 1", len(due))
	}
	fire()
	if freed != 1 {
		t.Fatalf("freed %d times, want 1", freed)
	}
	// A few tabs opening and closing: no release.
	for i := 0; i < 5; i++ {
		r.opened(1)
		r.closed(0)
	}
	fire()
	if freed != 1 {
		t.Fatalf("a release for one tab closing (%d in all)", freed)
	}
	// Another class comes and goes: one more.
	for n := 1; n <= 40; n++ {
		r.opened(n)
	}
	for n := 39; n >= 0; n-- {
		r.closed(n)
	}
	fire()
	if freed != 2 {
		t.Fatalf("freed %d times after the second class, want 2", freed)
	}
}
