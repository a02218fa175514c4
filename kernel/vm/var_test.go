package vm

import "testing"

// TestVarAt names addresses as C writes them.
func TestVarAt(t *testing.T) {
	p := &Program{Vars: []Var{
		{Name: "counter", Addr: 0x1000, Size: 4},
		{Name: "fork_", Addr: 0x1010, Size: 5 * 40, Elem: 40},
		{Name: "pair", Addr: 0x2000, Size: 16},
		{Name: "empty", Addr: 0x3000, Size: 0},
	}}
	for _, c := range []struct {
		addr uint64
		want string
	}{
		{0x0fff, ""},
		{0x1000, "counter"},
		{0x1002, "counter+2"},
		{0x1004, ""},
		{0x1010, "fork_[0]"},
		{0x1010 + 2*40, "fork_[2]"},
		{0x1010 + 4*40 + 8, "fork_[4]+8"},
		{0x1010 + 5*40, ""},
		{0x2008, "pair+8"},
		{0x3000, "empty"},
		{0x3001, ""},
	} {
		if got := p.VarAt(c.addr); got != c.want {
			t.Errorf("VarAt(%#x) = %q, want %q", c.addr, got, c.want)
		}
	}
}
