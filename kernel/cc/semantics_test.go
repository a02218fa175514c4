package cc

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestSideEffectsWithKnownValues: the front end knows the value of `x = 0`
// or `(i++, 3)`, but the code must still perform the side effects.
func TestSideEffectsWithKnownValues(t *testing.T) {
	tc := miniToolchain(t)
	out, _, f := runMini(t, tc, `#include <mini.h>
struct F { int a, b; }; int g;
int main(void) { struct F s = {5, 6}; struct F *p = &s; int i = 0, j;
 p->a = p->b = 0; puti(s.a + s.b); j = (i++, 3); puti(i + j); g = 7; puti((g = 0) + g); return 0; }`)
	if f != nil || out != "0\n4\n0\n" {
		t.Fatalf("got %q %v", out, f)
	}
}

// TestIncludeNeighbour: #include "x.h" finds a file of the program's
// folder, and __FILE__ is the name the program was compiled under.
func TestIncludeNeighbour(t *testing.T) {
	tc := miniToolchain(t)
	dir := fstest.MapFS{"x.h": {Data: []byte("#define ANSWER 42\n")}}
	p, err := tc.Compile("t.c", []byte("#include <mini.h>\n#include \"x.h\"\nint main(void) { puts_(__FILE__); puti(ANSWER); return 0; }\n"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "./t" {
		t.Errorf("program name %q", p.Name)
	}
	_, err = tc.Compile("t.c", []byte("#include \"missing.h\"\nint main(void) { return 0; }\n"), dir)
	if err == nil || !strings.Contains(err.Error(), "t.c:1:") {
		t.Errorf("missing include: %v", err)
	}
}
