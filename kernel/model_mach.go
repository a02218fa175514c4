package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// Mach ports (seed 001 slides 3.55–3.56): <osplay/mach.h>. A port is a
// mailbox of portBacklog messages, FIFO, owned by the task that allocated
// it, which alone receives from it and which it does not outlive. A
// message is copied twice: from the sender into the port, from the port
// to the receiver. msg_send and msg_receive answer with Mach's codes.

const portBacklog = 8 // port_allocate's buffer: 8 messages

// msg_send's and msg_receive's options, and their answers, as Mach's.
const (
	machWait    = 0 // MSG_OPTION_NONE: wait until there is room (a message)
	machTimeout = 1 // SEND_TIMEOUT, RCV_TIMEOUT: wait at most timeout ms (0: not at all)
	machNotify  = 2 // SEND_NOTIFY: the OS keeps the message until there is room, one per sender
	machNowait  = 3 // SEND_NOWAIT: return at once

	sendInvalidMemory = -101
	sendInvalidPort   = -102
	sendTimedOut      = -103
	sendWillNotify    = -105
	sendNotifyBusy    = -106
	sendKernelRefused = -107
	sendInterrupted   = -108
	sendTooLarge      = -109
	rcvInvalidMemory  = -201
	rcvInvalidPort    = -202
	rcvTimedOut       = -203
	rcvInterrupted    = -207
)

// portSet is a set of ports a task receives from at once.
type portSet struct {
	id        int
	owner     int
	ports     []*mailbox
	receivers WaitQueue
}

func (s *portSet) objectID() int               { return s.id }
func (s *portSet) queues(add func(*WaitQueue)) { add(&s.receivers) }
func (s *portSet) text() msg.Text              { return s.receivers.Object.Text() }
func (s *portSet) drop(mb *mailbox)            { s.ports = deleteItem(s.ports, mb); mb.set = nil }
func deleteItem[T comparable](xs []T, x T) []T {
	for i, y := range xs {
		if y == x {
			return append(xs[:i:i], xs[i+1:]...)
		}
	}
	return xs
}

func (s *portSet) Describe() ModelObject {
	o := ModelObject{Kind: "port_set", ID: s.id, Name: "port set", Owner: s.owner,
		Queues: []ModelQueue{{"receivers", s.receivers.Waiters()}}}
	for _, p := range s.ports {
		o.Items = append(o.Items, ModelMessage{Dest: p.id, Length: len(p.msgs)})
	}
	return o
}

// sysPortAllocate is port_allocate: a new port of the caller's, 8
// messages, FIFO. It returns the port's name.
func sysPortAllocate(m *Machine, t *Thread, a []uint64) sysret {
	o, errno := m.models.add(func(id int) modelObject {
		mb := &mailbox{id: id, kind: "port", owner: t.proc.PID, capacity: portBacklog}
		mb.init(m)
		return mb
	})
	if errno != 0 {
		return fail(errno)
	}
	mb := o.(*mailbox)
	m.modelEvent(t, msg.New(msg.ModelCreated, msg.Sub("obj", mb.text())))
	return ok(int64(mb.id))
}

// port finds a port the caller owns: EINVAL for another kind, EPERM for
// another task's.
func (m *Machine) port(t *Thread, id int) (*mailbox, int) {
	mb, errno := lookup[*mailbox](&m.models, id)
	switch {
	case errno != 0:
		return nil, errno
	case mb.kind != "port":
		return nil, abi.EINVAL
	case mb.owner != t.proc.PID:
		return nil, abi.EPERM
	}
	return mb, 0
}

func sysPortDeallocate(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := m.port(t, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	m.destroyMailbox(mb, msg.New(msg.ModelDestroyed, msg.Sub("obj", mb.text())),
		msg.New(msg.WokeMsgRemoved, msg.Sub("obj", mb.text()), msg.Int("tid", t.TID)), t.proc.PID)
	return ok(0)
}

// sysPortStatus is port_status: the number of messages in the port.
func sysPortStatus(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	if errno == 0 && mb.kind != "port" {
		errno = abi.EINVAL
	}
	if errno != 0 {
		return fail(errno)
	}
	return ok(int64(len(mb.msgs)))
}

// sysPortBacklog is port_set_backlog(port, n): the port holds n messages.
func sysPortBacklog(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := m.port(t, int(int32(a[0])))
	n := int(int32(a[1]))
	switch {
	case errno != 0:
		return fail(errno)
	case n < 1 || n > modelMaxQueued:
		return fail(abi.EINVAL)
	}
	mb.capacity = n
	mb.room.WakeAll(msg.New(msg.WokeMsgTaken, msg.Sub("obj", mb.text()), msg.Int("tid", t.TID)))
	return ok(0)
}

func sysPortSetAllocate(m *Machine, t *Thread, a []uint64) sysret {
	o, errno := m.models.add(func(id int) modelObject {
		s := &portSet{id: id, owner: t.proc.PID}
		s.receivers.init(m, WaitObject{Kind: WaitPortSet, ID: uint64(id)})
		return s
	})
	if errno != 0 {
		return fail(errno)
	}
	s := o.(*portSet)
	m.modelEvent(t, msg.New(msg.ModelCreated, msg.Sub("obj", s.text())))
	return ok(int64(s.id))
}

// sysPortSetAdd is port_set_add(set, port): the port leaves the set it
// was in, if any, for this one.
func sysPortSetAdd(m *Machine, t *Thread, a []uint64) sysret {
	s, errno := lookup[*portSet](&m.models, int(int32(a[0])))
	if errno == 0 && s.owner != t.proc.PID {
		errno = abi.EPERM
	}
	if errno != 0 {
		return fail(errno)
	}
	mb, errno := m.port(t, int(int32(a[1])))
	if errno != 0 {
		return fail(errno)
	}
	if mb.set != nil {
		mb.set.drop(mb)
	}
	mb.set = s
	s.ports = append(s.ports, mb)
	return ok(0)
}

// machSendCodes translates a send's errors into msg_send's answers.
var machSendCodes = map[int]int64{
	abi.EFAULT: sendInvalidMemory, abi.EINVAL: sendInvalidPort, EIDRM: sendInvalidPort, abi.EAGAIN: sendTimedOut,
	ETIMEDOUT: sendTimedOut, eALREADY: sendNotifyBusy, ENOSPC: sendKernelRefused, abi.EINTR: sendInterrupted,
	EMSGSIZE: sendTooLarge,
}

// sysMsgSendMach is msg_send(m, option, timeout): the message goes to the
// port m->dest, m->source naming the port for a reply. When the port is
// full: MSG_OPTION_NONE waits for room, SEND_TIMEOUT at most timeout ms,
// SEND_NOWAIT not at all, and SEND_NOTIFY lets the OS keep the message
// (SEND_WILL_NOTIFY), one per sender (then SEND_NOTIFY_IN_PROGRESS).
func sysMsgSendMach(m *Machine, t *Thread, a []uint64) sysret {
	ms := &m.models
	option, timeout := int(int32(a[1])), int64(int32(a[2]))
	if option < machWait || option > machNowait || option == machTimeout && timeout < 0 {
		return ok(sendInvalidPort)
	}
	mg, errno := readMessage(t, a[0])
	var mb *mailbox
	if errno == 0 {
		mb, errno = lookup[*mailbox](ms, int(mg.dest))
		if errno == 0 && mb.kind != "port" {
			errno = abi.EINVAL
		}
	}
	if errno != 0 {
		return ok(machSendCodes[errno])
	}
	how := sendHow{call: "msg_send", wait: option != machNowait, deadline: sched.Forever, keep: option == machNotify, copyIn: true}
	if option == machTimeout {
		how.wait = timeout > 0
		how.deadline, how.ms = m.deadline(t, timeout), timeout
	}
	r := m.put(t, mb, mg, how)
	switch {
	case r.block:
		return r
	case r.errno != 0:
		return ok(machSendCodes[r.errno])
	case r.val == 1:
		return ok(sendWillNotify)
	}
	return ok(0)
}

// machReceiveCodes translates a receive's errors into msg_receive's answers.
var machReceiveCodes = map[int]int64{
	abi.EFAULT: rcvInvalidMemory, abi.EINVAL: rcvInvalidPort, EIDRM: rcvInvalidPort, abi.EPERM: rcvInvalidPort,
	ETIMEDOUT: rcvTimedOut, abi.EINTR: rcvInterrupted,
}

// sysMsgReceiveMach is msg_receive(m, from, option, timeout): the first
// message of the port from, or of the first port of the set from that has
// one; with RCV_TIMEOUT it waits at most timeout ms (0: not at all).
func sysMsgReceiveMach(m *Machine, t *Thread, a []uint64) sysret {
	ms := &m.models
	from, option, timeout := int(int32(a[1])), int(int32(a[2])), int64(int32(a[3]))
	if option != machWait && option != machTimeout || option == machTimeout && timeout < 0 {
		return ok(rcvInvalidPort)
	}
	how := takeHow{call: "msg_receive", wait: true, deadline: sched.Forever}
	if option == machTimeout {
		how.wait = timeout > 0
		how.deadline, how.ms = m.deadline(t, timeout), timeout
	}
	var boxes []*mailbox
	var q *WaitQueue
	var obj msg.Text
	if s, errno := lookup[*portSet](ms, from); errno == 0 {
		if s.owner != t.proc.PID {
			return ok(rcvInvalidPort)
		}
		boxes, q, obj = s.ports, &s.receivers, s.text()
	} else {
		mb, errno := m.port(t, from)
		if errno != 0 {
			return ok(machReceiveCodes[errno])
		}
		boxes, q, obj = []*mailbox{mb}, &mb.receivers, mb.text()
	}
	mg, mb, r := m.take(t, boxes, q, obj, how)
	switch {
	case r.block:
		return r
	case mg == nil && r.errno == 0:
		return ok(rcvTimedOut) // RCV_TIMEOUT of 0 and nothing there
	case mg == nil:
		return ok(machReceiveCodes[r.errno])
	}
	if errno := writeMessage(t, a[0], mg); errno != 0 {
		return ok(rcvInvalidMemory)
	}
	m.remove(t, mb, mg, true)
	return ok(0)
}
