package fs

import (
	"errors"
	"slices"
	"testing"
)

const home = "/home/student"

func newHome(t *testing.T) *FS {
	t.Helper()
	f := New(nil)
	if _, err := f.MkdirAll(home, 0755, StudentUID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Create(home+"/hello.txt", []byte("hello\n"), 0644, StudentUID); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestLookup(t *testing.T) {
	f := newHome(t)
	tests := []struct {
		cwd, path string
		want      string // "" means the error
		err       error
	}{
		{home, "hello.txt", "file", nil},
		{home, "./hello.txt", "file", nil},
		{"/", "home/student/hello.txt", "file", nil},
		{home, "../student/../../home/student/hello.txt", "file", nil},
		{home, "//home///student/", "dir", nil},
		{home, "/..", "dir", nil},
		{home, "/dev/tty", "dev", nil},
		{home, "missing", "", ENOENT},
		{home, "missing/x", "", ENOENT},
		{home, "hello.txt/x", "", ENOTDIR},
		{home, "hello.txt/", "", ENOTDIR},
		{home, "", "", ENOENT},
	}
	for _, tt := range tests {
		n, err := f.Lookup(tt.cwd, tt.path, StudentUID)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Lookup(%q, %q) error = %v, want %v", tt.cwd, tt.path, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Lookup(%q, %q): %v", tt.cwd, tt.path, err)
			continue
		}
		got := "file"
		switch {
		case n.IsDir():
			got = "dir"
		case n.IsDevice():
			got = "dev"
		}
		if got != tt.want {
			t.Errorf("Lookup(%q, %q) is a %s, want %s", tt.cwd, tt.path, got, tt.want)
		}
	}
}

func TestOpenFlags(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		flags int
		mode  uint32
		err   error
		size  int64  // size after open
		perm  uint32 // permission bits after open
	}{
		{"read existing", "hello.txt", O_RDONLY, 0, nil, 6, 0644},
		{"missing without O_CREAT", "new.txt", O_WRONLY, 0, ENOENT, 0, 0},
		{"create applies umask", "new.txt", O_WRONLY | O_CREAT, 0666, nil, 0, 0644},
		{"create private", "secret", O_WRONLY | O_CREAT, 0600, nil, 0, 0600},
		{"O_EXCL on existing", "hello.txt", O_WRONLY | O_CREAT | O_EXCL, 0644, EEXIST, 0, 0},
		{"O_TRUNC empties", "hello.txt", O_WRONLY | O_TRUNC, 0, nil, 0, 0644},
		{"O_TRUNC read-only keeps", "hello.txt", O_RDONLY | O_TRUNC, 0, nil, 6, 0644},
		{"write a directory", ".", O_WRONLY, 0, EISDIR, 0, 0},
		{"read a directory", ".", O_RDONLY, 0, nil, 4096, 0755},
		{"O_DIRECTORY on a file", "hello.txt", O_RDONLY | O_DIRECTORY, 0, ENOTDIR, 0, 0},
		{"create in /bin", "/bin/x", O_WRONLY | O_CREAT, 0644, EACCES, 0, 0},
		{"create in /tmp", "/tmp/x", O_WRONLY | O_CREAT, 0644, nil, 0, 0644},
		{"bad access mode", "hello.txt", O_ACCMODE, 0, EINVAL, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newHome(t)
			o, err := f.Open(home, tt.path, tt.flags, tt.mode, StudentUID)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("Open error = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if got := o.Node.Size(); got != tt.size {
				t.Errorf("size = %d, want %d", got, tt.size)
			}
			if got := o.Node.Mode & 07777; got != tt.perm {
				t.Errorf("mode = %o, want %o", got, tt.perm)
			}
		})
	}
}

func TestPermissions(t *testing.T) {
	f := newHome(t)
	if _, err := f.Create(home+"/ro.txt", []byte("x"), 0444, StudentUID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Open(home, "ro.txt", O_WRONLY, 0, StudentUID); !errors.Is(err, EACCES) {
		t.Errorf("write a 0444 file: %v, want EACCES", err)
	}
	if _, err := f.Open(home, "ro.txt", O_RDONLY, 0, StudentUID); err != nil {
		t.Errorf("read a 0444 file: %v", err)
	}
	if _, err := f.Open(home, "ro.txt", O_WRONLY, 0, RootUID); err != nil {
		t.Errorf("root writes a 0444 file: %v", err)
	}
	if err := f.Unlink(home, "/bin/.", StudentUID); !errors.Is(err, EISDIR) {
		t.Errorf("unlink a directory: %v, want EISDIR", err)
	}
}

func TestReadWriteSeek(t *testing.T) {
	f := newHome(t)
	w, err := f.Open(home, "out.txt", O_RDWR|O_CREAT, 0644, StudentUID)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := w.Write([]byte("abcdef")); n != 6 || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if pos, _ := w.Seek(2, SEEK_SET); pos != 2 {
		t.Fatalf("Seek = %d", pos)
	}
	w.Write([]byte("XY"))
	if pos, _ := w.Seek(3, SEEK_END); pos != 9 {
		t.Fatalf("Seek past end = %d", pos)
	}
	w.Write([]byte("!"))
	if got, want := string(w.Node.Data), "abXYef\x00\x00\x00!"; got != want {
		t.Errorf("data = %q, want %q (a hole reads as zeros)", got, want)
	}
	if _, err := w.Seek(-100, SEEK_CUR); !errors.Is(err, EINVAL) {
		t.Errorf("negative seek: %v, want EINVAL", err)
	}

	// A second open has its own offset; O_APPEND always writes at the end.
	r, _ := f.Open(home, "out.txt", O_RDONLY, 0, StudentUID)
	buf := make([]byte, 4)
	if n, _ := r.Read(buf); string(buf[:n]) != "abXY" {
		t.Errorf("Read = %q", buf[:n])
	}
	a, _ := f.Open(home, "out.txt", O_WRONLY|O_APPEND, 0, StudentUID)
	a.Seek(0, SEEK_SET)
	a.Write([]byte("+"))
	if got := string(w.Node.Data); got[len(got)-2:] != "!+" {
		t.Errorf("O_APPEND wrote at %q", got)
	}
	if _, err := r.Write([]byte("x")); !errors.Is(err, EBADF) {
		t.Errorf("write to O_RDONLY: %v, want EBADF", err)
	}
	if _, err := a.Read(buf); !errors.Is(err, EBADF) {
		t.Errorf("read from O_WRONLY: %v, want EBADF", err)
	}
}

func TestUnlinkKeepsOpenFile(t *testing.T) {
	f := newHome(t)
	o, _ := f.Open(home, "hello.txt", O_RDONLY, 0, StudentUID)
	if err := f.Unlink(home, "hello.txt", StudentUID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Lookup(home, "hello.txt", StudentUID); !errors.Is(err, ENOENT) {
		t.Errorf("after unlink: %v, want ENOENT", err)
	}
	buf := make([]byte, 10)
	if n, _ := o.Read(buf); string(buf[:n]) != "hello\n" {
		t.Errorf("read after unlink = %q", buf[:n])
	}
	if err := f.Unlink(home, "hello.txt", StudentUID); !errors.Is(err, ENOENT) {
		t.Errorf("second unlink: %v, want ENOENT", err)
	}
}

func TestEntries(t *testing.T) {
	f := newHome(t)
	f.Create(home+"/b.c", nil, 0644, StudentUID)
	f.Create(home+"/a.c", nil, 0644, StudentUID)
	d, _ := f.Lookup("/", home, StudentUID)
	var names []string
	for i := 0; ; i++ {
		e, ok := f.Entry(d, i)
		if !ok {
			break
		}
		names = append(names, e.Name)
	}
	if want := []string{".", "..", "a.c", "b.c", "hello.txt"}; !slices.Equal(names, want) {
		t.Errorf("entries = %q, want %q", names, want)
	}
	root := f.Root()
	if got := root.Names(); !slices.Equal(got, []string{"bin", "dev", "home", "tmp"}) {
		t.Errorf("/ = %q", got)
	}
	if e, _ := f.Entry(root, 1); e.Ino != root.Ino {
		t.Errorf("/.. is inode %d, want the root %d", e.Ino, root.Ino)
	}
}

func TestNoSpace(t *testing.T) {
	f := newHome(t)
	f.MaxBytes = 10
	o, _ := f.Open(home, "big", O_WRONLY|O_CREAT, 0644, StudentUID)
	if _, err := o.Write([]byte("0123")); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write([]byte("0123456789")); !errors.Is(err, ENOSPC) {
		t.Errorf("write past MaxBytes: %v, want ENOSPC", err)
	}
}

func TestTable(t *testing.T) {
	f := newHome(t)
	var tab Table
	released := 0
	open := func() *OpenFile {
		o, err := f.Open(home, "hello.txt", O_RDONLY, 0, StudentUID)
		if err != nil {
			t.Fatal(err)
		}
		o.OnRelease = func() { released++ }
		return o
	}
	for want := 0; want < 3; want++ {
		if fd, _ := tab.Install(open()); fd != want {
			t.Fatalf("Install = %d, want %d", fd, want)
		}
	}
	tab.Close(1)
	if released != 1 {
		t.Errorf("released = %d after closing the only descriptor", released)
	}
	if fd, _ := tab.Dup(0); fd != 1 {
		t.Errorf("Dup(0) = %d, want the lowest free 1", fd)
	}
	o0, _ := tab.Get(0)
	o1, _ := tab.Get(1)
	if o0 != o1 || o0.Refs() != 2 {
		t.Errorf("dup does not share the description (refs %d)", o0.Refs())
	}
	o0.Off = 3
	child := tab.Fork()
	c0, _ := child.Get(0)
	if c0 != o0 || o0.Refs() != 4 {
		t.Errorf("fork does not share descriptions (refs %d)", o0.Refs())
	}
	if fd, err := tab.Dup2(2, 7); fd != 7 || err != nil {
		t.Errorf("Dup2(2, 7) = %d, %v", fd, err)
	}
	if _, err := tab.Dup2(9, 1); !errors.Is(err, EBADF) {
		t.Errorf("Dup2 of a closed fd: %v, want EBADF", err)
	}
	if fd, err := tab.Dup2(2, 2); fd != 2 || err != nil {
		t.Errorf("Dup2(2, 2) = %d, %v", fd, err)
	}
	if _, err := tab.Get(5); !errors.Is(err, EBADF) {
		t.Errorf("Get(5): %v, want EBADF", err)
	}
	if got := tab.Open(); !slices.Equal(got, []int{0, 1, 2, 7}) {
		t.Errorf("Open() = %v", got)
	}
	before := released
	tab.CloseAll()
	if released != before { // the child still holds both descriptions
		t.Errorf("CloseAll released %d descriptions the child still uses", released-before)
	}
	child.CloseAll()
	if released != before+2 {
		t.Errorf("child's CloseAll released %d, want 2", released-before)
	}
}

// TestUnlinkedFileStillCounts checks that a file unlinked while open
// counts against MaxBytes until its last descriptor is closed: a file no
// name reaches cannot grow without bound.
func TestUnlinkedFileStillCounts(t *testing.T) {
	f := newHome(t)
	f.MaxBytes = 100
	o, err := f.Open(home, "tmp", O_RDWR|O_CREAT, 0644, StudentUID)
	if err != nil {
		t.Fatal(err)
	}
	var tab Table
	fd, _ := tab.Install(o)
	if err := f.Unlink(home, "tmp", StudentUID); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write(make([]byte, 60)); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Seek(1<<40, SEEK_SET); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write([]byte{1}); !errors.Is(err, ENOSPC) {
		t.Errorf("a write far past MaxBytes into an unlinked file: %v, want ENOSPC", err)
	}
	b, _ := f.Open(home, "b", O_WRONLY|O_CREAT, 0644, StudentUID)
	if _, err := b.Write(make([]byte, 60)); !errors.Is(err, ENOSPC) {
		t.Errorf("60 more bytes beside an unlinked file of 60: %v, want ENOSPC", err)
	}
	tab.Close(fd)
	if _, err := b.Write(make([]byte, 60)); err != nil {
		t.Errorf("after the last close: %v", err)
	}
}
