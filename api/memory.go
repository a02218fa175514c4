package api

import (
	"runtime/metrics"
	"sync/atomic"
)

// The server's memory budget. Every machine is bounded by
// Limits.MaxSessionMemory; the server as a whole by Options.MemoryBudget,
// the memory the process may use (the container's limit, or a flag). New
// sessions and runs are refused with server_full while the process's
// memory is above serverFullAt of the budget: the runs in progress can
// still grow into what is left.
//
// The process's memory is the Go heap in use, read from runtime/metrics:
// the machines' pages are Go memory, so the heap already holds them. The
// machines' own count (MemoryInUse, added up over the live sessions and
// runs) is kept beside it, cheaply, for /metrics and for the page.

// serverFullAt is the share of the budget past which new work is refused.
const serverFullAt = 0.85

// heapMetric is the runtime's count of bytes in heap objects, live or not
// yet swept: what the heap holds now.
const heapMetric = "/memory/classes/heap/objects:bytes"

// memoryBudget tracks the process's memory against its budget.
type memoryBudget struct {
	limit    atomic.Uint64 // bytes; 0: no budget
	machines atomic.Int64  // bytes the live machines have touched, in all
}

// heapBytes is the Go heap in use.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// full reports whether new work must be refused.
func (b *memoryBudget) full() bool {
	limit := b.limit.Load()
	return limit > 0 && float64(heapBytes()) > serverFullAt*float64(limit)
}

// machineMemory follows one machine's memory in the server's count: a
// session or a run calls update after computing, and close at its end.
type machineMemory struct {
	budget *memoryBudget // nil: count nothing
	last   int64
}

// update records that the machine now uses n bytes.
func (m *machineMemory) update(n uint64) {
	if m.budget == nil {
		return
	}
	m.budget.machines.Add(int64(n) - m.last)
	m.last = int64(n)
}

// close takes the machine out of the count.
func (m *machineMemory) close() { m.update(0) }
