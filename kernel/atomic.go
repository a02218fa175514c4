package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
)

// Atomic operations: gcc's __sync and __atomic builtins, which OSTEP's
// locks are written with (test-and-set, compare-and-swap, fetch-and-add).
// The compiler turns each into a call of __osplay_atomic, a library call
// the machine carries out in Go between two instructions of any other
// thread, on any CPU: one indivisible step, charged as one library call.
// The machine's memory is sequentially consistent, so the memory orders
// of the __atomic builtins ask for nothing more and are ignored, and
// __sync_synchronize is no call at all.

// The operations of __osplay_atomic, as <predefined> in kernel/cc numbers
// them. Each returns what the word held before, except atomicAddFetch
// and atomicSubFetch (what it holds after) and the two compare-and-swaps
// that answer with a truth value.
const (
	atomicLoad     = iota // *p
	atomicStore           // *p = a
	atomicExchange        // *p = a
	atomicAdd             // *p += a
	atomicSub             // *p -= a
	atomicOr              // *p |= a
	atomicAnd             // *p &= a
	atomicXor             // *p ^= a
	atomicNand            // *p = ~(*p & a)
	atomicCAS             // if *p == a: *p = b; returns the old value
	atomicBoolCAS         // if *p == a: *p = b; returns 1 if it did, else 0
	atomicCmpXchg         // if *p == *a: *p = b, returns 1; else *a = *p, returns 0 (__atomic_compare_exchange_n)
	atomicAddFetch        // *p += a; returns the new value
	atomicSubFetch        // *p -= a; returns the new value
)

// atomic carries out op on the size-byte word at addr (1, 2, 4 or 8
// bytes, aligned), read and written as a signed integer.
func (m *Machine) atomic(t *Thread, op int, addr, size uint64, a, b int64) sysret {
	if size != 1 && size != 2 && size != 4 && size != 8 || addr%size != 0 {
		return fail(abi.EINVAL)
	}
	mem := t.proc.mem
	buf := make([]byte, 8)
	if mem.Read(addr, buf[:size]) != nil {
		return fail(abi.EFAULT)
	}
	old := signExtend(binary.LittleEndian.Uint64(buf), size)
	var next, ret = old, old
	switch op {
	case atomicLoad:
	case atomicStore, atomicExchange:
		next = a
	case atomicAdd:
		next = old + a
	case atomicSub:
		next = old - a
	case atomicOr:
		next = old | a
	case atomicAnd:
		next = old & a
	case atomicXor:
		next = old ^ a
	case atomicNand:
		next = ^(old & a)
	case atomicCAS:
		if old == signExtend(uint64(a), size) {
			next = b
		}
	case atomicBoolCAS:
		ret = 0
		if old == signExtend(uint64(a), size) {
			next, ret = b, 1
		}
	case atomicCmpXchg:
		ebuf := make([]byte, 8)
		if mem.Read(uint64(a), ebuf[:size]) != nil {
			return fail(abi.EFAULT)
		}
		ret = 0
		if old == signExtend(binary.LittleEndian.Uint64(ebuf), size) {
			next, ret = b, 1
		} else if mem.Write(uint64(a), buf[:size]) != nil {
			return fail(abi.EFAULT)
		}
	case atomicAddFetch:
		next = old + a
		ret = signExtend(uint64(next), size)
	case atomicSubFetch:
		next = old - a
		ret = signExtend(uint64(next), size)
	default:
		return fail(abi.EINVAL)
	}
	if op != atomicLoad && next != old {
		binary.LittleEndian.PutUint64(buf, uint64(next))
		if mem.Write(addr, buf[:size]) != nil {
			return fail(abi.EFAULT)
		}
	}
	if op == atomicStore {
		ret = 0
	}
	return ok(ret)
}

// signExtend reads the low size bytes of v as a signed integer.
func signExtend(v, size uint64) int64 {
	shift := 64 - 8*size
	return int64(v<<shift) >> shift
}

func sysAtomic(m *Machine, t *Thread, a []uint64) sysret {
	return m.atomic(t, int(int32(a[0])), a[1], a[2], int64(a[3]), int64(a[4]))
}
