package api

import (
	"osplay/kernel"
	"sync"
	"unsafe"
)

// Buffers lent for one batch. A running session builds a batch about
// thirty times a second — its events, the snapshot's process list, CPUs
// and instructions, the encoded bytes — and each of these buffers is dead
// once the batch is written. Sessions that each kept their own would
// hold them all between batches, a class's thousand sessions a thousand
// sets, each out of the processor's caches by the session's next batch;
// and when a class presses Run together, each session's first batch
// would take fresh memory from the system for them, a page fault at each
// new page. Borrowed for the batch and given back once it is written, a
// few sets serve every session, and stay warm.
//
// Only a session whose messages are done with when sent (Session.reuse:
// the socket encodes and writes each before send returns) borrows: any
// other hands its batches to a receiver that may keep them.

// lender lends values of T, the last given back first (the warmest).
// It keeps at most lenderKeeps: those given back beyond are dropped.
type lender[T any] struct {
	mu   sync.Mutex
	free []T
}

// lenderKeeps is how many buffers a lender keeps: more than the batches
// built at once (one per processor), with room for the sessions that
// hold theirs across intervals while their client is behind.
const lenderKeeps = 256

// borrow is a value given back earlier, or the zero T if there is none.
func (l *lender[T]) borrow() (v T) {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		v = l.free[n-1]
		var zero T
		l.free[n-1] = zero
		l.free = l.free[:n-1]
	}
	l.mu.Unlock()
	return v
}

// giveBack keeps v for a later borrow, unless the lender is full.
func (l *lender[T]) giveBack(v T) {
	l.mu.Lock()
	if len(l.free) < lenderKeeps {
		l.free = append(l.free, v)
	}
	l.mu.Unlock()
}

// lendsAtMost is the largest buffer a lender keeps, in bytes: a batch
// crowded with events or processes leaves its buffers to the collector.
const lendsAtMost = 64 << 10

// lendAgain gives s back to l, emptied (cleared), unless it is too large.
func lendAgain[E any](l *lender[[]E], s []E) {
	if s = cleared(s); s != nil {
		l.giveBack(s)
	}
}

// cleared is s emptied for another borrower, its elements zeroed so that
// it holds nothing of the last batch alive, or nil when s is none or
// larger than lendsAtMost.
func cleared[T any](s []T) []T {
	var zero T
	if cap(s) == 0 || uintptr(cap(s))*unsafe.Sizeof(zero) > lendsAtMost {
		return nil
	}
	s = s[:cap(s)]
	clear(s)
	return s[:0]
}

// The lenders of a batch's buffers: its events, the snapshot's buffers
// (partBuffers) and the encoded bytes.
var (
	eventBuffers   lender[[]Event]
	partsBuffers   lender[*partBuffers]
	encodedBuffers lender[[]byte]
)

// partBuffers are the buffers a snapshot is read and built into: the
// machine's ready queues, process list and globals as read, and the
// slices of the parts rebuilt at every batch (the processes, the CPUs,
// the instructions), which the batch carries until it is written.
type partBuffers struct {
	ints    []int
	briefs  []kernel.ProcBrief
	values  []kernel.GlobalValue
	scratch []GlobalVar
	procs   []Proc
	cpus    []CPU
	instrs  []Instr
}

// clear empties every buffer for another borrower (cleared).
func (b *partBuffers) clear() {
	b.ints, b.briefs, b.values, b.scratch = cleared(b.ints), cleared(b.briefs), cleared(b.values), cleared(b.scratch)
	b.procs, b.cpus, b.instrs = cleared(b.procs), cleared(b.cpus), cleared(b.instrs)
}
