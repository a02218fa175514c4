package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
)

// Socket options: setsockopt and getsockopt.

// Option levels and options, Linux's values.
const (
	solSocket     = 1
	soReuseaddr   = 2
	soType        = 3
	soError       = 4
	soBroadcast   = 6
	soSndbuf      = 7
	soRcvbuf      = 8
	soKeepalive   = 9
	soReuseport   = 15
	soRcvtimeo    = 20
	soSndtimeo    = 21
	soAcceptconn  = 30
	soProtocol    = 38
	soDomain      = 39
	tcpNodelay    = 1
	sockMinRcvbuf = 2304 // Linux's least SO_RCVBUF, and twice as much for SO_SNDBUF
)

func sysSetsockopt(m *Machine, t *Thread, a []uint64) sysret {
	f, e := sockOf(t, a[0])
	if e != 0 {
		return fail(e)
	}
	s := f.s
	level, name := int(int32(a[1])), int(int32(a[2]))
	if level == solSocket && (name == soRcvtimeo || name == soSndtimeo) {
		return m.setTimeout(t, s, name, a[3], a[4])
	}
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
	if level == solSocket && (name == soRcvtimeo || name == soSndtimeo) {
		tv := s.rcvtv
		if name == soSndtimeo {
			tv = s.sndtv
		}
		var b [16]byte
		binary.LittleEndian.PutUint64(b[0:], uint64(tv[0]))
		binary.LittleEndian.PutUint64(b[8:], uint64(tv[1]))
		k := min(int(n), 16)
		if err := p.mem.Write(a[3], b[:k]); err != nil {
			return fail(abi.EFAULT)
		}
		if err := p.mem.WriteU32(a[4], uint32(k)); err != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
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

// setTimeout is setsockopt of SO_RCVTIMEO or SO_SNDTIMEO: a struct
// timeval, 0 for no limit (a negative one is none, as Linux).
func (m *Machine) setTimeout(t *Thread, s *socket, name int, addr, n uint64) sysret {
	if int32(n) < 16 {
		return fail(abi.EINVAL)
	}
	sec, err1 := t.proc.mem.ReadU64(addr)
	usec, err2 := t.proc.mem.ReadU64(addr + 8)
	if err1 != nil || err2 != nil {
		return fail(abi.EFAULT)
	}
	tv := [2]int64{int64(sec), int64(usec)}
	if tv[1] < 0 || tv[1] >= 1_000_000 {
		return fail(33) // EDOM
	}
	if tv[0] < 0 {
		tv = [2]int64{}
	}
	ticks := int64(0)
	if tv[0] > 0 || tv[1] > 0 {
		ticks = max(min(tv[0], 1<<31)*m.cfg.TicksPerSecond+tv[1]*m.cfg.TicksPerSecond/1_000_000, 1)
	}
	if name == soRcvtimeo {
		s.rcvtimeo, s.rcvtv = ticks, tv
	} else {
		s.sndtimeo, s.sndtv = ticks, tv
	}
	return ok(0)
}
