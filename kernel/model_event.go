package kernel

import (
	"strconv"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// Events (seed 002, slides 2–4): <osplay/event.h>. An event is a list of
// blocked processes kept by the OS. event_wait blocks the caller until
// the event is signalled (as P); event_signal lets the longest waiting
// one go on (as V) — but when nobody waits the signal is lost, unlike a
// semaphore's V, which is remembered; event_queue is how many wait.

type modelEvent struct {
	id   int
	name string
	q    WaitQueue
}

func (ev *modelEvent) objectID() int               { return ev.id }
func (ev *modelEvent) queues(add func(*WaitQueue)) { add(&ev.q) }
func (ev *modelEvent) text() msg.Text              { return ev.q.Object.Text() }
func (ev *modelEvent) Describe() ModelObject {
	return ModelObject{Kind: "event", ID: ev.id, Name: ev.name, Queues: []ModelQueue{{"waiting", ev.q.Waiters()}}}
}

func sysEventCreate(m *Machine, t *Thread, a []uint64) sysret {
	name, errno := readName(t, a[0])
	if errno != 0 {
		return fail(errno)
	}
	o, errno := m.models.add(func(id int) modelObject {
		if name == "" {
			name = strconv.Itoa(id)
		}
		ev := &modelEvent{id: id, name: name}
		ev.q.init(m, WaitObject{Kind: WaitEvent, ID: uint64(id), Name: name})
		return ev
	})
	if errno != 0 {
		return fail(errno)
	}
	ev := o.(*modelEvent)
	m.modelEvent(t, msg.New(msg.ModelCreated, msg.Sub("obj", ev.text())))
	return ok(int64(ev.id))
}

// sysEventWait is event_wait (topOfHour.wait()).
func sysEventWait(m *Machine, t *Thread, a []uint64) sysret {
	ev, errno := lookup[*modelEvent](&m.models, int(int32(a[0])))
	switch {
	case errno != 0:
		return fail(errno)
	case t.waiter.woke == wokeEvent:
		return ok(0)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	}
	ev.q.Sleep(t, msg.New(msg.WaitEvent, msg.Sub("obj", ev.text())))
	return blocked()
}

// sysEventSignal is event_signal (topOfHour.signal()): it returns 1 when
// it let a waiter go on, 0 when nobody waited.
func sysEventSignal(m *Machine, t *Thread, a []uint64) sysret {
	ev, errno := lookup[*modelEvent](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	if ev.q.Len() == 0 {
		m.modelEvent(t, msg.New(msg.ModelEventLost, msg.Sub("obj", ev.text())))
		return ok(0)
	}
	m.modelEvent(t, msg.New(msg.ModelEventSignal, msg.Sub("obj", ev.text()), msg.Int("tid", ev.q.waiters[0].TID)))
	ev.q.WakeOne(msg.New(msg.WokeEvent, msg.Sub("obj", ev.text()), msg.Int("tid", t.TID)))
	return ok(1)
}

// sysEventQueue is event_queue (topOfHour.queue()).
func sysEventQueue(m *Machine, t *Thread, a []uint64) sysret {
	ev, errno := lookup[*modelEvent](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	return ok(int64(ev.q.Len()))
}
