package fs

import (
	"fmt"
	"strings"
	"testing"
)

// describe lists the tree under d, a line per entry: its path, inode,
// mode, owner, links, bytes and its parent's inode for a directory.
func describe(d *Inode, dir string, b *strings.Builder) {
	for _, e := range d.entries {
		n := e.node
		fmt.Fprintf(b, "%s/%s ino=%d type=%d mode=%o uid=%d nlink=%d data=%q builtin=%q",
			dir, e.Name, e.Ino, e.Type, n.Mode, n.UID, n.Nlink, n.Data, n.Builtin)
		if n.IsDir() {
			fmt.Fprintf(b, " parent=%d\n", n.parent.Ino)
			describe(n, dir+"/"+e.Name, b)
		} else {
			b.WriteString("\n")
		}
	}
}

// TestTemplateCopy copies a tree and checks that the copy is the same
// tree and shares nothing with the original or with another copy.
func TestTemplateCopy(t *testing.T) {
	f := New(nil)
	for _, name := range []string{"ls", "cat", "echo"} {
		n, err := f.Create("/bin/"+name, []byte("program "+name+"\n"), 0755, RootUID)
		if err != nil {
			t.Fatal(err)
		}
		n.Builtin = name
	}
	var want strings.Builder
	describe(f.root, "", &want)
	tmpl := f.Template()
	a, b := tmpl.Copy(nil), tmpl.Copy(nil)
	var got strings.Builder
	describe(a.root, "", &got)
	if got.String() != want.String() {
		t.Fatalf("copy:\n%s\nwant:\n%s", got.String(), want.String())
	}
	if a.root.parent != a.root || a.nextIno != f.nextIno || a.Umask != f.Umask {
		t.Errorf("root's parent %p (root %p), next inode %d (want %d)", a.root.parent, a.root, a.nextIno, f.nextIno)
	}
	// Change the copy a: a file's bytes, a new file, a new directory.
	ls, err := a.Lookup("/", "/bin/ls", RootUID)
	if err != nil {
		t.Fatal(err)
	}
	ls.Data[0] = 'P'
	if _, err := a.Create("/bin/zz", []byte("new"), 0755, RootUID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.MkdirAll("/home/student", 0755, StudentUID); err != nil {
		t.Fatal(err)
	}
	cat, _ := a.Lookup("/", "/bin/cat", RootUID)
	if err := a.resize(cat, 100); err != nil {
		t.Fatal(err)
	}
	got.Reset()
	describe(b.root, "", &got)
	if got.String() != want.String() {
		t.Errorf("another copy after the first changed:\n%s\nwant:\n%s", got.String(), want.String())
	}
	got.Reset()
	describe(tmpl.Copy(nil).root, "", &got)
	if got.String() != want.String() {
		t.Errorf("a copy made after the first changed:\n%s\nwant:\n%s", got.String(), want.String())
	}
}
