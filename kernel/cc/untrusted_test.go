package cc

import (
	"strings"
	"testing"
	"time"
)

// TestServerKillers: programs of a few bytes that once killed or hung the
// whole server, through the real library and headers. Each is an error at
// its line, within the deadline, and the compile allocates next to nothing
// in the server's process.
func TestServerKillers(t *testing.T) {
	tc, err := libcToolchain()
	if err != nil {
		t.Fatal(err)
	}
	const deadline = slow * 4 * time.Second
	tc = tc.WithLimits(Limits{Deadline: deadline})
	cases := []struct {
		name, src, want string
	}{
		{"terabyte array (out of memory)", "char g[1L<<40] = {1}; int main(void){ return g[0]; }",
			"big.c:1:6: array too large: 1 TiB; a process may use at most 64 MiB"},
		{"gigabyte array (3.8 GB, 13 s)", "char g[1<<30]={1};\nint main(void){return g[0];}",
			"big.c:1:6: array too large: 1 GiB; a process may use at most 64 MiB"},
		{"missing header, then a declarator (hang)", "#include <x.h>\n*a;",
			"big.c:1:10: x.h: No such file or directory"},
		{"macro bomb after a * (hang)", "#define A(x) x x x x x x x x\n#define B(x) A(A(A(A(A(A(A(x)))))))\nint * B(1) ;",
			"big.c:3:7: too much macro expansion"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			allocated := allocatedBy(func() {
				_, err := tc.Compile("big.c", []byte(c.src), nil)
				if err == nil || !strings.HasPrefix(err.Error(), c.want) {
					t.Errorf("got %v\nwant %s", err, c.want)
				}
			})
			if d := time.Since(start); d > deadline {
				t.Errorf("took %v, longer than the deadline", d)
			}
			if allocated > 100<<20 {
				t.Errorf("the compile allocated %s in this process", humanSize(allocated))
			}
		})
	}
}
