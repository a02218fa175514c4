package kernel

import (
	"encoding/binary"
	"fmt"
	"strings"

	"osplay/kernel/abi"
)

// Socket addresses as Linux lays them out in memory (x86-64):
//
//	struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; char sin_zero[8]; }  16 bytes
//	struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }                                             110 bytes
//
// The family is a little-endian short; the port and the address are in
// network byte order (big-endian), as htons and htonl leave them.

// Address families and socket types, Linux's values.
const (
	afUnspec = 0
	afUnix   = 1
	afInet   = 2
	afInet6  = 10

	sockStream    = 1
	sockDgram     = 2
	sockRaw       = 3
	sockSeqpacket = 5
	sockTypeMask  = 0xf
	sockNonblock  = 04000    // SOCK_NONBLOCK = O_NONBLOCK
	sockCloexec   = 02000000 // SOCK_CLOEXEC = O_CLOEXEC

	sockaddrInLen = 16
	sockaddrUnLen = 110
	unixPathMax   = 108
)

// IPv4 addresses of the machine. Every address of 127.0.0.0/8 is the
// loopback; the machine's own name resolves to 127.0.1.1, as Debian's
// /etc/hosts has it. Nothing else is reachable: no packet leaves.
var (
	ipAny      = [4]byte{0, 0, 0, 0}
	ipLoopback = [4]byte{127, 0, 0, 1}
	ipHost     = [4]byte{127, 0, 1, 1}
)

// Hostname is the machine's name, as gethostname reports it.
const Hostname = "osplay"

// sockAddr is a socket's address: an IPv4 address and port, or a UNIX
// path ("" for an unnamed socket; a leading NUL for the abstract
// namespace).
type sockAddr struct {
	family int
	ip     [4]byte
	port   uint16
	path   string
}

func (a sockAddr) String() string {
	switch a.family {
	case afInet:
		return fmt.Sprintf("%d.%d.%d.%d:%d", a.ip[0], a.ip[1], a.ip[2], a.ip[3], a.port)
	case afUnix:
		if a.path == "" {
			return "(unnamed)"
		}
		if a.path[0] == 0 {
			return "@" + a.path[1:]
		}
		return a.path
	}
	return ""
}

// local reports whether ip is an address of the machine.
func localIP(ip [4]byte) bool { return ip[0] == 127 || ip == ipAny }

// readSockAddr reads the address of len bytes at addr that a call gives
// for a socket of family: EINVAL for a length that cannot hold it,
// EAFNOSUPPORT for another family, EFAULT for memory that is not there.
func readSockAddr(p *Process, family int, addr, n uint64) (sockAddr, int) {
	if int64(n) < 2 || n > 128 {
		return sockAddr{}, abi.EINVAL
	}
	b := make([]byte, n)
	if err := p.mem.Read(addr, b); err != nil {
		return sockAddr{}, abi.EFAULT
	}
	fam := int(binary.LittleEndian.Uint16(b))
	switch family {
	case afInet:
		if n < sockaddrInLen {
			return sockAddr{}, abi.EINVAL
		}
		a := sockAddr{family: afInet, port: binary.BigEndian.Uint16(b[2:])}
		copy(a.ip[:], b[4:8])
		if fam != afInet && !(fam == afUnspec && a.ip == ipAny) {
			return sockAddr{}, EAFNOSUPPORT
		}
		return a, 0
	case afUnix:
		if fam != afUnix {
			return sockAddr{}, abi.EINVAL
		}
		if n > sockaddrUnLen {
			return sockAddr{}, abi.EINVAL
		}
		path := b[2:]
		if len(path) > 0 && path[0] == 0 {
			return sockAddr{family: afUnix, path: string(path)}, 0 // abstract: every byte counts
		}
		if i := strings.IndexByte(string(path), 0); i >= 0 {
			path = path[:i]
		}
		return sockAddr{family: afUnix, path: string(path)}, 0
	}
	return sockAddr{}, EAFNOSUPPORT
}

// bytes is the address as struct sockaddr_in or sockaddr_un, as long as
// Linux says it is (a UNIX address: the family, the path and its NUL; an
// unnamed one: the family alone).
func (a sockAddr) bytes() []byte {
	switch a.family {
	case afInet:
		b := make([]byte, sockaddrInLen)
		binary.LittleEndian.PutUint16(b, afInet)
		binary.BigEndian.PutUint16(b[2:], a.port)
		copy(b[4:], a.ip[:])
		return b
	case afUnix:
		b := make([]byte, 2, 2+len(a.path)+1)
		binary.LittleEndian.PutUint16(b, afUnix)
		b = append(b, a.path...)
		if a.path != "" && a.path[0] != 0 {
			b = append(b, 0)
		}
		return b
	}
	return nil
}

// writeSockAddr stores a for a call that returns an address: at most
// *lenAddr bytes of it at addr, and its whole length in *lenAddr, as
// Linux's move_addr_to_user. accept and recvfrom take a NULL addr for
// no address wanted; getsockname and getpeername (always) take none.
func writeSockAddr(p *Process, a sockAddr, addr, lenAddr uint64, always bool) int {
	if addr == 0 && !always {
		return 0
	}
	n, err := p.mem.ReadU32(lenAddr)
	if err != nil {
		return abi.EFAULT
	}
	if int32(n) < 0 {
		return abi.EINVAL
	}
	b := a.bytes()
	if k := min(int(n), len(b)); k > 0 {
		if err := p.mem.Write(addr, b[:k]); err != nil {
			return abi.EFAULT
		}
	}
	if err := p.mem.WriteU32(lenAddr, uint32(len(b))); err != nil {
		return abi.EFAULT
	}
	return 0
}
