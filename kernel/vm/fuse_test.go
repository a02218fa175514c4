package vm

import "testing"

// TestBaseCase checks which beginnings of a function a call may run whole
// (baseCase): the test of a slot and the return of a slot or a constant
// after an ENTER with no memory frame, and nothing else.
func TestBaseCase(t *testing.T) {
	test := Instr{Op: JGESLK, A: 3, B: 0 | 2<<32} // jump to 3 if slot 0 >= 2
	for _, c := range []struct {
		name     string
		code     []Instr
		variadic bool
		plain    bool
		w        uint8
		tests    bool
	}{
		{"return of a slot", []Instr{{Op: ENTER}, test, {Op: RETL}, {Op: CONST}, {Op: RET}}, false, false, 3, true},
		{"return of a constant", []Instr{{Op: ENTER}, test, {Op: CONST, B: 1}, {Op: RET}}, false, false, 4, true},
		{"a test, then more", []Instr{{Op: ENTER}, test, {Op: LOCAL}, {Op: RET}}, false, false, 0, true},
		{"a memory frame", []Instr{{Op: ENTER, B: 16}, test, {Op: RETL}}, false, false, 0, false},
		{"variadic", []Instr{{Op: ENTER}, test, {Op: RETL}}, true, false, 0, false},
		{"one instruction at a time", []Instr{{Op: ENTER}, test, {Op: RETL}}, false, true, 0, false},
		{"a test of no slot", []Instr{{Op: ENTER}, {Op: JGESLK, A: 3, B: 5 | 2<<32}, {Op: RETL}}, false, false, 0, false},
		{"a return of no slot", []Instr{{Op: ENTER}, test, {Op: RETL, A: 7}, {Op: RET}}, false, false, 0, true},
		{"no test", []Instr{{Op: ENTER}, {Op: RETL}}, false, false, 0, false},
	} {
		f := &Func{Name: "f", NParams: 1, NSlots: 1, MaxStack: 2, Code: c.code, Variadic: c.variadic, plain: c.plain}
		b := f.exec().base
		if b.W != c.w || b.Tests != c.tests {
			t.Errorf("%s: W %d, tests %v; want %d, %v", c.name, b.W, b.Tests, c.w, c.tests)
		}
		if b.W == 0 {
			continue
		}
		if b.Test != JGES || b.Slot != 0 || b.K != 2 || b.Target != 3 || b.Slots != 1+2+8 {
			t.Errorf("%s: %+v", c.name, b)
		}
	}
}
