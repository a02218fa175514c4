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
	select {
	case p.places <- struct{}{}:
		return p.leave
	default:
	}
	if !p.join() {
		return nil
	}
	defer p.quit()
	return p.await(ctx)
}

// join stands in line; false if the line is full.
func (p *workerPool) join() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiting >= p.line {
		return false
	}
	p.waiting++
	return true
}

// quit leaves the line.
func (p *workerPool) quit() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waiting--
}

// await waits for a place, at most p.wait.
func (p *workerPool) await(ctx context.Context) (leave func()) {
	timer := time.NewTimer(p.wait)
	defer timer.Stop()
	select {
	case p.places <- struct{}{}:
		return p.leave
	case <-timer.C:
	case <-ctx.Done():
	}
	return nil
}

// leave gives a place back.
func (p *workerPool) leave() { <-p.places }

// queued is the number of runs waiting for a place.
func (p *workerPool) queued() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.waiting
}
