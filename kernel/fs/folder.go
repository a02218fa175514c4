package fs

import (
	"bytes"
	"io"
	iofs "io/fs"
	"slices"
	"strings"
	"time"
)

// Folder is a flat, read-only file system (io/fs): the regular files of
// one directory, whose names, sizes and modes are known from the start
// and whose bytes are read only when a file is opened (FolderFile.Read).
// It is how a program's folder on the host's disk reaches a machine
// without being read whole at start, and how the compiler sees the
// folder of the program it compiles (FS.Folder).
type Folder struct {
	files []FolderFile // sorted by name
}

// FolderFile is one file of a Folder.
type FolderFile struct {
	Name string
	Size int64
	Mode iofs.FileMode // permission bits
	// Read returns the file's bytes, which the caller must not change.
	// A file whose bytes turn out to differ in length from Size is read
	// as it is now: Size was what it was when listed.
	Read func() ([]byte, error)
}

// NewFolder makes a Folder of files (each name once, a plain name: no
// slash).
func NewFolder(files []FolderFile) *Folder {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b FolderFile) int { return strings.Compare(a.Name, b.Name) })
	return &Folder{files: files}
}

// Len is the number of files.
func (f *Folder) Len() int { return len(f.files) }

func (f *Folder) lookup(op, name string) (*FolderFile, error) {
	i, ok := slices.BinarySearchFunc(f.files, name, func(e FolderFile, name string) int { return strings.Compare(e.Name, name) })
	if !ok || !iofs.ValidPath(name) {
		return nil, &iofs.PathError{Op: op, Path: name, Err: iofs.ErrNotExist}
	}
	return &f.files[i], nil
}

// Open opens "." (the folder) or one of its files, reading the file's
// bytes.
func (f *Folder) Open(name string) (iofs.File, error) {
	if name == "." {
		return &folderDir{f: f}, nil
	}
	e, data, err := f.read("open", name)
	if err != nil {
		return nil, err
	}
	return &folderFile{Reader: bytes.NewReader(data), info: fileInfo(*e, int64(len(data)))}, nil
}

// ReadFile returns a copy of a file's bytes.
func (f *Folder) ReadFile(name string) ([]byte, error) {
	_, data, err := f.read("read", name)
	if err != nil {
		return nil, err
	}
	return bytes.Clone(data), nil
}

// read finds a file and reads its bytes, for op.
func (f *Folder) read(op, name string) (*FolderFile, []byte, error) {
	e, err := f.lookup(op, name)
	if err != nil {
		return nil, nil, err
	}
	data, err := e.Read()
	if err != nil {
		return nil, nil, &iofs.PathError{Op: op, Path: name, Err: err}
	}
	return e, data, nil
}

// Stat describes "." or a file as listed, without reading it.
func (f *Folder) Stat(name string) (iofs.FileInfo, error) {
	if name == "." {
		return folderInfo{name: ".", mode: iofs.ModeDir | 0555}, nil
	}
	e, err := f.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return fileInfo(*e, e.Size), nil
}

// ReadDir lists the files of "." in name order, reading none of them.
func (f *Folder) ReadDir(name string) ([]iofs.DirEntry, error) {
	if name != "." {
		if _, err := f.lookup("readdir", name); err != nil {
			return nil, err
		}
		return nil, &iofs.PathError{Op: "readdir", Path: name, Err: iofs.ErrInvalid}
	}
	out := make([]iofs.DirEntry, len(f.files))
	for i, e := range f.files {
		out[i] = iofs.FileInfoToDirEntry(fileInfo(e, e.Size))
	}
	return out, nil
}

func fileInfo(e FolderFile, size int64) folderInfo {
	return folderInfo{name: e.Name, size: size, mode: e.Mode.Perm()}
}

// folderInfo describes a Folder or one of its files.
type folderInfo struct {
	name string
	size int64
	mode iofs.FileMode
}

func (i folderInfo) Name() string        { return i.name }
func (i folderInfo) Size() int64         { return i.size }
func (i folderInfo) Mode() iofs.FileMode { return i.mode }
func (i folderInfo) ModTime() time.Time  { return time.Time{} }
func (i folderInfo) IsDir() bool         { return i.mode.IsDir() }
func (i folderInfo) Sys() any            { return nil }
func (i folderInfo) String() string      { return iofs.FormatFileInfo(i) }

// folderFile is an open file of a Folder.
type folderFile struct {
	*bytes.Reader
	info folderInfo
}

func (o *folderFile) Stat() (iofs.FileInfo, error) { return o.info, nil }
func (o *folderFile) Close() error                 { return nil }

// folderDir is the open folder.
type folderDir struct {
	f    *Folder
	next int
}

func (d *folderDir) Stat() (iofs.FileInfo, error) { return d.f.Stat(".") }
func (d *folderDir) Close() error                 { return nil }
func (d *folderDir) Read([]byte) (int, error) {
	return 0, &iofs.PathError{Op: "read", Path: ".", Err: iofs.ErrInvalid}
}

// ReadDir returns the next n entries (all the rest for n ≤ 0), as
// fs.ReadDirFile.
func (d *folderDir) ReadDir(n int) ([]iofs.DirEntry, error) {
	rest := d.f.files[d.next:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	out := make([]iofs.DirEntry, len(rest))
	for i, e := range rest {
		out[i] = iofs.FileInfoToDirEntry(fileInfo(e, e.Size))
	}
	d.next += len(rest)
	return out, nil
}
