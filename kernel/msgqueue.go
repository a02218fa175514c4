package kernel

import (
	"sort"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// System V message queues: msgget, msgsnd, msgrcv, msgctl. A queue
// belongs to the machine, as a segment does (shm.go), and holds typed
// messages up to its byte capacity (msg_qbytes, MSGMNB by default): a
// sender waits while its message does not fit, a receiver while no
// message of the type it asks for is there. Both wait on the queue's wait
// queues, which name the queue, so the views and the deadlock detector
// see who waits for which queue. IPC_RMID wakes them all: EIDRM.

// Linux's limits.
const (
	msgMax = 8192  // MSGMAX: the largest message
	msgMNB = 16384 // MSGMNB: a new queue's capacity in bytes
	// msgMNI bounds the queues of a machine. Linux allows 32000; the
	// simulator keeps fewer so that queues full of empty messages cannot
	// fill the server's memory.
	msgMNI = 128
	// msgMachineMax bounds the messages queued on the machine, over all
	// its queues: past it a sender waits as on a full queue.
	msgMachineMax = 1 << 16
)

// msgQueue is one System V message queue.
type msgQueue struct {
	ipcPerm
	id                  int
	msgs                []sysvMsg // oldest first
	cbytes              int       // bytes of the messages queued
	qbytes              int       // capacity: msg_qbytes
	lspid, lrpid        int
	stime, rtime, ctime int64
	senders             WaitQueue // threads waiting for room
	receivers           WaitQueue // threads waiting for a message
	ledger              ipcLedger // numbers its messages for the events
}

// sysvMsg is one message: its type and its bytes.
type sysvMsg struct {
	mtype int64
	data  []byte
	from  ipcSender
}

// msgGet is msgget: the queue with key (a new one for IPC_PRIVATE or with
// IPC_CREAT): ENOENT without IPC_CREAT, EEXIST with IPC_CREAT|IPC_EXCL,
// EACCES for flags its mode does not allow, ENOSPC past the machine's
// queues.
func (m *Machine) msgGet(p *Process, key int32, flag int) sysret {
	ns := &m.ipc
	if key != 0 {
		if q := ns.msgByKey(key); q != nil {
			switch {
			case flag&ipcCreat != 0 && flag&ipcExcl != 0:
				return fail(abi.EEXIST)
			case flag&ipcPerms&^int(q.mode&ipcPerms) != 0:
				return fail(abi.EACCES)
			}
			return ok(int64(q.id))
		}
		if flag&ipcCreat == 0 {
			return fail(abi.ENOENT)
		}
	}
	if len(ns.msgs) >= msgMNI {
		return fail(ENOSPC)
	}
	if ns.msgs == nil {
		ns.msgs = map[int]*msgQueue{}
	}
	sec, _ := m.seconds()
	slot := slotFree(ns.msgs)
	q := &msgQueue{
		ipcPerm: ipcPerm{key: key, uid: fs.StudentUID, gid: fs.StudentUID, mode: uint32(flag) & ipcPerms, slot: slot},
		id:      ns.newID(slot), qbytes: msgMNB, ctime: sec,
	}
	q.senders.init(m, WaitObject{Kind: WaitMsgSend, ID: uint64(q.id)})
	q.receivers.init(m, WaitObject{Kind: WaitMsgRecv, ID: uint64(q.id)})
	ns.msgs[q.id] = q
	m.ipcLife(nil, q.ref(), OpCreate)
	return ok(int64(q.id))
}

func (ns *ipcSpace) msgByKey(key int32) *msgQueue {
	for _, q := range ns.msgs {
		if q.key == key {
			return q
		}
	}
	return nil
}

// msgQueueOf finds queue id for a call of t: EINVAL when there is none,
// EIDRM when it was removed while t waited on it.
func (m *Machine) msgQueueOf(t *Thread, id int) (*msgQueue, int) {
	if q := m.ipc.msgs[id]; q != nil && id >= 0 {
		return q, 0
	}
	if gone, was := m.ipc.msgGone[id%seqMultiplier]; was && gone == id && t.waiter.woke != notWoken {
		return nil, EIDRM
	}
	return nil, abi.EINVAL
}

// Linux's error numbers for message queues.
const (
	ENOMSG   = 42
	EIDRM    = 43
	EMSGSIZE = 90
)

// fits reports whether a message of n bytes fits in q now.
func (m *Machine) msgFits(q *msgQueue, n int) bool {
	return q.cbytes+n <= q.qbytes && len(q.msgs)+1 <= q.qbytes && m.ipc.msgCount < msgMachineMax
}

// msgSnd is msgsnd of a message of type mtype: it waits while the queue
// is full (EAGAIN with IPC_NOWAIT).
func (m *Machine) msgSnd(t *Thread, id int, mtype int64, data []byte, flag int) sysret {
	q, errno := m.msgQueueOf(t, id)
	switch {
	case errno != 0:
		return fail(errno)
	case !q.permits(true):
		return fail(abi.EACCES)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	}
	if !m.msgFits(q, len(data)) {
		if flag&ipcNowait != 0 {
			return fail(abi.EAGAIN)
		}
		q.senders.Object.Value = int64(len(q.msgs))
		q.senders.Sleep(t, msg.New(msg.WaitMsgSend, msg.Name("call", "msgsnd"), msg.Sub("obj", q.senders.Object.Text())))
		return blocked()
	}
	from := m.msgSent(t, q.ref(), &q.ledger, mtype, data)
	q.msgs = append(q.msgs, sysvMsg{mtype: mtype, data: data, from: from})
	q.cbytes += len(data)
	m.ipc.msgCount++
	q.lspid = t.proc.PID
	q.stime, _ = m.seconds()
	q.receivers.Object.Value = int64(len(q.msgs))
	q.receivers.WakeAll(msg.New(msg.WokeMsgSent, msg.Sub("obj", q.receivers.Object.Text()), msg.Int("tid", t.TID)))
	return ok(0)
}

// msgPick finds the message msgrcv takes for msgtyp: the first (0), the
// first of type msgtyp (> 0; of another type with MSG_EXCEPT), or the
// first of the lowest type not above -msgtyp (< 0). -1 when none is there.
func msgPick(msgs []sysvMsg, msgtyp int64, flag int) int {
	best := -1
	for i, mg := range msgs {
		switch {
		case msgtyp == 0:
			return i
		case msgtyp > 0 && flag&msgExcept == 0 && mg.mtype == msgtyp,
			msgtyp > 0 && flag&msgExcept != 0 && mg.mtype != msgtyp:
			return i
		case msgtyp < 0 && mg.mtype <= -msgtyp && (best < 0 || mg.mtype < msgs[best].mtype):
			best = i
		}
	}
	return best
}

// msgRcv is msgrcv: it takes a message of the type asked for into the
// caller's struct msgbuf at buf (its type, then at most size bytes), and
// waits while there is none (ENOMSG with IPC_NOWAIT). A message longer
// than size stays queued (E2BIG) unless MSG_NOERROR cuts it.
func (m *Machine) msgRcv(t *Thread, id int, buf, size uint64, msgtyp int64, flag int) sysret {
	q, errno := m.msgQueueOf(t, id)
	switch {
	case errno != 0:
		return fail(errno)
	case !q.permits(false):
		return fail(abi.EACCES)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	}
	i := msgPick(q.msgs, msgtyp, flag)
	if i < 0 {
		if flag&ipcNowait != 0 {
			return fail(ENOMSG)
		}
		q.receivers.Object.Value = int64(len(q.msgs))
		q.receivers.Sleep(t, msg.New(msg.WaitMsgRecv, msg.Name("call", "msgrcv"), msg.Sub("obj", q.receivers.Object.Text())))
		return blocked()
	}
	mg := q.msgs[i]
	if uint64(len(mg.data)) > size && flag&msgNoerror == 0 {
		return fail(E2BIG)
	}
	data := mg.data[:min(uint64(len(mg.data)), size)]
	mem := t.proc.mem
	if mem.WriteU64(buf, uint64(mg.mtype)) != nil || mem.Write(buf+8, data) != nil {
		return fail(abi.EFAULT)
	}
	m.msgReceived(t, q.ref(), mg.from, mg.mtype, mg.data)
	q.msgs = append(q.msgs[:i:i], q.msgs[i+1:]...)
	q.cbytes -= len(mg.data)
	m.ipc.msgCount--
	q.lrpid = t.proc.PID
	q.rtime, _ = m.seconds()
	q.senders.Object.Value = int64(len(q.msgs))
	q.senders.WakeAll(msg.New(msg.WokeMsgTaken, msg.Sub("obj", q.senders.Object.Text()), msg.Int("tid", t.TID)))
	return ok(int64(len(data)))
}

// msgRemove is IPC_RMID: the queue and its messages go, and every thread
// waiting on it wakes to EIDRM.
func (m *Machine) msgRemove(t *Thread, q *msgQueue) {
	ns := &m.ipc
	delete(ns.msgs, q.id)
	if ns.msgGone == nil {
		ns.msgGone = map[int]int{}
	}
	ns.msgGone[q.slot] = q.id
	ns.msgCount -= len(q.msgs)
	q.msgs = nil
	m.ipcLife(t, q.ref(), OpDestroy)
	why := msg.New(msg.WokeMsgRemoved, msg.Sub("obj", q.senders.Object.Text()), msg.Int("tid", t.TID))
	q.senders.WakeAll(why)
	q.receivers.WakeAll(why)
}

// waitQueues gives add the senders' and the receivers' queue of each
// message queue: System V ones in slot order, then POSIX ones by name.
func (ns *ipcSpace) waitQueues(add func(*WaitQueue)) {
	qs := make([]*msgQueue, 0, len(ns.msgs))
	for _, q := range ns.msgs {
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].slot < qs[j].slot })
	for _, q := range qs {
		add(&q.senders)
		add(&q.receivers)
	}
	names := make([]string, 0, len(ns.mqs))
	for name := range ns.mqs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		add(&ns.mqs[name].senders)
		add(&ns.mqs[name].receivers)
	}
}
