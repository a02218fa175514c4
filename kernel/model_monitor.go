package kernel

import (
	"strconv"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// Monitors (seed 002, slides 11–27): <osplay/monitor.h>. One thread at a
// time is inside a monitor; the others wait in its entry queue. A thread
// inside may wait on a condition, which lets the next one in. What
// signal does is the run's choice (Config.Monitor, slide 20):
//
//   - Hoare: the signalled thread takes the monitor at once; the signaller
//     waits in the urgent queue, which goes before the entry queue when
//     the monitor is next given up.
//   - Mesa (Hansen): the signaller goes on; the signalled thread moves to
//     the entry queue and runs when its turn comes — by then what it
//     waited for may be gone again, so it must look again (while, not if).
//
// The monitor is handed over, never left free for whoever comes first:
// the thread given it is woken owning it, so the semantics are exact.

// monitor is one monitor.
type monitor struct {
	id     int
	name   string
	owner  *Thread // the thread inside; nil when none
	hoare  bool
	entry  WaitQueue // threads waiting to enter
	urgent WaitQueue // signallers waiting to go on (Hoare)
	conds  []*condition
}

// condition is a condition variable of a monitor.
type condition struct {
	id   int
	name string
	mon  *monitor
	q    WaitQueue
}

func (mon *monitor) objectID() int { return mon.id }
func (mon *monitor) text() msg.Text {
	return msg.New(msg.ObjMonitor, msg.Name("name", mon.name))
}
func (mon *monitor) queues(add func(*WaitQueue)) {
	add(&mon.entry)
	add(&mon.urgent)
}

func (mon *monitor) Describe() ModelObject {
	o := ModelObject{Kind: "monitor", ID: mon.id, Name: mon.name, Semantics: MonitorMesa,
		Queues: []ModelQueue{{"entry", mon.entry.Waiters()}}}
	if mon.hoare {
		o.Semantics = MonitorHoare
		o.Queues = append(o.Queues, ModelQueue{"urgent", mon.urgent.Waiters()})
	}
	if mon.owner != nil {
		o.Owner = mon.owner.TID
	}
	for _, c := range mon.conds {
		o.Queues = append(o.Queues, ModelQueue{c.name, c.q.Waiters()})
	}
	return o
}

func (c *condition) objectID() int               { return c.id }
func (c *condition) queues(add func(*WaitQueue)) { add(&c.q) }
func (c *condition) Describe() ModelObject {
	return ModelObject{Kind: "condition", ID: c.id, Name: c.name, Owner: c.mon.id,
		Queues: []ModelQueue{{c.name, c.q.Waiters()}}}
}

// sysMonitorCreate is monitor_create(name): a monitor with the run's
// signal semantics.
func sysMonitorCreate(m *Machine, t *Thread, a []uint64) sysret {
	name, errno := readName(t, a[0])
	if errno != 0 {
		return fail(errno)
	}
	o, errno := m.models.add(func(id int) modelObject {
		if name == "" {
			name = strconv.Itoa(id)
		}
		mon := &monitor{id: id, name: name, hoare: m.cfg.Monitor != MonitorMesa}
		mon.entry.init(m, WaitObject{Kind: WaitMonitor, ID: uint64(id), Name: name})
		mon.urgent.init(m, WaitObject{Kind: WaitUrgent, ID: uint64(id), Name: name})
		return mon
	})
	if errno != 0 {
		return fail(errno)
	}
	mon := o.(*monitor)
	m.modelEvent(t, msg.New(msg.ModelCreated, msg.Sub("obj", mon.text())))
	return ok(int64(mon.id))
}

// sysMonitorEnter is monitor_enter: the P(mutex) the compiler puts at the
// start of every procedure of a monitor (slide 11). The caller waits in
// the entry queue while another thread is inside.
func sysMonitorEnter(m *Machine, t *Thread, a []uint64) sysret {
	mon, errno := lookup[*monitor](&m.models, int(int32(a[0])))
	switch {
	case errno != 0:
		return fail(errno)
	case mon.owner == t:
		if t.inSyscallRestart() {
			m.modelEvent(t, msg.New(msg.ModelEnter, msg.Sub("obj", mon.text())))
		}
		return ok(0) // handed over while it waited (or already inside)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	case mon.owner == nil:
		mon.owner = t
		m.modelEvent(t, msg.New(msg.ModelEnter, msg.Sub("obj", mon.text())))
		return ok(0)
	}
	mon.sleepEntry(t)
	m.detectDeadlock(t)
	return blocked()
}

// sleepEntry makes t wait in mon's entry queue.
func (mon *monitor) sleepEntry(t *Thread) {
	mon.entry.Object.Holder = mon.owner.TID
	mon.entry.Sleep(t, msg.New(msg.WaitEntry, msg.Sub("obj", mon.entry.Object.Text())))
}

// sysMonitorLeave is monitor_leave: the V(mutex) at the end of every
// procedure. EPERM for a thread not inside.
func sysMonitorLeave(m *Machine, t *Thread, a []uint64) sysret {
	mon, errno := lookup[*monitor](&m.models, int(int32(a[0])))
	switch {
	case errno != 0:
		return fail(errno)
	case mon.owner != t:
		return fail(abi.EPERM)
	}
	m.modelEvent(t, msg.New(msg.ModelLeave, msg.Sub("obj", mon.text())))
	m.release(mon)
	return ok(0)
}

// release gives mon up: to the first signaller waiting in the urgent
// queue (Hoare), else to the first thread of the entry queue, else to
// nobody.
func (m *Machine) release(mon *monitor) {
	by := mon.owner
	var next *Thread
	switch {
	case mon.urgent.Len() > 0:
		next = mon.urgent.waiters[0]
	case mon.entry.Len() > 0:
		next = mon.entry.waiters[0]
	}
	mon.owner = next
	if next == nil {
		return
	}
	if by != nil && by.live() {
		m.modelEvent(by, msg.New(msg.ModelPassed, msg.Sub("obj", mon.text()), msg.Int("tid", next.TID)))
	}
	tid := 0
	if by != nil {
		tid = by.TID
	}
	m.wake(next, wokeEvent, msg.New(msg.WokeHandedOver, msg.Sub("obj", mon.text()), msg.Int("tid", tid)))
}

// sysConditionCreate is condition_create(monitor, name): a condition
// variable of the monitor.
func sysConditionCreate(m *Machine, t *Thread, a []uint64) sysret {
	mon, errno := lookup[*monitor](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	name, errno := readName(t, a[1])
	if errno != 0 {
		return fail(errno)
	}
	o, errno := m.models.add(func(id int) modelObject {
		if name == "" {
			name = strconv.Itoa(id)
		}
		c := &condition{id: id, name: name, mon: mon}
		c.q.init(m, WaitObject{Kind: WaitCondition, ID: uint64(id), Name: name})
		return c
	})
	if errno != 0 {
		return fail(errno)
	}
	c := o.(*condition)
	mon.conds = append(mon.conds, c)
	m.modelEvent(t, msg.New(msg.ModelCreated, msg.Sub("obj", c.q.Object.Text())))
	return ok(int64(c.id))
}

// sysConditionWait is condition_wait (x.wait(), slide 18): the caller
// waits on the condition and gives the monitor up; it returns inside the
// monitor again, once signalled and handed the monitor back.
func sysConditionWait(m *Machine, t *Thread, a []uint64) sysret {
	c, errno := lookup[*condition](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	mon := c.mon
	if !t.inSyscallRestart() {
		if mon.owner != t {
			return fail(abi.EPERM)
		}
		m.modelEvent(t, msg.New(msg.ModelCondWait, msg.Sub("obj", c.q.Object.Text())))
		m.release(mon)
		c.q.Sleep(t, msg.New(msg.WaitCondition, msg.Sub("obj", c.q.Object.Text())))
		return blocked()
	}
	switch {
	case mon.owner == t:
		return ok(0)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR) // the library enters the monitor again
	case mon.owner == nil:
		mon.owner = t
		return ok(0)
	}
	mon.sleepEntry(t)
	return blocked()
}

// sysConditionSignal is condition_signal (x.signal(), slide 18): nothing
// when nobody waits; else the first waiter goes on, at once (Hoare: the
// signaller waits in the urgent queue) or when its turn to enter comes
// (Mesa: the signaller goes on).
func sysConditionSignal(m *Machine, t *Thread, a []uint64) sysret {
	c, errno := lookup[*condition](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	mon := c.mon
	if t.inSyscallRestart() {
		switch {
		case mon.owner == t:
			return ok(0)
		case t.waiter.woke == wokeSignal:
			return fail(abi.EINTR)
		}
		mon.urgent.Sleep(t, msg.New(msg.WaitUrgent, msg.Sub("obj", mon.urgent.Object.Text())))
		return blocked()
	}
	switch {
	case mon.owner != t:
		return fail(abi.EPERM)
	case c.q.Len() == 0:
		m.modelEvent(t, msg.New(msg.ModelSignalNone, msg.Sub("obj", c.q.Object.Text())))
		return ok(0)
	}
	w := c.q.waiters[0]
	if mon.hoare {
		m.modelEvent(t, msg.New(msg.ModelSignalHoare, msg.Sub("obj", c.q.Object.Text()), msg.Int("tid", w.TID)))
		mon.owner = w
		m.wake(w, wokeEvent, msg.New(msg.WokeSignalled, msg.Sub("obj", c.q.Object.Text()), msg.Int("tid", t.TID)))
		mon.urgent.Sleep(t, msg.New(msg.WaitUrgent, msg.Sub("obj", mon.urgent.Object.Text())))
		return blocked()
	}
	// Mesa: w goes on waiting, now to enter.
	m.modelEvent(t, msg.New(msg.ModelSignalMesa, msg.Sub("obj", c.q.Object.Text()), msg.Int("tid", w.TID)))
	c.q.remove(w)
	mon.entry.waiters = append(mon.entry.waiters, w)
	w.waiter.queue = &mon.entry
	mon.entry.Object.Holder = t.TID
	w.Cause = msg.New(msg.WaitEntry, msg.Sub("obj", mon.entry.Object.Text()))
	return ok(0)
}

// sysConditionQueue is condition_queue (x.queue(), slide 18): how many
// threads wait on the condition; with what 1, the id of its monitor (for
// the library, which enters the monitor again after an EINTR).
func sysConditionQueue(m *Machine, t *Thread, a []uint64) sysret {
	c, errno := lookup[*condition](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	if a[1] == 1 {
		return ok(int64(c.mon.id))
	}
	return ok(int64(c.q.Len()))
}

// monitorHolder is the thread inside monitor id, for the wait-for graph.
func (ms *modelSpace) monitorHolder(id uint64) int {
	if mon, errno := lookup[*monitor](ms, int(id)); errno == 0 && mon.owner != nil {
		return mon.owner.TID
	}
	return 0
}
