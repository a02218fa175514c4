package kernel

import (
	"math"

	"osplay/kernel/abi"
)

// The ps snapshot, and the library functions carried out in Go.

// sysFmtDouble is int __osplay_fmt_double(char *buf, size_t n, double v,
// int conv, int prec, int flags): it writes v as printf would (at most n-1
// bytes and a NUL, as snprintf) and returns the full length.
func sysFmtDouble(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	buf, n := a[0], a[1]
	s := formatDouble(math.Float64frombits(a[2]), byte(a[3]), int(int32(a[4])), int(int32(a[5])))
	if n > 0 {
		k := min(uint64(len(s)), n-1)
		out := append([]byte(s[:k]), 0)
		if err := p.mem.Write(buf, out); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(int64(len(s)))
}

// sysStrtod is double strtod(const char *s, char **end).
func sysStrtod(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	mem := p.mem
	// Read the string a piece at a time: it may end near unmapped memory.
	var s []byte
	var c [1]byte
	for len(s) < 4096 {
		if mem.Read(a[0]+uint64(len(s)), c[:]) != nil || c[0] == 0 {
			break
		}
		s = append(s, c[0])
	}
	v, n, erange := parseDouble(string(s))
	if a[1] != 0 {
		mem.WriteU64(a[1], a[0]+uint64(n))
	}
	r := okDouble(math.Float64bits(v))
	if erange {
		r.errno = abi.ERANGE
	}
	return r
}

// defaultNaN is the NaN an invalid x86-64 operation produces (0/0,
// sqrt(-1)); its sign bit is set, so glibc's printf shows "-nan".
const defaultNaN = 0xfff8000000000000

// mathResult returns the bits of r as glibc on x86-64 would: a NaN
// operand propagates (quieted), an invalid operation gives defaultNaN.
func mathResult(r float64, in ...float64) sysret {
	if !math.IsNaN(r) {
		return okDouble(math.Float64bits(r))
	}
	for _, x := range in {
		if math.IsNaN(x) {
			return okDouble(math.Float64bits(x) | 1<<51)
		}
	}
	return okDouble(defaultNaN)
}

func mathFunc1(f func(float64) float64) func(*Machine, *Thread, []uint64) sysret {
	return func(m *Machine, t *Thread, a []uint64) sysret {
		x := math.Float64frombits(a[0])
		return mathResult(f(x), x)
	}
}

func mathFunc2(f func(float64, float64) float64) func(*Machine, *Thread, []uint64) sysret {
	return func(m *Machine, t *Thread, a []uint64) sysret {
		x, y := math.Float64frombits(a[0]), math.Float64frombits(a[1])
		return mathResult(f(x, y), x, y)
	}
}

var (
	sqrt  = math.Sqrt
	pow   = math.Pow
	sin   = math.Sin
	cos   = math.Cos
	exp   = math.Exp
	log   = math.Log
	floor = math.Floor
	ceil  = math.Ceil
	fabs  = math.Abs
	fmod  = math.Mod
)
