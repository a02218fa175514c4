package kernel

import (
	"fmt"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// The socket system calls: making, naming and ending sockets. The object
// and its names are socket.go's; connections (listen's queue, accept,
// connect) sys_connect.go's; sending and receiving socket_io.go's; the
// options sys_sockopt.go's.

// Protocols, Linux's values.
const (
	ipprotoTCP = 6
	ipprotoUDP = 17
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
	m.abortQueued(s)
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
