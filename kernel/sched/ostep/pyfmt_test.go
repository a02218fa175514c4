package ostep

import (
	"math"
	"testing"
)

func TestPyFloatStr(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1e16, "1e+16"},
		{1e15, "1000000000000000.0"},
		{123456789012345678, "1.2345678901234568e+17"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1.5e-7, "1.5e-07"},
		{math.Copysign(0, -1), "-0.0"},
		{3, "3.0"},
		{1e22, "1e+22"},
		{1.0 / 3, "0.3333333333333333"},
		{1e-310, "1e-310"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
	}
	for _, tt := range tests {
		if got := pyFloatStr(tt.in); got != tt.want {
			t.Errorf("pyFloatStr(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPyFloat(t *testing.T) {
	tests := []struct {
		in   string
		want string // str() of the result; "" for a ValueError
	}{
		{"1e16", "1e+16"}, {"5", "5.0"}, {"-0", "-0.0"}, {"1_000.5", "1000.5"},
		{".5", "0.5"}, {"5.", "5.0"}, {"1e-7", "1e-07"}, {"1E400", "inf"},
		{"-inf", "-inf"}, {"  nan ", "nan"}, {"+Infinity", "inf"},
		{"", ""}, {".", ""}, {"1__0", ""}, {"_1", ""}, {"1_", ""}, {"0x10", ""},
		{"1e", ""}, {"--1", ""}, {"1.5.2", ""}, {"in f", ""},
	}
	for _, tt := range tests {
		x, err := pyFloat(tt.in)
		got := ""
		if err == nil {
			got = pyFloatStr(x)
		}
		if got != tt.want {
			t.Errorf("pyFloat(%q) = %q (%v), want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestOptparseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"10", 10, true}, {"010", 8, true}, {"0x1f", 31, true}, {"0X_1F", 31, true},
		{"0b101", 5, true}, {"0b", 0, true}, {"0", 0, true}, {"-5", -5, true},
		{"1_000", 1000, true}, {" 7 ", 7, true}, {"0o17", 15, true},
		{"08", 0, false}, {"1.5", 0, false}, {"", 0, false}, {"-0x10", 0, false},
		{"abc", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := optparseInt(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("optparseInt(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestPyRandom compares with random.seed(n); random.random(), random.random()
// in CPython.
func TestPyRandom(t *testing.T) {
	tests := []struct {
		seed       int64
		first, snd float64
	}{
		{0, 0.8444218515250481, 0.7579544029403025},
		{1, 0.13436424411240122, 0.8474337369372327},
		{42, 0.6394267984578837, 0.025010755222666936},
		{-7, 0.32383276483316237, 0.15084917392450192},
		{1<<40 + 17, 0.6614192930187859, 0.24151842637090726},
		{math.MaxInt64, 0.3166448820870279, 0.631259308253863},
	}
	for _, tt := range tests {
		r := newPyRandom(tt.seed)
		if a, b := r.random(), r.random(); a != tt.first || b != tt.snd {
			t.Errorf("seed %d: got %v, %v; want %v, %v", tt.seed, a, b, tt.first, tt.snd)
		}
	}
}
