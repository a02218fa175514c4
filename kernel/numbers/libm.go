package numbers

import "math"

// DefaultNaN is the NaN an invalid x86-64 operation produces (0/0,
// sqrt(-1)); its sign bit is set, so glibc's printf shows "-nan".
const DefaultNaN = 0xfff8000000000000

// MathResult returns the bits of r, the result of a libm function of the
// operands in, as glibc on x86-64 would: a NaN operand propagates
// (quieted), an invalid operation gives DefaultNaN.
func MathResult(r float64, in ...float64) uint64 {
	if !math.IsNaN(r) {
		return math.Float64bits(r)
	}
	for _, x := range in {
		if math.IsNaN(x) {
			return math.Float64bits(x) | 1<<51
		}
	}
	return DefaultNaN
}
