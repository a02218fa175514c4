package kernel

import (
	"container/heap"
	"slices"

	"osplay/kernel/sched"
)

// timerHeap holds the threads that wait with a deadline (a sleep, an I/O),
// earliest first, so that finding the next one does not scan every
// thread. An entry goes stale when its thread stops waiting early (its
// process was killed) or waits again; stale entries are dropped when they
// come up.
type timerHeap []timerEntry

type timerEntry struct {
	at int64
	t  *Thread
}

func (h timerHeap) Len() int           { return len(h) }
func (h timerHeap) Less(i, j int) bool { return h[i].at < h[j].at }
func (h timerHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)        { *h = append(*h, x.(timerEntry)) }
func (h *timerHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// timed reports whether t waits for a moment in time: the end of a sleep
// or of an I/O.
func (t *Thread) timed() bool {
	return t.State.blocked() && t.waiter.queue != nil && t.waiter.deadline < sched.Forever
}

// live reports whether the entry still stands for a wait.
func (e timerEntry) live() bool { return e.t.timed() && e.t.waiter.deadline == e.at }

// add records that t waits until its deadline.
func (h *timerHeap) add(t *Thread) { heap.Push(h, timerEntry{at: t.waiter.deadline, t: t}) }

// next is the earliest tick a thread waits for, or sched.Forever.
func (h *timerHeap) next() int64 {
	for len(*h) > 0 {
		if (*h)[0].live() {
			return (*h)[0].at
		}
		heap.Pop(h)
	}
	return sched.Forever
}

// due removes and returns the threads whose wait ends by now, in tid
// order.
func (h *timerHeap) due(now int64) []*Thread {
	var out []*Thread
	for len(*h) > 0 && (*h)[0].at <= now {
		e := heap.Pop(h).(timerEntry)
		if e.live() && !slices.Contains(out, e.t) {
			out = append(out, e.t)
		}
	}
	slices.SortFunc(out, func(a, b *Thread) int { return a.TID - b.TID })
	return out
}
