package numbers

import (
	"bufio"
	"compress/gzip"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestFormatDoubleGolden compares FormatDouble with glibc's printf on
// 14,400 cases: the golden file was made by testdata/golden/fmtdouble_gen.c
// compiled with gcc and run on Linux (x86-64, glibc).
func TestFormatDoubleGolden(t *testing.T) {
	f, err := os.Open("testdata/golden/fmtdouble.golden.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	cases, bad := 0, 0
	for sc.Scan() {
		// bits conv prec flags output (the output may begin with a space)
		parts := strings.SplitN(sc.Text(), " ", 5)
		if len(parts) != 5 {
			t.Fatalf("bad golden line %q", sc.Text())
		}
		bits, _ := strconv.ParseUint(parts[0], 16, 64)
		prec, _ := strconv.Atoi(parts[2])
		flags, _ := strconv.Atoi(parts[3])
		v := math.Float64frombits(bits)
		got := FormatDouble(v, parts[1][0], prec, flags)
		cases++
		if got != parts[4] {
			bad++
			if bad <= 20 {
				t.Errorf("%%%s (prec %d, flags %d) of %v [%s]: got %q, glibc %q", parts[1], prec, flags, v, parts[0], got, parts[4])
			}
		}
	}
	if cases < 14000 {
		t.Errorf("only %d golden cases", cases)
	}
	if bad > 0 {
		t.Errorf("%d of %d cases differ from glibc", bad, cases)
	}
}

func TestParseDouble(t *testing.T) {
	tests := []struct {
		in     string
		v      float64
		n      int
		erange bool
	}{
		{"3.25", 3.25, 4, false},
		{"  -1.5e3xyz", -1500, 8, false},
		{"1e", 1, 1, false},
		{"1e+", 1, 1, false},
		{".5", 0.5, 2, false},
		{"5.", 5, 2, false},
		{".", 0, 0, false},
		{"", 0, 0, false},
		{"abc", 0, 0, false},
		{"+", 0, 0, false},
		{"0x1.8p1", 3, 7, false},
		{"0x10", 16, 4, false},
		{"0x", 0, 1, false},
		{"0xg", 0, 1, false},
		{"0x1p", 1, 3, false},
		{"inf", math.Inf(1), 3, false},
		{"-Infinity!", math.Inf(-1), 9, false},
		{"infin", math.Inf(1), 3, false},
		{"1e400", math.Inf(1), 5, true},
		{"-1e400", math.Inf(-1), 6, true},
		{"1e-400", 0, 6, true},
		{"0e-400", 0, 6, false},
		{"4e-320", 4e-320, 6, true},
		{"0x1p-1074", 5e-324, 9, false},
		{"0x.8", 0.5, 4, false},
		{"\t\n 42", 42, 5, false},
		{"1.7976931348623157e308", math.MaxFloat64, 22, false},
	}
	for _, tt := range tests {
		v, n, erange := ParseDouble(tt.in)
		if v != tt.v || n != tt.n || erange != tt.erange {
			t.Errorf("ParseDouble(%q) = %v, %d, %v; want %v, %d, %v", tt.in, v, n, erange, tt.v, tt.n, tt.erange)
		}
	}
	for _, in := range []string{"nan", "-NAN(abc_1)", "nan(", "nan(x"} {
		v, n, _ := ParseDouble(in)
		want := map[string]int{"nan": 3, "-NAN(abc_1)": 11, "nan(": 3, "nan(x": 3}[in]
		if !math.IsNaN(v) || n != want {
			t.Errorf("ParseDouble(%q) = %v, %d; want NaN, %d", in, v, n, want)
		}
		if math.Signbit(v) != strings.HasPrefix(in, "-") {
			t.Errorf("ParseDouble(%q) sign bit %v", in, math.Signbit(v))
		}
	}
}

func TestMathNaN(t *testing.T) {
	r := MathResult(math.Sqrt(-1), -1)
	if r != DefaultNaN {
		t.Errorf("sqrt(-1) = %#x, want x86's default NaN", r)
	}
	in := math.Float64frombits(0x7ff4000000000001) // a signalling NaN
	r = MathResult(math.Sqrt(in), in)
	if r != 0x7ffc000000000001 {
		t.Errorf("sqrt(sNaN) = %#x, want the operand quieted", r)
	}
	if r := MathResult(math.Pow(math.NaN(), 0), math.NaN(), 0); math.Float64frombits(r) != 1 {
		t.Errorf("pow(nan, 0) = %v, want 1", math.Float64frombits(r))
	}
}
