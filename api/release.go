package api

import (
	"runtime/debug"
	"sync"
	"time"
)

// Memory given back when a class leaves. The Go runtime returns freed
// memory to the system only after a collection has found it free and its
// background scavenger has got round to it; a server whose sessions have
// just closed allocates little, so the next collection may be minutes
// away and the memory of a thousand machines stays resident meanwhile.
// When the sessions open have fallen by a quarter or more from their peak,
// and by releaseMin sessions at least, and releaseAfter has passed, the server collects and returns what is
// free at once (debug.FreeOSMemory): a full collection, at most once per
// releaseAfter, paid only when many sessions have gone. GOMEMLIMIT (set
// from the memory budget, web/memlimit.go) bounds the rest of the time.
const (
	releaseAfter = 2 * time.Second
	releaseMin   = 16
)

// releaser watches the number of sessions for a large fall.
type releaser struct {
	mu    sync.Mutex
	peak  int  // most sessions open since the last release
	open  int  // sessions open now
	armed bool // a release is scheduled
	// free gives the memory back, schedule calls a function releaseAfter
	// from now (nil: debug.FreeOSMemory, time.AfterFunc).
	free     func()
	schedule func(func())
}

// opened notes the sessions open after one opened.
func (r *releaser) opened(n int) {
	r.mu.Lock()
	r.open = n
	r.peak = max(r.peak, n)
	r.mu.Unlock()
}

// closed notes the sessions open after one closed, and schedules a
// release when they have fallen far enough from their peak.
func (r *releaser) closed(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.open = n
	if r.armed || n > r.peak*3/4 || r.peak-n < releaseMin {
		return
	}
	r.armed = true
	schedule := r.schedule
	if schedule == nil {
		schedule = func(f func()) { time.AfterFunc(releaseAfter, f) }
	}
	schedule(func() {
		r.mu.Lock()
		r.armed = false
		r.mu.Unlock()
		free := r.free
		if free == nil {
			free = debug.FreeOSMemory
		}
		free()
		r.mu.Lock()
		r.peak = r.open // from now on, the peak of those who stayed or came
		r.mu.Unlock()
	})
}
