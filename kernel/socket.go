package kernel

import (
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// Sockets on a network inside the machine. Every socket is a kernel
// object reached through an open file, as a pipe's end: fork, dup, exec
// and close share and release it as any file. Nothing leaves the machine:
// AF_INET sockets live on the loopback (127.0.0.0/8, the machine's own
// name at 127.0.1.1), AF_UNIX sockets are named by paths of the file
// system.
//
// A stream connection is two sockets, each the other's peer; what one
// writes goes into the other's receive buffer (sockBufSize bytes), and a
// writer of a full buffer sleeps on that buffer's queue until the reader
// makes room. A listening socket holds the connections made but not yet
// accepted (its accept queue: backlog+1 of them, as Linux) and, behind
// them, the connects that found the queue full and wait for room (as a
// client whose SYN the full queue dropped waits for its retransmission).
// A datagram socket holds the datagrams sent to it, each with its
// sender's address.
//
// TCP's states are kept as far as a program can see them: a connection
// whose end closed first leaves its port in TIME_WAIT for 60 s (a new
// bind of it fails with EADDRINUSE unless both sockets set SO_REUSEADDR);
// writing to a peer that has closed succeeds once, the reset that comes
// back makes every later write fail with EPIPE and SIGPIPE; a close with
// unread data resets the connection (the peer's next read fails with
// ECONNRESET).

const (
	sockBufSize  = 131072 // a stream socket's receive buffer
	udpBufSize   = 212992 // a UDP socket's receive buffer (Linux's rmem_default)
	udpOverhead  = 768    // what Linux counts for each datagram beyond its bytes (its skb)
	udpMaxData   = 65507  // the most one UDP datagram over IPv4 carries
	unixMaxDgram = 212960 // the most one UNIX datagram carries (the send buffer, less its header)
	unixDgramQ   = 10     // a UNIX datagram socket's queue: a sender waits when more are queued (max_dgram_qlen)
	somaxconn    = 4096   // the largest backlog (net.core.somaxconn)
	maxSockets   = 8192   // sockets of one machine: beyond, ENFILE
	timeWaitSecs = 60     // TCP's TIME_WAIT
	ephemeralLo  = 32768  // the ephemeral ports (ip_local_port_range)
	ephemeralHi  = 60999
)

// What a thread waits for at a socket: WaitObject.Value of a WaitSocket.
const (
	sockForData   = iota // a reader: data, end of file or an error
	sockForRoom          // a writer: room in the socket's receive buffer or queue
	sockForConn          // accept: a connection in the listening socket's queue
	sockForAccept        // connect: the listening socket to take the connection
)

// sockState is where a socket is in its life.
type sockState int

const (
	sockUnconnected sockState = iota
	sockListening
	sockConnecting // waiting behind a full accept queue
	sockConnected
	sockClosed // released: its last descriptor closed
)

var sockStateNames = [...]string{"unconnected", "listening", "connecting", "connected", "closed"}

func (s sockState) String() string { return sockStateNames[s] }

// socket is one socket.
type socket struct {
	id     uint64
	family int
	typ    int
	state  sockState
	node   *fs.Inode // its own inode (fstat)
	open   bool      // an open file refers to it (false while it waits in an accept queue)

	local, remote sockAddr // its name (bind) and, connected, its peer's
	bound         bool
	name          *fs.Inode // the file naming a bound UNIX socket
	reuse         bool      // SO_REUSEADDR
	keepalive     bool
	rcvbuf        int // SO_RCVBUF and SO_SNDBUF, as set (Linux doubles them)
	sndbuf        int
	rcvtimeo      int64 // SO_RCVTIMEO and SO_SNDTIMEO in ticks: how long a receive (accept) or a send waits; 0 for ever
	sndtimeo      int64
	rcvtv, sndtv  [2]int64 // the same as set, in seconds and microseconds

	peer *socket // a stream's other end; a connected UNIX datagram socket's peer

	buf    []byte    // a stream: the bytes received, not yet read
	dgrams []dgram   // a datagram socket: the datagrams received
	dbytes int       // their size as the buffer counts it
	pages  int       // kernel pages charged for buf or dgrams
	eof    bool      // no more bytes will come: the peer shut down its writing or closed
	rdShut bool      // shutdown(SHUT_RD)
	wrShut bool      // shutdown(SHUT_WR)
	reset  bool      // the peer closed and its reset came back: writes fail with EPIPE
	gone   bool      // the peer closed (its reset is yet to come back, for TCP; a UNIX datagram socket's send is refused once)
	err    int       // the pending error (SO_ERROR): ECONNREFUSED, ECONNRESET
	inprog bool      // a nonblocking connect has been made: the next connect says how it went
	dead   bool      // a connect was refused: the socket is closed both ways, as TCP_CLOSE after a reset
	wasCon bool      // it has been connected
	listen *socket   // a connecting socket: the listening socket it waits at
	conns  []*socket // a listening socket: the accept queue, oldest first
	syns   []*socket // a listening socket: the connects waiting for room
	blog   int       // a listening socket's backlog

	rq WaitQueue // readers waiting for data; accept waiting for a connection
	wq WaitQueue // writers waiting for room in this socket's buffer
	cq WaitQueue // connect waiting for the listening socket to take it

	ledger ipcLedger // the writes and datagrams it received, to match the reads to (ipc_event.go)
}

// dgram is one datagram: its bytes and its sender's address.
type dgram struct {
	data []byte
	from sockAddr
	sent ipcSender // its number in the receiving socket, and who sent it
}

// timeWait is a port held by a closed TCP connection.
type timeWait struct {
	addr  sockAddr
	reuse bool
	until int64 // the tick it ends
}

// network is the machine's sockets: every socket alive, the names bound.
type network struct {
	socks     []*socket             // alive, by id
	next      uint64                // the id of the last socket made
	unixNames map[*fs.Inode]*socket // the UNIX socket bound to each socket file
	abstract  map[string]*socket    // the UNIX sockets of the abstract namespace
	timeWaits []timeWait
	nextPort  int // where the search for an ephemeral port begins
	autoName  int // the last autobound UNIX name
}

// newSocket makes a socket of family and type.
func (m *Machine) newSocket(family, typ int) (*socket, int) {
	n := &m.net
	if len(n.socks) >= maxSockets {
		return nil, ENFILE
	}
	n.next++
	s := &socket{id: n.next, family: family, typ: typ, node: m.fs.NewSocketInode(fs.StudentUID),
		local: sockAddr{family: family}}
	s.rq.init(m, WaitObject{Kind: WaitSocket, ID: s.id, Value: sockForData})
	s.wq.init(m, WaitObject{Kind: WaitSocket, ID: s.id, Value: sockForRoom})
	s.cq.init(m, WaitObject{Kind: WaitSocket, ID: s.id, Value: sockForAccept})
	n.socks = append(n.socks, s)
	m.ipcLife(nil, s.ref(), OpCreate)
	return s, 0
}

// openSocket gives s an open file with flags (O_NONBLOCK of them), and
// installs it in t's process: the descriptor, or an errno.
func (m *Machine) openSocket(t *Thread, s *socket, flags int) (int, int) {
	o := m.fs.NewOpenFile(s.node, fs.O_RDWR|flags&fs.O_NONBLOCK)
	o.Ops = &sockFile{o: o, s: s}
	s.open = true
	o.OnRelease = func() { m.closeSocket(s) }
	fd, err := t.proc.files.InstallFrom(o, 0, flags&fs.O_CLOEXEC != 0)
	if err != nil {
		o.OnRelease()
		return -1, fsErrno(err)
	}
	return fd, 0
}

// wake wakes q, one of a socket's queues, and the threads in poll and
// select.
func (m *Machine) sockWake(q *WaitQueue, code msg.Code) {
	cause := msg.New(code, msg.Int("id", int64(q.Object.ID)))
	q.WakeAll(cause)
	m.pollChanged(cause)
}

// chargeBuf keeps the kernel pages charged for s's buffered bytes, and
// extra bytes about to be added, equal to what they need; false when the
// machine has no page left for the extra bytes. The out-of-memory killer
// may end a process to make room, even s's reader: a closed s holds
// nothing, and the caller must look at it again.
func (m *Machine) chargeBuf(s *socket, extra int) bool {
	ok := true
	for {
		need := 0
		if s.state != sockClosed {
			need = (len(s.buf) + s.dbytes + extra + abi.PageSize - 1) / abi.PageSize
		}
		for s.pages > need {
			m.phys.GiveKernel()
			s.pages--
		}
		if s.pages == need {
			return ok
		}
		if m.phys.TakeKernel() {
			s.pages++
		} else if !m.reclaim(nil) {
			ok, extra = false, 0 // give back what was taken for the bytes to come
		}
	}
}

// closeSocket is the close of s's last descriptor (or the end of a
// connection nobody accepted): its peer sees the end of the stream or a
// reset, a listening socket refuses what waits in its queues, the name
// is freed.
func (m *Machine) closeSocket(s *socket) {
	if s.state == sockClosed {
		return
	}
	prev := s.state
	s.state = sockClosed
	s.open = false
	switch prev {
	case sockListening:
		for _, c := range s.syns {
			c.state, c.err, c.listen, c.dead = sockUnconnected, ECONNREFUSED, nil, true
			m.sockWake(&c.cq, msg.WokeSockRefused)
		}
		s.syns = nil
		m.abortQueued(s)
	case sockConnecting:
		if l := s.listen; l != nil {
			l.syns = slices.DeleteFunc(l.syns, func(c *socket) bool { return c == s })
		}
	}
	if p := s.peer; p != nil && s.typ == sockStream {
		p.peer = nil
		p.gone, p.eof = true, true
		if len(s.buf) > 0 {
			p.err, p.reset = ECONNRESET, true
		}
		if s.family == afInet && p != s && !s.gone && s.bound {
			m.holdTimeWait(s)
		}
		m.sockWake(&p.rq, msg.WokeSockClosed)
		m.sockWake(&p.wq, msg.WokeSockClosed)
	}
	if s.typ != sockStream {
		for _, o := range m.net.socks {
			if o.peer == s {
				o.peer, o.gone = nil, true
			}
		}
	}
	s.peer = nil
	s.buf, s.dgrams, s.dbytes = nil, nil, 0
	m.chargeBuf(s, 0)
	m.unbind(s)
	m.sockWake(&s.rq, msg.WokeSockClosed)
	m.sockWake(&s.wq, msg.WokeSockClosed)
	n := &m.net
	n.socks = slices.DeleteFunc(n.socks, func(o *socket) bool { return o == s })
	m.ipcLife(nil, s.ref(), OpDestroy)
}

// sockSleep puts t to sleep on q, one of a socket's queues, in call, for
// at most timeout ticks since the call first waited (SO_RCVTIMEO,
// SO_SNDTIMEO; 0: for ever). It reports false without sleeping once that
// time has passed: the call fails with EAGAIN, as on Linux.
func (m *Machine) sockSleep(t *Thread, q *WaitQueue, call string, timeout int64) bool {
	if timeout <= 0 {
		q.Sleep(t, waitCall(call, q.Object))
		return true
	}
	if t.pollUntil == 0 {
		t.pollUntil = m.t + timeout
	}
	if t.waiter.woke == wokeTimeout || t.pollUntil <= m.t {
		return false
	}
	q.SleepUntil(t, t.pollUntil, waitCall(call, q.Object))
	return true
}

// abortQueued resets the connections of a listening socket that nobody
// accepted: their clients' next read fails with ECONNRESET.
func (m *Machine) abortQueued(l *socket) {
	for _, c := range l.conns {
		if p := c.peer; p != nil {
			p.err, p.reset = ECONNRESET, true
		}
		c.buf = nil // what the client sent is lost with the connection
		m.closeSocket(c)
	}
	l.conns = nil
}

// holdTimeWait keeps s's port in TIME_WAIT: s closed its connection first.
func (m *Machine) holdTimeWait(s *socket) {
	n := &m.net
	n.timeWaits = append(n.timeWaits, timeWait{addr: s.local, reuse: s.reuse,
		until: m.t + timeWaitSecs*m.cfg.TicksPerSecond})
}

// unbind frees s's name.
func (m *Machine) unbind(s *socket) {
	n := &m.net
	if s.family == afUnix && s.bound {
		if s.name != nil && n.unixNames[s.name] == s {
			delete(n.unixNames, s.name)
		}
		if p := s.local.path; p != "" && p[0] == 0 && n.abstract[p] == s {
			delete(n.abstract, p)
		}
	}
}

// --- AF_INET names -------------------------------------------------------

// overlaps reports whether two IPv4 addresses of one port meet: equal, or
// one of them any address.
func overlaps(a, b [4]byte) bool { return a == b || a == ipAny || b == ipAny }

// inetInUse reports whether binding a (a socket of type typ, with
// SO_REUSEADDR if reuse) meets a name already taken, as Linux's
// inet_csk_bind_conflict: two sockets may share a port and address only
// if both set SO_REUSEADDR and the one there does not listen (a UDP
// socket: both set it).
func (m *Machine) inetInUse(typ int, a sockAddr, reuse bool, self *socket) bool {
	n := &m.net
	for _, o := range n.socks {
		if o == self || o.family != afInet || o.typ != typ || !o.bound || o.local.port != a.port {
			continue
		}
		if !overlaps(o.local.ip, a.ip) {
			continue
		}
		if reuse && o.reuse && (typ != sockStream || o.state != sockListening) {
			continue
		}
		return true
	}
	if typ == sockStream {
		n.timeWaits = slices.DeleteFunc(n.timeWaits, func(w timeWait) bool { return w.until <= m.t })
		for _, w := range n.timeWaits {
			if w.addr.port == a.port && overlaps(w.addr.ip, a.ip) && !(reuse && w.reuse) {
				return true
			}
		}
	}
	return false
}

// ephemeral picks a free port for s at ip, as an implicit bind does.
func (m *Machine) ephemeral(s *socket, ip [4]byte) (uint16, bool) {
	n := &m.net
	span := ephemeralHi - ephemeralLo + 1
	for i := range span {
		port := uint16(ephemeralLo + (n.nextPort+i)%span)
		if !m.inetInUse(s.typ, sockAddr{family: afInet, ip: ip, port: port}, false, s) {
			n.nextPort = (n.nextPort + i + 1) % span
			return port, true
		}
	}
	return 0, false
}

// autobind gives an unbound AF_INET socket an ephemeral port at ip.
func (m *Machine) autobind(s *socket, ip [4]byte) int {
	if s.bound {
		return 0
	}
	port, ok := m.ephemeral(s, ip)
	if !ok {
		return EADDRNOTAVAIL
	}
	s.local = sockAddr{family: afInet, ip: ip, port: port}
	s.bound = true
	return 0
}

// inetFind is the socket of type typ a packet from from to a reaches: a
// listening one (stream) or a bound one (datagram) — not one connected
// to another address —, the one bound to a's very address before one
// bound to any.
func (m *Machine) inetFind(typ int, a, from sockAddr) *socket {
	var anyIP *socket
	for _, o := range m.net.socks {
		if o.family != afInet || o.typ != typ || !o.bound || o.local.port != a.port {
			continue
		}
		if typ == sockStream && o.state != sockListening {
			continue
		}
		if r := o.remote; typ == sockDgram && r.family == afInet && (r.ip != from.ip || r.port != from.port) {
			continue
		}
		if o.local.ip == a.ip || (o.local.ip == ipAny && anyIP == nil) {
			if o.local.ip == a.ip {
				return o
			}
			anyIP = o
		}
	}
	return anyIP
}

// --- AF_UNIX names -------------------------------------------------------

// unixFind is the socket bound to the UNIX address a, or an errno:
// ENOENT when the path names nothing, ECONNREFUSED when it names no
// socket that is bound.
func (m *Machine) unixFind(t *Thread, a sockAddr) (*socket, int) {
	if a.path != "" && a.path[0] == 0 {
		if s := m.net.abstract[a.path]; s != nil {
			return s, 0
		}
		return nil, ECONNREFUSED
	}
	n, err := m.fs.Lookup(t.proc.cwd, a.path, fs.StudentUID)
	if err != nil {
		return nil, fsErrno(err)
	}
	if !n.IsSocket() {
		return nil, ECONNREFUSED
	}
	if s := m.net.unixNames[n]; s != nil {
		return s, 0
	}
	return nil, ECONNREFUSED
}

// readable is what FIONREAD says of s: the bytes buffered (a stream), or
// the next datagram's size.
func (s *socket) readable() int {
	if s.typ == sockStream {
		return len(s.buf)
	}
	if len(s.dgrams) > 0 {
		return len(s.dgrams[0].data)
	}
	return 0
}

// pollMask is what s is ready for, as Linux's tcp_poll, udp_poll and
// unix_poll report it.
func (s *socket) pollMask() int {
	mask := 0
	if s.err != 0 {
		mask |= pollErr
	}
	if s.typ != sockStream {
		if len(s.dgrams) > 0 || s.rdShut {
			mask |= pollIn | pollRdNorm
		}
		if s.rdShut && s.wrShut {
			mask |= pollHup
		}
		if p := s.peer; p == nil || len(p.dgrams) <= unixDgramQ || p.peer == s {
			mask |= pollOut | pollWrNorm
		}
		return mask
	}
	switch s.state {
	case sockListening:
		if len(s.conns) > 0 {
			mask |= pollIn | pollRdNorm
		}
		return mask
	case sockConnecting:
		return mask
	}
	if s.dead {
		return mask | pollIn | pollRdNorm | pollOut | pollWrNorm | pollHup
	}
	rcvShut := s.eof || s.rdShut
	if (rcvShut && s.wrShut) || s.state != sockConnected || s.reset {
		mask |= pollHup
	}
	if rcvShut || len(s.buf) > 0 {
		mask |= pollIn | pollRdNorm
	}
	switch p := s.peer; {
	case s.wrShut || s.gone || s.state != sockConnected:
		mask |= pollOut | pollWrNorm
	case p != nil && len(p.buf) < sockBufSize:
		mask |= pollOut | pollWrNorm
	}
	return mask
}
