package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// Connections: a listening socket's queues, accept and connect.

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
		if f.nonblock() || !m.sockSleep(t, &s.rq, "accept", s.rcvtimeo) {
			return fail(abi.EAGAIN)
		}
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
	l := m.inetFind(sockStream, dst, s.local)
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
