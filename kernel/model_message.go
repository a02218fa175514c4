package kernel

import (
	"encoding/binary"
	"strconv"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// Message passing (seed 001 slides 3.42–3.56, seed 002 slides 30–37):
// one kind of queue, the mailbox, serves the three ways the slides name
// where a message goes.
//
//   - A link: direct naming. Every process has one, made when first used,
//     holding the messages sent to it: send(P, m) puts a message in P's,
//     receive(Q, m) takes the first from Q out of the caller's (symmetric),
//     receive_any(&id, m) the first from anyone (asymmetric). Unbounded;
//     it goes with its process.
//   - A mailbox: indirect naming. Made by a process, which owns it and alone
//     receives from it; owned by that process (it goes when its owner
//     exits) or by the OS (it stays, and its ownership can be given away).
//     Its capacity is zero (every send waits for the receive: rendezvous),
//     n, or unbounded; each send and receive says whether it waits. It is
//     kept inside the OS or inside its owner's process, where a receive is
//     a library call (modelCall): the user/kernel mode switches are counted.
//   - A Mach port: a mailbox of 8 messages, FIFO, owned by the task that
//     allocated it, with Mach's four answers to a full port and receive
//     from a port set; each message is copied twice, in and out.
//
// A mailbox or a link may lose or scramble messages, with a probability
// drawn from the run's seed (slide 3.47).

// The message of seed 002, slide 30, as <osplay/message.h> lays it out:
// a header of five ints, then the body.
const (
	messageHeader = 20  // type, dest, source, length, control
	messageMax    = 256 // MESSAGE_MAX: the largest body
)

// modelMsg is a message in a mailbox.
type modelMsg struct {
	typ, dest, source, control int32
	body                       []byte
	from, tid                  int     // the sending process and thread
	seq                        int64   // its number in its mailbox, from 1 (the views match its receive to its send)
	sync                       *Thread // its sender, waiting until it is taken (zero capacity, syncsend)
	taken                      bool
	scrambled                  bool
}

// readMessage reads the caller's struct message at addr: EMSGSIZE for a
// body longer than MESSAGE_MAX, EINVAL for a negative length.
func readMessage(t *Thread, addr uint64) (*modelMsg, int) {
	var h [messageHeader]byte
	if t.proc.mem.Read(addr, h[:]) != nil {
		return nil, abi.EFAULT
	}
	le := binary.LittleEndian
	n := int32(le.Uint32(h[12:]))
	switch {
	case n < 0:
		return nil, abi.EINVAL
	case n > messageMax:
		return nil, EMSGSIZE
	}
	mg := &modelMsg{typ: int32(le.Uint32(h[0:])), dest: int32(le.Uint32(h[4:])), source: int32(le.Uint32(h[8:])),
		control: int32(le.Uint32(h[16:])), body: make([]byte, n), from: t.proc.PID}
	if t.proc.mem.Read(addr+messageHeader, mg.body) != nil {
		return nil, abi.EFAULT
	}
	return mg, 0
}

// writeMessage stores mg into the caller's struct message at addr.
func writeMessage(t *Thread, addr uint64, mg *modelMsg) int {
	b := make([]byte, messageHeader+len(mg.body))
	le := binary.LittleEndian
	le.PutUint32(b[0:], uint32(mg.typ))
	le.PutUint32(b[4:], uint32(mg.dest))
	le.PutUint32(b[8:], uint32(mg.source))
	le.PutUint32(b[12:], uint32(len(mg.body)))
	le.PutUint32(b[16:], uint32(mg.control))
	copy(b[messageHeader:], mg.body)
	if t.proc.mem.Write(addr, b) != nil {
		return abi.EFAULT
	}
	return 0
}

// mailbox is a queue of messages: a mailbox, a Mach port or a process's
// link.
type mailbox struct {
	id        int    // a link's is the pid it carries messages to
	kind      string // "mailbox", "port", "link"
	owner     int    // the process that may receive (0: any)
	byOS      bool   // owned by the OS: it outlives its owner
	inProcess bool   // kept inside its owner's process
	capacity  int    // -1 unbounded, 0 rendezvous, n
	msgs      []*modelMsg
	kept      []*modelMsg // a full port's messages the OS keeps, one per sender (Mach's SEND_NOTIFY)
	room      WaitQueue   // senders waiting for room
	taken     WaitQueue   // senders waiting for their message to be taken
	receivers WaitQueue   // receivers waiting for a message
	lose      int         // percent of messages the link loses
	scramble  int         // percent of messages the link scrambles
	switches  int64       // user/kernel mode switches of its sends and receives
	passed    int64       // messages received out of it
	copies    int64       // bytes copied in and out (a port's double copy)
	sent      int64       // messages sent into it, lost ones too: the last message's seq
	set       *portSet    // the port set it belongs to
	gone      bool
}

func (mb *mailbox) objectID() int { return mb.id }

// waitKind is the kind of wait on mb's queues.
func (mb *mailbox) waitKind() WaitKind {
	switch mb.kind {
	case "port":
		return WaitPort
	case "link":
		return WaitLink
	}
	return WaitMailbox
}

func (mb *mailbox) init(m *Machine) {
	o := WaitObject{Kind: mb.waitKind(), ID: uint64(mb.id)}
	mb.room.init(m, o)
	mb.taken.init(m, o)
	mb.receivers.init(m, o)
}

// text names mb for people, with the messages in it.
func (mb *mailbox) text() msg.Text {
	return WaitObject{Kind: mb.waitKind(), ID: uint64(mb.id), Value: int64(len(mb.msgs))}.Text()
}

func (mb *mailbox) queues(add func(*WaitQueue)) {
	add(&mb.room)
	add(&mb.taken)
	add(&mb.receivers)
}

func (mb *mailbox) Describe() ModelObject {
	o := ModelObject{Kind: mb.kind, ID: mb.id, Name: mb.kind + " " + strconv.Itoa(mb.id), Owner: mb.owner, ByOS: mb.byOS,
		InProcess: mb.inProcess, Capacity: mb.capacity, Switches: mb.switches, Passed: mb.passed, Copied: mb.copies,
		Queues: []ModelQueue{{"senders", mb.room.Waiters()}, {"senders waiting for the receiver", mb.taken.Waiters()},
			{"receivers", mb.receivers.Waiters()}}}
	for _, mg := range mb.msgs {
		o.Items = append(o.Items, mg.describe(false))
	}
	for _, mg := range mb.kept {
		o.Items = append(o.Items, mg.describe(true))
	}
	return o
}

func (mg *modelMsg) describe(kept bool) ModelMessage {
	return ModelMessage{Type: int(mg.typ), Dest: int(mg.dest), Source: int(mg.source), Length: len(mg.body),
		Control: int(mg.control), Body: append([]byte(nil), mg.body...), From: mg.from, Waiting: mg.sync != nil,
		Kept: kept, Scrambled: mg.scrambled}
}

// hasRoom reports whether a send may put a message in mb now: a
// rendezvous always may (its sender then waits for the receiver).
func (mb *mailbox) hasRoom() bool {
	return mb.capacity <= 0 || len(mb.msgs) < mb.capacity
}

// sendHow is what a send does when the mailbox is full, and after.
type sendHow struct {
	call     string
	wait     bool  // wait for room; else EAGAIN at once
	deadline int64 // give up waiting at this tick (ETIMEDOUT); sched.Forever: never
	ms       int64 // the wait at most, in milliseconds, for the event
	keep     bool  // Mach's SEND_NOTIFY: the OS keeps one message per sender (ok(1)); a second one EALREADY
	sync     bool  // wait until the message is taken (syncsend; always with zero capacity)
	copyIn   bool  // report the message copied into the mailbox (a port's first copy)
}

const eALREADY = 114 // EALREADY: the OS already keeps a message of this sender

// deadline is the tick a call that waits at most ms milliseconds gives up:
// fixed when it first waits, the same when it starts over after a wakeup.
func (m *Machine) deadline(t *Thread, ms int64) int64 {
	if ms < 0 {
		return sched.Forever
	}
	if t.waiter.woke != notWoken {
		return t.waiter.deadline
	}
	return m.t + ms*m.cfg.TicksPerSecond/1000
}

// pendingSend is the message t's send waits to see taken, when the send
// starts over after a wakeup; nil for a new send. A send a handler
// interrupted (EINTR) left its message behind, which nobody waits for.
func (m *Machine) pendingSend(t *Thread) *modelMsg {
	ms := &m.models
	pend := ms.pending[t.TID]
	if pend != nil && !t.inSyscallRestart() {
		pend.sync = nil
		delete(ms.pending, t.TID)
		return nil
	}
	return pend
}

// put sends mg into mb for t. mg is nil when t starts over a send whose
// message is already in, waiting to be taken.
func (m *Machine) put(t *Thread, mb *mailbox, mg *modelMsg, how sendHow) sysret {
	ms := &m.models
	if pend := ms.pending[t.TID]; pend != nil {
		switch {
		case pend.taken:
			delete(ms.pending, t.TID)
			return ok(0)
		case t.waiter.woke == wokeSignal:
			mb.unqueue(ms, pend)
			delete(ms.pending, t.TID)
			return fail(abi.EINTR)
		}
		mb.taken.Sleep(t, msg.New(msg.WaitTaken, msg.Name("call", how.call), msg.Sub("obj", mb.text())))
		return blocked()
	}
	if t.waiter.woke == wokeSignal {
		return fail(abi.EINTR)
	}
	if !mb.hasRoom() {
		switch {
		case how.keep:
			for _, k := range mb.kept {
				if k.from == mg.from {
					m.modelEvent(t, msg.New(msg.ModelCacheRefused, msg.Sub("obj", mb.text())))
					return fail(eALREADY)
				}
			}
			if ms.queued >= modelMaxQueued {
				return fail(ENOSPC)
			}
			mb.kept = append(mb.kept, mg)
			ms.queued++
			m.modelEvent(t, msg.New(msg.ModelCached, msg.Sub("obj", mb.text())))
			mb.sent++
			mg.seq, mg.tid = mb.sent, t.TID
			m.msgPut(t, mb, mg, how)
			return ok(1)
		case !how.wait:
			m.modelEvent(t, msg.New(msg.ModelFull, msg.Sub("obj", mb.text())))
			return fail(abi.EAGAIN)
		case t.waiter.woke == wokeTimeout || how.deadline <= m.t:
			m.modelEvent(t, msg.New(msg.ModelTimedOut, msg.Sub("obj", mb.text()), msg.Int("ms", how.ms)))
			return fail(ETIMEDOUT)
		}
		mb.room.Object.Value = int64(len(mb.msgs))
		mb.room.SleepUntil(t, how.deadline, msg.New(msg.WaitMsgSend, msg.Name("call", how.call), msg.Sub("obj", mb.text())))
		return blocked()
	}
	if ms.queued >= modelMaxQueued {
		return fail(ENOSPC)
	}
	mb.sent++
	mg.seq, mg.tid = mb.sent, t.TID
	if m.faulty(t, mb, mg) {
		return ok(0) // lost: the sender cannot tell
	}
	mb.msgs = append(mb.msgs, mg)
	ms.queued++
	if how.copyIn {
		mb.copies += int64(len(mg.body))
		m.modelEvent(t, msg.New(msg.ModelCopyIn, msg.Sub("obj", mb.text()), msg.Int("typ", mg.typ), msg.Int("len", len(mg.body))))
	} else {
		m.modelEvent(t, msg.New(msg.ModelSent, msg.Sub("obj", mb.text()), msg.Int("typ", mg.typ), msg.Int("len", len(mg.body)), msg.Int("sw", mb.switches)))
	}
	m.msgPut(t, mb, mg, how)
	m.wakeReceivers(t, mb)
	if how.sync || mb.capacity == 0 {
		if ms.pending == nil {
			ms.pending = map[int]*modelMsg{}
		}
		mg.sync = t
		ms.pending[t.TID] = mg
		mb.taken.Sleep(t, msg.New(msg.WaitTaken, msg.Name("call", how.call), msg.Sub("obj", mb.text())))
		return blocked()
	}
	return ok(0)
}

// faulty applies mb's faults to mg: it reports true when the link lost it,
// and may change a byte of its body.
func (m *Machine) faulty(t *Thread, mb *mailbox, mg *modelMsg) bool {
	ms := &m.models
	if mb.lose > 0 && ms.draw(m.cfg.Seed, 100) < uint64(mb.lose) {
		m.modelEvent(t, msg.New(msg.ModelLost, msg.Sub("obj", mb.text()), msg.Int("from", mg.from)))
		m.emitIPC(t, KindTransfer, IPCOp{Obj: mb.ref(), Op: OpSend, Seq: mg.seq, Type: int64(mg.typ),
			Bytes: int64(len(mg.body)), Data: firstBytes(mg.body), Fault: FaultLost})
		return true
	}
	if mb.scramble > 0 && len(mg.body) > 0 && ms.draw(m.cfg.Seed, 100) < uint64(mb.scramble) {
		at := ms.draw(m.cfg.Seed, uint64(len(mg.body)))
		mg.body[at] ^= byte(1 + ms.draw(m.cfg.Seed, 255))
		mg.scrambled = true
		m.modelEvent(t, msg.New(msg.ModelCorrupted, msg.Sub("obj", mb.text()), msg.Int("from", mg.from), msg.Int("at", int64(at))))
	}
	return false
}

// wakeReceivers wakes those waiting for a message in mb, or in its port set.
func (m *Machine) wakeReceivers(t *Thread, mb *mailbox) {
	why := msg.New(msg.WokeMsgSent, msg.Sub("obj", mb.text()), msg.Int("tid", t.TID))
	mb.receivers.WakeAll(why)
	if mb.set != nil {
		mb.set.receivers.WakeAll(why)
	}
}

// unqueue takes mg back out of mb (its sender gave up).
func (mb *mailbox) unqueue(ms *modelSpace, mg *modelMsg) {
	for i, x := range mb.msgs {
		if x == mg {
			mb.msgs = append(mb.msgs[:i:i], mb.msgs[i+1:]...)
			ms.queued--
			return
		}
	}
}

// takeHow is what a receive does when there is nothing to take.
type takeHow struct {
	call     string
	from     int // take only a message of this process (symmetric naming); 0: any
	wait     bool
	deadline int64
	ms       int64
}

// pick finds the first message of mb a receive takes, or -1.
func (mb *mailbox) pick(from int) int {
	for i, mg := range mb.msgs {
		if from == 0 || mg.from == from {
			return i
		}
	}
	return -1
}

// take finds the message a receive of t takes from boxes (one mailbox, or
// a port set's ports) and returns it with its mailbox; when there is
// none, r says how the call ends: blocked on q, ETIMEDOUT, ESRCH (the
// process it waits to hear from is gone), or none (a receive that does
// not wait: r.val 0).
func (m *Machine) take(t *Thread, boxes []*mailbox, q *WaitQueue, obj msg.Text, how takeHow) (*modelMsg, *mailbox, sysret) {
	ms := &m.models
	delete(ms.wantFrom, t.TID)
	if t.waiter.woke == wokeSignal {
		return nil, nil, fail(abi.EINTR)
	}
	for _, mb := range boxes {
		if i := mb.pick(how.from); i >= 0 {
			delete(ms.wantFrom, t.TID)
			return mb.msgs[i], mb, sysret{}
		}
	}
	switch {
	case how.from != 0 && !m.alive(how.from):
		delete(ms.wantFrom, t.TID)
		m.modelEvent(t, msg.New(msg.ModelPeerGone, msg.Int("pid", how.from)))
		return nil, nil, fail(abi.ESRCH)
	case !how.wait:
		m.modelEvent(t, msg.New(msg.ModelEmpty, msg.Sub("obj", obj)))
		return nil, nil, ok(0)
	case t.waiter.woke == wokeTimeout || how.deadline <= m.t:
		m.modelEvent(t, msg.New(msg.ModelTimedOut, msg.Sub("obj", obj), msg.Int("ms", how.ms)))
		return nil, nil, fail(ETIMEDOUT)
	}
	cause := msg.New(msg.WaitMsgRecv, msg.Name("call", how.call), msg.Sub("obj", obj))
	if how.from != 0 {
		if ms.wantFrom == nil {
			ms.wantFrom = map[int]int{}
		}
		ms.wantFrom[t.TID] = how.from
		cause = msg.New(msg.WaitFrom, msg.Name("call", how.call), msg.Int("pid", how.from), msg.Sub("obj", obj))
	}
	q.SleepUntil(t, how.deadline, cause)
	return nil, nil, blocked()
}

// alive reports whether process pid exists and has not exited.
func (m *Machine) alive(pid int) bool {
	p := m.byPID[pid]
	return p != nil && p.State() != StateTerminated
}

// remove takes mg, delivered to t, out of mb: its sender, if it waits for
// that, goes on; a kept message may enter; senders waiting for room may
// try again.
func (m *Machine) remove(t *Thread, mb *mailbox, mg *modelMsg, copyOut bool) {
	ms := &m.models
	mb.unqueue(ms, mg)
	mg.taken = true
	mb.passed++
	if copyOut {
		mb.copies += int64(len(mg.body))
		m.modelEvent(t, msg.New(msg.ModelCopyOut, msg.Sub("obj", mb.text()), msg.Int("typ", mg.typ), msg.Int("len", len(mg.body)), msg.Int("from", mg.from)))
	} else {
		m.modelEvent(t, msg.New(msg.ModelReceived, msg.Sub("obj", mb.text()), msg.Int("typ", mg.typ), msg.Int("len", len(mg.body)),
			msg.Int("from", mg.from), msg.Int("sw", mb.switches)))
	}
	m.msgTaken(t, mb, mg, copyOut)
	taken := msg.New(msg.WokeMsgTaken, msg.Sub("obj", mb.text()), msg.Int("tid", t.TID))
	if s := mg.sync; s != nil && s.waiter.queue == &mb.taken {
		m.wake(s, wokeEvent, taken)
	}
	for len(mb.kept) > 0 && mb.hasRoom() {
		k := mb.kept[0]
		mb.kept = mb.kept[1:]
		mb.msgs = append(mb.msgs, k)
		mb.copies += int64(len(k.body))
		m.emit(Event{PID: k.from, Kind: KindModel, Name: "msg_send", Msg: msg.New(msg.ModelCacheDelivered, msg.Sub("obj", mb.text()), msg.Int("pid", k.from))})
		m.wakeReceivers(t, mb)
	}
	if mb.hasRoom() {
		mb.room.WakeAll(taken)
	}
}

// destroyMailbox ends mb: its messages go, and every thread waiting on it
// wakes to find it gone. what is the event's text, why the wakeups'; pid
// the process the event is about.
func (m *Machine) destroyMailbox(mb *mailbox, what, why msg.Text, pid int) {
	ms := &m.models
	if mb.kind != "link" {
		delete(ms.objs, mb.id)
	}
	mb.gone = true
	ms.queued -= len(mb.msgs) + len(mb.kept)
	mb.msgs, mb.kept = nil, nil
	if s := mb.set; s != nil {
		s.drop(mb)
	}
	m.emit(Event{PID: pid, Kind: KindModel, Name: mb.kind, Msg: what})
	mb.room.WakeAll(why)
	mb.taken.WakeAll(why)
	mb.receivers.WakeAll(why)
}

// The direct links.

// link is the link carrying messages to process pid, made when first used.
func (ms *modelSpace) link(m *Machine, pid int) *mailbox {
	if l := ms.links[pid]; l != nil {
		return l
	}
	if ms.links == nil {
		ms.links = map[int]*mailbox{}
	}
	l := &mailbox{id: pid, kind: "link", owner: pid, capacity: -1}
	l.init(m)
	ms.links[pid] = l
	return l
}

// sysModelSend is send(P, m) (slide 3.44), asyncsend and syncsend (002,
// slides 32–35): a message into P's link; with sync the sender waits
// until P has taken it (strong synchronisation).
func sysModelSend(m *Machine, t *Thread, a []uint64) sysret {
	ms := &m.models
	pid, addr, sync := int(int32(a[0])), a[1], a[2] == 1
	if !m.alive(pid) || pid <= 1 {
		// No such process, or it exited while the sender waited for it
		// to take the message (slide 3.47).
		delete(ms.pending, t.TID)
		m.modelEvent(t, msg.New(msg.ModelPeerGone, msg.Int("pid", pid)))
		return fail(abi.ESRCH)
	}
	l := ms.link(m, pid)
	if !t.inSyscallRestart() {
		l.switches += 2
	}
	var mg *modelMsg
	if m.pendingSend(t) == nil {
		var errno int
		if mg, errno = readMessage(t, addr); errno != 0 {
			return fail(errno)
		}
		mg.dest, mg.source = int32(pid), int32(t.proc.PID)
	}
	call := opName(opSend, a)
	return m.put(t, l, mg, sendHow{call: call, wait: true, deadline: sched.Forever, sync: sync})
}

// inSyscallRestart reports whether t's call is starting over after a wait.
func (t *Thread) inSyscallRestart() bool { return t.waiter.woke != notWoken }

// sysModelReceive is receive(Q, m) (symmetric: from Q only; Q -1: from
// anyone, asymmetric, the sender's pid stored at from), blockreceive and
// nbreceive (002, slides 33–35). It returns 1 with a message, 0 when a
// receive that does not wait finds none.
func sysModelReceive(m *Machine, t *Thread, a []uint64) sysret {
	ms := &m.models
	from, addr, fromAddr, nowait := int(int32(a[0])), a[1], a[2], a[3] == 1
	if from == 0 || from < -1 {
		return fail(abi.EINVAL)
	}
	if from == -1 {
		from = 0
	}
	l := ms.link(m, t.proc.PID)
	if !t.inSyscallRestart() {
		l.switches += 2
	}
	call := opName(opReceive, a)
	mg, _, r := m.take(t, []*mailbox{l}, &l.receivers, l.text(), takeHow{call: call, from: from, wait: !nowait, deadline: sched.Forever})
	if mg == nil {
		return r
	}
	if errno := writeMessage(t, addr, mg); errno != 0 {
		return fail(errno)
	}
	if fromAddr != 0 && t.proc.mem.WriteU32(fromAddr, uint32(mg.from)) != nil {
		return fail(abi.EFAULT)
	}
	m.remove(t, l, mg, false)
	return ok(1)
}

// sysLinkFaults sets the faults of the link to process pid: percentages
// of messages lost and scrambled (slide 3.47).
func sysLinkFaults(m *Machine, t *Thread, a []uint64) sysret {
	pid, lose, scramble := int(int32(a[0])), int(int32(a[1])), int(int32(a[2]))
	if !m.alive(pid) || pid <= 1 {
		return fail(abi.ESRCH)
	}
	if lose < 0 || lose > 100 || scramble < 0 || scramble > 100 {
		return fail(abi.EINVAL)
	}
	l := m.models.link(m, pid)
	l.lose, l.scramble = lose, scramble
	return ok(0)
}
