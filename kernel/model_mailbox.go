package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// Mailboxes (seed 001 slides 3.44–3.52, seed 002 slides 36–37):
// <osplay/mailbox.h>. See model_message.go.

// mailbox_create's flags and the calls' MAILBOX_NOWAIT.
const (
	mboxByOS      = 1 // MAILBOX_BY_OS: owned by the OS (else by the creating process)
	mboxInProcess = 2 // MAILBOX_IN_PROCESS: kept inside the owner's process (else inside the OS)
	mboxNowait    = 1 // MAILBOX_NOWAIT
)

// sysMboxCreate is mailbox_create(capacity, flags): capacity
// MAILBOX_UNBOUNDED (-1), 0 (rendezvous) or n.
func sysMboxCreate(m *Machine, t *Thread, a []uint64) sysret {
	capacity, flags := int(int32(a[0])), int(int32(a[1]))
	if capacity < -1 || capacity > modelMaxQueued || flags&^(mboxByOS|mboxInProcess) != 0 {
		return fail(abi.EINVAL)
	}
	o, errno := m.models.add(func(id int) modelObject {
		mb := &mailbox{id: id, kind: "mailbox", owner: t.proc.PID, byOS: flags&mboxByOS != 0,
			inProcess: flags&mboxInProcess != 0, capacity: capacity}
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

// sysMboxSend is mailbox_send(mbox, m, flags): send(A, message) of slide
// 3.44. A full mailbox makes the sender wait, or with MAILBOX_NOWAIT fail
// with EAGAIN; one of zero capacity makes it wait for the receiver.
func sysMboxSend(m *Machine, t *Thread, a []uint64) sysret {
	ms := &m.models
	mb, errno := lookup[*mailbox](ms, int(int32(a[0])))
	if errno == 0 && mb.kind != "mailbox" {
		errno = abi.EINVAL
	}
	if errno != 0 {
		delete(ms.pending, t.TID)
		return fail(errno)
	}
	var mg *modelMsg
	if m.pendingSend(t) == nil {
		if mg, errno = readMessage(t, a[1]); errno != 0 {
			return fail(errno)
		}
		mg.dest, mg.source = int32(mb.id), int32(t.proc.PID)
	}
	return m.put(t, mb, mg, sendHow{call: "mailbox_send", wait: a[2]&mboxNowait == 0, deadline: sched.Forever})
}

// sysMboxReceive is mailbox_receive(mbox, m, flags): receive(A, message)
// of slide 3.44, by the owner only (EPERM). It returns 1 with a message;
// with MAILBOX_NOWAIT, 0 when there is none (slide 3.48's null).
func sysMboxReceive(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	switch {
	case errno != 0:
		return fail(errno)
	case mb.kind != "mailbox":
		return fail(abi.EINVAL)
	case mb.owner != 0 && mb.owner != t.proc.PID:
		return fail(abi.EPERM)
	}
	nowait := a[2]&mboxNowait != 0
	mg, _, r := m.take(t, []*mailbox{mb}, &mb.receivers, mb.text(), takeHow{call: "mailbox_receive", wait: !nowait, deadline: sched.Forever})
	if mg == nil {
		return r
	}
	if errno := writeMessage(t, a[1], mg); errno != 0 {
		return fail(errno)
	}
	m.remove(t, mb, mg, false)
	return ok(1)
}

// sysMboxGive is mailbox_give(mbox, pid): the owner of a mailbox the OS
// owns passes it, and the right to receive from it, to process pid (0:
// to anyone). A process's own mailbox cannot be given (EPERM).
func sysMboxGive(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	pid := int(int32(a[1]))
	switch {
	case errno != 0:
		return fail(errno)
	case mb.kind != "mailbox":
		return fail(abi.EINVAL)
	case !mb.byOS || mb.owner != 0 && mb.owner != t.proc.PID:
		return fail(abi.EPERM)
	case pid != 0 && !m.alive(pid):
		return fail(abi.ESRCH)
	}
	mb.owner = pid
	m.modelEvent(t, msg.New(msg.ModelGiven, msg.Sub("obj", mb.text()), msg.Int("pid", pid)))
	// Receivers who may now receive, or no longer, look again.
	mb.receivers.WakeAll(msg.New(msg.ModelGiven, msg.Sub("obj", mb.text()), msg.Int("pid", pid)))
	return ok(0)
}

// sysMboxDestroy is mailbox_destroy(mbox), by its owner: whoever waits on
// it gets EIDRM.
func sysMboxDestroy(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	switch {
	case errno != 0:
		return fail(errno)
	case mb.kind != "mailbox":
		return fail(abi.EINVAL)
	case mb.owner != 0 && mb.owner != t.proc.PID:
		return fail(abi.EPERM)
	}
	m.destroyMailbox(mb, msg.New(msg.ModelDestroyed, msg.Sub("obj", mb.text())),
		msg.New(msg.WokeMsgRemoved, msg.Sub("obj", mb.text()), msg.Int("tid", t.TID)), t.proc.PID)
	return ok(0)
}

// What mailbox_status(mbox, what) tells.
const (
	mboxCount    = 0 // MAILBOX_COUNT: messages in it
	mboxCapacity = 1 // MAILBOX_CAPACITY
	mboxOwner    = 2 // MAILBOX_OWNER: the pid that may receive (0: any)
	mboxSwitches = 3 // MAILBOX_SWITCHES: user/kernel mode switches so far
	mboxPassed   = 4 // MAILBOX_RECEIVED: messages received out of it
)

func sysMboxStatus(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	if errno != 0 {
		return fail(errno)
	}
	switch int(int32(a[1])) {
	case mboxCount:
		return ok(int64(len(mb.msgs)))
	case mboxCapacity:
		return ok(int64(mb.capacity))
	case mboxOwner:
		return ok(int64(mb.owner))
	case mboxSwitches:
		return ok(mb.switches)
	case mboxPassed:
		return ok(mb.passed)
	}
	return fail(abi.EINVAL)
}

// sysMboxFaults is mailbox_faults(mbox, lose, scramble): the percentages of
// messages into the mailbox its link loses and scrambles (slide 3.47).
func sysMboxFaults(m *Machine, t *Thread, a []uint64) sysret {
	mb, errno := lookup[*mailbox](&m.models, int(int32(a[0])))
	lose, scramble := int(int32(a[1])), int(int32(a[2]))
	switch {
	case errno != 0:
		return fail(errno)
	case lose < 0 || lose > 100 || scramble < 0 || scramble > 100:
		return fail(abi.EINVAL)
	}
	mb.lose, mb.scramble = lose, scramble
	return ok(0)
}
