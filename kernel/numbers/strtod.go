package numbers

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// ParseDouble reads the longest prefix of s that strtod accepts, as glibc
// in the C locale: white space, a sign, then a decimal or hexadecimal
// number, "inf", "infinity" or "nan" (with an optional "(chars)"). It
// returns the value, the bytes consumed (0 when nothing converts) and
// whether the value is out of range (ERANGE).
func ParseDouble(s string) (v float64, n int, erange bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	rest := strings.ToLower(s[i:min(len(s), i+8)])
	switch {
	case strings.HasPrefix(rest, "infinity"):
		return signed(math.Inf(1), neg), i + 8, false
	case strings.HasPrefix(rest, "inf"):
		return signed(math.Inf(1), neg), i + 3, false
	case strings.HasPrefix(rest, "nan"):
		j := i + 3
		if j < len(s) && s[j] == '(' {
			k := j + 1
			for k < len(s) && (isAlnum(s[k]) || s[k] == '_') {
				k++
			}
			if k < len(s) && s[k] == ')' {
				j = k + 1
			}
		}
		nan := math.Float64frombits(0x7ff8000000000000)
		return signed(nan, neg), j, false
	}
	start := i
	if i+1 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') {
		if end, ok := scanNumber(s, i+2, true); ok {
			lit := hexLiteral(s[start:end])
			v, err := strconv.ParseFloat(lit, 64)
			return signed(v, neg), end, rangeError(v, err, lit, s[start+2:end])
		}
		// "0x" without digits: the 0 alone converts.
		return signed(0, neg), i + 1, false
	}
	end, ok := scanNumber(s, i, false)
	if !ok {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(s[start:end], 64)
	return signed(v, neg), end, rangeError(v, err, s[start:end], s[start:end])
}

// scanNumber scans digits, an optional point and digits (at least one
// digit in all), and an exponent if a complete one follows.
func scanNumber(s string, i int, hex bool) (end int, ok bool) {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if hex {
		isDigit = isHexDigit
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	expChar := byte('e')
	if hex {
		expChar = 'p'
	}
	if i < len(s) && s[i]|0x20 == expChar {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	return i, true
}

// hexLiteral makes a C hex float acceptable to strconv, which wants the
// binary exponent.
func hexLiteral(s string) string {
	if strings.ContainsAny(s, "pP") {
		return s
	}
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s + "p0"
}

// rangeError reports overflow to infinity, and underflow where glibc sets
// ERANGE: a result of zero from nonzero digits, or a subnormal result that
// is not exact.
func rangeError(v float64, err error, lit, digits string) bool {
	if err != nil {
		return true // strconv: out of range, v is ±Inf
	}
	if v == 0 {
		mant := digits
		if i := strings.IndexAny(mant, "eEpP"); i >= 0 {
			mant = mant[:i]
		}
		return strings.Trim(mant, "0.") != ""
	}
	if math.Abs(v) >= 0x1p-1022 {
		return false
	}
	exact := new(big.Float).SetPrec(uint(4*len(lit) + 64))
	if _, ok := exact.SetString(lit); !ok {
		return true
	}
	return exact.Cmp(big.NewFloat(v)) != 0
}

func signed(v float64, neg bool) float64 {
	if neg {
		return math.Copysign(v, -1)
	}
	return v
}

func isCSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func isHexDigit(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func isAlnum(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')
}
