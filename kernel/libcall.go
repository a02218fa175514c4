package kernel

import (
	"math"

	"osplay/kernel/abi"
	"osplay/kernel/numbers"
)

// Library calls. A few functions of the C library are carried out in Go
// rather than in C on the VM: the conversions of numbers and libm's
// functions (kernel/numbers), and the thread identity and atomic
// operations the synchronisation library is built on. A program calls
// them as it calls a system call, by a SYSCALL instruction with the
// function's number (abi.Syscalls), but they are not system calls: they
// make no events, never block, and cost what a call into the library
// costs. So they have their own table, beside the system calls'.
var libcalls = [abi.NumSys]syscallEntry{
	abi.SysFmtDouble:   {"__osplay_fmt_double", "pudiii", libFmtDouble},
	abi.SysStrtod:      {"strtod", "sp", libStrtod},
	abi.SysSqrt:        {"sqrt", "d", mathFunc1(math.Sqrt)},
	abi.SysPow:         {"pow", "dd", mathFunc2(math.Pow)},
	abi.SysSin:         {"sin", "d", mathFunc1(math.Sin)},
	abi.SysCos:         {"cos", "d", mathFunc1(math.Cos)},
	abi.SysExp:         {"exp", "d", mathFunc1(math.Exp)},
	abi.SysLog:         {"log", "d", mathFunc1(math.Log)},
	abi.SysFloor:       {"floor", "d", mathFunc1(math.Floor)},
	abi.SysCeil:        {"ceil", "d", mathFunc1(math.Ceil)},
	abi.SysFabs:        {"fabs", "d", mathFunc1(math.Abs)},
	abi.SysFmod:        {"fmod", "dd", mathFunc2(math.Mod)},
	abi.SysPthreadSelf: {"pthread_self", "", sysGettid},
	abi.SysCAS:         {"__osplay_cas", "pxx", sysCAS},
	abi.SysAtomic:      {"__osplay_atomic", "ipull", sysAtomic},
	abi.SysErrnoAddr:   {"__osplay_errno_addr", "", libErrnoAddr},
}

// libFmtDouble is int __osplay_fmt_double(char *buf, size_t n, double v,
// int conv, int prec, int flags): it writes v as printf would (at most n-1
// bytes and a NUL, as snprintf) and returns the full length.
func libFmtDouble(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	buf, n := a[0], a[1]
	s := numbers.FormatDouble(math.Float64frombits(a[2]), byte(a[3]), int(int32(a[4])), int(int32(a[5])))
	if n > 0 {
		k := min(uint64(len(s)), n-1)
		out := append([]byte(s[:k]), 0)
		if err := p.mem.Write(buf, out); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(int64(len(s)))
}

// libStrtod is double strtod(const char *s, char **end).
func libStrtod(m *Machine, t *Thread, a []uint64) sysret {
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
	v, n, erange := numbers.ParseDouble(string(s))
	if a[1] != 0 {
		mem.WriteU64(a[1], a[0]+uint64(n))
	}
	r := okDouble(math.Float64bits(v))
	if erange {
		r.errno = abi.ERANGE
	}
	return r
}

func mathFunc1(f func(float64) float64) func(*Machine, *Thread, []uint64) sysret {
	return func(m *Machine, t *Thread, a []uint64) sysret {
		x := math.Float64frombits(a[0])
		return okDouble(numbers.MathResult(f(x), x))
	}
}

func mathFunc2(f func(float64, float64) float64) func(*Machine, *Thread, []uint64) sysret {
	return func(m *Machine, t *Thread, a []uint64) sysret {
		x, y := math.Float64frombits(a[0]), math.Float64frombits(a[1])
		return okDouble(numbers.MathResult(f(x, y), x, y))
	}
}
