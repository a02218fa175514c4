package ostep

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The simulators print through Python's %-formatting and str(); the helpers
// here reproduce the few conversions whose Go counterparts print differently,
// and the string-to-number conversions whose accepted syntax differs.

// pyFloatStr is Python's str(float) (the same as repr): the shortest digits
// that round-trip, in positional notation for decimal exponents -4..15 and in
// scientific notation (with a two-digit minimum exponent) otherwise.
func pyFloatStr(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	}
	sci := strconv.FormatFloat(x, 'e', -1, 64) // e.g. "-1.2345e+17"
	sign := ""
	if sci[0] == '-' {
		sign, sci = "-", sci[1:]
	}
	mantissa, expText, _ := strings.Cut(sci, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mantissa, ".", "", 1)

	if exp < -4 || exp >= 16 {
		frac := ""
		if len(digits) > 1 {
			frac = "." + digits[1:]
		}
		expSign := "+"
		if exp < 0 {
			expSign, exp = "-", -exp
		}
		return fmt.Sprintf("%s%s%se%s%02d", sign, digits[:1], frac, expSign, exp)
	}
	var intPart, fracPart string
	if exp < 0 {
		intPart, fracPart = "0", strings.Repeat("0", -exp-1)+digits
	} else if len(digits) > exp+1 {
		intPart, fracPart = digits[:exp+1], digits[exp+1:]
	} else {
		intPart = digits + strings.Repeat("0", exp+1-len(digits))
	}
	if fracPart == "" {
		fracPart = "0"
	}
	return sign + intPart + "." + fracPart
}

// pyFixed is Python's '%W.Pf': like Go's, except for how infinities and NaN
// are spelled.
func pyFixed(width, prec int, x float64) string {
	var s string
	switch {
	case math.IsInf(x, 1):
		s = "inf"
	case math.IsInf(x, -1):
		s = "-inf"
	case math.IsNaN(x):
		s = "nan"
	default:
		return fmt.Sprintf("%*.*f", width, prec, x)
	}
	return fmt.Sprintf("%*s", width, s)
}

// pyFloatAsInt is Python's '%Wd' applied to a float: the value is truncated
// toward zero, exactly however large it is. Infinities and NaN cannot be
// converted, which Python reports as an exception.
func pyFloatAsInt(width int, x float64) (string, error) {
	if math.IsInf(x, 0) {
		return "", pyException("OverflowError", "cannot convert float infinity to integer")
	}
	if math.IsNaN(x) {
		return "", pyException("ValueError", "cannot convert float NaN to integer")
	}
	t := math.Trunc(x)
	if math.Abs(t) < 1<<62 {
		return fmt.Sprintf("%*d", width, int64(t)), nil
	}
	n, _ := big.NewFloat(t).Int(nil)
	return fmt.Sprintf("%*s", width, n.String()), nil
}

// pyBool is str(bool).
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// pyRepr is repr(str), used where Python quotes a bad value in a message.
func pyRepr(s string) string {
	quote := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || (r > 0xa0 && strconv.IsPrint(r)):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// isPySpace reports whether str.strip() removes r.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyParseInt is int(s, base) for base 2, 8, 10 or 16: surrounding whitespace,
// a sign, the base's own prefix (0b, 0o, 0x) and single underscores between
// digits are accepted. Values beyond int64 are rejected, where Python would
// carry on with a big integer.
func pyParseInt(s string, base int) (int64, bool) {
	t := strings.TrimFunc(s, isPySpace)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	prefix := map[int]string{2: "0b", 8: "0o", 16: "0x"}[base]
	afterPrefix := false
	if prefix != "" && len(t) >= 2 && strings.EqualFold(t[:2], prefix) {
		t, afterPrefix = t[2:], true
	}
	if afterPrefix && strings.HasPrefix(t, "_") {
		t = t[1:]
	}
	digits, ok := stripDigitUnderscores(t)
	if !ok {
		return 0, false
	}
	u, err := strconv.ParseUint(digits, base, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// stripDigitUnderscores removes the underscores Python allows between digits
// and reports whether s was a non-empty run of alphanumerics so separated.
func stripDigitUnderscores(s string) (string, bool) {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return "", false
	}
	return strings.ReplaceAll(s, "_", ""), true
}

// pyInt is the built-in int(s): base 10, failing with Python's ValueError.
func pyInt(s string) (int64, error) {
	n, ok := pyParseInt(s, 10)
	if !ok {
		return 0, pyException("ValueError", "invalid literal for int() with base 10: %s", pyRepr(s))
	}
	return n, nil
}

// pyFloat is the built-in float(s): decimal notation with optional exponent
// and digit underscores, or inf/infinity/nan in any case, each with an
// optional sign and surrounding whitespace. Hexadecimal is not accepted.
func pyFloat(s string) (float64, error) {
	fail := pyException("ValueError", "could not convert string to float: %s", pyRepr(s))
	t := strings.TrimFunc(s, isPySpace)
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 {
		return 0, fail
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return math.Copysign(math.Inf(1), signOf(t)), nil
	case "nan":
		return math.Copysign(math.NaN(), signOf(t)), nil
	}
	mantissa, exponent, hasExp := strings.Cut(strings.ToLower(body), "e")
	whole, frac, hasPoint := strings.Cut(mantissa, ".")
	clean := func(part string, required bool) (string, bool) {
		if part == "" {
			return "", !required
		}
		return stripDigitUnderscores(part)
	}
	w, ok1 := clean(whole, false)
	f, ok2 := clean(frac, false)
	if !ok1 || !ok2 || w+f == "" || strings.ContainsFunc(w+f, notDigit) {
		return 0, fail
	}
	text := w
	if hasPoint {
		text += "." + f
	}
	if hasExp {
		expBody := strings.TrimLeft(exponent, "+-")
		if len(exponent)-len(expBody) > 1 {
			return 0, fail
		}
		e, ok := clean(expBody, true)
		if !ok || strings.ContainsFunc(e, notDigit) {
			return 0, fail
		}
		text += "e" + exponent[:len(exponent)-len(expBody)] + e
	}
	x, err := strconv.ParseFloat(text, 64)
	if err != nil && !math.IsInf(x, 0) { // overflow gives ±inf, as in Python
		return 0, fail
	}
	return math.Copysign(x, signOf(t)), nil
}

func signOf(s string) float64 {
	if strings.HasPrefix(s, "-") {
		return -1
	}
	return 1
}

func notDigit(r rune) bool { return r < '0' || r > '9' }
