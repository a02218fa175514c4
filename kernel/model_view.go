package kernel

import (
	"slices"
)

// The lecture's models as the IPC view and the sequence chart see them.
// Each message sent into a mailbox, a port or a link is a transfer event
// numbered in its object, and its receive names that number, so the
// chart draws the arrow from one to the other — a Mach message twice, as
// it is copied into its port and out of it; a lost message is a send with
// no receive, marked as lost. Mailboxes, links, ports, port sets, monitors
// and events are IPC objects of the one shape the views draw
// (ipc_objects.go): a monitor is its entry queue, the thread inside, a
// queue per condition and (Hoare) the urgent queue.

// The models' kinds of IPC objects.
const (
	IPCMailbox  IPCKind = "mailbox"
	IPCLink     IPCKind = "link" // a process's direct link: its id is the pid it carries messages to
	IPCPort     IPCKind = "port"
	IPCPortSet  IPCKind = "port_set"
	IPCMonitor  IPCKind = "monitor"
	IPCEventObj IPCKind = "event"
)

// ref names mb for the views.
func (mb *mailbox) ref() IPCRef {
	switch mb.kind {
	case "port":
		return IPCRef{Kind: IPCPort, ID: int64(mb.id)}
	case "link":
		return IPCRef{Kind: IPCLink, ID: int64(mb.id)}
	}
	return IPCRef{Kind: IPCMailbox, ID: int64(mb.id)}
}

// msgPut reports mg, numbered, put into mb (or kept for it by the OS) by t.
func (m *Machine) msgPut(t *Thread, mb *mailbox, mg *modelMsg, how sendHow) {
	op := IPCOp{Obj: mb.ref(), Op: OpSend, Seq: mg.seq, Type: int64(mg.typ), Bytes: int64(len(mg.body)), Data: firstBytes(mg.body)}
	if mg.scrambled {
		op.Fault = FaultScrambled
	}
	if how.copyIn {
		op.Copy = 1
	}
	m.emitIPC(t, KindTransfer, op)
}

// msgTaken reports that t took mg out of mb.
func (m *Machine) msgTaken(t *Thread, mb *mailbox, mg *modelMsg, copyOut bool) {
	op := IPCOp{Obj: mb.ref(), Op: OpReceive, Seq: mg.seq, Type: int64(mg.typ), Bytes: int64(len(mg.body)), Data: firstBytes(mg.body),
		Matched: []IPCMatch{{Seq: mg.seq, PID: mg.from, TID: mg.tid, Bytes: int64(len(mg.body))}}}
	if mg.scrambled {
		op.Fault = FaultScrambled
	}
	if copyOut {
		op.Copy = 2
	}
	m.emitIPC(t, KindTransfer, op)
}

func init() { registerIPCKind((*Machine).modelIPCObjects) }

// modelIPCObjects lists the model objects as IPC objects, by id, the
// direct links last (by pid). A condition is drawn in its monitor's box.
func (m *Machine) modelIPCObjects() []IPCObject {
	ms := &m.models
	if len(ms.objs) == 0 && len(ms.links) == 0 {
		return nil
	}
	var out []IPCObject
	for _, id := range ms.ids() {
		switch o := ms.objs[id].(type) {
		case *mailbox:
			out = append(out, o.ipcObject())
		case *portSet:
			out = append(out, o.ipcObject())
		case *monitor:
			out = append(out, o.ipcObject())
		case *modelEvent:
			ob := object(IPCRef{Kind: IPCEventObj, ID: int64(o.id), Name: o.name}, IPCField{Key: "waiting", Value: int64(o.q.Len())})
			ob.Queues = queue("waiters", &o.q)
			out = append(out, ob)
		}
	}
	for _, pid := range ms.linkPIDs() {
		out = append(out, ms.links[pid].ipcObject())
	}
	return out
}

// ipcObject is mb as the IPC view draws it: its capacity, who may
// receive, where it is kept, its mode switches, the messages in it with
// their headers and bodies (and those the OS keeps for a full port), and
// who waits.
func (mb *mailbox) ipcObject() IPCObject {
	o := object(mb.ref(), IPCField{Key: "capacity", Value: int64(mb.capacity)}, IPCField{Key: "messages", Value: int64(len(mb.msgs))})
	switch {
	case mb.capacity < 0:
		o.Fields[0].Str = "unbounded"
	case mb.capacity == 0:
		o.Fields[0].Str = "rendezvous"
	}
	if mb.kind == "mailbox" {
		owned, placed := "process", "in_os"
		if mb.byOS {
			owned = "os"
		}
		if mb.inProcess {
			placed = "in_process"
		}
		o.Fields = append(o.Fields, IPCField{Key: "owned_by", Str: owned}, IPCField{Key: "placed", Str: placed})
	}
	o.Fields = append(o.Fields, IPCField{Key: "switches", Value: mb.switches}, IPCField{Key: "received", Value: mb.passed})
	if mb.kind == "port" {
		o.Fields = append(o.Fields, IPCField{Key: "copied", Value: mb.copies})
		if mb.set != nil {
			o.Fields = append(o.Fields, IPCField{Key: "in_set", Value: int64(mb.set.id)})
		}
	}
	if mb.lose > 0 || mb.scramble > 0 {
		o.Fields = append(o.Fields, IPCField{Key: "lose_pct", Value: int64(mb.lose)}, IPCField{Key: "scramble_pct", Value: int64(mb.scramble)})
	}
	if mb.owner != 0 {
		o.Users = []IPCUser{{PID: mb.owner, Role: "receive"}}
	} else {
		o.Fields = append(o.Fields, IPCField{Key: "receiver", Str: "anyone"}) // the OS's, its owner gone or given to anyone
	}
	o.Queues = slices.Concat(queue("senders", &mb.room), queue("senders_taken", &mb.taken), queue("receivers", &mb.receivers))
	all := slices.Concat(mb.msgs, mb.kept)
	for i, mg := range all {
		if i == ipcItemsMax {
			o.More = len(all) - i
			break
		}
		it := IPCItem{Seq: mg.seq, PID: mg.from, TID: mg.tid, Type: int64(mg.typ), Bytes: int64(len(mg.body)),
			Data:   mg.body[:min(len(mg.body), ipcItemBytes)],
			Header: &MessageHeader{Type: mg.typ, Dest: mg.dest, Source: mg.source, Length: int32(len(mg.body)), Control: mg.control}}
		if i >= len(mb.msgs) {
			it.Marks = append(it.Marks, "kept")
		}
		if mg.sync != nil {
			it.Marks = append(it.Marks, "waiting")
		}
		if mg.scrambled {
			it.Marks = append(it.Marks, "scrambled")
		}
		o.Items = append(o.Items, it)
	}
	return o
}

func (s *portSet) ipcObject() IPCObject {
	o := object(IPCRef{Kind: IPCPortSet, ID: int64(s.id)}, IPCField{Key: "ports", Value: int64(len(s.ports))})
	o.Users = []IPCUser{{PID: s.owner, Role: "receive"}}
	if len(s.ports) > 0 {
		q := IPCQueue{Key: "ports", Of: IPCPort}
		for _, p := range s.ports {
			q.Waiters = append(q.Waiters, p.id)
		}
		o.Queues = append(o.Queues, q)
	}
	o.Queues = append(o.Queues, queue("receivers", &s.receivers)...)
	return o
}

// ipcObject is mon as a box: the thread inside, and every queue, empty
// or not — the entry queue, (Hoare) the urgent queue, each condition's.
func (mon *monitor) ipcObject() IPCObject {
	sem := MonitorMesa
	if mon.hoare {
		sem = MonitorHoare
	}
	o := object(IPCRef{Kind: IPCMonitor, ID: int64(mon.id), Name: mon.name}, IPCField{Key: "semantics", Str: sem})
	inside := IPCField{Key: "inside"}
	if mon.owner != nil {
		inside.Value = int64(mon.owner.TID)
	}
	o.Fields = append(o.Fields, inside)
	o.Queues = append(o.Queues, IPCQueue{Key: "entry", Waiters: waitersOf(&mon.entry)})
	if mon.hoare {
		o.Queues = append(o.Queues, IPCQueue{Key: "urgent", Waiters: waitersOf(&mon.urgent)})
	}
	for _, c := range mon.conds {
		o.Queues = append(o.Queues, IPCQueue{Key: "condition", Name: c.name, Waiters: waitersOf(&c.q)})
	}
	return o
}

// waitersOf is q's waiters, an empty list (not nil) when none waits.
func waitersOf(q *WaitQueue) []int {
	if w := q.Waiters(); w != nil {
		return w
	}
	return []int{}
}

// MessageHeader is a model message's header as seed 002, slide 30 lays
// it out: type, destination, source, length, control information.
type MessageHeader struct {
	Type, Dest, Source, Length, Control int32
}
