package kernel

import (
	"container/heap"
	"slices"

	"osplay/kernel/sched"
)

// timerHeap holds the processes that wait for a given tick (a sleep, an
// I/O), earliest first, so that finding the next one does not scan every
// process. An entry goes stale when its process wakes early (killed) or
// waits again; stale entries are dropped when they come up.
type timerHeap []timerEntry

type timerEntry struct {
	at int64
	p  *Process
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

// live reports whether the entry still stands for a wait.
func (e timerEntry) live() bool { return e.p.timed() && e.p.wakeAt == e.at }

// add records that p waits until p.wakeAt.
func (h *timerHeap) add(p *Process) { heap.Push(h, timerEntry{at: p.wakeAt, p: p}) }

// next is the earliest tick a process waits for, or sched.Forever.
func (h *timerHeap) next() int64 {
	for len(*h) > 0 {
		if (*h)[0].live() {
			return (*h)[0].at
		}
		heap.Pop(h)
	}
	return sched.Forever
}

// due removes and returns the processes whose wait ends by now, in pid
// order.
func (h *timerHeap) due(now int64) []*Process {
	var out []*Process
	for len(*h) > 0 && (*h)[0].at <= now {
		e := heap.Pop(h).(timerEntry)
		if e.live() && !slices.Contains(out, e.p) {
			out = append(out, e.p)
		}
	}
	slices.SortFunc(out, func(a, b *Process) int { return a.PID - b.PID })
	return out
}
