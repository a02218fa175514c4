package api

import (
	"container/heap"
	"math"
	"time"
)

// cpuLine is the accounts waiting for a CPU slot, the least used lately
// first. Every account's use decays at the same rate, so two waiters keep
// their order while they wait: each is ranked once, as it joins, by
// log2(use) + at/halfLife — its decayed use on a log scale, which stays
// finite for ever — and the line is a heap on that rank, ties in order of
// arrival. Taking the first is O(log n) however many sessions wait.
type cpuLine struct {
	epoch   time.Time
	seq     uint64
	waiters lineHeap
}

// join puts w in line.
func (l *cpuLine) join(w *cpuWaiter) {
	a := w.acct
	w.rank = math.Log2(a.use) + a.at.Sub(l.epoch).Seconds()/cpuHalfLife.Seconds()
	l.seq++
	w.seq = l.seq
	heap.Push(&l.waiters, w)
}

// first takes the waiter with the least use out of the line.
func (l *cpuLine) first() *cpuWaiter { return heap.Pop(&l.waiters).(*cpuWaiter) }

// leave takes w out of the line, if it is in it.
func (l *cpuLine) leave(w *cpuWaiter) {
	if w.index >= 0 && w.index < len(l.waiters) && l.waiters[w.index] == w {
		heap.Remove(&l.waiters, w.index)
	}
}

func (l *cpuLine) len() int { return len(l.waiters) }

// lineHeap is container/heap's view of the line.
type lineHeap []*cpuWaiter

func (h lineHeap) Len() int { return len(h) }
func (h lineHeap) Less(i, j int) bool {
	if h[i].rank != h[j].rank {
		return h[i].rank < h[j].rank
	}
	return h[i].seq < h[j].seq
}
func (h lineHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *lineHeap) Push(x any) {
	w := x.(*cpuWaiter)
	w.index = len(*h)
	*h = append(*h, w)
}
func (h *lineHeap) Pop() any {
	old := *h
	w := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	w.index = -1
	return w
}
