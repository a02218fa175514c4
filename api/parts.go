package api

import (
	"reflect"
	"slices"

	"osplay/kernel"
)

// The parts of a snapshot a session keeps from one batch to the next. A
// running session takes a snapshot about thirty times a second, and at
// the default speed (ten ticks a batch) most of it is what the last one
// said: the ready queues, the job and swap queues, the devices, the
// synchronisation objects, the waits, the IPC objects, the globals. Each
// of these parts is read from the machine and compared with the last,
// and while it is the same the snapshot carries the last one's very
// slice: the session builds nothing, and the encoder, which keeps the
// bytes of the state it sent last (delta.go), writes those bytes again
// without encoding or comparing the part (sameParts).
//
// Invariant: a slice in parts is never changed once a snapshot carried
// it; a part that changes is a new slice. So the same slice is the same
// contents, and the same bytes on the wire.
type snapshotParts struct {
	ready         [][]int
	jobs, swapped []int
	devices       []Device
	sync          []SyncObject
	waits         waitsMemo
	ipc           []IPCObject
	ipcMore       int
	globals       []GlobalVar

	// b are the buffers the session reads the machine into and builds
	// the parts rebuilt at every batch in (lend.go); lent says they are
	// borrowed, to be given back once the batch is written.
	b    *partBuffers
	lent bool
}

// sameSlice reports whether a and b are the very same slice, not empty:
// by the invariant of snapshotParts, the same part.
func sameSlice[T any](a, b []T) bool { return len(a) > 0 && len(a) == len(b) && &a[0] == &b[0] }

// readyQueues lists each CPU's ready queue: the last list while every
// queue is the same.
func (c *snapshotParts) readyQueues(m *kernel.Machine, n int) [][]int {
	same := len(c.ready) == n
	for i := 0; same && i < n; i++ {
		c.b.ints = m.AppendReadyQueue(c.b.ints[:0], i)
		same = slices.Equal(c.b.ints, c.ready[i])
	}
	if same {
		return c.ready
	}
	c.ready = make([][]int, n)
	for i := range c.ready {
		c.ready[i] = orEmpty(m.ReadyQueue(i))
	}
	return c.ready
}

// sameInts is list (the machine's, made for the caller) or, when it is
// the same, last.
func sameInts(last, list []int) []int {
	if last != nil && slices.Equal(last, list) {
		return last
	}
	return orEmpty(list)
}

// deviceQueues lists the device queues: the last list while they are the
// same.
func (c *snapshotParts) deviceQueues(m *kernel.Machine) []Device {
	views := m.Devices()
	if c.devices != nil && len(views) == len(c.devices) {
		same := true
		for i, d := range views {
			w := &c.devices[i]
			if d.Name != w.Name || d.Serial != w.Serial || !slices.Equal(d.Queue, w.Queue) {
				same = false
				break
			}
		}
		if same {
			return c.devices
		}
	}
	c.devices = devices(m)
	return c.devices
}

// syncObjects lists the synchronisation objects threads wait on: the
// last list while it is the same.
func (c *snapshotParts) syncObjects(m *kernel.Machine) []SyncObject {
	list := syncObjects(m)
	if slices.EqualFunc(list, c.sync, func(a, b SyncObject) bool {
		return a.PID == b.PID && a.Kind == b.Kind && a.Addr == b.Addr && a.Var == b.Var && a.Name == b.Name &&
			a.Owner == b.Owner && a.Value == b.Value && a.Arrived == b.Arrived && a.Count == b.Count && slices.Equal(a.Waiters, b.Waiters)
	}) {
		return c.sync
	}
	c.sync = list
	return list
}

// ipcObjects lists the IPC objects: the last list while they are the
// same. A machine with none (most) costs a look at each kind.
func (c *snapshotParts) ipcObjects(m *kernel.Machine) ([]IPCObject, int) {
	list, more := ipcObjects(m)
	if more == c.ipcMore && (len(list) == 0 && len(c.ipc) == 0 || reflect.DeepEqual(list, c.ipc)) {
		return c.ipc, c.ipcMore
	}
	c.ipc, c.ipcMore = list, more
	return list, more
}

// globalsNow lists the integer globals of the live processes (init left
// out), as they are now: the last list while every value is the same.
func (c *snapshotParts) globalsNow(m *kernel.Machine, list []kernel.ProcBrief) []GlobalVar {
	out := c.b.scratch[:0]
	n := 0
	for _, p := range list {
		if p.PID == 1 || n == maxGlobalsProcs {
			continue
		}
		c.b.values = m.AppendGlobalsNow(c.b.values[:0], p.PID, maxGlobalsSent)
		if len(c.b.values) > 0 {
			n++
		}
		for _, g := range c.b.values {
			out = append(out, GlobalVar{PID: p.PID, Var: g.Name, Value: g.Value})
		}
	}
	c.b.scratch = out
	if len(out) == 0 {
		c.globals = nil
		return nil
	}
	if !slices.Equal(out, c.globals) {
		c.globals = slices.Clone(out)
	}
	return c.globals
}

// buffers are the buffers for a snapshot: for a session that may lend
// them (Session.reuse) borrowed until giveBack, which the session calls
// once the batch is written; for any other, new ones, which the batch
// keeps.
func (c *snapshotParts) buffers(lend bool) *partBuffers {
	switch {
	case !lend:
		c.b, c.lent = &partBuffers{}, false
	case !c.lent:
		c.b, c.lent = partsBuffers.borrow(), true
		if c.b == nil {
			c.b = &partBuffers{}
		}
	}
	return c.b
}

// giveBack gives the buffers back, their batch written.
func (c *snapshotParts) giveBack() {
	if c.lent {
		c.b.clear()
		partsBuffers.giveBack(c.b)
	}
	c.b, c.lent = nil, false
}
