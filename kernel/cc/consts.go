package cc

import (
	"math"
	"math/big"
)

type bigFloat = big.Float

func mathFloat64bits(f float64) uint64 { return math.Float64bits(f) }

// convertConst converts a constant (integer bits, or float64 bits when
// isFloat) to the representation of scalar type to.
func convertConst(v uint64, signed, isFloat bool, to scalar) uint64 {
	if isFloat {
		f := math.Float64frombits(v)
		if to.float {
			if to.size == 4 {
				return uint64(math.Float32bits(float32(f)))
			}
			return v
		}
		if to.boolean {
			if f != 0 {
				return 1
			}
			return 0
		}
		var i uint64
		if to.signed || f < 0 {
			i = uint64(int64(f))
		} else {
			i = uint64(f)
		}
		return normalize(i, to)
	}
	if to.float {
		var f float64
		if signed {
			f = float64(int64(v))
		} else {
			f = float64(v)
		}
		if to.size == 4 {
			return uint64(math.Float32bits(float32(f)))
		}
		return math.Float64bits(f)
	}
	return normalize(v, to)
}

// normalize truncates and extends integer bits to type s.
func normalize(v uint64, s scalar) uint64 {
	if s.boolean {
		if v != 0 {
			return 1
		}
		return 0
	}
	switch s.size {
	case 1:
		if s.signed {
			return uint64(int64(int8(v)))
		}
		return uint64(uint8(v))
	case 2:
		if s.signed {
			return uint64(int64(int16(v)))
		}
		return uint64(uint16(v))
	case 4:
		if s.signed {
			return uint64(int64(int32(v)))
		}
		return uint64(uint32(v))
	}
	return v
}
