package fs

import (
	"bytes"
	"errors"
	iofs "io/fs"
	"testing"
	"testing/fstest"
)

// source is a folder whose files count their reads; a file's bytes may be
// changed, or made to fail, between reads.
type source struct {
	data  map[string][]byte
	fail  map[string]error
	reads map[string]int
}

func newSource(files map[string]string) *source {
	s := &source{data: map[string][]byte{}, fail: map[string]error{}, reads: map[string]int{}}
	for name, text := range files {
		s.data[name] = []byte(text)
	}
	return s
}

func (s *source) folder() *Folder {
	var files []FolderFile
	for name, data := range s.data {
		files = append(files, FolderFile{Name: name, Size: int64(len(data)), Mode: 0644, Read: func() ([]byte, error) {
			s.reads[name]++
			if err := s.fail[name]; err != nil {
				return nil, err
			}
			return s.data[name], nil
		}})
	}
	return NewFolder(files)
}

// lazyHome is a tree whose home holds the source's files, made lazily.
func lazyHome(t *testing.T, s *source) (*FS, *Folder) {
	t.Helper()
	f := New(nil)
	if _, err := f.MkdirAll(home, 0755, StudentUID); err != nil {
		t.Fatal(err)
	}
	from := s.folder()
	entries, err := from.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		if _, err := f.CreateLazy(home+"/"+e.Name(), from, e.Name(), info.Size(), 0644, StudentUID); err != nil {
			t.Fatal(err)
		}
	}
	return f, from
}

func readAll(t *testing.T, f *FS, path string) string {
	t.Helper()
	o, err := f.Open(home, path, O_RDONLY, 0, StudentUID)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	var b bytes.Buffer
	buf := make([]byte, 3)
	for {
		n, _ := o.Read(buf)
		if n == 0 {
			return b.String()
		}
		b.Write(buf[:n])
	}
}

func TestLazyFileIsReadOnFirstOpenOnly(t *testing.T) {
	s := newSource(map[string]string{"a.txt": "alpha\n", "b.txt": "bravo, longer\n"})
	f, _ := lazyHome(t, s)
	d, _ := f.Lookup("/", home, StudentUID)
	if got := d.Names(); len(got) != 2 || got[0] != "a.txt" || got[1] != "b.txt" {
		t.Errorf("listing %q, want a.txt b.txt", got)
	}
	n, _ := f.Lookup(home, "b.txt", StudentUID)
	if st := n.Stat(); st.Size != 14 || st.Mode != S_IFREG|0644 || st.Blocks != 8 {
		t.Errorf("stat before reading: size %d mode %o blocks %d, want 14, %o, 8", st.Size, st.Mode, st.Blocks, S_IFREG|0644)
	}
	if len(s.reads) != 0 {
		t.Fatalf("listing and stat read %v", s.reads)
	}
	if got := readAll(t, f, "b.txt"); got != "bravo, longer\n" {
		t.Errorf("read %q", got)
	}
	// The bytes are the machine's now: the source changing does not show.
	s.data["b.txt"] = []byte("changed")
	if got := readAll(t, f, "b.txt"); got != "bravo, longer\n" {
		t.Errorf("read again %q, want the bytes of the first read", got)
	}
	if s.reads["b.txt"] != 1 || s.reads["a.txt"] != 0 {
		t.Errorf("reads %v, want b.txt once and a.txt never", s.reads)
	}
	if f.used != 14 {
		t.Errorf("bytes counted %d, want the 14 read", f.used)
	}
}

func TestLazyFileTruncatedOrReplacedIsNeverRead(t *testing.T) {
	s := newSource(map[string]string{"out.txt": "old contents", "x": "native binary"})
	f, _ := lazyHome(t, s)
	o, err := f.Open(home, "out.txt", O_WRONLY|O_TRUNC, 0, StudentUID)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("new"))
	if _, err := f.Create(home+"/x", []byte("program"), 0755, StudentUID); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, f, "out.txt") + readAll(t, f, "x"); got != "newprogram" {
		t.Errorf("read %q, want newprogram", got)
	}
	if len(s.reads) != 0 {
		t.Errorf("reads %v, want none", s.reads)
	}
}

func TestLazyFileThatCannotBeRead(t *testing.T) {
	s := newSource(map[string]string{"secret": "s", "gone": "g", "huge": "h", "odd": "o"})
	s.fail["secret"] = iofs.ErrPermission
	s.fail["gone"] = iofs.ErrNotExist
	s.fail["huge"] = EFBIG
	s.fail["odd"] = errors.New("a device error")
	f, _ := lazyHome(t, s)
	for name, want := range map[string]Errno{"secret": EACCES, "gone": ENOENT, "huge": EFBIG, "odd": EIO} {
		if _, err := f.Open(home, name, O_RDONLY, 0, StudentUID); err != want {
			t.Errorf("open %s: %v, want %v", name, err, want)
		}
	}
	// The file still waits for its bytes: a later open reads them.
	delete(s.fail, "odd")
	if got := readAll(t, f, "odd"); got != "o" {
		t.Errorf("read after the failure %q, want o", got)
	}
}

func TestLazyFilesFitInMaxBytes(t *testing.T) {
	s := newSource(map[string]string{"a": "0123456789", "b": "0123456789"})
	f, _ := lazyHome(t, s)
	f.MaxBytes = 15
	readAll(t, f, "a")
	if _, err := f.Open(home, "b", O_RDONLY, 0, StudentUID); err != ENOMEM {
		t.Errorf("open of a file past MaxBytes: %v, want ENOMEM", err)
	}
	if err := f.Unlink(home, "a", StudentUID); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, f, "b"); got != "0123456789" {
		t.Errorf("read once room was made: %q", got)
	}
}

func TestFolderOfADirectoryReadsNothingIntoTheTree(t *testing.T) {
	s := newSource(map[string]string{"prog.c": "int main(void){}", "x.h": "#define X 1\n", "data": "d"})
	f, _ := lazyHome(t, s)
	readAll(t, f, "data")
	if _, err := f.Create(home+"/new.h", []byte("#define N 2\n"), 0644, StudentUID); err != nil {
		t.Fatal(err)
	}
	d, _ := f.Lookup("/", home, StudentUID)
	dir := f.Folder(d)
	if err := fstest.TestFS(dir, "prog.c", "x.h", "data", "new.h"); err != nil {
		t.Error(err)
	}
	for name, want := range map[string]string{"prog.c": "int main(void){}", "new.h": "#define N 2\n", "data": "d"} {
		got, err := dir.ReadFile(name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	n, _ := f.Lookup(home, "prog.c", StudentUID)
	if n.pending == nil || len(n.Data) != 0 {
		t.Error("reading the folder read prog.c into the tree")
	}
}

func TestFolder(t *testing.T) {
	s := newSource(map[string]string{"a.c": "int a;", "b.h": "", "c.txt": "see\n"})
	dir := s.folder()
	if err := fstest.TestFS(dir, "a.c", "b.h", "c.txt"); err != nil {
		t.Error(err)
	}
	if _, err := dir.Open("missing"); !errors.Is(err, iofs.ErrNotExist) {
		t.Errorf("open missing: %v", err)
	}
	s.fail["c.txt"] = iofs.ErrPermission
	if _, err := dir.Open("c.txt"); !errors.Is(err, iofs.ErrPermission) {
		t.Errorf("open of a file that cannot be read: %v", err)
	}
	if info, err := dir.Stat("c.txt"); err != nil || info.Size() != 4 {
		t.Errorf("stat of a file that cannot be read: %v, %v; want its listed size", info, err)
	}
	got, _ := dir.ReadFile("a.c")
	got[0] = 'X'
	if again, _ := dir.ReadFile("a.c"); string(again) != "int a;" {
		t.Errorf("ReadFile returned the file's own bytes: %q after a change to a copy", again)
	}
}
