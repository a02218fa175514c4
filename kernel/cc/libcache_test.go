package cc

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"osplay/kernel/libc"
	"osplay/kernel/vm"
)

// TestLibraryCache: a second toolchain reads the library the first one
// compiled, and programs run the same on it; a damaged entry is compiled
// afresh; another library has its own entry.
func TestLibraryCache(t *testing.T) {
	if buildID() == "" {
		t.Fatal("this executable has no Go build id to key the cache with")
	}
	defer func(dir string) { LibraryCache = dir }(LibraryCache)
	LibraryCache = t.TempDir()
	const src = "int write(int, const void *, unsigned long); int main(void) { write(1, \"hi\\n\", 3); return 7; }"

	first := miniToolchain(t)
	entries, _ := filepath.Glob(filepath.Join(LibraryCache, "libc-*.pack"))
	if len(entries) != 1 {
		t.Fatalf("cache entries after the first compile: %v", entries)
	}
	loads := cacheLoads.Load()
	second := miniToolchain(t)
	if cacheLoads.Load() != loads+1 {
		t.Fatal("the second toolchain compiled the library instead of reading it")
	}
	for _, tc := range []*Toolchain{first, second} {
		tc.inProcess = true
		if out, code, _ := runMini(t, tc, src); out != "hi\n" || code != 7 {
			t.Errorf("output %q, exit %d", out, code)
		}
	}

	if err := os.WriteFile(entries[0], []byte("not a library"), 0o644); err != nil {
		t.Fatal(err)
	}
	loads = cacheLoads.Load()
	third := miniToolchain(t)
	third.inProcess = true
	if cacheLoads.Load() != loads {
		t.Error("a damaged entry was read")
	}
	if out, code, _ := runMini(t, third, src); out != "hi\n" || code != 7 {
		t.Errorf("after a damaged entry: output %q, exit %d", out, code)
	}

	if _, err := NewToolchain(miniHeaders, []Source{{Name: "mini.c", Text: miniLib + "\nint extra;\n"}}); err != nil {
		t.Fatal(err)
	}
	if entries, _ = filepath.Glob(filepath.Join(LibraryCache, "libc-*.pack")); len(entries) != 2 {
		t.Errorf("another library shares an entry: %v", entries)
	}
}

// TestBuiltinCache: a program that comes with the library is compiled
// once, kept, and read back by the next toolchain (a later run of the
// executable); it runs the same either way, and a damaged entry is
// compiled afresh.
func TestBuiltinCache(t *testing.T) {
	defer func(dir string) { LibraryCache = dir }(LibraryCache)
	LibraryCache = t.TempDir()
	const src = "void puti(long); int main(void) { puti(6 * 7); return 3; }"
	run := func(tc *Toolchain) {
		t.Helper()
		p, err := tc.CompileBuiltin("answer.c", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != "./answer" {
			t.Errorf("program named %q", p.Name)
		}
		tc.inProcess = true
		ctx, err := vm.NewContext(p, []string{"answer"}, nil, vm.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if out, code := runContext(t, ctx); out != "42\n" || code != 3 {
			t.Errorf("output %q, exit %d", out, code)
		}
	}
	run(miniToolchain(t))
	entries, _ := filepath.Glob(filepath.Join(LibraryCache, "bin-answer-*.pack"))
	if len(entries) != 1 {
		t.Fatalf("entries of the program: %v", entries)
	}
	loads := cacheLoads.Load()
	run(miniToolchain(t))
	if cacheLoads.Load() != loads+2 { // the library and the program
		t.Errorf("%d entries read, want the library's and the program's", cacheLoads.Load()-loads)
	}
	if err := os.WriteFile(entries[0], []byte("osplay pack 1\ngarbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	loads = cacheLoads.Load()
	run(miniToolchain(t))
	if cacheLoads.Load() != loads+1 {
		t.Errorf("%d entries read after the program's was damaged, want the library's only", cacheLoads.Load()-loads)
	}
}

// TestCachePruned: writing an entry leaves the kind's newest few (older
// builds' included), other kinds' entries and files not the cache's, and
// removes the temporary files of writers that never finished.
func TestCachePruned(t *testing.T) {
	defer func(dir string) { LibraryCache = dir }(LibraryCache)
	LibraryCache = t.TempDir()
	old := time.Now().Add(-48 * time.Hour)
	put := func(name string, age time.Duration) {
		t.Helper()
		f := filepath.Join(LibraryCache, name)
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(f, old.Add(-age), old.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	key := func(i int) string { return fmt.Sprintf("%032x", i) }
	for i := range 5 {
		put("libc-"+key(i)+".pack", time.Duration(i)*time.Hour)
	}
	put("libc-"+key(9)+".gob", 30*time.Minute) // an earlier format's
	put("bin-sh-"+key(1)+".pack", 9*time.Hour)
	put("bin-sh-x-"+key(1)+".pack", 9*time.Hour)
	put("notes.txt", 9*time.Hour)
	put("libc-123.tmp", 0)
	if err := os.WriteFile(filepath.Join(LibraryCache, "libc-456.tmp"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	miniToolchain(t) // writes the library's entry, the newest
	var left []string
	entries, _ := os.ReadDir(LibraryCache)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	var built []string // this build's entry: the library's only one not put there above
	for _, n := range left {
		if strings.HasPrefix(n, "libc-") && strings.HasSuffix(n, ".pack") && !strings.HasPrefix(n, "libc-0000000000000000000000000000000") {
			built = append(built, n)
		}
	}
	if len(built) != 1 {
		t.Fatalf("entries of this build's library: %v", built)
	}
	want := []string{"bin-sh-" + key(1) + ".pack", "bin-sh-x-" + key(1) + ".pack", "libc-" + key(0) + ".pack",
		"libc-" + key(9) + ".gob", "libc-456.tmp", built[0], "notes.txt"}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left in the cache:\n%v\nwant (beside this build's library)\n%v", left, want)
	}
}

// BenchmarkLibraryFromCache reads the real C library from the cache and
// links it, as every start of the program that finds it there does; and,
// beside it, from the same objects encoded with gob, as the cache kept
// them before. cpu-ns/op is the process's CPU, the collector's included.
func BenchmarkLibraryFromCache(b *testing.B) {
	defer func(dir string) { LibraryCache = dir }(LibraryCache)
	LibraryCache = b.TempDir()
	if _, err := NewBuiltinToolchain(libc.Headers(), func() []Source {
		var lib []Source
		for _, f := range libc.Sources() {
			lib = append(lib, Source{Name: f.Name, Text: f.Text})
		}
		return lib
	}); err != nil {
		b.Fatal(err)
	}
	key := objectsKey("headers and library built into the executable", nil)
	objs, ok := loadObjects("libc", key)
	if !ok {
		b.Fatal("the library is not in the cache")
	}
	ws := make([]*wireObject, len(objs))
	for i, o := range objs {
		ws[i] = toWire(o)
	}
	var gobbed bytes.Buffer
	if err := gob.NewEncoder(&gobbed).Encode(ws); err != nil {
		b.Fatal(err)
	}
	measure := func(b *testing.B, load func() []*object) {
		b.ReportAllocs()
		cpu0 := processCPU()
		for b.Loop() {
			if _, err := link("libc", nil, load()); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.Run("pack", func(b *testing.B) {
		measure(b, func() []*object {
			objs, ok := loadObjects("libc", key)
			if !ok {
				b.Fatal("the library is not in the cache")
			}
			return objs
		})
	})
	b.Run("gob", func(b *testing.B) {
		measure(b, func() []*object {
			var ws []*wireObject
			if err := gob.NewDecoder(bytes.NewReader(gobbed.Bytes())).Decode(&ws); err != nil {
				b.Fatal(err)
			}
			objs := make([]*object, len(ws))
			for i, w := range ws {
				var err error
				if objs[i], err = fromWire(w, DefaultProcessMemory); err != nil {
					b.Fatal(err)
				}
			}
			return objs
		})
	})
}

// processCPU is the CPU time the test process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
