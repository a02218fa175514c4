package api

import (
	"context"
	"sync"
	"time"
)

// workerPool bounds the headless runs (POST /api/run, /api/check, the
// exercise checks) the server computes at once: each holds a machine in
// memory, so their number is bounded whatever the CPU share does. A run
// beyond the workers waits in a short line, in order of arrival, for at
// most a few seconds; beyond the line it is refused at once. A refused
// client is told to come back in a second: by then a place has usually
// freed.
type workerPool struct {
	places chan struct{} // one token per run in progress
	wait   time.Duration

	mu      sync.Mutex
	waiting int
	line    int // the most that may wait
}

func newWorkerPool(workers, line int, wait time.Duration) *workerPool {
	return &workerPool{places: make(chan struct{}, max(workers, 1)), line: line, wait: wait}
}

// enter takes a place, waiting in line if all are taken. It returns the
// function that gives the place back, or nil when the line is full, the
// wait too long, or ctx done.
func (p *workerPool) enter(ctx context.Context) (leave func()) {
	leave = func() { <-p.places }
	select {
	case p.places <- struct{}{}:
		return leave
	default:
	}
	p.mu.Lock()
	if p.waiting >= p.line {
		p.mu.Unlock()
		return nil
	}
	p.waiting++
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.waiting--
		p.mu.Unlock()
	}()
	timer := time.NewTimer(p.wait)
	defer timer.Stop()
	select {
	case p.places <- struct{}{}:
		return leave
	case <-timer.C:
	case <-ctx.Done():
	}
	return nil
}

// queued is the number of runs waiting for a place.
func (p *workerPool) queued() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.waiting
}
