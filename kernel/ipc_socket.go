package kernel

import "strings"

// Sockets as IPC objects (socket.go, socket_io.go): their life, what moves
// through them, and how they stand. A stream's bytes go into the receiving
// socket's buffer, so a write is numbered in the receiving socket (the
// peer of the one written to), and the reads of that socket name the
// writes they took bytes from, as a pipe's do; a datagram is numbered in
// the socket it is sent to, and its receive names its send.

// ref names the socket for the views: its id, and its name once bound.
func (s *socket) ref() IPCRef {
	r := IPCRef{Kind: IPCSocket, ID: int64(s.id)}
	if s.bound {
		r.Name = s.local.String()
	}
	return r
}

// sockMoved is what one turn of a stream write put into the peer: the
// receiving socket, how many bytes, and the first of them.
type sockMoved struct {
	into *socket
	n    int
	data []byte
}

func (w *sockMoved) add(p *socket, b []byte) {
	w.into = p
	w.n += len(b)
	if len(w.data) < ipcDataMax {
		w.data = append(w.data, b[:min(len(b), ipcDataMax-len(w.data))]...)
	}
}

// sockWrote reports what t's stream write moved, and forgets it.
func (m *Machine) sockWrote(t *Thread, w *sockMoved) {
	if w.n == 0 || w.into == nil {
		return
	}
	seq := w.into.ledger.wrote(t.proc.PID, t.TID, int64(w.n))
	if m.observed() {
		m.emitIPC(t, KindTransfer, IPCOp{Obj: w.into.ref(), Op: OpWrite, Seq: seq, Bytes: int64(w.n), Data: firstBytes(w.data)})
	}
	*w = sockMoved{}
}

// sockRead reports that t took data out of stream socket s.
func (m *Machine) sockRead(t *Thread, s *socket, data []byte) {
	matched := s.ledger.took(int64(len(data)))
	if m.observed() {
		m.emitIPC(t, KindTransfer, IPCOp{Obj: s.ref(), Op: OpRead, Bytes: int64(len(data)), Data: firstBytes(data), Matched: matched})
	}
}

// dgramSent numbers a datagram t sent to r and reports it.
func (m *Machine) dgramSent(t *Thread, r *socket, data []byte) ipcSender {
	return m.msgSent(t, r.ref(), &r.ledger, 0, data)
}

// dgramReceived reports that t took datagram d from s.
func (m *Machine) dgramReceived(t *Thread, s *socket, d dgram) {
	m.msgReceived(t, s.ref(), d.sent, 0, d.data)
}

func init() { registerIPCKind((*Machine).socketObjects) }

// socketObjects lists the sockets, in the order they were made.
func (m *Machine) socketObjects() []IPCObject {
	if len(m.net.socks) == 0 {
		return nil
	}
	views := m.Sockets()
	if len(views) == 0 {
		return nil
	}
	byID := map[uint64]*socket{}
	for _, s := range m.net.socks {
		byID[s.id] = s
	}
	out := make([]IPCObject, 0, len(views))
	for _, v := range views {
		s := byID[v.ID]
		proto := map[string]string{"inet stream": "tcp", "inet dgram": "udp", "unix stream": "unix stream", "unix dgram": "unix dgram"}[v.Family+" "+v.Type]
		o := object(s.ref(), IPCField{Key: "proto", Str: proto}, IPCField{Key: "state", Str: v.State})
		if v.Local != "" {
			o.Fields = append(o.Fields, IPCField{Key: "local", Str: v.Local})
		}
		if v.Peer != "" {
			o.Fields = append(o.Fields, IPCField{Key: "peer", Str: v.Peer})
		}
		if v.PeerID != 0 {
			o.Fields = append(o.Fields, IPCField{Key: "peersock", Value: int64(v.PeerID)})
		}
		o.Fields = append(o.Fields, IPCField{Key: "bytes", Value: int64(v.Buffered)})
		if v.Type == "dgram" {
			o.Fields = append(o.Fields, IPCField{Key: "datagrams", Value: int64(v.Datagrams)})
		}
		if v.State == "listening" {
			o.Fields = append(o.Fields, IPCField{Key: "backlog", Value: int64(v.Backlog)})
		}
		var flags []string
		for _, f := range []struct {
			on   bool
			name string
		}{{v.EOF, "EOF"}, {v.ShutRD, "SHUT_RD"}, {v.ShutWR, "SHUT_WR"}, {v.PeerGone, "peer closed"}} {
			if f.on {
				flags = append(flags, f.name)
			}
		}
		if len(flags) > 0 {
			o.Fields = append(o.Fields, IPCField{Key: "flags", Str: strings.Join(flags, ", ")})
		}
		readers := "readers"
		if v.State == "listening" {
			readers = "accepters"
		}
		o.Queues = append(o.Queues, ids(readers, "", v.Readers)...)
		o.Queues = append(o.Queues, ids("writers", "", v.Writers)...)
		o.Queues = append(o.Queues, ids("connects", "", v.Connectors)...)
		o.Queues = append(o.Queues, ids("accept", string(IPCSocket), toInts(v.AcceptQueue))...)
		o.Queues = append(o.Queues, ids("syns", string(IPCSocket), toInts(v.Connecting))...)
		for _, h := range v.Holders {
			if k := len(o.Users); k > 0 && o.Users[k-1].PID == h.PID {
				o.Users[k-1].FDs = append(o.Users[k-1].FDs, h.FD)
				continue
			}
			o.Users = append(o.Users, IPCUser{PID: h.PID, Role: "open", FDs: []int{h.FD}})
		}
		o.Items, o.More = socketItems(s)
		out = append(out, o)
	}
	return out
}

// socketItems cuts a stream socket's bytes by the writes they came from,
// or lists a datagram socket's datagrams.
func socketItems(s *socket) ([]IPCItem, int) {
	var items []IPCItem
	if s.typ != sockStream {
		for i, d := range s.dgrams {
			if i == ipcItemsMax {
				return items, len(s.dgrams) - i
			}
			items = append(items, IPCItem{Seq: d.sent.seq, PID: d.sent.pid, TID: d.sent.tid, Bytes: int64(len(d.data)),
				Data: d.data[:min(len(d.data), ipcItemBytes)]})
		}
		return items, 0
	}
	off := 0
	for i, w := range s.ledger.pending {
		if i == ipcItemsMax {
			return items, len(s.ledger.pending) - i
		}
		end := min(off+int(w.Bytes), len(s.buf))
		it := IPCItem{Seq: w.Seq, PID: w.PID, TID: w.TID, Bytes: w.Bytes}
		if off < end {
			it.Data = s.buf[off:min(end, off+ipcItemBytes)]
		}
		off = end
		items = append(items, it)
	}
	return items, 0
}

// ids is a queue of key listing ids (threads when of is "", else objects
// of that kind), nil when it is empty.
func ids(key, of string, list []int) []IPCQueue {
	if len(list) == 0 {
		return nil
	}
	return []IPCQueue{{Key: key, Of: IPCKind(of), Waiters: list}}
}

func toInts(list []uint64) []int {
	out := make([]int, len(list))
	for i, v := range list {
		out[i] = int(v)
	}
	return out
}
