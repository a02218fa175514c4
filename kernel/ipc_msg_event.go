package kernel

// The events of message queues (msgqueue.go, mqueue.go): each message
// sent is numbered in its queue and keeps its sender, so its receive
// names the send it matches.

// ref names the System V queue for the views.
func (q *msgQueue) ref() IPCRef {
	return IPCRef{Kind: IPCMsgQueue, ID: int64(q.id), Name: ipcKeyName(q.key)}
}

// ref names the POSIX queue for the views.
func (q *mqueue) ref() IPCRef {
	return IPCRef{Kind: IPCMqueue, ID: int64(q.senders.Object.ID), Name: q.name}
}

// ipcKeyName is a System V key as ipcs shows it, "" for IPC_PRIVATE.
func ipcKeyName(key int32) string {
	if key == 0 {
		return ""
	}
	const hex = "0123456789abcdef"
	b := []byte("0x00000000")
	for i, k := 9, uint32(key); i >= 2; i, k = i-1, k>>4 {
		b[i] = hex[k&15]
	}
	return string(b)
}

// msgSent numbers a message t sends to obj and reports it: typ is its
// type (System V) or priority (POSIX).
func (m *Machine) msgSent(t *Thread, obj IPCRef, l *ipcLedger, typ int64, data []byte) ipcSender {
	from := ipcSender{seq: l.wrote(t.proc.PID, t.TID, 0), pid: t.proc.PID, tid: t.TID}
	m.emitIPC(t, KindTransfer, IPCOp{Obj: obj, Op: OpSend, Seq: from.seq, Type: typ,
		Bytes: int64(len(data)), Data: firstBytes(data)})
	return from
}

// msgReceived reports that t took the message from sent.
func (m *Machine) msgReceived(t *Thread, obj IPCRef, from ipcSender, typ int64, data []byte) {
	m.emitIPC(t, KindTransfer, IPCOp{Obj: obj, Op: OpReceive, Seq: from.seq, Type: typ,
		Bytes: int64(len(data)), Data: firstBytes(data),
		Matched: []IPCMatch{{Seq: from.seq, PID: from.pid, TID: from.tid, Bytes: int64(len(data))}}})
}

// ref names the named semaphore for the views.
func (s *namedSem) ref() IPCRef { return IPCRef{Kind: IPCSem, ID: int64(s.id), Name: s.name} }

// semPosted reports a post of s by t, numbered as a write of one unit.
func (m *Machine) semPosted(t *Thread, s *namedSem) {
	seq := s.ledger.wrote(t.proc.PID, t.TID, 1)
	m.emitIPC(t, KindTransfer, IPCOp{Obj: s.ref(), Op: OpSemPost, Seq: seq, Type: s.value})
}

// semTaken reports that t took a unit of s: from the oldest post not yet
// taken, or from the value it was made with.
func (m *Machine) semTaken(t *Thread, s *namedSem) {
	matched := s.ledger.took(1)
	if len(matched) == 1 && matched[0].Seq == 0 {
		matched = nil // a unit of the value it was made with
	}
	m.emitIPC(t, KindTransfer, IPCOp{Obj: s.ref(), Op: OpSemWait, Type: s.value, Matched: matched})
}
