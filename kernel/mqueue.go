package kernel

import (
	"encoding/binary"
	"sort"
	"strings"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// POSIX message queues: mq_open, mq_timedsend, mq_timedreceive,
// mq_getattr/mq_setattr, mq_unlink (mq_send, mq_receive and mq_close are
// libc's, on these). A queue lives in the machine's namespace of names
// ("/queue") and holds at most mq_maxmsg messages of at most mq_msgsize
// bytes each, highest priority first and in order of sending within a
// priority. A descriptor (mqd_t) is a file descriptor whose description
// carries O_NONBLOCK, as on Linux. An unlinked queue lives on for the
// descriptors still open on it.

// Linux's defaults and limits for an unprivileged user.
const (
	mqDefaultMaxmsg  = 10
	mqDefaultMsgsize = 8192
	mqMaxmsgMax      = 10   // /proc/sys/fs/mqueue/msg_max
	mqMsgsizeMax     = 8192 // /proc/sys/fs/mqueue/msgsize_max
	mqQueuesMax      = 256  // /proc/sys/fs/mqueue/queues_max
	mqPrioMax        = 32768
	mqAttrSize       = 64 // struct mq_attr: four longs and four reserved
)

// mqueue is one POSIX message queue.
type mqueue struct {
	name      string
	mode      uint32
	maxmsg    int64
	msgsize   int64
	msgs      []mqMsg // highest priority first, FIFO within one
	senders   WaitQueue
	receivers WaitQueue
	ledger    ipcLedger // numbers its messages for the events
}

type mqMsg struct {
	prio uint32
	data []byte
	from ipcSender
}

// mqFile is a descriptor of a message queue. read and write do not apply
// (EINVAL): messages go through mq_send and mq_receive.
type mqFile struct {
	o *fs.OpenFile
	q *mqueue
}

func (f mqFile) read(m *Machine, t *Thread, p []byte) (int, int, bool) {
	return 0, abi.EINVAL, false
}
func (f mqFile) write(m *Machine, t *Thread, p []byte) (int, int) { return 0, abi.EINVAL }
func (f mqFile) seek(off int64, whence int) (int64, int)          { return 0, abi.ESPIPE }
func (f mqFile) stat() fs.Stat                                    { return f.o.Node.Stat() }
func (f mqFile) isTTY() bool                                      { return false }

// mqOpen is mq_open: name is "/" and a name of no other slash.
func (m *Machine) mqOpen(p *Process, name string, oflag int, mode uint32, attr uint64) sysret {
	switch {
	case !strings.HasPrefix(name, "/") || len(name) == 1:
		return fail(abi.EINVAL)
	case strings.Contains(name[1:], "/"):
		return fail(abi.EACCES)
	case len(name)-1 > fs.NameMax:
		return fail(ENAMETOOLONG)
	case oflag&fs.O_ACCMODE == fs.O_ACCMODE:
		return fail(abi.EINVAL)
	}
	ns := &m.ipc
	q := ns.mqs[name]
	switch {
	case q != nil && oflag&fs.O_CREAT != 0 && oflag&fs.O_EXCL != 0:
		return fail(abi.EEXIST)
	case q == nil && oflag&fs.O_CREAT == 0:
		return fail(abi.ENOENT)
	case q == nil:
		maxmsg, msgsize := int64(mqDefaultMaxmsg), int64(mqDefaultMsgsize)
		if attr != 0 {
			a1, e1 := p.mem.ReadU64(attr + 8)
			a2, e2 := p.mem.ReadU64(attr + 16)
			if e1 != nil || e2 != nil {
				return fail(abi.EFAULT)
			}
			maxmsg, msgsize = int64(a1), int64(a2)
			if maxmsg <= 0 || msgsize <= 0 || maxmsg > mqMaxmsgMax || msgsize > mqMsgsizeMax {
				return fail(abi.EINVAL)
			}
		}
		if len(ns.mqs) >= mqQueuesMax {
			return fail(ENOSPC)
		}
		q = &mqueue{name: name, mode: mode & 0777 &^ m.fs.Umask, maxmsg: maxmsg, msgsize: msgsize}
		q.senders.init(m, WaitObject{Kind: WaitMsgSend, ID: uint64(ns.mqNext), Name: name})
		q.receivers.init(m, WaitObject{Kind: WaitMsgRecv, ID: uint64(ns.mqNext), Name: name})
		ns.mqNext++
		if ns.mqs == nil {
			ns.mqs = map[string]*mqueue{}
		}
		ns.mqs[name] = q
		m.ipcLife(nil, q.ref(), OpCreate)
	}
	n := &fs.Inode{Mode: fs.S_IFREG | q.mode, UID: fs.StudentUID, GID: fs.StudentUID, Nlink: 1}
	o := m.fs.NewOpenFile(n, oflag&(fs.O_ACCMODE|fs.O_NONBLOCK))
	o.Ops = mqFile{o: o, q: q}
	fd, err := p.files.Install(o)
	if err != nil {
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

// mqOf returns the queue open on descriptor fd.
func mqOf(p *Process, fd int) (mqFile, bool) {
	o, err := p.files.Get(fd)
	if err != nil {
		return mqFile{}, false
	}
	f, isMq := o.Ops.(mqFile)
	return f, isMq
}

// mqDeadline reads the CLOCK_REALTIME deadline at abstime (none: forever).
func (m *Machine) mqDeadline(p *Process, abstime uint64) (int64, int) {
	if abstime == 0 {
		return sched.Forever, 0
	}
	return m.realtimeTick(p, abstime)
}

// mqSend is mq_timedsend: it waits while the queue is full (EAGAIN with
// O_NONBLOCK), until the deadline (ETIMEDOUT).
func (m *Machine) mqSend(t *Thread, fd int, buf, size uint64, prio uint32, abstime uint64) sysret {
	f, isMq := mqOf(t.proc, fd)
	switch {
	case !isMq || !f.o.Writable():
		return fail(abi.EBADF)
	case size > uint64(f.q.msgsize):
		return fail(EMSGSIZE)
	case prio >= mqPrioMax:
		return fail(abi.EINVAL)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	}
	q := f.q
	if int64(len(q.msgs)) >= q.maxmsg {
		if f.o.Flags&fs.O_NONBLOCK != 0 {
			return fail(abi.EAGAIN)
		}
		deadline, errno := m.mqDeadline(t.proc, abstime)
		switch {
		case errno != 0:
			return fail(errno)
		case t.waiter.woke == wokeTimeout || deadline <= m.t:
			return fail(ETIMEDOUT)
		}
		q.senders.Object.Value = int64(len(q.msgs))
		q.senders.SleepUntil(t, deadline, msg.New(msg.WaitMsgSend, msg.Name("call", "mq_send"), msg.Sub("obj", q.senders.Object.Text())))
		return blocked()
	}
	data := make([]byte, size)
	if t.proc.mem.Read(buf, data) != nil {
		return fail(abi.EFAULT)
	}
	i := sort.Search(len(q.msgs), func(i int) bool { return q.msgs[i].prio < prio })
	from := m.msgSent(t, q.ref(), &q.ledger, int64(prio), data)
	q.msgs = append(q.msgs[:i], append([]mqMsg{{prio: prio, data: data, from: from}}, q.msgs[i:]...)...)
	q.receivers.Object.Value = int64(len(q.msgs))
	q.receivers.WakeAll(msg.New(msg.WokeMsgSent, msg.Sub("obj", q.receivers.Object.Text()), msg.Int("tid", t.TID)))
	return ok(0)
}

// mqReceive is mq_timedreceive: the oldest message of the highest
// priority, into a buffer of at least mq_msgsize bytes (EMSGSIZE).
func (m *Machine) mqReceive(t *Thread, fd int, buf, size, prioAddr, abstime uint64) sysret {
	f, isMq := mqOf(t.proc, fd)
	switch {
	case !isMq || !f.o.Readable():
		return fail(abi.EBADF)
	case size < uint64(f.q.msgsize):
		return fail(EMSGSIZE)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	}
	q := f.q
	if len(q.msgs) == 0 {
		if f.o.Flags&fs.O_NONBLOCK != 0 {
			return fail(abi.EAGAIN)
		}
		deadline, errno := m.mqDeadline(t.proc, abstime)
		switch {
		case errno != 0:
			return fail(errno)
		case t.waiter.woke == wokeTimeout || deadline <= m.t:
			return fail(ETIMEDOUT)
		}
		q.receivers.Object.Value = 0
		q.receivers.SleepUntil(t, deadline, msg.New(msg.WaitMsgRecv, msg.Name("call", "mq_receive"), msg.Sub("obj", q.receivers.Object.Text())))
		return blocked()
	}
	mg := q.msgs[0]
	mem := t.proc.mem
	if mem.Write(buf, mg.data) != nil || prioAddr != 0 && mem.WriteU32(prioAddr, mg.prio) != nil {
		return fail(abi.EFAULT)
	}
	m.msgReceived(t, q.ref(), mg.from, int64(mg.prio), mg.data)
	q.msgs = q.msgs[1:]
	q.senders.Object.Value = int64(len(q.msgs))
	q.senders.WakeAll(msg.New(msg.WokeMsgTaken, msg.Sub("obj", q.senders.Object.Text()), msg.Int("tid", t.TID)))
	return ok(int64(len(mg.data)))
}

// mqGetSetAttr is mq_getattr (newAttr 0) and mq_setattr: only O_NONBLOCK
// of mq_flags can change.
func (m *Machine) mqGetSetAttr(p *Process, fd int, newAttr, oldAttr uint64) sysret {
	f, isMq := mqOf(p, fd)
	if !isMq {
		return fail(abi.EBADF)
	}
	var flags uint64
	if newAttr != 0 {
		v, err := p.mem.ReadU64(newAttr)
		if err != nil {
			return fail(abi.EFAULT)
		}
		if v&^fs.O_NONBLOCK != 0 {
			return fail(abi.EINVAL)
		}
		flags = v
	}
	if oldAttr != 0 {
		b := make([]byte, mqAttrSize)
		le := binary.LittleEndian
		le.PutUint64(b[0:], uint64(f.o.Flags&fs.O_NONBLOCK))
		le.PutUint64(b[8:], uint64(f.q.maxmsg))
		le.PutUint64(b[16:], uint64(f.q.msgsize))
		le.PutUint64(b[24:], uint64(len(f.q.msgs)))
		if p.mem.Write(oldAttr, b[:32]) != nil {
			return fail(abi.EFAULT)
		}
	}
	if newAttr != 0 {
		f.o.Flags = f.o.Flags&^fs.O_NONBLOCK | int(flags)
	}
	return ok(0)
}

// mqUnlink is mq_unlink: the name goes; the queue lives on for the
// descriptors open on it.
func (m *Machine) mqUnlink(name string) sysret {
	if _, found := m.ipc.mqs[name]; !found {
		if !strings.HasPrefix(name, "/") {
			return fail(abi.EINVAL)
		}
		return fail(abi.ENOENT)
	}
	m.ipcLife(nil, m.ipc.mqs[name].ref(), OpUnlink)
	delete(m.ipc.mqs, name)
	return ok(0)
}

func sysMqOpen(m *Machine, t *Thread, a []uint64) sysret {
	name, e := readPath(t.proc, a[0])
	if e != 0 {
		return fail(e)
	}
	return m.mqOpen(t.proc, name, int(int32(a[1])), uint32(a[2]), a[3])
}

func sysMqUnlink(m *Machine, t *Thread, a []uint64) sysret {
	name, e := readPath(t.proc, a[0])
	if e != 0 {
		return fail(e)
	}
	return m.mqUnlink(name)
}

func sysMqTimedsend(m *Machine, t *Thread, a []uint64) sysret {
	return m.mqSend(t, int(int32(a[0])), a[1], a[2], uint32(a[3]), a[4])
}

func sysMqTimedreceive(m *Machine, t *Thread, a []uint64) sysret {
	return m.mqReceive(t, int(int32(a[0])), a[1], a[2], a[3], a[4])
}

func sysMqGetsetattr(m *Machine, t *Thread, a []uint64) sysret {
	return m.mqGetSetAttr(t.proc, int(int32(a[0])), a[1], a[2])
}
