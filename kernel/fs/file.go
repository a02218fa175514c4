package fs

// OpenFile is an open-file description: what open() creates and what
// dup() and fork() share. Descriptors that share a description share its
// offset and flags, as on Linux.
type OpenFile struct {
	Node  *Inode
	Flags int   // open flags (access mode, O_APPEND, O_NONBLOCK…)
	Off   int64 // file offset
	refs  int   // descriptors (in any process) that refer to it

	// Ops is what the kernel does with this kind of open file (reads,
	// writes, seeks): set by whoever opens it, never used by fs.
	Ops any

	fs *FS
	// OnRelease, if set, runs when the last descriptor is closed (pipes
	// use it to report end of file to readers).
	OnRelease func()
}

// Readable reports whether the description was opened for reading.
func (o *OpenFile) Readable() bool { return o.Flags&O_ACCMODE != O_WRONLY }

// Writable reports whether the description was opened for writing.
func (o *OpenFile) Writable() bool {
	m := o.Flags & O_ACCMODE
	return m == O_WRONLY || m == O_RDWR
}

// Refs is the number of descriptors referring to o.
func (o *OpenFile) Refs() int { return o.refs }

// Open opens path relative to cwd as open(2) does.
func (f *FS) Open(cwd, path string, flags int, mode uint32, uid int) (*OpenFile, error) {
	parent, name, n, err := f.walk(cwd, path, uid)
	if err != nil {
		return nil, err
	}
	acc := flags & O_ACCMODE
	if acc == O_ACCMODE {
		return nil, EINVAL
	}
	created := false
	if n == nil {
		if flags&O_CREAT == 0 {
			return nil, ENOENT
		}
		if !parent.Permits(uid, 3) {
			return nil, EACCES
		}
		n = f.newInode(S_IFREG|(mode&07777&^f.Umask), uid)
		f.link(parent, name, n)
		created = true
	} else if flags&O_CREAT != 0 && flags&O_EXCL != 0 {
		return nil, EEXIST
	}
	if n.IsDir() {
		if acc != O_RDONLY || flags&O_CREAT != 0 {
			return nil, EISDIR
		}
	} else if flags&O_DIRECTORY != 0 {
		return nil, ENOTDIR
	}
	if !created {
		want := uint32(0)
		if acc != O_WRONLY {
			want |= 4
		}
		if acc != O_RDONLY {
			want |= 2
		}
		if !n.Permits(uid, want) {
			return nil, EACCES
		}
	}
	if flags&O_TRUNC != 0 && acc != O_RDONLY && n.IsRegular() {
		n.drop()
		if err := f.resize(n, 0); err != nil {
			return nil, err
		}
	}
	if err := f.load(n); err != nil {
		return nil, err
	}
	return &OpenFile{Node: n, Flags: flags &^ (O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY), fs: f}, nil
}

// NewOpenFile opens a node directly (the console for descriptors 0, 1, 2).
func (f *FS) NewOpenFile(n *Inode, flags int) *OpenFile {
	return &OpenFile{Node: n, Flags: flags, fs: f}
}

// Read reads a regular file or /dev/null at the offset. The console is the
// kernel's to read.
func (o *OpenFile) Read(p []byte) (int, error) {
	if !o.Readable() {
		return 0, EBADF
	}
	n := o.Node
	switch {
	case n.IsDir():
		return 0, EISDIR
	case n.IsDevice():
		return 0, nil // /dev/null: end of file
	}
	if o.Off >= int64(len(n.Data)) {
		return 0, nil
	}
	c := copy(p, n.Data[o.Off:])
	o.Off += int64(c)
	n.Atime = o.fs.clock()
	return c, nil
}

// Write writes a regular file or /dev/null at the offset (at the end with
// O_APPEND), growing the file as needed.
func (o *OpenFile) Write(p []byte) (int, error) {
	if !o.Writable() {
		return 0, EBADF
	}
	n := o.Node
	if n.IsDevice() {
		return len(p), nil // /dev/null swallows everything
	}
	if o.Flags&O_APPEND != 0 {
		o.Off = int64(len(n.Data))
	}
	end := o.Off + int64(len(p))
	if end > int64(len(n.Data)) {
		if err := o.fs.resize(n, end); err != nil {
			return 0, err
		}
	}
	copy(n.Data[o.Off:], p)
	o.Off = end
	now := o.fs.clock()
	n.Mtime, n.Ctime = now, now
	return len(p), nil
}

// Truncate sets the size of the regular file open for writing, as
// ftruncate: the bytes past size are gone, and growing adds zeros.
func (o *OpenFile) Truncate(size int64) error {
	if !o.Writable() || !o.Node.IsRegular() || size < 0 {
		return EINVAL
	}
	return o.fs.resize(o.Node, size)
}

// Seek whence values.
const (
	SEEK_SET = 0
	SEEK_CUR = 1
	SEEK_END = 2
)

// Seek moves the offset as lseek(2). Devices cannot seek (ESPIPE for the
// console, as a terminal on Linux); /dev/null always reports 0.
func (o *OpenFile) Seek(off int64, whence int) (int64, error) {
	n := o.Node
	if n.IsDevice() {
		if n.Rdev == DevNull {
			return 0, nil
		}
		return 0, ESPIPE
	}
	var base int64
	switch whence {
	case SEEK_SET:
	case SEEK_CUR:
		base = o.Off
	case SEEK_END:
		base = n.Size()
	default:
		return 0, EINVAL
	}
	pos := base + off
	if pos < 0 {
		return 0, EINVAL
	}
	o.Off = pos
	return pos, nil
}
