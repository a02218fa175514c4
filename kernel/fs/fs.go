// Package fs is osplay's in-memory file system: the directory tree a
// simulated process sees (/bin, /dev, /home/student, /tmp), inodes with
// Linux mode bits, owners and simulated timestamps, open-file descriptions
// with their shared offsets, and the per-process file-descriptor table.
//
// It never touches the host's disk: the program's folder is copied in when
// a machine starts (each file's bytes when it is first opened, from an
// io/fs file system that keeps them: lazy.go), and every write stays in
// memory. Device files (/dev/tty, /dev/null) are marked by their device
// number; the kernel performs console I/O itself because a console read
// may block a process.
package fs

import (
	"sort"
	"strings"
)

// File type and permission bits of st_mode, as Linux.
const (
	S_IFMT   = 0170000
	S_IFDIR  = 0040000
	S_IFCHR  = 0020000
	S_IFREG  = 0100000
	S_IFIFO  = 0010000
	S_IFSOCK = 0140000
)

// Open flags, with Linux x86-64 values.
const (
	O_RDONLY    = 0
	O_WRONLY    = 1
	O_RDWR      = 2
	O_ACCMODE   = 3
	O_CREAT     = 0100
	O_EXCL      = 0200
	O_NOCTTY    = 0400
	O_TRUNC     = 01000
	O_APPEND    = 02000
	O_NONBLOCK  = 04000
	O_DIRECTORY = 0200000
	O_CLOEXEC   = 02000000
)

// Directory-entry types, as d_type.
const (
	DT_FIFO = 1
	DT_CHR  = 2
	DT_DIR  = 4
	DT_REG  = 8
	DT_SOCK = 12
)

// Device numbers of the character devices.
const (
	DevNull = 1<<8 | 3 // /dev/null: major 1, minor 3
	DevTTY  = 5 << 8   // /dev/tty: the console, major 5, minor 0
)

// Owners. Every process runs as the student; /, /bin and /dev belong to root.
const (
	RootUID    = 0
	StudentUID = 1000
)

// Limits on names and paths, as Linux.
const (
	NameMax = 255
	PathMax = 4096
)

// Timespec is a simulated time stamp.
type Timespec struct{ Sec, Nsec int64 }

// Inode is a file, a directory or a device.
type Inode struct {
	Ino                 uint64
	Mode                uint32 // type and permission bits, as st_mode
	UID, GID            int
	Nlink               int
	Rdev                uint64 // device number of a character device
	Data                []byte // contents of a regular file
	Atime, Mtime, Ctime Timespec

	// Source names the C file (in the same directory) that this executable
	// was built from; the kernel compiles it when the file is executed.
	Source string
	// Builtin names a built-in program of /bin.
	Builtin string

	// Object, when set, holds the file's bytes instead of Data: the
	// kernel's shared memory object of a POSIX shared memory file under
	// /dev/shm. Length is then its size.
	Object any
	Length int64

	// pending, when set, is where the bytes of a regular file come from
	// before it is first opened (CreateLazy); Data is empty until then.
	pending *pending

	entries []Dirent // directory: sorted by name, without "." and ".."
	parent  *Inode   // directory: its parent (the root is its own)

	// opens counts the open-file descriptions of the file that have a
	// descriptor: once unlinked, its bytes count against MaxBytes until the
	// last of them is closed, so that a file nobody can name cannot grow
	// without bound.
	opens int
}

// Dirent is one directory entry.
type Dirent struct {
	Name string
	Ino  uint64
	Type uint8 // DT_REG, DT_DIR, DT_CHR
	node *Inode
}

// Node returns the inode the entry names.
func (e Dirent) Node() *Inode { return e.node }

// IsDir reports whether n is a directory.
func (n *Inode) IsDir() bool { return n.Mode&S_IFMT == S_IFDIR }

// IsRegular reports whether n is a regular file.
func (n *Inode) IsRegular() bool { return n.Mode&S_IFMT == S_IFREG }

// IsDevice reports whether n is a character device.
func (n *Inode) IsDevice() bool { return n.Mode&S_IFMT == S_IFCHR }

// IsFIFO reports whether n is a named pipe (mkfifo) or a pipe's inode.
func (n *Inode) IsFIFO() bool { return n.Mode&S_IFMT == S_IFIFO }

// IsSocket reports whether n is a socket: a UNIX-domain socket's name, or
// a socket's own inode.
func (n *Inode) IsSocket() bool { return n.Mode&S_IFMT == S_IFSOCK }

// Size is st_size.
func (n *Inode) Size() int64 {
	if n.IsDir() {
		return 4096
	}
	if n.Object != nil {
		return n.Length
	}
	if n.pending != nil {
		return n.pending.size
	}
	return int64(len(n.Data))
}

func (n *Inode) direntType() uint8 {
	switch {
	case n.IsDir():
		return DT_DIR
	case n.IsDevice():
		return DT_CHR
	case n.IsFIFO():
		return DT_FIFO
	case n.IsSocket():
		return DT_SOCK
	}
	return DT_REG
}

// Permits reports whether uid may access n: want is a combination of
// 4 (read), 2 (write) and 1 (execute/search). Root may do anything except
// execute a file that has no execute bit at all.
func (n *Inode) Permits(uid int, want uint32) bool {
	if uid == RootUID {
		if want&1 != 0 && !n.IsDir() && n.Mode&0111 == 0 {
			return false
		}
		return true
	}
	perm := n.Mode & 07 // other
	if uid == n.UID {
		perm = (n.Mode >> 6) & 07
	}
	return perm&want == want
}

// FS is one machine's file tree. It is not safe for concurrent use: the
// machine that owns it runs on one goroutine.
type FS struct {
	root    *Inode
	nextIno uint64
	clock   func() Timespec
	used    int64 // bytes in regular files

	// Umask is applied to the mode of created files (default 022).
	Umask uint32
	// MaxBytes bounds the bytes of all regular files together (ENOSPC).
	MaxBytes int64
}

// New makes the standard tree: / /bin /dev/tty /dev/null /home /tmp.
// clock gives the simulated time for time stamps; nil means the epoch.
func New(clock func() Timespec) *FS {
	if clock == nil {
		clock = func() Timespec { return Timespec{} }
	}
	f := &FS{nextIno: 2, clock: clock, Umask: 022, MaxBytes: 16 << 20}
	f.root = f.newInode(S_IFDIR|0755, RootUID)
	f.root.parent = f.root
	for _, d := range []struct {
		path string
		mode uint32
	}{{"/bin", 0755}, {"/dev", 0755}, {"/home", 0755}, {"/tmp", 01777}} {
		if _, err := f.MkdirAll(d.path, d.mode, RootUID); err != nil {
			panic(err) // the fixed tree always fits
		}
	}
	dev, _ := f.Lookup("/", "/dev", RootUID)
	f.link(dev, "null", f.device(DevNull))
	f.link(dev, "tty", f.device(DevTTY))
	return f
}

func (f *FS) newInode(mode uint32, uid int) *Inode {
	now := f.clock()
	n := &Inode{Ino: f.nextIno, Mode: mode, UID: uid, GID: uid, Nlink: 1, Atime: now, Mtime: now, Ctime: now}
	if mode&S_IFMT == S_IFDIR {
		n.Nlink = 2
	}
	f.nextIno++
	return n
}

func (f *FS) device(rdev uint64) *Inode {
	n := f.newInode(S_IFCHR|0666, RootUID)
	n.Rdev = rdev
	return n
}

// link adds name → n to directory d, keeping the entries sorted.
func (f *FS) link(d *Inode, name string, n *Inode) {
	i := sort.Search(len(d.entries), func(i int) bool { return d.entries[i].Name >= name })
	d.entries = append(d.entries, Dirent{})
	copy(d.entries[i+1:], d.entries[i:])
	d.entries[i] = Dirent{Name: name, Ino: n.Ino, Type: n.direntType(), node: n}
	if n.IsDir() {
		n.parent = d
		d.Nlink++
	}
	d.Mtime, d.Ctime = f.clock(), f.clock()
}

func (d *Inode) child(name string) (int, *Inode) {
	i := sort.Search(len(d.entries), func(i int) bool { return d.entries[i].Name >= name })
	if i < len(d.entries) && d.entries[i].Name == name {
		return i, d.entries[i].node
	}
	return i, nil
}

// Root returns the root directory.
func (f *FS) Root() *Inode { return f.root }

// walk resolves path relative to cwd and returns the parent directory, the
// last component, and the node it names (nil if absent). An empty last
// component means the path named a directory itself ("/", "a/..").
func (f *FS) walk(cwd, path string, uid int) (parent *Inode, last string, node *Inode, err error) {
	if path == "" {
		return nil, "", nil, ENOENT
	}
	if len(path) >= PathMax {
		return nil, "", nil, ENAMETOOLONG
	}
	dir := f.root
	if !strings.HasPrefix(path, "/") {
		if dir, err = f.Lookup("/", cwd, uid); err != nil {
			return nil, "", nil, err
		}
	}
	trailingSlash := strings.HasSuffix(path, "/")
	var buf [16]string
	comps := components(buf[:0], path)
	if len(comps) == 0 {
		return dir, "", dir, nil
	}
	for i, name := range comps {
		if len(name) > NameMax {
			return nil, "", nil, ENAMETOOLONG
		}
		if !dir.IsDir() {
			return nil, "", nil, ENOTDIR
		}
		if !dir.Permits(uid, 1) {
			return nil, "", nil, EACCES
		}
		var next *Inode
		switch name {
		case ".":
			next = dir
		case "..":
			next = dir.parent
		default:
			_, next = dir.child(name)
		}
		if i == len(comps)-1 {
			if next != nil && trailingSlash && !next.IsDir() {
				return nil, "", nil, ENOTDIR
			}
			if name == "." || name == ".." {
				return next, "", next, nil
			}
			return dir, name, next, nil
		}
		if next == nil {
			return nil, "", nil, ENOENT
		}
		dir = next
	}
	panic("unreachable")
}

// components appends the components of path to comps, without the empty
// ones ("a//b", leading and trailing slashes).
func components(comps []string, path string) []string {
	for path != "" {
		var name string
		name, path, _ = strings.Cut(path, "/")
		if name != "" {
			comps = append(comps, name)
		}
	}
	return comps
}

// Lookup returns the node that path names, relative to cwd.
func (f *FS) Lookup(cwd, path string, uid int) (*Inode, error) {
	_, _, n, err := f.walk(cwd, path, uid)
	if err != nil {
		return nil, err
	}
	if n == nil {
		return nil, ENOENT
	}
	return n, nil
}

// Mkdir makes a directory.
func (f *FS) Mkdir(path string, mode uint32, uid int) (*Inode, error) {
	parent, name, n, err := f.walk("/", path, uid)
	if err != nil {
		return nil, err
	}
	if n != nil {
		return nil, EEXIST
	}
	if uid != RootUID && !parent.Permits(uid, 3) {
		return nil, EACCES
	}
	d := f.newInode(S_IFDIR|(mode&07777&^f.Umask), uid)
	f.link(parent, name, d)
	return d, nil
}

// Mkfifo makes a named pipe at path, relative to cwd, as mkfifo(3).
func (f *FS) Mkfifo(cwd, path string, mode uint32, uid int) error {
	parent, name, n, err := f.walk(cwd, path, uid)
	if err != nil {
		return err
	}
	if n != nil {
		return EEXIST
	}
	if parent == nil || name == "" {
		return EEXIST
	}
	if !parent.Permits(uid, 3) {
		return EACCES
	}
	f.link(parent, name, f.newInode(S_IFIFO|(mode&07777&^f.Umask), uid))
	return nil
}

// Mksock makes the name of a UNIX-domain socket at path, relative to cwd,
// as bind(2) does: EADDRINUSE when the name exists.
func (f *FS) Mksock(cwd, path string, mode uint32, uid int) (*Inode, error) {
	parent, name, n, err := f.walk(cwd, path, uid)
	if err != nil {
		return nil, err
	}
	if n != nil || parent == nil || name == "" {
		return nil, EADDRINUSE
	}
	if !parent.Permits(uid, 3) {
		return nil, EACCES
	}
	n = f.newInode(S_IFSOCK|(mode&07777&^f.Umask), uid)
	f.link(parent, name, n)
	return n, nil
}

// NewSocketInode makes the inode of a socket (socket(2)): in no
// directory, as Linux's sockfs.
func (f *FS) NewSocketInode(uid int) *Inode {
	return f.newInode(S_IFSOCK|0777, uid)
}

// NewPipeInode makes the inode of an unnamed pipe (pipe(2)): in no
// directory, as Linux's pipefs.
func (f *FS) NewPipeInode(uid int) *Inode {
	return f.newInode(S_IFIFO|0600, uid)
}

// MkdirAll makes path and any missing parents, owned by uid.
func (f *FS) MkdirAll(path string, mode uint32, uid int) (*Inode, error) {
	dir := f.root
	var buf [16]string
	for _, name := range components(buf[:0], path) {
		_, next := dir.child(name)
		if next == nil {
			next = f.newInode(S_IFDIR|mode, uid)
			f.link(dir, name, next)
		} else if !next.IsDir() {
			return nil, ENOTDIR
		}
		dir = next
	}
	return dir, nil
}

// Create makes (or replaces the contents of) a regular file at an absolute
// path with exactly the given mode; it is how a machine copies its files in.
func (f *FS) Create(path string, data []byte, mode uint32, uid int) (*Inode, error) {
	parent, name, n, err := f.walk("/", path, RootUID)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, EISDIR
	}
	if n == nil {
		n = f.newInode(S_IFREG|mode&07777, uid)
		f.link(parent, name, n)
	} else if !n.IsRegular() {
		return nil, EISDIR
	}
	n.drop()
	if err := f.resize(n, int64(len(data))); err != nil {
		return nil, err
	}
	copy(n.Data, data)
	return n, nil
}

// Unlink removes a directory entry; open descriptions keep the file alive.
func (f *FS) Unlink(cwd, path string, uid int) error {
	parent, name, n, err := f.walk(cwd, path, uid)
	if err != nil {
		return err
	}
	if n == nil {
		return ENOENT
	}
	if n.IsDir() {
		return EISDIR
	}
	if !parent.Permits(uid, 3) {
		return EACCES
	}
	if parent.Mode&01000 != 0 && uid != RootUID && uid != n.UID && uid != parent.UID {
		return EPERM // sticky directory (/tmp)
	}
	i, _ := parent.child(name)
	parent.entries = append(parent.entries[:i], parent.entries[i+1:]...)
	n.Nlink--
	now := f.clock()
	parent.Mtime, parent.Ctime, n.Ctime = now, now, now
	if n.Nlink == 0 && n.IsRegular() && n.opens == 0 {
		f.forget(n)
	}
	return nil
}

// Entry returns the index-th entry of directory d: "." and ".." first, then
// the names in byte order. ok is false past the end.
func (f *FS) Entry(d *Inode, index int) (e Dirent, ok bool) {
	switch {
	case index < 0:
		return Dirent{}, false
	case index == 0:
		return Dirent{Name: ".", Ino: d.Ino, Type: DT_DIR, node: d}, true
	case index == 1:
		return Dirent{Name: "..", Ino: d.parent.Ino, Type: DT_DIR, node: d.parent}, true
	case index-2 < len(d.entries):
		return d.entries[index-2], true
	}
	return Dirent{}, false
}

// Names lists a directory's entries without "." and "..", in byte order.
func (d *Inode) Names() []string {
	out := make([]string, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.Name
	}
	return out
}

// HoldInObject hands the bytes of regular file n to obj (the kernel's
// shared memory object, once the file is mapped): Object holds them from
// now on, size bytes long, and the file system stops counting them.
func (f *FS) HoldInObject(n *Inode, obj any, size int64) {
	if n.Nlink > 0 || n.opens > 0 {
		f.used -= int64(len(n.Data))
	}
	n.Object, n.Length, n.Data = obj, size, nil
}

// forget stops counting the bytes of a regular file that no name and no
// descriptor reaches any more (a description may still read it).
func (f *FS) forget(n *Inode) { f.used -= int64(len(n.Data)) }

// resize sets a regular file's length, zero-filling growth, within MaxBytes.
func (f *FS) resize(n *Inode, size int64) error {
	old := int64(len(n.Data))
	counted := n.Nlink > 0 || n.opens > 0
	if counted && f.MaxBytes > 0 && f.used-old+size > f.MaxBytes {
		return ENOSPC
	}
	switch {
	case size <= old:
		n.Data = n.Data[:size]
	case size <= int64(cap(n.Data)):
		n.Data = n.Data[:size]
		clear(n.Data[old:])
	default:
		d := make([]byte, size, size+size/2)
		copy(d, n.Data)
		n.Data = d
	}
	if counted {
		f.used += size - old
	}
	now := f.clock()
	n.Mtime, n.Ctime = now, now
	return nil
}

// Stat is what stat(2) reports about an inode.
type Stat struct {
	Dev, Ino, Nlink     uint64
	Mode, UID, GID      uint32
	Rdev                uint64
	Size, Blksize       int64
	Blocks              int64 // 512-byte blocks
	Atime, Mtime, Ctime Timespec
}

// DevHome is st_dev of every file: the whole tree is one file system.
const DevHome = 0x803

// Stat describes n.
func (n *Inode) Stat() Stat {
	size := n.Size()
	return Stat{
		Dev: DevHome, Ino: n.Ino, Nlink: uint64(n.Nlink),
		Mode: n.Mode, UID: uint32(n.UID), GID: uint32(n.GID), Rdev: n.Rdev,
		Size: size, Blksize: 4096, Blocks: (size + 4095) / 4096 * 8,
		Atime: n.Atime, Mtime: n.Mtime, Ctime: n.Ctime,
	}
}
