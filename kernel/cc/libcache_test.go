package cc

import (
	"os"
	"path/filepath"
	"testing"
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
	entries, _ := filepath.Glob(filepath.Join(LibraryCache, "libc-*.gob"))
	if len(entries) != 1 {
		t.Fatalf("cache entries after the first compile: %v", entries)
	}
	loads := libraryLoads.Load()
	second := miniToolchain(t)
	if libraryLoads.Load() != loads+1 {
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
	loads = libraryLoads.Load()
	third := miniToolchain(t)
	third.inProcess = true
	if libraryLoads.Load() != loads {
		t.Error("a damaged entry was read")
	}
	if out, code, _ := runMini(t, third, src); out != "hi\n" || code != 7 {
		t.Errorf("after a damaged entry: output %q, exit %d", out, code)
	}

	if _, err := NewToolchain(miniHeaders, []Source{{Name: "mini.c", Text: miniLib + "\nint extra;\n"}}); err != nil {
		t.Fatal(err)
	}
	if entries, _ = filepath.Glob(filepath.Join(LibraryCache, "libc-*.gob")); len(entries) != 2 {
		t.Errorf("another library shares an entry: %v", entries)
	}
}
