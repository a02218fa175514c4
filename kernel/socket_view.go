package kernel

// SocketView is what a view shows of one socket: its endpoints, its
// state, what it holds and who waits on it.
type SocketView struct {
	ID     uint64
	Family string // "inet" or "unix"
	Type   string // "stream" or "dgram"
	State  string // "unconnected", "listening", "connecting", "connected"
	Local  string // its name: "127.0.0.1:6013", "srv.sock", "@00001" (abstract); "" when unbound
	Peer   string // the address it is connected to; "" when none
	PeerID uint64 // the socket at the other end of its connection; 0 when none

	Buffered  int  // bytes received and not yet read (a datagram socket: in its datagrams)
	Datagrams int  // datagrams waiting to be read
	EOF       bool // its stream has ended: the peer shut down its writing or closed
	ShutRD    bool // shutdown(SHUT_RD)
	ShutWR    bool // shutdown(SHUT_WR)
	PeerGone  bool // the peer has closed

	Backlog     int      // a listening socket's backlog
	AcceptQueue []uint64 // a listening socket's connections not yet accepted, oldest first (the server ends' ids)
	Connecting  []uint64 // the sockets whose connect waits for room in the accept queue, in order

	Holders []SocketHolder // the descriptors that refer to it, by pid and fd

	Readers    []int // threads waiting to read (or, listening, to accept), in the order they began
	Writers    []int // threads waiting for room in its buffer
	Connectors []int // threads waiting in connect for a listening socket to take it
}

// SocketHolder is a descriptor of a socket: process pid's fd.
type SocketHolder struct {
	PID, FD int
}

// Sockets lists the machine's sockets, in the order they were made.
func (m *Machine) Sockets() []SocketView {
	holders := map[*socket][]SocketHolder{}
	for _, p := range m.procs {
		if p.files == nil {
			continue
		}
		for _, fd := range p.files.Open() {
			o, _ := p.files.Get(fd)
			if f, ok := o.Ops.(*sockFile); ok {
				holders[f.s] = append(holders[f.s], SocketHolder{PID: p.PID, FD: fd})
			}
		}
	}
	out := make([]SocketView, 0, len(m.net.socks))
	for _, s := range m.net.socks {
		out = append(out, s.view(holders[s]))
	}
	return out
}

// view is s as SocketView shows it.
func (s *socket) view(holders []SocketHolder) SocketView {
	v := SocketView{ID: s.id, Family: "inet", Type: "stream", State: s.state.String(),
		Buffered: len(s.buf) + s.dgramBytes(), Datagrams: len(s.dgrams),
		EOF: s.eof, ShutRD: s.rdShut, ShutWR: s.wrShut, PeerGone: s.gone, Holders: holders,
		Readers: s.rq.Waiters(), Writers: s.wq.Waiters(), Connectors: s.cq.Waiters()}
	if s.family == afUnix {
		v.Family = "unix"
	}
	if s.typ == sockDgram {
		v.Type = "dgram"
	}
	if s.bound {
		v.Local = s.local.String()
	}
	if p := s.peer; p != nil {
		v.PeerID = p.id
		if p.bound || s.family == afInet {
			v.Peer = p.local.String()
		}
	} else if s.typ == sockDgram && s.remote.family == afInet {
		v.Peer = s.remote.String()
	}
	if s.state == sockListening {
		v.Backlog = s.blog
		for _, c := range s.conns {
			v.AcceptQueue = append(v.AcceptQueue, c.id)
		}
		for _, c := range s.syns {
			v.Connecting = append(v.Connecting, c.id)
		}
	}
	return v
}

// dgramBytes is the bytes of the datagrams s holds.
func (s *socket) dgramBytes() int {
	n := 0
	for _, d := range s.dgrams {
		n += len(d.data)
	}
	return n
}
