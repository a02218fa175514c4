package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// The System V message queue calls (msgqueue.go).

func sysMsgget(m *Machine, t *Thread, a []uint64) sysret {
	return m.msgGet(t.proc, int32(a[0]), int(int32(a[1])))
}

// sysMsgsnd reads the caller's struct msgbuf (a long type, then size
// bytes) and sends it: EINVAL for a size past MSGMAX or a type below 1.
func sysMsgsnd(m *Machine, t *Thread, a []uint64) sysret {
	id, buf, size, flag := int(int32(a[0])), a[1], a[2], int(int32(a[3]))
	if size > msgMax || id < 0 {
		return fail(abi.EINVAL)
	}
	mtype, err := t.proc.mem.ReadU64(buf)
	if err != nil {
		return fail(abi.EFAULT)
	}
	if int64(mtype) < 1 {
		return fail(abi.EINVAL)
	}
	data := make([]byte, size)
	if t.proc.mem.Read(buf+8, data) != nil {
		return fail(abi.EFAULT)
	}
	return m.msgSnd(t, id, int64(mtype), data, flag)
}

func sysMsgrcv(m *Machine, t *Thread, a []uint64) sysret {
	id, size := int(int32(a[0])), a[2]
	if int64(size) < 0 || id < 0 {
		return fail(abi.EINVAL)
	}
	return m.msgRcv(t, id, a[1], size, int64(a[3]), int(int32(a[4])))
}

// struct msqid_ds on x86-64 Linux: 120 bytes after its ipc_perm.
const (
	msqidDsSize  = 120
	msgQbytesOff = 88
	msgQnumOff   = 80
	msgCbytesOff = 72
	msgLspidOff  = 96
	msgLrpidOff  = 100
	msgStimeOff  = 48
	msgRtimeOff  = 56
	msgCtimeOff  = 64
)

// sysMsgctl is msgctl with IPC_STAT, IPC_SET (owner, mode and msg_qbytes,
// which only a privileged process may raise past MSGMNB: EPERM) and
// IPC_RMID.
func sysMsgctl(m *Machine, t *Thread, a []uint64) sysret {
	id, cmd, buf := int(int32(a[0])), int(int32(a[1])), a[2]
	q, errno := m.msgQueueOf(t, id)
	if errno != 0 {
		return fail(errno)
	}
	le := binary.LittleEndian
	switch cmd {
	case ipcStat:
		if !q.permits(false) {
			return fail(abi.EACCES)
		}
		b := make([]byte, msqidDsSize)
		putPerm(b, q.ipcPerm, q.id/seqMultiplier)
		le.PutUint64(b[msgStimeOff:], uint64(q.stime))
		le.PutUint64(b[msgRtimeOff:], uint64(q.rtime))
		le.PutUint64(b[msgCtimeOff:], uint64(q.ctime))
		le.PutUint64(b[msgCbytesOff:], uint64(q.cbytes))
		le.PutUint64(b[msgQnumOff:], uint64(len(q.msgs)))
		le.PutUint64(b[msgQbytesOff:], uint64(q.qbytes))
		le.PutUint32(b[msgLspidOff:], uint32(q.lspid))
		le.PutUint32(b[msgLrpidOff:], uint32(q.lrpid))
		if t.proc.mem.Write(buf, b) != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	case ipcSet:
		qb, err := t.proc.mem.ReadU64(buf + msgQbytesOff)
		if err != nil {
			return fail(abi.EFAULT)
		}
		if qb > msgMNB && qb > uint64(q.qbytes) {
			return fail(abi.EPERM)
		}
		if errno := getPerm(t, buf, &q.ipcPerm); errno != 0 {
			return fail(errno)
		}
		q.qbytes = int(qb)
		q.ctime, _ = m.seconds()
		// More room may let a sender in.
		q.senders.WakeAll(msg.New(msg.WokeMsgTaken, msg.Sub("obj", q.senders.Object.Text()), msg.Int("tid", t.TID)))
		return ok(0)
	case ipcRmid:
		m.msgRemove(t, q)
		return ok(0)
	}
	return fail(abi.EINVAL)
}
