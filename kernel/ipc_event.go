package kernel

import (
	"osplay/kernel/msg"
)

// IPC events. Every operation on an IPC object is an event with typed
// fields (Event.IPC), so the views can draw it without reading the
// system calls: an object's life (KindIPC: create, destroy, unlink,
// attach, detach) and what moves through it (KindTransfer: write, read,
// send, receive, shm_write).
//
// A transfer is matched to its peer: each write into a pipe and each
// message sent gets a number in its object (Seq, from 1), and a read or a
// receive names the writes it took bytes from (Matched) or the message
// it took (Seq, with its sender in Matched). A write into shared memory is
// not a system call: the kernel notes which process wrote which range of
// a segment last as the VM writes it (vm.SharedMemory's writers), and
// reports a process's writes since its last report when it next makes a
// system call or leaves its CPU.

// IPCKind is an object's kind, as the views name it. New kinds (a socket,
// a mailbox) only add a name: the views draw any kind from its IPCObject.
type IPCKind string

const (
	IPCPipe     IPCKind = "pipe"
	IPCFIFO     IPCKind = "fifo"
	IPCMsgQueue IPCKind = "msgq"      // System V
	IPCMqueue   IPCKind = "mqueue"    // POSIX
	IPCShm      IPCKind = "shm"       // System V
	IPCPosixShm IPCKind = "posix_shm" // POSIX, /dev/shm
	IPCSem      IPCKind = "sem"       // a named semaphore
	IPCSocket   IPCKind = "socket"
)

// IPCRef names an object: its kind, its id within the kind, and its name
// when it has one (a FIFO's path, a POSIX name, a System V key in hex).
type IPCRef struct {
	Kind IPCKind
	ID   int64
	Name string
}

// Text is the object in the catalogue's words: "pipe 3", "message queue 0".
func (r IPCRef) Text() msg.Text {
	switch r.Kind {
	case IPCPipe:
		return msg.New(msg.IPCObjPipe, msg.Int("id", r.ID))
	case IPCFIFO:
		return msg.New(msg.IPCObjFIFO, msg.Name("name", r.Name))
	case IPCMsgQueue:
		return msg.New(msg.IPCObjMsgQueue, msg.Int("id", r.ID))
	case IPCMqueue:
		return msg.New(msg.IPCObjMqueue, msg.Name("name", r.Name))
	case IPCShm:
		return msg.New(msg.IPCObjShm, msg.Int("id", r.ID))
	case IPCPosixShm:
		return msg.New(msg.IPCObjPosixShm, msg.Name("name", r.Name))
	case IPCSem:
		return msg.New(msg.IPCObjSem, msg.Name("name", r.Name))
	case IPCSocket:
		return msg.New(msg.IPCObjSocket, msg.Int("id", r.ID))
	case IPCSemSet:
		return msg.New(msg.IPCObjSemSet, msg.Int("id", r.ID))
	case IPCMailbox:
		return msg.New(msg.IPCObjMailbox, msg.Int("id", r.ID))
	case IPCLink:
		return msg.New(msg.IPCObjLink, msg.Int("pid", r.ID))
	case IPCPort:
		return msg.New(msg.IPCObjPort, msg.Int("id", r.ID))
	case IPCPortSet:
		return msg.New(msg.IPCObjPortSet, msg.Int("id", r.ID))
	case IPCMonitor:
		return msg.New(msg.IPCObjMonitor, msg.Name("name", r.Name))
	case IPCEventObj:
		return msg.New(msg.IPCObjEvent, msg.Name("name", r.Name))
	case IPCAnonShm:
		return anonShmText(r.ID)
	}
	if _, lock := futexKindOf(r.Kind); lock {
		return futexText(r)
	}
	return msg.New(msg.IPCObjOther, msg.Name("kind", string(r.Kind)), msg.Int("id", r.ID))
}

// The operations of IPC events (IPCOp.Op).
const (
	OpCreate   = "create"
	OpDestroy  = "destroy"
	OpUnlink   = "unlink"
	OpAttach   = "attach"
	OpDetach   = "detach"
	OpWrite    = "write"
	OpRead     = "read"
	OpSend     = "send"
	OpReceive  = "receive"
	OpShmWrite = "shm_write"
	OpSemPost  = "sem_post" // a unit added to a semaphore, numbered as a write
	OpSemWait  = "sem_wait" // a unit taken: Matched names the post it came from (none for the initial value)
)

// ipcDataMax is how many of a transfer's bytes its event carries.
const ipcDataMax = 64

// IPCOp is what an IPC event says of its object.
type IPCOp struct {
	Obj IPCRef
	Op  string // OpCreate, OpWrite…
	// Seq numbers a write or a message sent in its object, from 1; a
	// received message's Seq is the one it was sent with.
	Seq   int64
	Bytes int64  // bytes moved (a write, a read, a message)
	Data  []byte // the first ipcDataMax of them
	// Type is a System V message's type, a POSIX message's priority, a
	// semaphore's value after the operation.
	Type int64
	// Num is the semaphore's number in a System V set.
	Num int
	// Matched lists, for a read, the writes it took bytes from (oldest
	// first, with how many bytes of each); for a receive, the send.
	Matched []IPCMatch
	// Addr is where an attach mapped the object, or a detach unmapped it;
	// Lo and Hi the bytes [Lo, Hi) a shm_write wrote.
	Addr   uint64
	Lo, Hi uint64
	// Fault is what a faulty link (slide 3.47) did to a model's message:
	// FaultLost (a send whose message never arrives), FaultScrambled (a
	// send, and its receive, whose body had a byte changed).
	Fault string
	// Copy is which of a Mach message's two copies this is: 1 into the
	// port (the send), 2 out of it (the receive); 0 for other objects.
	Copy int
}

// The faults of a model's message (IPCOp.Fault).
const (
	FaultLost      = "lost"
	FaultScrambled = "scrambled"
)

// IPCMatch is a write (or send) a read (or receive) took bytes from.
type IPCMatch struct {
	Seq      int64
	PID, TID int
	Bytes    int64
}

// ipcLedger is an object's count of its writes and the writes whose bytes
// are still in it, oldest first, for matching reads to them.
type ipcLedger struct {
	seq     int64
	pending []IPCMatch // Bytes: those of it not yet read
}

// ipcLedgerMax bounds the writes an object keeps pending: past it, a
// write's bytes join the last one kept (a pipe filled one byte at a time
// would otherwise keep 65,536 of them), and a read of them names that one.
const ipcLedgerMax = 256

// wrote numbers a write of n bytes by thread t; it is pending until read.
func (l *ipcLedger) wrote(pid, tid int, n int64) int64 {
	l.seq++
	switch {
	case n <= 0:
	case len(l.pending) >= ipcLedgerMax:
		l.pending[len(l.pending)-1].Bytes += n
	default:
		if len(l.pending) == 0 {
			l.pending = nil // let go of the array a long run of reads has emptied
		}
		l.pending = append(l.pending, IPCMatch{Seq: l.seq, PID: pid, TID: tid, Bytes: n})
	}
	return l.seq
}

// took takes n bytes from the oldest pending writes and lists them.
func (l *ipcLedger) took(n int64) []IPCMatch {
	var out []IPCMatch
	for n > 0 && len(l.pending) > 0 {
		w := &l.pending[0]
		k := min(n, w.Bytes)
		out = append(out, IPCMatch{Seq: w.Seq, PID: w.PID, TID: w.TID, Bytes: k})
		w.Bytes -= k
		n -= k
		if w.Bytes == 0 {
			l.pending = l.pending[1:]
		}
	}
	return out
}

// ipcSender is who sent a message, and its number in its queue.
type ipcSender struct {
	seq      int64
	pid, tid int
}

// firstBytes is a copy of at most ipcDataMax bytes of b.
func firstBytes(b []byte) []byte {
	return append([]byte(nil), b[:min(len(b), ipcDataMax)]...)
}

// emitIPC reports op on an object, done by thread t (nil: by the process
// whose call the kernel carries out, or by the kernel itself).
func (m *Machine) emitIPC(t *Thread, kind Kind, op IPCOp) {
	if !m.observed() {
		return
	}
	e := Event{Kind: kind, IPC: &op}
	switch {
	case t != nil:
		e.PID, e.TID = t.proc.PID, t.TID
	case m.current != nil:
		e.PID = m.current.PID
	}
	m.emit(e)
}

// observed reports whether anyone takes the machine's events: a record,
// a subscriber, a stop condition. An IPC event costs its words and a copy
// of its bytes: a machine nobody watches (a benchmark, a headless check)
// does without.
func (m *Machine) observed() bool {
	return m.cfg.Record || m.cfg.OnEvent != nil || m.stopAt != nil
}

// ipcLife reports an object's create, destroy or unlink.
func (m *Machine) ipcLife(t *Thread, obj IPCRef, op string) {
	m.emitIPC(t, KindIPC, IPCOp{Obj: obj, Op: op})
}

// Text says what the operation did, in the catalogue's words.
func (o *IPCOp) Text() msg.Text {
	obj := msg.Sub("obj", o.Obj.Text())
	var who msg.Arg
	if len(o.Matched) > 0 {
		who = msg.Task("who", o.Matched[0].PID, o.Matched[0].TID)
	}
	switch o.Op {
	case OpCreate:
		return msg.New(msg.IPCCreate, obj)
	case OpDestroy:
		return msg.New(msg.IPCDestroy, obj)
	case OpUnlink:
		return msg.New(msg.IPCUnlink, obj)
	case OpAttach:
		return msg.New(msg.IPCAttach, obj, msg.Addr("addr", o.Addr))
	case OpDetach:
		return msg.New(msg.IPCDetach, obj, msg.Addr("addr", o.Addr))
	case OpWrite:
		return msg.New(msg.IPCWrite, obj, msg.Int("n", o.Bytes), msg.Int("seq", o.Seq))
	case OpRead:
		return msg.New(msg.IPCRead, obj, msg.Int("n", o.Bytes), msg.Int("k", len(o.Matched)))
	case OpSend:
		switch {
		case o.Fault == FaultLost:
			return msg.New(msg.IPCLost, obj, msg.Int("seq", o.Seq), msg.Int("n", o.Bytes))
		case o.Fault == FaultScrambled:
			return msg.New(msg.IPCSendScrambled, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes))
		case o.Copy == 1:
			return msg.New(msg.IPCCopyIn, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes))
		}
		if o.Obj.Kind == IPCMqueue {
			return msg.New(msg.IPCMqSend, obj, msg.Int("seq", o.Seq), msg.Int("prio", o.Type), msg.Int("n", o.Bytes))
		}
		return msg.New(msg.IPCSend, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes))
	case OpReceive:
		switch {
		case o.Fault == FaultScrambled:
			return msg.New(msg.IPCRecvScrambled, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes), who)
		case o.Copy == 2:
			return msg.New(msg.IPCCopyOut, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes), who)
		}
		if o.Obj.Kind == IPCMqueue {
			return msg.New(msg.IPCMqReceive, obj, msg.Int("seq", o.Seq), msg.Int("prio", o.Type), msg.Int("n", o.Bytes), who)
		}
		return msg.New(msg.IPCReceive, obj, msg.Int("seq", o.Seq), msg.Int("type", o.Type), msg.Int("n", o.Bytes), who)
	case OpShmWrite:
		return msg.New(msg.IPCShmWrite, obj, msg.Int("lo", int64(o.Lo)), msg.Int("hi", int64(o.Hi)))
	case OpSemPost:
		return msg.New(msg.IPCSemPost, obj, msg.Int("seq", o.Seq), msg.Int("value", o.Type))
	case OpSemWait:
		return msg.New(msg.IPCSemWait, obj, msg.Int("value", o.Type))
	case OpUnlock:
		return msg.New(msg.IPCUnlock, obj, msg.Int("n", o.Bytes), msg.Int("seq", o.Seq))
	case OpLock:
		return msg.New(msg.IPCLock, obj, who)
	case OpWake:
		return msg.New(msg.IPCWake, obj, msg.Int("n", o.Bytes), msg.Int("seq", o.Seq))
	case OpWoken:
		return msg.New(msg.IPCWoken, obj, who)
	}
	return msg.Text{}
}
