package kernel

import (
	"fmt"
	iofs "io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/fs"
)

// hiddenFS hides the map under an fs.FS, so that populate walks it.
type hiddenFS struct{ iofs.FS }

// listTree describes the tree under dir of f: each name, inode, mode and
// bytes (each file opened first).
func listTree(t *testing.T, f *fs.FS, dir string, b *strings.Builder) {
	d, err := f.Lookup("/", dir, fs.RootUID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; ; i++ {
		e, ok := f.Entry(d, i)
		if !ok {
			return
		}
		n := e.Node()
		if !n.IsDir() {
			// Open it as the program would, so that a file whose bytes
			// are read on first open shows them.
			if _, err := f.Open("/", dir+"/"+e.Name, fs.O_RDONLY, 0, fs.RootUID); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(b, "%s/%s ino=%d mode=%o uid=%d data=%q source=%q\n", dir, e.Name, n.Ino, n.Mode, n.UID, n.Data, n.Source)
		if n.IsDir() {
			listTree(t, f, dir+"/"+e.Name, b)
		}
	}
}

// TestPopulateFlatFolder copies a folder of files as a session holds it,
// and the same folder behind an interface that must be walked: the trees
// are the same, inode numbers included.
func TestPopulateFlatFolder(t *testing.T) {
	folder := fstest.MapFS{
		"main.c":   {Data: []byte("int main(void) { return 0; }\n"), Mode: 0o644},
		"util.h":   {Data: []byte("#define N 3\n"), Mode: 0o644},
		"Makefile": {Data: []byte("all:\n"), Mode: 0o644},
		"b.c":      {Data: []byte("int f;\n"), Mode: 0o644},
	}
	var trees []string
	for _, files := range []iofs.FS{folder, hiddenFS{folder}} {
		m := New(Config{Files: files})
		if err := m.boot(); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		listTree(t, m.fs, "/home", &b)
		trees = append(trees, b.String())
	}
	if trees[0] != trees[1] {
		t.Errorf("copied from the map:\n%s\nwalked:\n%s", trees[0], trees[1])
	}
	if !strings.Contains(trees[0], `built from main.c\n" source="main.c"`) {
		t.Errorf("no program built from main.c:\n%s", trees[0])
	}
}
