package kernel

import (
	"fmt"
	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// The socket system calls. The object and its names are socket.go's;
// sending and receiving socket_io.go's.

// Protocols, option levels and options, Linux's values.
const (
	ipprotoTCP = 6
	ipprotoUDP = 17

	solSocket     = 1
	soReuseaddr   = 2
	soType        = 3
	soError       = 4
	soBroadcast   = 6
	soSndbuf      = 7
	soRcvbuf      = 8
	soKeepalive   = 9
	soReuseport   = 15
	soAcceptconn  = 30
	soProtocol    = 38
	soDomain      = 39
	tcpNodelay    = 1
	sockMinRcvbuf = 2304 // Linux's least SO_RCVBUF, and twice as much for SO_SNDBUF
)

// sockOf is the socket behind descriptor fd of t's process: EBADF for no
// descriptor, ENOTSOCK for a descriptor of another file.
func sockOf(t *Thread, fd uint64) (*sockFile, int) {
	o, err := t.proc.files.Get(int(int32(fd)))
	if err != nil {
		return nil, abi.EBADF
	}
	f, isSock := fileOf(o).(*sockFile)
	if !isSock {
		return nil, ENOTSOCK
	}
	return f, 0
}

// sockType checks socket's and socketpair's domain, type and protocol,
// and returns the type without its flags.
func sockType(domain, typ, proto int) (int, int) {
	if typ&^(sockTypeMask|sockNonblock|sockCloexec) != 0 {
		return 0, abi.EINVAL
	}
	kind := typ & sockTypeMask
	switch domain {
	case afInet:
		switch {
		case kind == sockStream && (proto == 0 || proto == ipprotoTCP),
			kind == sockDgram && (proto == 0 || proto == ipprotoUDP):
			return kind, 0
		case kind == sockRaw:
			return 0, abi.EPERM // raw sockets need CAP_NET_RAW, which the student has not
		}
		return 0, EPROTONOSUPPORT
	case afUnix:
		if proto != 0 && proto != afUnix {
			return 0, EPROTONOSUPPORT
		}
		if kind == sockStream || kind == sockDgram {
			return kind, 0
		}
		return 0, 94 // ESOCKTNOSUPPORT: osplay has no SOCK_SEQPACKET
	}
	return 0, EAFNOSUPPORT
}

// openFlags are the open flags SOCK_NONBLOCK and SOCK_CLOEXEC ask for.
func openFlags(typ int) int { return typ & (fs.O_NONBLOCK | fs.O_CLOEXEC) }

func sysSocket(m *Machine, t *Thread, a []uint64) sysret {
	domain, typ := int(int32(a[0])), int(int32(a[1]))
	kind, e := sockType(domain, typ, int(int32(a[2])))
	if e != 0 {
		return fail(e)
	}
	if t.proc.files.Free() < 1 {
		return fail(abi.EMFILE)
	}
	s, e := m.newSocket(domain, kind)
	if e != 0 {
		return fail(e)
	}
	fd, e := m.openSocket(t, s, openFlags(typ))
	if e != 0 {
		return fail(e)
	}
	return ok(int64(fd))
}

func sysSocketpair(m *Machine, t *Thread, a []uint64) sysret {
	domain, typ := int(int32(a[0])), int(int32(a[1]))
	if domain == afInet {
		return fail(EOPNOTSUPP)
	}
	kind, e := sockType(domain, typ, int(int32(a[2])))
	if e != 0 {
		return fail(e)
	}
	if t.proc.files.Free() < 2 {
		return fail(abi.EMFILE)
	}
	if len(m.net.socks)+2 > maxSockets {
		return fail(ENFILE)
	}
	s0, _ := m.newSocket(domain, kind)
	s1, _ := m.newSocket(domain, kind)
	s0.peer, s1.peer = s1, s0
	if kind == sockStream {
		s0.state, s1.state = sockConnected, sockConnected
		s0.wasCon, s1.wasCon = true, true
	}
	s0.remote, s1.remote = sockAddr{family: afUnix}, sockAddr{family: afUnix}
	fd0, _ := m.openSocket(t, s0, openFlags(typ))
	fd1, _ := m.openSocket(t, s1, openFlags(typ))
	var b [8]byte
	putU32(b[0:], uint32(fd0))
	putU32(b[4:], uint32(fd1))
	if err := t.proc.mem.Write(a[3], b[:]); err != nil {
		t.proc.files.Close(fd1)
		t.proc.files.Close(fd0)
		return fail(abi.EFAULT)
	}
	return ok(0)
}

func sysBind(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	addr, e := readSockAddr(t.proc, s.family, a[1], a[2])
	if e != 0 {
		return fail(e)
	}
	if s.bound {
		return fail(abi.EINVAL)
	}
	if s.family == afUnix {
		return m.bindUnix(t, s, addr)
	}
	if !localIP(addr.ip) {
		return fail(EADDRNOTAVAIL)
	}
	if addr.port == 0 {
		if e := m.autobind(s, addr.ip); e != 0 {
			return fail(e)
		}
		return ok(0)
	}
	if addr.port < 1024 {
		return fail(abi.EACCES) // a privileged port: the student is not root
	}
	if m.inetInUse(s.typ, addr, s.reuse, s) {
		return fail(EADDRINUSE)
	}
	s.local, s.bound = addr, true
	return ok(0)
}

// bindUnix names s by a path (a socket file it makes) or in the abstract
// namespace.
func (m *Machine) bindUnix(t *Thread, s *socket, addr sockAddr) sysret {
	n := &m.net
	if addr.path == "" {
		// No path: autobind, to a name of the abstract namespace, as
		// Linux: a NUL and five hexadecimal digits.
		for n.autoName++; n.abstract[autoName(n.autoName)] != nil; n.autoName++ {
		}
		addr.path = autoName(n.autoName)
	}
	switch {
	case addr.path[0] == 0:
		if n.abstract[addr.path] != nil {
			return fail(EADDRINUSE)
		}
		if n.abstract == nil {
			n.abstract = map[string]*socket{}
		}
		n.abstract[addr.path] = s
	default:
		node, err := m.fs.Mksock(t.proc.cwd, addr.path, 0777, fs.StudentUID)
		if err != nil {
			return fail(fsErrno(err))
		}
		if n.unixNames == nil {
			n.unixNames = map[*fs.Inode]*socket{}
		}
		n.unixNames[node] = s
		s.name = node
	}
	s.local, s.bound = addr, true
	return ok(0)
}

// autoName is the abstract name of the nth autobound UNIX socket.
func autoName(n int) string { return fmt.Sprintf("\x00%05x", n&0xfffff) }

func sysListen(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	if s.typ != sockStream {
		return fail(EOPNOTSUPP)
	}
	if s.state != sockUnconnected && s.state != sockListening {
		return fail(abi.EINVAL)
	}
	if !s.bound {
		if s.family == afUnix {
			return fail(abi.EINVAL)
		}
		if e := m.autobind(s, ipAny); e != 0 {
			return fail(e)
		}
	}
	if s.state == sockUnconnected && s.family == afInet && m.inetListening(s) {
		return fail(EADDRINUSE)
	}
	backlog := int(int32(a[1]))
	if uint32(backlog) > somaxconn {
		backlog = somaxconn
	}
	s.blog = backlog
	s.state = sockListening
	s.rq.Object.Value = sockForConn
	m.admitSyns(s)
	return ok(0)
}

// inetListening reports whether another socket listens on s's port and an
// address that meets s's (two sockets with SO_REUSEADDR may be bound
// there together, but only one may listen).
func (m *Machine) inetListening(s *socket) bool {
	for _, o := range m.net.socks {
		if o != s && o.family == afInet && o.typ == sockStream && o.state == sockListening &&
			o.local.port == s.local.port && overlaps(o.local.ip, s.local.ip) {
			return true
		}
	}
	return false
}

// establish makes the connection of c to the listening socket l, as
// addressed to dst: the server's end waits in l's accept queue.
func (m *Machine) establish(l, c *socket, dst sockAddr) int {
	srv, e := m.newSocket(l.family, sockStream)
	if e != 0 {
		return e
	}
	if l.family == afInet {
		if dst.ip == ipAny {
			dst.ip = ipLoopback
		}
		srv.local = sockAddr{family: afInet, ip: dst.ip, port: l.local.port}
	} else {
		srv.local = l.local
	}
	srv.bound, srv.reuse = true, l.reuse
	srv.remote = c.local
	if c.family == afUnix && !c.bound {
		srv.remote = sockAddr{family: afUnix}
	}
	c.remote = srv.local
	srv.peer, c.peer = c, srv
	srv.state, c.state = sockConnected, sockConnected
	srv.wasCon, c.wasCon = true, true
	c.listen = nil
	l.conns = append(l.conns, srv)
	m.sockWake(&l.rq, msg.WokeSockConn)
	return 0
}

// admitSyns moves the connects that wait at l into its accept queue while it
// has room.
func (m *Machine) admitSyns(l *socket) {
	for len(l.syns) > 0 && len(l.conns) <= l.blog {
		c := l.syns[0]
		l.syns = l.syns[1:]
		if e := m.establish(l, c, c.remote); e != 0 {
			c.state, c.err, c.listen = sockUnconnected, e, nil
		}
		m.sockWake(&c.cq, msg.WokeSockAccepted)
	}
}

func sysAccept(m *Machine, t *Thread, a []uint64) sysret {
	return m.accept(t, a[0], a[1], a[2], 0)
}

func sysAccept4(m *Machine, t *Thread, a []uint64) sysret {
	return m.accept(t, a[0], a[1], a[2], int(int32(a[3])))
}

// accept takes the oldest connection of a listening socket, waiting for
// one if there is none.
func (m *Machine) accept(t *Thread, fd, addr, lenAddr uint64, flags int) sysret {
	f, e := sockOf(t, fd)
	if e != 0 {
		return fail(e)
	}
	s := f.s
	if flags&^(sockNonblock|sockCloexec) != 0 {
		return fail(abi.EINVAL)
	}
	if s.typ != sockStream {
		return fail(EOPNOTSUPP)
	}
	if s.state != sockListening {
		return fail(abi.EINVAL)
	}
	if len(s.conns) == 0 {
		if f.nonblock() {
			return fail(abi.EAGAIN)
		}
		s.rq.Sleep(t, waitCall("accept", s.rq.Object))
		return blocked()
	}
	if t.proc.files.Free() < 1 {
		return fail(abi.EMFILE)
	}
	c := s.conns[0]
	s.conns = s.conns[1:]
	m.admitSyns(s)
	nfd, e := m.openSocket(t, c, openFlags(flags))
	if e != 0 {
		return fail(e)
	}
	if e := writeSockAddr(t.proc, c.remote, addr, lenAddr, false); e != 0 {
		t.proc.files.Close(nfd)
		return fail(e)
	}
	return ok(int64(nfd))
}

func sysConnect(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	if t.pipeIO.started {
		return m.connectWait(t, s) // a connect waiting at a full accept queue
	}
	if s.typ == sockStream {
		switch s.state {
		case sockListening:
			return fail(EISCONN)
		case sockConnected:
			if s.inprog {
				s.inprog = false
				return ok(0)
			}
			return fail(EISCONN)
		case sockConnecting:
			if f.nonblock() {
				return fail(EALREADY)
			}
			return m.connectWait(t, s)
		}
		if s.inprog && s.dead {
			// A nonblocking connect that was refused: its error, or
			// once SO_ERROR has taken that, ECONNABORTED.
			e := s.err
			s.err, s.inprog, s.dead = 0, false, false
			if e == 0 {
				e = ECONNABORTED
			}
			return fail(e)
		}
		s.dead = false
	}
	dst, e := readSockAddr(t.proc, s.family, a[1], a[2])
	if e != 0 {
		return fail(e)
	}
	if s.family == afUnix {
		return m.connectUnix(t, f, dst)
	}
	if s.typ == sockDgram {
		var fam [2]byte
		if err := t.proc.mem.Read(a[1], fam[:]); err == nil && fam[0] == afUnspec && fam[1] == 0 {
			s.remote = sockAddr{} // AF_UNSPEC: no peer any more
			return ok(0)
		}
	}
	if !localIP(dst.ip) {
		return fail(ENETUNREACH)
	}
	if dst.ip == ipAny {
		dst.ip = ipLoopback
	}
	src := ipLoopback
	if e := m.autobind(s, src); e != 0 {
		return fail(e)
	}
	if s.local.ip == ipAny {
		s.local.ip = src
	}
	if s.typ == sockDgram {
		s.remote = dst
		return ok(0)
	}
	l := m.inetFind(sockStream, dst)
	if l == nil {
		if dst.port == s.local.port && overlaps(dst.ip, s.local.ip) {
			// A connect to its own address: TCP's simultaneous open
			// connects the socket to itself.
			s.peer, s.remote = s, s.local
			s.state, s.wasCon = sockConnected, true
			return ok(0)
		}
		s.dead = true
		if f.nonblock() {
			s.err, s.inprog = ECONNREFUSED, true
			return fail(EINPROGRESS)
		}
		return fail(ECONNREFUSED)
	}
	return m.connectTo(t, f, l, dst)
}

// connectTo connects s to the listening socket l: at once when its accept
// queue has room, else behind the connects that wait there.
func (m *Machine) connectTo(t *Thread, f *sockFile, l *socket, dst sockAddr) sysret {
	s := f.s
	if len(l.conns) <= l.blog && len(l.syns) == 0 {
		if e := m.establish(l, s, dst); e != 0 {
			return fail(e)
		}
		if f.nonblock() && s.family == afInet {
			s.inprog = true
			return fail(EINPROGRESS) // the handshake is under way when connect returns
		}
		return ok(0)
	}
	if f.nonblock() && s.family == afUnix {
		return fail(abi.EAGAIN)
	}
	s.state, s.listen, s.remote = sockConnecting, l, dst
	l.syns = append(l.syns, s)
	if f.nonblock() {
		s.inprog = true
		return fail(EINPROGRESS)
	}
	return m.connectWait(t, s)
}

// connectWait waits for the listening socket to take s's connection.
func (m *Machine) connectWait(t *Thread, s *socket) sysret {
	switch {
	case s.state == sockConnected:
		return ok(0)
	case s.err != 0:
		e := s.err
		s.err = 0
		return fail(e)
	case s.state != sockConnecting:
		return fail(ECONNREFUSED)
	}
	t.pipeIO.started = true
	s.cq.Sleep(t, waitCall("connect", s.cq.Object))
	return blocked()
}

// connectUnix connects a UNIX socket to the socket a path names.
func (m *Machine) connectUnix(t *Thread, f *sockFile, dst sockAddr) sysret {
	s := f.s
	if dst.path == "" {
		if s.typ == sockDgram {
			s.peer, s.remote = nil, sockAddr{} // AF_UNSPEC: no peer any more
			return ok(0)
		}
		return fail(abi.EINVAL)
	}
	l, e := m.unixFind(t, dst)
	if e != 0 {
		return fail(e)
	}
	if l.typ != s.typ {
		return fail(EPROTOTYPE)
	}
	if s.typ == sockDgram {
		s.peer, s.remote = l, l.local
		return ok(0)
	}
	if l.state != sockListening {
		return fail(ECONNREFUSED)
	}
	return m.connectTo(t, f, l, dst)
}

func sysSendto(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	var to *sockAddr
	if a[4] != 0 {
		dst, e := readSockAddr(t.proc, f.s.family, a[4], a[5])
		if e != 0 {
			return fail(e)
		}
		to = &dst
	}
	return m.sendMem(t, f, a[1], a[2], int(int32(a[3])), to)
}

// sendMem sends n bytes at addr of t's memory, copied as the socket takes
// them.
func (m *Machine) sendMem(t *Thread, f *sockFile, addr, n uint64, flags int, to *sockAddr) sysret {
	total := int(min(n, maxRW))
	mem := t.proc.mem
	k, e, block := m.sockSend(t, f.s, total, func(off, k int) ([]byte, bool) {
		b := make([]byte, k)
		if err := mem.Read(addr+uint64(off), b); err != nil {
			return nil, false
		}
		return b, true
	}, to, flags, f.nonblock())
	if block {
		return blocked()
	}
	if e != 0 {
		return fail(e)
	}
	return ok(int64(k))
}

func sysRecvfrom(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s, p := f.s, t.proc
	flags := int(int32(a[3]))
	limit := uint64(sockBufSize)
	if s.typ != sockStream {
		limit = unixMaxDgram
	}
	total := int(min(a[2], maxRW))
	done := t.pipeIO.done
	buf := make([]byte, min(uint64(total-done), limit))
	k, from, e, block := m.sockRecv(t, s, buf, flags, f.nonblock())
	if block {
		return blocked() // sockRecv put t to sleep
	}
	if e != 0 {
		if done > 0 {
			return ok(int64(done))
		}
		return fail(e)
	}
	if k > 0 {
		n := min(k, len(buf)) // MSG_TRUNC may say more than was copied
		if err := p.mem.Write(a[1]+uint64(done), buf[:n]); err != nil {
			return fail(abi.EFAULT)
		}
		if s.typ == sockStream && flags&msgWaitall != 0 && flags&msgPeek == 0 && done+k < total &&
			!s.eof && !s.rdShut && s.err == 0 {
			t.pipeIO.done = done + k // MSG_WAITALL: wait for the rest
			s.rq.Sleep(t, waitCall("recv", s.rq.Object))
			return blocked()
		}
	}
	if s.typ == sockStream {
		from = sockAddr{} // TCP says nothing of the sender
		if s.family == afUnix {
			from = s.remote
		}
	}
	if a[4] != 0 {
		if from.family == afUnix && from.path == "" {
			from = sockAddr{}
		}
		if e := writeSockAddr(p, from, a[4], a[5], false); e != 0 {
			return fail(e)
		}
	}
	return ok(int64(done + k))
}

func sysShutdown(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	how := int(int32(a[1]))
	if how < 0 || how > 2 {
		return fail(abi.EINVAL)
	}
	rd, wr := how != 1, how != 0
	if s.state == sockListening {
		if rd {
			m.stopListening(s)
		}
		return ok(0)
	}
	if s.typ == sockStream && s.state != sockConnected {
		return fail(ENOTCONN)
	}
	if rd {
		s.rdShut = true
		m.sockWake(&s.rq, msg.WokeSockShutdown)
	}
	if wr {
		s.wrShut = true
		m.sockWake(&s.wq, msg.WokeSockShutdown)
	}
	if p := s.peer; p != nil && s.typ == sockStream {
		if wr {
			p.eof = true
			m.sockWake(&p.rq, msg.WokeSockShutdown)
		}
		if rd && s.family == afUnix {
			p.wrShut = true
			m.sockWake(&p.wq, msg.WokeSockShutdown)
		}
	}
	if s.family == afInet && s.typ == sockDgram && s.remote.family != afInet {
		return fail(ENOTCONN)
	}
	return ok(0)
}

// stopListening ends a listening socket's listen (shutdown with SHUT_RD):
// what waits in its queues is refused, a blocked accept fails.
func (m *Machine) stopListening(s *socket) {
	for _, c := range s.syns {
		c.state, c.err, c.listen, c.dead = sockUnconnected, ECONNREFUSED, nil, true
		m.sockWake(&c.cq, msg.WokeSockRefused)
	}
	s.syns = nil
	for _, c := range s.conns {
		m.closeSocket(c)
	}
	s.conns = nil
	s.state = sockUnconnected
	s.rq.Object.Value = sockForData
	m.sockWake(&s.rq, msg.WokeSockShutdown)
}

func sysGetsockname(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	if e := writeSockAddr(t.proc, f.s.local, a[1], a[2], true); e != 0 {
		return fail(e)
	}
	return ok(0)
}

func sysGetpeername(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	var peer sockAddr
	switch {
	case s.typ == sockStream && s.state == sockConnected && !s.reset:
		peer = s.remote
	case s.typ == sockDgram && s.family == afInet && s.remote.family == afInet:
		peer = s.remote
	case s.typ == sockDgram && s.family == afUnix && s.peer != nil:
		peer = s.peer.local
	default:
		return fail(ENOTCONN)
	}
	if e := writeSockAddr(t.proc, peer, a[1], a[2], true); e != 0 {
		return fail(e)
	}
	return ok(0)
}

func sysSetsockopt(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	level, name := int(int32(a[1])), int(int32(a[2]))
	if int32(a[4]) < 4 {
		return fail(abi.EINVAL)
	}
	v, err := t.proc.mem.ReadU32(a[3])
	if err != nil {
		return fail(abi.EFAULT)
	}
	val := int(int32(v))
	switch {
	case level == solSocket:
		switch name {
		case soReuseaddr:
			s.reuse = val != 0
		case soKeepalive:
			s.keepalive = val != 0
		case soReuseport, soBroadcast:
		case soRcvbuf:
			s.rcvbuf = max(2*val, sockMinRcvbuf)
		case soSndbuf:
			s.sndbuf = max(2*val, 2*sockMinRcvbuf)
		default:
			return fail(ENOPROTOOPT)
		}
	case level == ipprotoTCP && s.family == afInet && s.typ == sockStream && name == tcpNodelay:
	default:
		return fail(ENOPROTOOPT)
	}
	return ok(0)
}

func sysGetsockopt(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s, p := f.s, t.proc
	level, name := int(int32(a[1])), int(int32(a[2]))
	n, err := p.mem.ReadU32(a[4])
	if err != nil {
		return fail(abi.EFAULT)
	}
	if int32(n) < 0 {
		return fail(abi.EINVAL)
	}
	var val int
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	switch {
	case level == solSocket:
		switch name {
		case soReuseaddr:
			val = b2i(s.reuse)
		case soKeepalive:
			val = b2i(s.keepalive)
		case soType:
			val = s.typ
		case soError:
			val, s.err = s.err, 0
		case soAcceptconn:
			val = b2i(s.state == sockListening)
		case soDomain:
			val = s.family
		case soProtocol:
			switch {
			case s.family == afInet && s.typ == sockStream:
				val = ipprotoTCP
			case s.family == afInet:
				val = ipprotoUDP
			}
		case soRcvbuf:
			val = s.rcvbuf
			if val == 0 {
				val = sockBufSize
				if s.typ == sockDgram {
					val = udpBufSize
				}
			}
		case soSndbuf:
			val = s.sndbuf
			if val == 0 {
				val = udpBufSize
			}
		default:
			return fail(ENOPROTOOPT)
		}
	case level == ipprotoTCP && s.family == afInet && s.typ == sockStream && name == tcpNodelay:
	default:
		return fail(ENOPROTOOPT)
	}
	var b [4]byte
	putU32(b[:], uint32(val))
	k := min(int(n), 4)
	if err := p.mem.Write(a[3], b[:k]); err != nil {
		return fail(abi.EFAULT)
	}
	if err := p.mem.WriteU32(a[4], uint32(k)); err != nil {
		return fail(abi.EFAULT)
	}
	return ok(0)
}

// sysGethostname is gethostname(name, len): the machine's name, or
// ENAMETOOLONG when it does not fit with its NUL, as glibc.
func sysGethostname(m *Machine, t *Thread, a []uint64) sysret {
	if a[1] < uint64(len(Hostname)+1) {
		return fail(36) // ENAMETOOLONG
	}
	if err := t.proc.mem.Write(a[0], append([]byte(Hostname), 0)); err != nil {
		return fail(abi.EFAULT)
	}
	return ok(0)
}
