package cc

import "testing"

// TestTruncatedDeclarators: the front end's parser used to loop forever on
// a pointer declarator cut off by the end of input. Each must now be a
// compile error (a regression here hangs until the test timeout).
func TestTruncatedDeclarators(t *testing.T) {
	tc := miniToolchain(t)
	for _, s := range []string{"int *", "int main(){} int *", "struct s *", "int main(){int*;}", "int main(){int* }",
		"int main(){int*\n}\n", "struct { int x; \x00\x00\x00\x80c}n(){struct s*",
		"0\"\\\\\\\\\\", "int main() { printf(\"abc", "char c = '\\", "int x = \"\\"} {
		if _, err := tc.Compile("h.c", []byte(s), nil); err == nil {
			t.Errorf("%q compiled without error", s)
		}
	}
}
