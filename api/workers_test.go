package api

import (
	"context"
	"testing"
	"time"
)

// The pool lets Workers runs in, Line more wait, and turns the others away
// at once; a waiting run gets the first place given back.
func TestWorkerPool(t *testing.T) {
	p := newWorkerPool(2, 1, time.Minute)
	a, b := p.enter(context.Background()), p.enter(context.Background())
	if a == nil || b == nil {
		t.Fatal("the two workers are refused")
	}
	if !p.join() {
		t.Fatal("the line is full with no one in it")
	}
	got := make(chan func())
	go func() { got <- p.await(context.Background()) }()
	if p.enter(context.Background()) != nil {
		t.Error("a fourth run entered with the line full")
	}
	a()
	c := <-got
	p.quit()
	if c == nil {
		t.Fatal("the run in line was refused when a place was given back")
	}
	b()
	c()
	if p.queued() != 0 || len(p.places) != 0 {
		t.Errorf("%d in line, %d places taken at the end", p.queued(), len(p.places))
	}
	// A wait ends at the deadline of the line, or of the request.
	p = newWorkerPool(1, 1, 10*time.Millisecond)
	leave := p.enter(context.Background())
	if p.enter(context.Background()) != nil {
		t.Error("entered with the only worker taken")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if p.enter(ctx) != nil {
		t.Error("entered with the request gone")
	}
	leave()
}
