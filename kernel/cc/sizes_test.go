package cc

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestHumanSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {1023, "1023 B"}, {1024, "1 KiB"}, {1536, "1.5 KiB"}, {64 << 20, "64 MiB"},
		{1 << 30, "1 GiB"}, {1 << 40, "1 TiB"}, {100_000_000, "95.4 MiB"}, {1 << 62, "4 EiB"},
	} {
		if got := humanSize(c.n); got != c.want {
			t.Errorf("humanSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestSizeLimits: objects that cannot fit in a process are compile errors
// at their declaration, found before the compiler allocates anything for
// them. Each case is compiled in this process, where an allocation would
// show, and must allocate far less than the object's size.
func TestSizeLimits(t *testing.T) {
	tc := miniToolchain(t)
	here := tc.inProcessCopy()
	cases := []struct {
		name, src, want string
	}{
		{"huge initialised global", "char g[1L<<40] = {1}; int main(void){ return g[0]; }",
			"big.c:1:6: array too large: 1 TiB; a process may use at most 64 MiB"},
		{"1 GiB initialised global", "char g[1<<30]={1}; int main(void){return g[0];}",
			"big.c:1:6: array too large: 1 GiB; a process may use at most 64 MiB"},
		{"huge const global", "const char g[1<<30] = {1}; int main(void){ return g[0]; }",
			"big.c:1:12: array too large: 1 GiB; a process may use at most 64 MiB"},
		{"const and data together", "const char a[40<<20] = {1};\nchar b[40<<20] = {1};\nint main(void){ return a[0] + b[0]; }",
			"big.c:2:6: global and static variables too large: 80 MiB in all; a process may use at most 64 MiB"},
		{"huge bss", "long g[1L<<37]; int main(void){ return g[0]; }",
			"big.c:1:6: array too large: 1 TiB; a process may use at most 64 MiB"},
		{"struct", "struct s { int n; char a[1L<<31]; } g; int main(void){ return g.n; }",
			"big.c:1:37: struct too large: 2 GiB; a process may use at most 64 MiB"},
		{"all globals together", "char a[40<<20];\nchar b[40<<20] = {1};\nint main(void){ return a[0] + b[0]; }",
			"big.c:2:6: global and static variables too large: 80 MiB in all; a process may use at most 64 MiB"},
		{"static local", "int main(void) {\n\tstatic char s[1L<<33] = {1};\n\treturn s[0];\n}",
			"big.c:2:14: array too large: 8 GiB; a process may use at most 64 MiB"},
		{"local array", "int main(void) {\n\tchar a[1L<<30];\n\ta[0] = 1;\n\treturn a[0];\n}",
			"big.c:2:7: array too large: 1 GiB; a process may use at most 64 MiB"},
		{"frame", "int main(void) {\n\tchar a[40<<20], b[40<<20];\n\ta[0] = b[0] = 1;\n\treturn a[0] + b[0];\n}",
			"big.c:2:18: local variables of 'main' too large: 80 MiB; a process may use at most 64 MiB"},
		{"variable-length array of huge rows", "int main(int argc, char **argv) {\n\tchar a[argc][1L<<32];\n\treturn a[0][0];\n}",
			"big.c:2:7: array too large: 4 GiB; a process may use at most 64 MiB"},
		{"compound literal", "int main(void) {\n\treturn ((char[1<<30]){1})[0];\n}",
			"big.c:2:10: array too large: 1 GiB; a process may use at most 64 MiB"},
		{"alignment beyond a page", "_Alignas(1<<28) char c = 1; int main(void){ return c; }",
			"big.c:1:22: 'c' is aligned to 268435456 bytes; osplay aligns a variable to a page (4096 bytes) at most"},
		{"padding to an alignment", "char a[(64<<20) - 2] = {1};\n_Alignas(4096) char b = 1;\nint main(void){ return a[0] + b; }",
			"big.c:2:21: global and static variables too large: 64 MiB in all; a process may use at most 64 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, tc := range []*Toolchain{tc, here} {
				start := time.Now()
				allocated := allocatedBy(func() {
					_, err := tc.Compile("big.c", []byte(c.src), nil)
					if err == nil || !strings.Contains(err.Error(), c.want) {
						t.Errorf("in process %v: got %v\nwant %s", tc.inProcess, err, c.want)
					}
				})
				if allocated > 100<<20 {
					t.Errorf("in process %v: the compile allocated %s", tc.inProcess, humanSize(allocated))
				}
				if d := time.Since(start); d > slow*2*time.Second {
					t.Errorf("in process %v: the compile took %v", tc.inProcess, d)
				}
			}
		})
	}
}

// TestSizesThatFit: a large initialised array that fits compiles, and the
// compiler allocates no more than about its size for it. The program keeps
// only the initialised beginning of the data image: a process zero-fills
// the rest when it touches it.
func TestSizesThatFit(t *testing.T) {
	here := miniToolchain(t).inProcessCopy()
	for _, c := range []struct {
		src  string
		size int64
	}{
		{"char g[1<<25] = {1}; int main(void){ return g[0]; }", 1 << 25},
		{"char g[60<<20]; int main(void){ return g[0]; }", 0},
		{"int main(void) { char a[1<<20]; a[0] = 3; return a[0]; }", 0},
	} {
		allocated := allocatedBy(func() {
			p, err := here.Compile("fit.c", []byte(c.src), nil)
			if err != nil {
				t.Errorf("%s: %v", c.src, err)
				return
			}
			for _, s := range p.Segments[len(here.lib.Segments):] {
				if len(s.Bytes) > 4096 {
					t.Errorf("%s: a %s image of %s", c.src, s.Name, humanSize(int64(len(s.Bytes))))
				}
			}
		})
		if allocated > c.size+20<<20 {
			t.Errorf("%s: the compile allocated %s", c.src, humanSize(allocated))
		}
	}
}

// allocatedBy is the number of bytes f allocates, freed or not.
func allocatedBy(f func()) int64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// inProcessCopy is the toolchain compiling in this process, unwatched.
func (t *Toolchain) inProcessCopy() *Toolchain {
	c := *t
	c.inProcess = true
	return &c
}
