package numbers

import (
	"math"
	"strconv"
	"strings"
)

// Flags of __osplay_fmt_double: the printf flags that change how one
// double is spelled. Width, '-' and '0' padding are libc's business.
const (
	fmtAlt   = 1 // '#'
	fmtPlus  = 2 // '+'
	fmtSpace = 4 // ' '
)

// FormatDouble spells v as glibc's printf does for the conversion conv
// (f F e E g G a A) with precision prec (< 0: the default) and flags.
func FormatDouble(v float64, conv byte, prec int, flags int) string {
	upper := conv >= 'A' && conv <= 'Z'
	lower := conv | 0x20
	sign := ""
	switch {
	case math.Signbit(v):
		sign = "-"
	case flags&fmtPlus != 0:
		sign = "+"
	case flags&fmtSpace != 0:
		sign = " "
	}
	abs := math.Abs(v)
	var body string
	switch {
	case math.IsNaN(v):
		body = "nan"
	case math.IsInf(v, 0):
		body = "inf"
	case lower == 'f':
		body = fixed(abs, prec, flags)
	case lower == 'e':
		body = sci(abs, prec, flags)
	case lower == 'g':
		body = general(abs, prec, flags)
	case lower == 'a':
		body = hexFloat(abs, prec, flags)
	default:
		body = fixed(abs, prec, flags)
	}
	if upper {
		body = strings.ToUpper(body)
	}
	return sign + body
}

func fixed(abs float64, prec, flags int) string {
	if prec < 0 {
		prec = 6
	}
	s := strconv.FormatFloat(abs, 'f', prec, 64)
	if prec == 0 && flags&fmtAlt != 0 {
		s += "."
	}
	return s
}

func sci(abs float64, prec, flags int) string {
	if prec < 0 {
		prec = 6
	}
	s := strconv.FormatFloat(abs, 'e', prec, 64)
	if prec == 0 && flags&fmtAlt != 0 {
		i := strings.IndexByte(s, 'e')
		s = s[:i] + "." + s[i:]
	}
	return s
}

// general is %g: %e or %f by the exponent, as C says, then without
// trailing zeros unless '#'.
func general(abs float64, prec, flags int) string {
	if prec < 0 {
		prec = 6
	}
	if prec == 0 {
		prec = 1
	}
	x := 0
	if abs != 0 {
		e := strconv.FormatFloat(abs, 'e', prec-1, 64)
		x, _ = strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	}
	var s string
	switch {
	case prec > x && x >= -4:
		s = strconv.FormatFloat(abs, 'f', prec-1-x, 64)
	case flags&fmtAlt != 0 && x == prec && exponent(abs) < prec:
		// glibc chooses the digits by the exponent before rounding: when
		// rounding carries into a new digit (999999.5 with %#g), it keeps
		// the fraction digits %f would have had. Linux prints "1.e+06".
		s = strconv.FormatFloat(abs, 'e', max(prec-1-exponent(abs), 0), 64)
	default:
		s = strconv.FormatFloat(abs, 'e', prec-1, 64)
	}
	if flags&fmtAlt != 0 {
		if !strings.Contains(s, ".") {
			if i := strings.IndexByte(s, 'e'); i >= 0 {
				s = s[:i] + "." + s[i:]
			} else {
				s += "."
			}
		}
		return s
	}
	mant, exp := s, ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant, exp = s[:i], s[i:]
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(mant, "0")
		mant = strings.TrimSuffix(mant, ".")
	}
	return mant + exp
}

// exponent is the decimal exponent of abs before any rounding. Forty
// digits cannot all be nines for a double, so they never carry.
func exponent(abs float64) int {
	e := strconv.FormatFloat(abs, 'e', 40, 64)
	x, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	return x
}

// hexFloat is %a: 0x1.8p+1, with glibc's choices: a leading 0 digit and
// exponent -1022 for subnormals, the shortest exact digits by default, and
// round-half-even when a precision cuts digits.
func hexFloat(abs float64, prec, flags int) string {
	bits := math.Float64bits(abs)
	exp := int(bits >> 52 & 0x7ff)
	mant := bits & (1<<52 - 1)
	lead, e := uint64(1), exp-1023
	if exp == 0 {
		lead, e = 0, -1022
		if mant == 0 {
			e = 0
		}
	}
	digits := ""
	switch {
	case prec < 0:
		digits = strings.TrimRight(hex13(mant), "0")
	case prec < 13:
		shift := uint(4 * (13 - prec))
		rem := mant & (1<<shift - 1)
		q := mant >> shift
		half := uint64(1) << (shift - 1)
		odd := q&1 == 1
		if prec == 0 {
			odd = lead&1 == 1
		}
		if rem > half || (rem == half && odd) {
			q++
			if prec == 0 || q>>(4*uint(prec)) != 0 {
				lead++
				q &= 1<<(4*uint(prec)) - 1
			}
		}
		if prec > 0 {
			digits = hex13(q << shift)[:prec]
		}
	default:
		digits = hex13(mant) + strings.Repeat("0", prec-13)
	}
	var b strings.Builder
	b.WriteString("0x")
	b.WriteString(strconv.FormatUint(lead, 16))
	if digits != "" || flags&fmtAlt != 0 {
		b.WriteByte('.')
	}
	b.WriteString(digits)
	b.WriteByte('p')
	if e >= 0 {
		b.WriteByte('+')
	}
	b.WriteString(strconv.Itoa(e))
	return b.String()
}

// hex13 is the 52-bit fraction as 13 hex digits.
func hex13(m uint64) string {
	s := strconv.FormatUint(m, 16)
	return strings.Repeat("0", 13-len(s)) + s
}
