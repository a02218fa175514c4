package exercises

import (
	"strings"
	"testing"
)

func TestExprEval(t *testing.T) {
	vals := map[string]value{
		"count": {num: 2}, "in": {num: 5}, "out": {num: 5}, "zero": {},
		"name": {str: "child", isStr: true},
	}
	types := map[string]exprType{"count": intType, "in": intType, "out": intType, "zero": intType, "name": stringType}
	for _, tc := range []struct {
		src  string
		want int64
	}{
		{"count == 0 && in == out", 0},
		{"count == 2 && in == out", 1},
		{"1 + 2 * 3", 7},
		{"(1 + 2) * 3", 9},
		{"10 - 4 - 3", 3},
		{"-7 / 2", -3},
		{"-7 % 3", -1},
		{"!count", 0},
		{"!!count", 1},
		{"count < in && in <= out && out >= in && in > count", 1},
		{"count != 2 || in == 5", 1},
		{"0x10 + 'a'", 113},
		{`name == "child"`, 1},
		{`name != "parent\n"`, 1},
		{"zero == 0 || count / zero", 1}, // || does not evaluate its right side here
		{"zero != 0 && count / zero", 0},
		{"1 < 2 == 1", 1},
	} {
		e, err := parseExpr(tc.src)
		if err != nil {
			t.Errorf("parseExpr(%q): %v", tc.src, err)
			continue
		}
		if _, err := e.check(types); err != nil {
			t.Errorf("check(%q): %v", tc.src, err)
			continue
		}
		got, err := e.eval(vals)
		if err != nil || got.num != tc.want {
			t.Errorf("eval(%q) = %v, %v; want %d", tc.src, got, err, tc.want)
		}
	}
	e, _ := parseExpr("count % zero == 1")
	if _, err := e.eval(vals); err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Errorf("count %% zero: error = %v", err)
	}
	e, _ = parseExpr("count == 0 && in == out || count")
	if got := strings.Join(e.names(), " "); got != "count in out" {
		t.Errorf("names = %q", got)
	}
}

func TestExprErrors(t *testing.T) {
	types := map[string]exprType{"x": intType, "s": stringType}
	for _, tc := range []struct{ src, want string }{
		{"", "empty"},
		{"x ==", "column 5: expected a number"},
		{"x == 1)", "column 7: unexpected ')'"},
		{"(x == 1", "column 8: expected ')' to close the '(' of column 1"},
		{"x = 1", "column 3: '=' would assign"},
		{"x & 1", "bitwise &"},
		{"x == 1 2", "a missing operator"},
		{"x == 99999999999999999999", "not a whole number"},
		{`s == "abc`, "not closed"},
		{"x == 'ab'", "one character"},
		{"x # 1", "unexpected '#'"},
		{strings.Repeat("(", 50) + "x" + strings.Repeat(")", 50), "nested more than"},
		{strings.Repeat("x+", 600) + "x", "too long"},
		{"y == 1", `unknown name "y"`},
		{`s == x`, "compares a string with a number"},
		{`s + "a" == "b"`, "+ applies to numbers"},
		{`!s`, "! applies to a number"},
	} {
		e, err := parseExpr(tc.src)
		if err == nil {
			_, err = e.check(types)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error = %v; want it to contain %q", tc.src, err, tc.want)
		}
	}
}
