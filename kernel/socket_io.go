package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// Sending and receiving: read, write, send, recv, sendto and recvfrom all
// come here.

// Flags of send and recv, Linux's values.
const (
	msgOOB      = 0x1
	msgPeek     = 0x2
	msgTrunc    = 0x20
	msgDontwait = 0x40
	msgWaitall  = 0x100
	msgNosignal = 0x4000
)

// sockFile is an open socket.
type sockFile struct {
	o *fs.OpenFile
	s *socket
}

func (f *sockFile) nonblock() bool { return f.o.Flags&fs.O_NONBLOCK != 0 }

func (f *sockFile) read(m *Machine, t *Thread, buf []byte) (int, int, bool) {
	n, _, errno, block := m.sockRecv(t, f.s, buf, 0, f.nonblock())
	return n, errno, block
}

func (f *sockFile) write(m *Machine, t *Thread, data []byte) (int, int) {
	n, errno, _ := m.sockSend(t, f.s, len(data), func(off, k int) ([]byte, bool) {
		return data[off : off+k], true
	}, nil, 0, true)
	return n, errno
}

func (f *sockFile) seek(off int64, whence int) (int64, int) { return 0, abi.ESPIPE }
func (f *sockFile) stat() fs.Stat                           { return f.s.node.Stat() }
func (f *sockFile) isTTY() bool                             { return false }

// sockRecv receives into buf from s, as recvfrom with flags: the bytes
// taken and, for a datagram, its sender's address. It blocks (block) when
// nothing is there and the call may wait.
func (m *Machine) sockRecv(t *Thread, s *socket, buf []byte, flags int, nonblock bool) (int, sockAddr, int, bool) {
	nonblock = nonblock || flags&msgDontwait != 0
	if flags&msgOOB != 0 {
		return 0, sockAddr{}, abi.EINVAL, false
	}
	if s.typ != sockStream {
		return m.dgramRecv(t, s, buf, flags, nonblock)
	}
	if s.state == sockListening || (s.state != sockConnected && !s.wasCon) {
		return 0, sockAddr{}, ENOTCONN, false
	}
	if len(s.buf) > 0 {
		if len(buf) == 0 {
			return 0, s.remote, 0, false
		}
		n := copy(buf, s.buf)
		if flags&msgPeek == 0 {
			m.sockRead(t, s, buf[:n])
			s.buf = s.buf[n:]
			if len(s.buf) == 0 {
				s.buf = nil
			}
			m.chargeBuf(s, 0)
			m.sockWake(&s.wq, msg.WokeSockRoom)
		}
		return n, s.remote, 0, false
	}
	if s.err != 0 {
		e := s.err
		s.err = 0
		return 0, sockAddr{}, e, false
	}
	if s.eof || s.rdShut || len(buf) == 0 {
		return 0, s.remote, 0, false
	}
	if nonblock || !m.sockSleep(t, &s.rq, "recv", s.rcvtimeo) {
		return 0, sockAddr{}, abi.EAGAIN, false
	}
	return 0, sockAddr{}, 0, true
}

// dgramRecv takes the oldest datagram: as much of it as buf holds (the
// rest is lost), or its whole length with MSG_TRUNC.
func (m *Machine) dgramRecv(t *Thread, s *socket, buf []byte, flags int, nonblock bool) (int, sockAddr, int, bool) {
	if len(s.dgrams) > 0 {
		d := s.dgrams[0]
		n := copy(buf, d.data)
		if flags&msgTrunc != 0 {
			n = len(d.data)
		}
		if flags&msgPeek == 0 {
			m.dgramReceived(t, s, d)
			s.dgrams[0] = dgram{}
			s.dgrams = s.dgrams[1:]
			s.dbytes -= dgramCost(s, len(d.data))
			if len(s.dgrams) == 0 {
				s.dgrams, s.dbytes = nil, 0
			}
			m.chargeBuf(s, 0)
			m.sockWake(&s.wq, msg.WokeSockRoom)
		}
		return n, d.from, 0, false
	}
	if s.err != 0 {
		e := s.err
		s.err = 0
		return 0, sockAddr{}, e, false
	}
	if s.rdShut {
		return 0, sockAddr{}, 0, false
	}
	if nonblock || !m.sockSleep(t, &s.rq, "recvfrom", s.rcvtimeo) {
		return 0, sockAddr{}, abi.EAGAIN, false
	}
	return 0, sockAddr{}, 0, true
}

// dgramCost is what a datagram of n bytes counts against s's buffer.
func dgramCost(s *socket, n int) int {
	if s.family == afInet {
		return n + udpOverhead
	}
	return n
}

// sockSend sends total bytes, which src gives piece by piece, from s: to
// its peer (a stream, a connected datagram socket) or to the address to.
// A blocked stream send keeps its progress in t and starts over; block
// says the call sleeps. A write to a socket whose reader has gone raises
// SIGPIPE (not with MSG_NOSIGNAL) and fails with EPIPE.
func (m *Machine) sockSend(t *Thread, s *socket, total int, src func(off, k int) ([]byte, bool), to *sockAddr, flags int, nonblock bool) (int, int, bool) {
	nonblock = nonblock || flags&msgDontwait != 0
	if flags&msgOOB != 0 {
		return 0, EOPNOTSUPP, false
	}
	if s.typ != sockStream {
		return m.dgramSend(t, s, total, src, to, nonblock)
	}
	pr := &t.pipeIO
	done := pr.done
	var moved sockMoved // what this turn of the call puts into the peer, for its event
	end := func(errno int) (int, int, bool) {
		m.sockWrote(t, &moved)
		t.pipeIO = pipeProgress{}
		if done > 0 {
			return done, 0, false
		}
		if errno == abi.EPIPE && flags&msgNosignal == 0 {
			m.signal(t, t.proc, abi.SIGPIPE)
		}
		return 0, errno, false
	}
	if to != nil && s.family == afUnix {
		// TCP ignores the address; a UNIX stream socket refuses one.
		if s.state == sockConnected {
			return end(EISCONN)
		}
		return end(EOPNOTSUPP)
	}
	for {
		switch {
		case s.state == sockConnecting && s.family == afInet:
			if nonblock {
				return end(abi.EAGAIN)
			}
			s.cq.Sleep(t, waitCall("send", s.cq.Object))
			return 0, 0, true
		case s.err != 0 && done == 0 && s.family == afInet:
			e := s.err
			s.err = 0
			return end(e)
		case s.wrShut || s.reset:
			return end(abi.EPIPE)
		case s.state != sockConnected:
			if s.family == afInet && !s.wasCon {
				return end(abi.EPIPE) // Linux: a write on a TCP socket never connected
			}
			return end(ENOTCONN)
		case s.gone:
			if s.family == afUnix {
				return end(abi.EPIPE)
			}
			// The peer has closed: the bytes go, and the reset comes back.
			s.reset = true
			done = total
			return end(0)
		}
		p := s.peer
		if done >= total {
			return end(0)
		}
		room := sockBufSize - len(p.buf)
		if room > 0 {
			k := min(room, total-done)
			b, ok := src(done, k)
			if !ok {
				return end(abi.EFAULT)
			}
			if !m.chargeBuf(p, k) {
				return end(abi.ENOMEM)
			}
			if s.peer != p {
				continue // the out-of-memory killer ended the reader
			}
			p.buf = append(p.buf, b...)
			done += k
			moved.add(p, b)
			m.sockWake(&p.rq, msg.WokeSockData)
			continue
		}
		if nonblock {
			return end(abi.EAGAIN)
		}
		m.sockWrote(t, &moved) // what went in before it waits
		if !m.sockSleep(t, &p.wq, "send", s.sndtimeo) {
			return end(abi.EAGAIN)
		}
		pr.done = done
		return 0, 0, true
	}
}

// dgramSend sends one datagram of total bytes to to, or to the connected
// peer.
func (m *Machine) dgramSend(t *Thread, s *socket, total int, src func(off, k int) ([]byte, bool), to *sockAddr, nonblock bool) (int, int, bool) {
	if s.err != 0 {
		e := s.err
		s.err = 0
		return 0, e, false
	}
	if s.wrShut {
		if t.pipeIO.done == 0 {
			m.signal(t, t.proc, abi.SIGPIPE)
		}
		return 0, abi.EPIPE, false
	}
	limit := udpMaxData
	if s.family == afUnix {
		limit = unixMaxDgram
	}
	if total > limit {
		return 0, EMSGSIZE, false
	}
	var dst sockAddr
	switch {
	case to != nil:
		dst = *to
	case s.family == afInet && s.remote.family == afInet:
		dst = s.remote
	case s.family == afUnix && s.peer != nil:
		dst = s.peer.local
	case s.family == afUnix && s.gone:
		s.gone = false // the peer has closed: refused once, then not connected
		return 0, ECONNREFUSED, false
	case s.family == afUnix:
		return 0, ENOTCONN, false
	default:
		return 0, EDESTADDRREQ, false
	}
	var r *socket
	if s.family == afInet {
		if !localIP(dst.ip) {
			return 0, ENETUNREACH, false
		}
		if e := m.autobind(s, ipAny); e != 0 {
			return 0, e, false
		}
		if dst.ip == ipAny {
			dst.ip = ipLoopback
		}
		src := s.local
		if src.ip == ipAny {
			src.ip = ipLoopback
		}
		r = m.inetFind(sockDgram, dst, src)
		if r == nil {
			// No one there: the datagram is lost, and the port's
			// "unreachable" comes back to a connected sender.
			if to == nil {
				s.err = ECONNREFUSED
			}
			return total, 0, false
		}
	} else {
		if to != nil || s.peer == nil {
			var e int
			r, e = m.unixFind(t, dst)
			if e != 0 {
				return 0, e, false
			}
		} else {
			r = s.peer
		}
		if r.typ != s.typ {
			return 0, EPROTOTYPE, false
		}
		if r.peer != nil && r.peer != s {
			return 0, abi.EPERM, false // connected to another socket: it takes only that one's
		}
		if len(r.dgrams) > unixDgramQ && r.peer != s {
			if nonblock || !m.sockSleep(t, &r.wq, "sendto", s.sndtimeo) {
				return 0, abi.EAGAIN, false
			}
			return 0, 0, true
		}
	}
	data := make([]byte, total)
	if total > 0 {
		b, ok := src(0, total)
		if !ok {
			return 0, abi.EFAULT, false
		}
		copy(data, b)
	}
	cost := dgramCost(r, total)
	if r.family == afInet && r.dbytes+cost > udpBufSize {
		return total, 0, false // the receiver's buffer is full: the datagram is dropped
	}
	if r.rdShut && r.family == afInet {
		return total, 0, false
	}
	from := s.local
	switch {
	case s.family == afInet && from.ip == ipAny:
		from.ip = ipLoopback // the loopback's source address
	case s.family == afUnix && !s.bound:
		from = sockAddr{} // an unnamed sender: no address at all
	}
	if !m.chargeBuf(r, cost) {
		return 0, ENOBUFS, false
	}
	if r.state == sockClosed {
		return total, 0, false // its reader ended, to make room: the datagram is lost
	}
	r.dgrams = append(r.dgrams, dgram{data: data, from: from})
	r.dbytes += cost
	r.dgrams[len(r.dgrams)-1].sent = m.dgramSent(t, r, data)
	m.sockWake(&r.rq, msg.WokeSockData)
	return total, 0, false
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
			if !m.sockSleep(t, &s.rq, "recv", s.rcvtimeo) {
				return ok(int64(done + k)) // MSG_WAITALL, out of time: what came
			}
			t.pipeIO.done = done + k // MSG_WAITALL: wait for the rest
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
