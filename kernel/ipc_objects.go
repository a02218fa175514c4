package kernel

import (
	"slices"
	"sort"

	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// IPC objects as the views draw them. Every kind has the same shape, so
// that a view draws a kind it has never seen (a socket, a mailbox, a
// monitor) from the data alone: a name, a few figures, labelled queues of
// waiting threads, the items it holds (a pipe's bytes by write, a queue's
// messages), the processes that use it and how, and for shared memory its
// bytes with the last writer of each range.

// IPCObject is one object as it stands now.
type IPCObject struct {
	Ref    IPCRef
	Text   msg.Text   // its name in the catalogue's words
	Fields []IPCField // figures, by key: capacity, bytes, readers, writers, size, nattch, value…
	Queues []IPCQueue // threads waiting on it, by what for
	Items  []IPCItem  // what it holds, oldest (or first to be taken) first
	Users  []IPCUser  // the processes that have it open or attached
	Memory *IPCMemory // shared memory: its first bytes and their writers
	More   int        // items left out (more than ipcItemsMax)
}

// IPCField is a figure of an object: "capacity" 65536; or, with Str, a
// word: "state" "listening", "local" "127.0.0.1:6013".
type IPCField struct {
	Key   string
	Value int64
	Str   string
}

// IPCQueue is a queue of threads waiting on an object: "readers",
// "writers", "opens", "senders", "receivers", "waiters"; tids, longest
// waiting first. With Of, it is a queue of objects of that kind instead
// (a listening socket's accept queue: sockets).
type IPCQueue struct {
	Key     string
	Name    string // a condition's name (Key "condition")
	Of      IPCKind
	Waiters []int
}

// IPCItem is something an object holds: the bytes of one write still in
// a pipe, a message in a queue.
type IPCItem struct {
	Seq      int64 // the write's or the message's number in the object
	PID, TID int   // who wrote or sent it
	Type     int64 // a message's type or priority
	Bytes    int64
	Data     []byte // its first ipcItemBytes bytes
	// A model's message (model_view.go) has the slide's header, and marks:
	// "kept" (by the OS for a full port), "waiting" (its sender waits
	// until it is taken), "scrambled" (a byte changed on the way).
	Header *MessageHeader
	Marks  []string
}

// IPCUser is a process that uses an object, and how: "read" and "write"
// (a pipe's ends, with the descriptors), "attach" (shared memory, at Addr).
type IPCUser struct {
	PID  int
	Role string
	FDs  []int
	Addr uint64
}

// IPCMemory is a shared memory object's bytes, as far as the views show
// them, and which process wrote each range last.
type IPCMemory struct {
	Size    uint64
	Data    []byte // the first ipcMemoryShown bytes
	Writers []vm.WriterRange
}

// What the views are given of one object, at most, and of how many
// segments the bytes: a program may make thousands of objects, and the
// views are sent them at every batch.
const (
	ipcItemsMax     = 32
	ipcItemBytes    = 64
	ipcMemoryShown  = 1024
	ipcMemoryShowed = 16
)

// IPCObjects lists the machine's IPC objects: pipes and FIFOs (by id),
// System V message queues and segments (by slot), POSIX message queues and
// shared memory objects, named semaphores (by name).
func (m *Machine) IPCObjects() []IPCObject {
	var out []IPCObject
	out = append(out, m.pipeObjects()...)
	out = append(out, m.msgObjects()...)
	out = append(out, m.shmObjects()...)
	for _, list := range ipcKinds {
		out = append(out, list(m)...)
	}
	// The threads' locks last: a program may have many, and the views
	// are sent the first objects only.
	out = append(out, m.futexObjects()...)
	return out
}

// ipcKinds are the listers of the kinds of objects other files add
// (sockets, the teaching library's mailboxes), in the order registered.
var ipcKinds []func(*Machine) []IPCObject

// registerIPCKind adds a kind of object to IPCObjects: list lists the
// machine's objects of the kind, in a fixed order. Call it from an init
// function of the kind's file.
func registerIPCKind(list func(*Machine) []IPCObject) { ipcKinds = append(ipcKinds, list) }

// object starts the view of the object ref.
func object(ref IPCRef, fields ...IPCField) IPCObject {
	return IPCObject{Ref: ref, Text: ref.Text(), Fields: fields}
}

// queue is a wait queue's waiters under key, nil when none waits.
func queue(key string, q *WaitQueue) []IPCQueue {
	if q.Len() == 0 {
		return nil
	}
	return []IPCQueue{{Key: key, Waiters: q.Waiters()}}
}

// pipeObjects lists the pipes open in any process and the FIFOs.
func (m *Machine) pipeObjects() []IPCObject {
	if m.nextPipe == 0 { // no pipe was ever made (a FIFO's is made at its first open)
		return nil
	}
	users := map[*pipe][]IPCUser{}
	var pipes []*pipe
	for _, p := range m.procs {
		if p.files == nil {
			continue
		}
		for _, fd := range p.files.Open() {
			o, _ := p.files.Get(fd)
			f, isPipe := o.Ops.(*pipeFile)
			if !isPipe {
				continue
			}
			if _, seen := users[f.p]; !seen {
				pipes = append(pipes, f.p)
				users[f.p] = nil
			}
			for _, role := range []string{"read", "write"} {
				if role == "read" && !o.Readable() || role == "write" && !o.Writable() {
					continue
				}
				us := users[f.p]
				if k := len(us); k > 0 && us[k-1].PID == p.PID && us[k-1].Role == role {
					us[k-1].FDs = append(us[k-1].FDs, fd)
				} else {
					us = append(us, IPCUser{PID: p.PID, Role: role, FDs: []int{fd}})
				}
				users[f.p] = us
			}
		}
	}
	for _, p := range m.fifos {
		if _, seen := users[p]; !seen {
			pipes = append(pipes, p)
		}
	}
	sort.Slice(pipes, func(i, j int) bool { return pipes[i].id < pipes[j].id })
	out := make([]IPCObject, 0, len(pipes))
	for _, p := range pipes {
		o := object(p.ref(), IPCField{Key: "capacity", Value: pipePages * pipePageSize}, IPCField{Key: "bytes", Value: int64(p.buffered())},
			IPCField{Key: "readers", Value: int64(p.readers)}, IPCField{Key: "writers", Value: int64(p.writers)})
		o.Queues = slices.Concat(queue("readers", &p.rq), queue("writers", &p.wq), queue("opens", &p.oq))
		o.Users = users[p]
		o.Items, o.More = pipeItems(p)
		out = append(out, o)
	}
	return out
}

// pipeItems cuts the bytes in p by the writes they came from.
func pipeItems(p *pipe) ([]IPCItem, int) {
	var items []IPCItem
	page, off := 0, 0
	for i, w := range p.ledger.pending {
		if i == ipcItemsMax {
			return items, len(p.ledger.pending) - i
		}
		it := IPCItem{Seq: w.Seq, PID: w.PID, TID: w.TID, Bytes: w.Bytes}
		for left := w.Bytes; left > 0 && page < len(p.pages); {
			pg := p.pages[page]
			b := pg.b[pg.r+off:]
			k := min(int(left), len(b))
			if room := ipcItemBytes - len(it.Data); room > 0 {
				it.Data = append(it.Data, b[:min(k, room)]...)
			}
			left -= int64(k)
			off += k
			if pg.r+off == len(pg.b) {
				page, off = page+1, 0
			}
		}
		items = append(items, it)
	}
	return items, 0
}

// msgObjects lists the message queues: System V ones by slot, then POSIX
// ones by name.
func (m *Machine) msgObjects() []IPCObject {
	ns := &m.ipc
	if len(ns.msgs) == 0 && len(ns.mqs) == 0 {
		return nil
	}
	var out []IPCObject
	for _, id := range ns.ids(1) {
		q := ns.msgs[id]
		o := object(q.ref(), IPCField{Key: "capacity", Value: int64(q.qbytes)}, IPCField{Key: "bytes", Value: int64(q.cbytes)},
			IPCField{Key: "messages", Value: int64(len(q.msgs))})
		o.Queues = slices.Concat(queue("senders", &q.senders), queue("receivers", &q.receivers))
		for i, mg := range q.msgs {
			if i == ipcItemsMax {
				o.More = len(q.msgs) - i
				break
			}
			o.Items = append(o.Items, IPCItem{Seq: mg.from.seq, PID: mg.from.pid, TID: mg.from.tid, Type: mg.mtype,
				Bytes: int64(len(mg.data)), Data: mg.data[:min(len(mg.data), ipcItemBytes)]})
		}
		out = append(out, o)
	}
	names := make([]string, 0, len(ns.mqs))
	for name := range ns.mqs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		q := ns.mqs[name]
		o := object(q.ref(), IPCField{Key: "maxmsg", Value: q.maxmsg}, IPCField{Key: "msgsize", Value: q.msgsize}, IPCField{Key: "messages", Value: int64(len(q.msgs))})
		o.Queues = slices.Concat(queue("senders", &q.senders), queue("receivers", &q.receivers))
		for _, mg := range q.msgs {
			o.Items = append(o.Items, IPCItem{Seq: mg.from.seq, PID: mg.from.pid, TID: mg.from.tid, Type: int64(mg.prio),
				Bytes: int64(len(mg.data)), Data: mg.data[:min(len(mg.data), ipcItemBytes)]})
		}
		out = append(out, o)
	}
	return out
}

// shmObjects lists the System V segments by slot, then the POSIX objects
// of /dev/shm by name.
func (m *Machine) shmObjects() []IPCObject {
	var out []IPCObject
	shown := 0
	memory := func(o *IPCObject, obj *vm.SharedMemory, size uint64) {
		if shown < ipcMemoryShowed {
			o.Memory = m.shmMemory(obj, size)
			shown++
		}
		o.Users = m.shmUsers(obj)
	}
	for _, id := range m.ipc.ids(0) {
		s := m.ipc.shms[id]
		o := object(s.ref(), IPCField{Key: "size", Value: int64(s.size)}, IPCField{Key: "nattch", Value: int64(s.nattch())})
		if s.removed { // IPC_RMID: it goes at its last detach
			o.Fields = append(o.Fields, IPCField{Key: "removed", Value: 1})
		}
		memory(&o, s.obj, s.size)
		out = append(out, o)
	}
	if !m.ipc.sharedFiles {
		return out
	}
	d, err := m.fs.Lookup("/", shmDir, 0)
	if err != nil || d == nil {
		return out
	}
	for i := 2; ; i++ {
		e, more := m.fs.Entry(d, i)
		if !more {
			break
		}
		n := e.Node()
		obj, isShm := n.Object.(*vm.SharedMemory)
		if !isShm {
			continue
		}
		o := object(IPCRef{Kind: IPCPosixShm, ID: int64(n.Ino), Name: "/" + e.Name},
			IPCField{Key: "size", Value: n.Length}, IPCField{Key: "nattch", Value: int64(obj.Mappings())})
		memory(&o, obj, uint64(n.Length))
		out = append(out, o)
	}
	return out
}

// shmMemory is what the views show of obj's size bytes.
func (m *Machine) shmMemory(obj *vm.SharedMemory, size uint64) *IPCMemory {
	shown := min(size, ipcMemoryShown, obj.Size())
	mem := &IPCMemory{Size: size, Data: make([]byte, shown), Writers: obj.Writers(shown)}
	obj.ReadAt(mem.Data, 0)
	return mem
}

// shmUsers lists the processes that map obj, and where.
func (m *Machine) shmUsers(obj *vm.SharedMemory) []IPCUser {
	var users []IPCUser
	for _, p := range m.procs {
		if p.mem == nil {
			continue
		}
		if addr, ok := p.mem.Maps(obj); ok {
			users = append(users, IPCUser{PID: p.PID, Role: "attach", Addr: addr})
		}
	}
	return users
}

func init() { registerIPCKind((*Machine).semObjects) }

// semObjects lists the named semaphores whose name is linked, by name.
func (m *Machine) semObjects() []IPCObject {
	if len(m.semNames) == 0 {
		return nil
	}
	names := make([]string, 0, len(m.semNames))
	for name := range m.semNames {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []IPCObject
	for _, name := range names {
		s := m.semNames[name]
		o := object(IPCRef{Kind: IPCSem, ID: int64(s.id), Name: name}, IPCField{Key: "value", Value: s.value})
		o.Queues = queue("waiters", &s.queue)
		out = append(out, o)
	}
	return out
}
