package fs

import (
	"errors"
	iofs "io/fs"
)

// A file of the program's folder is made before its bytes are read
// (CreateLazy): it is listed, stat reports its size and ls shows it, while
// its bytes stay where they come from until it is first opened. Then they
// are read once and kept: every later read sees those bytes, and they
// count against MaxBytes from then on. So a crowded folder costs its
// listing at start, not its contents.

// pending is where the bytes of a regular file not read yet come from.
type pending struct {
	from iofs.FS
	name string
	size int64 // st_size until the bytes are read
}

// CreateLazy makes a regular file at an absolute path, as Create does,
// whose bytes are those of file name in from, read when the file is first
// opened (not at all if the opening truncates it). size is its st_size
// until then. from must give the same bytes each time it is asked
// (reading once and keeping them, as a folder of the host's disk must),
// so that machines made from it, and their clones, agree.
func (f *FS) CreateLazy(path string, from iofs.FS, name string, size int64, mode uint32, uid int) (*Inode, error) {
	n, err := f.Create(path, nil, mode, uid)
	if err != nil {
		return nil, err
	}
	n.pending = &pending{from: from, name: name, size: size}
	return n, nil
}

// load reads the bytes of n if they are still where they come from. A
// file that cannot be read (gone, unreadable, changed into something else
// on the host) is an error of the open: EACCES, ENOENT, EFBIG or EIO;
// one whose bytes do not fit in MaxBytes beside the others is ENOMEM.
// n keeps waiting for its bytes then, and a later open tries again.
func (f *FS) load(n *Inode) error {
	p := n.pending
	if p == nil {
		return nil
	}
	data, err := iofs.ReadFile(p.from, p.name)
	if err != nil {
		return loadErrno(err)
	}
	counted := n.Nlink > 0 || n.opens > 0
	if counted && f.MaxBytes > 0 && f.used+int64(len(data)) > f.MaxBytes {
		return ENOMEM
	}
	n.pending, n.Data = nil, data
	if counted {
		f.used += int64(len(data))
	}
	return nil
}

// drop forgets where the bytes of n would come from: they are replaced.
func (n *Inode) drop() { n.pending = nil }

func loadErrno(err error) Errno {
	var e Errno
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, iofs.ErrPermission):
		return EACCES
	case errors.Is(err, iofs.ErrNotExist):
		return ENOENT
	}
	return EIO
}

// Folder is the regular files directly in directory d as a read-only
// file system, as the compiler reads a program's folder (#include "x.h"):
// the names as they are now, and the bytes of each file as the tree holds
// them now, or, for one not read yet, from where it comes from (without
// reading it into the tree). It does not touch the tree, so it may be read
// on another goroutine while the machine goes on.
func (f *FS) Folder(d *Inode) *Folder {
	var files []FolderFile
	for _, e := range d.entries {
		n := e.node
		if !n.IsRegular() {
			continue
		}
		read := func() ([]byte, error) { return nil, nil }
		if p := n.pending; p != nil {
			read = func() ([]byte, error) { return iofs.ReadFile(p.from, p.name) }
		} else if data := n.Data; data != nil {
			read = func() ([]byte, error) { return data, nil }
		}
		files = append(files, FolderFile{Name: e.Name, Size: n.Size(), Mode: iofs.FileMode(n.Mode & 0777), Read: read})
	}
	return &Folder{files: files} // entries are sorted by name
}
