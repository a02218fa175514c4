package api

import (
	"encoding/hex"

	"osplay/kernel"
)

// IPC on the wire (since 1.4): an IPC event's "ipc" and the snapshot's
// "ipc", the objects as they stand. Bytes travel as hex ("68656c6c6f"),
// so a view shows them as hex and as ASCII, whatever they are.

// IPCRef names an object: kind (pipe, fifo, msgq, mqueue, shm, posix_shm,
// sem, socket, and any kind added later), its id in the kind, and its
// name when it has one (a FIFO's path, a POSIX name, a System V key).
type IPCRef struct {
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
	Name string `json:"name,omitempty"`
}

// IPCEvent is what an "ipc" or "transfer" event says of its object.
type IPCEvent struct {
	Obj     IPCRef     `json:"obj"`
	Op      string     `json:"op"`              // create, destroy, unlink, attach, detach, write, read, send, receive, shm_write, sem_post, sem_wait
	Seq     int64      `json:"seq,omitempty"`   // a write's or a message's number in its object, from 1
	Bytes   int64      `json:"bytes,omitempty"` // bytes moved
	Hex     string     `json:"hex,omitempty"`   // the first 64 of them
	Type    int64      `json:"type,omitempty"`  // a System V message's type, a POSIX message's priority, a semaphore's value after the operation
	Num     int        `json:"num,omitempty"`   // a System V semaphore's number in its set
	Matched []IPCMatch `json:"matched,omitempty"`
	Addr    uint64     `json:"addr,omitempty"` // attach, detach: where
	Lo      uint64     `json:"lo,omitempty"`   // shm_write: the bytes [lo, hi) written
	Hi      uint64     `json:"hi,omitempty"`
	Fault   string     `json:"fault,omitempty"` // a model's message: "lost" (a send that never arrives), "scrambled" (a byte changed on the way)
	Copy    int        `json:"copy,omitempty"`  // a Mach message: 1 copied into the port (send), 2 out of it (receive)
}

// IPCMatch is a write (or a send) that a read (or a receive) took bytes
// from: its number, its writer, and how many of its bytes.
type IPCMatch struct {
	Seq   int64 `json:"seq"`
	PID   int   `json:"pid"`
	TID   int   `json:"tid,omitempty"` // when not the process's main thread
	Bytes int64 `json:"bytes"`
}

// IPCObject is an object as it stands at the snapshot's tick. Every kind
// has this shape, so a view can draw a kind it does not know.
type IPCObject struct {
	IPCRef
	Text   *Text      `json:"text"`             // its name in the catalogue's words
	Fields []IPCField `json:"fields,omitempty"` // figures: capacity, bytes, readers, writers, messages, maxmsg, msgsize, size, nattch, removed, value
	Queues []IPCQueue `json:"queues,omitempty"` // waiting threads: readers, writers, opens, senders, receivers, waiters
	Items  []IPCItem  `json:"items,omitempty"`  // a pipe's bytes by write, a queue's messages, first out first
	More   int        `json:"more,omitempty"`   // items left out
	Users  []IPCUser  `json:"users,omitempty"`  // processes that use it: role read, write, attach
	Memory *IPCMemory `json:"memory,omitempty"` // shared memory
}

// IPCField is one figure of an object, or with str a word (a socket's
// state, its addresses).
type IPCField struct {
	Key   string `json:"key"`
	Value int64  `json:"value"`
	Str   string `json:"str,omitempty"`
}

// IPCQueue is a queue of waiting threads (tids, longest waiting first);
// with of, a queue of objects of that kind (a listening socket's accept
// queue: of "socket", their ids).
type IPCQueue struct {
	Key     string `json:"key"`
	Name    string `json:"name,omitempty"` // a monitor's condition (key "condition")
	Of      string `json:"of,omitempty"`
	Waiters []int  `json:"waiters"`
}

// IPCItem is a write still in a pipe or a message in a queue.
type IPCItem struct {
	Seq   int64  `json:"seq"`
	PID   int    `json:"pid"`
	TID   int    `json:"tid,omitempty"`
	Type  int64  `json:"type,omitempty"`
	Bytes int64  `json:"bytes"`
	Hex   string `json:"hex"` // its first 64 bytes
	// A model's message (since 1.4, with the lecture's models): the
	// slide's header, and marks: kept (by the OS for a full port),
	// waiting (its sender waits until it is taken), scrambled.
	Header *IPCHeader `json:"header,omitempty"`
	Marks  []string   `json:"marks,omitempty"`
}

// IPCHeader is a model message's header (seed 002, slide 30).
type IPCHeader struct {
	Type    int32 `json:"type"`
	Dest    int32 `json:"dest"`
	Source  int32 `json:"source"`
	Length  int32 `json:"length"`
	Control int32 `json:"control"`
}

// IPCUser is a process using an object: its role, its descriptors (a
// pipe's ends) or the address it is attached at.
type IPCUser struct {
	PID  int    `json:"pid"`
	Role string `json:"role"`
	FDs  []int  `json:"fds,omitempty"`
	Addr uint64 `json:"addr,omitempty"`
}

// IPCMemory is shared memory's size, its first 1024 bytes, and the
// process that wrote each range of them last (in granules of 8 bytes).
type IPCMemory struct {
	Size    uint64     `json:"size"`
	Hex     string     `json:"hex"`
	Writers []IPCRange `json:"writers,omitempty"`
}

// IPCRange is the bytes [lo, hi) last written by pid.
type IPCRange struct {
	Lo  uint64 `json:"lo"`
	Hi  uint64 `json:"hi"`
	PID int    `json:"pid"`
}

func wireRef(r kernel.IPCRef) IPCRef { return IPCRef{Kind: string(r.Kind), ID: r.ID, Name: r.Name} }

// wireIPCEvent converts an event's IPC operation (nil: none).
func wireIPCEvent(op *kernel.IPCOp) *IPCEvent {
	if op == nil {
		return nil
	}
	w := &IPCEvent{Obj: wireRef(op.Obj), Op: op.Op, Seq: op.Seq, Bytes: op.Bytes, Hex: hex.EncodeToString(op.Data),
		Type: op.Type, Num: op.Num, Addr: op.Addr, Lo: op.Lo, Hi: op.Hi, Fault: op.Fault, Copy: op.Copy}
	for _, mt := range op.Matched {
		w.Matched = append(w.Matched, IPCMatch{Seq: mt.Seq, PID: mt.PID, TID: otherThread(mt.PID, mt.TID), Bytes: mt.Bytes})
	}
	return w
}

// otherThread is tid when it is not pid's main thread, else 0.
func otherThread(pid, tid int) int {
	if tid == pid {
		return 0
	}
	return tid
}

// ipcObjectsMax bounds the objects a snapshot carries: a program may make
// thousands, and every batch carries them.
const ipcObjectsMax = 64

// ipcObjects lists the machine's IPC objects for the snapshot, the first
// ipcObjectsMax of them, and how many are left out.
func ipcObjects(m *kernel.Machine) ([]IPCObject, int) {
	objs := m.IPCObjects()
	if len(objs) == 0 {
		return nil, 0
	}
	more := max(len(objs)-ipcObjectsMax, 0)
	objs = objs[:len(objs)-more]
	out := make([]IPCObject, 0, len(objs))
	for _, o := range objs {
		w := IPCObject{IPCRef: wireRef(o.Ref), Text: wireText(o.Text), More: o.More}
		for _, f := range o.Fields {
			w.Fields = append(w.Fields, IPCField{Key: f.Key, Value: f.Value, Str: f.Str})
		}
		for _, q := range o.Queues {
			w.Queues = append(w.Queues, IPCQueue{Key: q.Key, Name: q.Name, Of: string(q.Of), Waiters: q.Waiters})
		}
		for _, it := range o.Items {
			wi := IPCItem{Seq: it.Seq, PID: it.PID, TID: otherThread(it.PID, it.TID), Type: it.Type,
				Bytes: it.Bytes, Hex: hex.EncodeToString(it.Data), Marks: it.Marks}
			if h := it.Header; h != nil {
				wi.Header = &IPCHeader{Type: h.Type, Dest: h.Dest, Source: h.Source, Length: h.Length, Control: h.Control}
			}
			w.Items = append(w.Items, wi)
		}
		for _, u := range o.Users {
			w.Users = append(w.Users, IPCUser{PID: u.PID, Role: u.Role, FDs: u.FDs, Addr: u.Addr})
		}
		if mem := o.Memory; mem != nil {
			w.Memory = &IPCMemory{Size: mem.Size, Hex: hex.EncodeToString(mem.Data)}
			for _, r := range mem.Writers {
				w.Memory.Writers = append(w.Memory.Writers, IPCRange{Lo: r.Lo, Hi: r.Hi, PID: r.PID})
			}
		}
		out = append(out, w)
	}
	return out, more
}
