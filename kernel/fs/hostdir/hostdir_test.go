//go:build unix

package hostdir

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"osplay/kernel/fs"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReadListsRegularFilesOnly: the folder as the command line always
// gave it to the machine — the regular files at its top, each at most
// 1 MiB — with their sizes, none of them read.
func TestReadListsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "prog.c"), []byte("int main(void) { return 0; }\n"))
	write(t, filepath.Join(dir, "empty"), nil)
	write(t, filepath.Join(dir, "exact"), make([]byte, MaxFileBytes))
	write(t, filepath.Join(dir, "huge"), make([]byte, MaxFileBytes+1))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	write(t, filepath.Join(dir, "sub", "inner.txt"), []byte("x"))
	os.Symlink("prog.c", filepath.Join(dir, "link.c"))
	syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644)
	f, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := f.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		info, _ := e.Info()
		got = append(got, fmt.Sprintf("%s %d", e.Name(), info.Size()))
	}
	want := []string{"empty 0", fmt.Sprintf("exact %d", MaxFileBytes), "prog.c 29"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("listing %q, want %q", got, want)
	}
	// Removed after the listing, before anything read it: the listing
	// holds no bytes of it.
	os.Remove(filepath.Join(dir, "prog.c"))
	if _, err := f.ReadFile("prog.c"); !errors.Is(err, iofs.ErrNotExist) {
		t.Errorf("read of a file removed after the listing: %v, want not exist", err)
	}
}

// TestReadReadsAFileOnce: a file is read when first asked for, as it is
// then, and its bytes are kept: a change on the disk after that is not
// seen by anyone reading the folder.
func TestReadReadsAFileOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.txt")
	write(t, path, []byte("as listed\n"))
	f, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, []byte("changed before the first read\n"))
	first, err := f.ReadFile("data.txt")
	if err != nil || string(first) != "changed before the first read\n" {
		t.Fatalf("first read %q, %v", first, err)
	}
	write(t, path, []byte("changed again\n"))
	os.Chmod(path, 0)
	for i := 0; i < 2; i++ {
		again, err := f.ReadFile("data.txt")
		if err != nil || string(again) != string(first) {
			t.Errorf("read %d after a change on disk: %q, %v; want the first read's bytes", i+2, again, err)
		}
	}
}

// TestReadOfAFileThatChangedKind: a file that grew past the bound, or was
// replaced by a named pipe, after the listing is an error when read (the
// pipe's open must not wait for a writer).
func TestReadOfAFileThatChangedKind(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "grows"), []byte("small"))
	write(t, filepath.Join(dir, "pipe"), []byte("a file for now"))
	f, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "grows"), make([]byte, MaxFileBytes+1))
	os.Remove(filepath.Join(dir, "pipe"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadFile("grows"); !errors.Is(err, fs.EFBIG) {
		t.Errorf("read of a file grown past %d bytes: %v, want EFBIG", MaxFileBytes, err)
	}
	if _, err := f.ReadFile("pipe"); !errors.Is(err, fs.EIO) {
		t.Errorf("read of a file that became a named pipe: %v, want EIO", err)
	}
}

// TestReadBoundsTheEntries: a folder of as many entries as the bound is
// read, one of more is refused with a message that says what to do.
func TestReadBoundsTheEntries(t *testing.T) {
	const max = 40 // MaxEntries, made small
	dir := t.TempDir()
	for i := 0; i < max-1; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("f%05d", i)), nil)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755) // an entry too
	f, err := read(dir, max)
	if err != nil {
		t.Fatalf("a folder of %d entries: %v", max, err)
	}
	if f.Len() != max-1 {
		t.Errorf("%d files, want %d", f.Len(), max-1)
	}
	write(t, filepath.Join(dir, "one-more"), nil)
	_, err = read(dir, max)
	if err == nil || !strings.Contains(err.Error(), "more than 40 entries") || !strings.Contains(err.Error(), "folder of its own") {
		t.Errorf("a folder of %d entries: %v, want a refusal", max+1, err)
	}
}

// statInfo is a file's listing as the host's lstat gives it.
type statInfo struct {
	iofs.FileInfo
	st syscall.Stat_t
}

func (i statInfo) Mode() iofs.FileMode { return iofs.FileMode(i.st.Mode & 0o777) }
func (i statInfo) Sys() any            { return &i.st }

func TestReadable(t *testing.T) {
	u := user{uid: 1000, groups: []int{1000, 27}}
	tests := []struct {
		uid, gid uint32
		mode     uint32
		want     bool
	}{
		{1000, 1000, 0o644, true},
		{1000, 1000, 0o044, false}, // the owner's bits alone count for the owner
		{1000, 1000, 0o400, true},
		{0, 27, 0o640, true}, // a member of the group
		{0, 27, 0o604, false},
		{0, 0, 0o644, true}, // the others
		{0, 0, 0o640, false},
		{0, 0, 0o000, false},
	}
	for _, tt := range tests {
		info := statInfo{st: syscall.Stat_t{Uid: tt.uid, Gid: tt.gid, Mode: tt.mode}}
		if got := u.readable(info); got != tt.want {
			t.Errorf("uid %d gid %d mode %o: readable %v, want %v", tt.uid, tt.gid, tt.mode, got, tt.want)
		}
	}
	root := user{uid: 0}
	if !root.readable(statInfo{st: syscall.Stat_t{Uid: 1000, Mode: 0}}) {
		t.Error("root may read any file")
	}
}
