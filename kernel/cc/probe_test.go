package cc

import "testing"

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
