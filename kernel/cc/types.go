package cc

import (
	cc "modernc.org/cc/v4"

	"osplay/kernel/vm"
)

// scalar is how the VM sees a C scalar type: its size in memory, and
// whether it is signed or floating.
type scalar struct {
	size    int
	signed  bool
	float   bool
	boolean bool // _Bool: any conversion to it yields 0 or 1
}

var (
	i32 = scalar{size: 4, signed: true}
	i64 = scalar{size: 8, signed: true}
	u64 = scalar{size: 8}
	f64 = scalar{size: 8, float: true}
)

func isAggregate(t cc.Type) bool {
	switch t.Kind() {
	case cc.Struct, cc.Union, cc.Array:
		return true
	}
	return false
}

func isFloat(t cc.Type) bool {
	switch t.Kind() {
	case cc.Float, cc.Double, cc.LongDouble:
		return true
	}
	return false
}

// classify maps a scalar C type to its VM representation. long double is
// treated as double.
func classify(t cc.Type) scalar {
	switch t.Kind() {
	case cc.Float:
		return scalar{size: 4, float: true}
	case cc.Double, cc.LongDouble:
		return f64
	case cc.Ptr, cc.Array, cc.Function:
		return u64
	case cc.Bool:
		return scalar{size: 1, boolean: true}
	case cc.Enum:
		if e, ok := t.(*cc.EnumType); ok {
			return classify(e.UnderlyingType())
		}
		return i32
	case cc.Struct, cc.Union, cc.Void:
		return u64
	}
	sz := int(t.Size())
	if sz <= 0 {
		sz = 4
	}
	if sz > 8 {
		sz = 8
	}
	return scalar{size: sz, signed: cc.IsSignedInteger(t)}
}

// promote applies the integer promotions.
func promote(s scalar) scalar {
	if s.float || s.size >= 4 {
		return s
	}
	return i32
}

// usual applies the usual arithmetic conversions.
func usual(a, b scalar) scalar {
	if a.float || b.float {
		if (a.float && a.size == 8) || (b.float && b.size == 8) {
			return f64
		}
		return scalar{size: 4, float: true}
	}
	a, b = promote(a), promote(b)
	if a.signed == b.signed {
		if a.size >= b.size {
			return a
		}
		return b
	}
	s, u := a, b
	if b.signed {
		s, u = b, a
	}
	if u.size >= s.size {
		return u
	}
	return s
}

func loadOp(s scalar) vm.Op {
	switch s.size {
	case 1:
		if s.signed {
			return vm.LDI8
		}
		return vm.LDU8
	case 2:
		if s.signed {
			return vm.LDI16
		}
		return vm.LDU16
	case 4:
		if s.signed {
			return vm.LDI32
		}
		return vm.LDU32
	}
	return vm.LD64
}

func storeOp(s scalar, keep bool) vm.Op {
	var op vm.Op
	switch s.size {
	case 1:
		op = vm.ST8
	case 2:
		op = vm.ST16
	case 4:
		op = vm.ST32
	default:
		op = vm.ST64
	}
	if keep {
		op += vm.STK8 - vm.ST8
	}
	return op
}

// extOp is the instruction that normalises a 64-bit result to s, or NOP.
func extOp(s scalar) vm.Op {
	if s.float {
		return vm.NOP
	}
	switch s.size {
	case 1:
		if s.signed {
			return vm.SEXT8
		}
		return vm.ZEXT8
	case 2:
		if s.signed {
			return vm.SEXT16
		}
		return vm.ZEXT16
	case 4:
		if s.signed {
			return vm.SEXT32
		}
		return vm.ZEXT32
	}
	return vm.NOP
}
