package kernel

import (
	"strings"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// POSIX shared memory: shm_open and shm_unlink. An object is a file of
// /dev/shm whose bytes a vm.SharedMemory holds (the inode's Object), so
// that mmap of its descriptor maps the same pages into every process that
// maps it, and read, write, ftruncate and fstat on the descriptor see
// them too. The object is held by its name and by each open description;
// mappings hold it themselves; it goes when the last of them lets go.

// shmDir is where POSIX shared memory objects live, as on Linux. It is
// made on the first shm_open, so that a machine that never uses one has
// the file system it always had.
const shmDir = "/dev/shm"

// shmName turns shm_open's name into the file's name in /dev/shm as glibc
// does: leading slashes dropped; EINVAL when nothing is left or a slash
// remains, ENAMETOOLONG past NAME_MAX.
func shmName(name string) (string, int) {
	name = strings.TrimLeft(name, "/")
	switch {
	case name == "" || strings.Contains(name, "/"):
		return "", abi.EINVAL
	case len(name) > fs.NameMax:
		return "", ENAMETOOLONG
	}
	return name, 0
}

// Linux's error numbers for names and sizes that abi does not list.
const (
	EFBIG        = 27
	ENAMETOOLONG = 36
)

func sysShmOpen(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	raw, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	name, e := shmName(raw)
	if e != 0 {
		return fail(e)
	}
	if _, err := m.fs.MkdirAll(shmDir, 01777, fs.RootUID); err != nil {
		return fail(fsErrno(err))
	}
	// glibc opens the object with O_CLOEXEC, a flag of the descriptor
	// that the description's flags (F_GETFL) do not show. The table does
	// not keep descriptor flags yet: the descriptor survives an exec.
	flags := int(int32(a[1])) &^ fs.O_CLOEXEC
	o, err := m.fs.Open("/", shmDir+"/"+name, flags, uint32(a[2]), fs.StudentUID)
	if err != nil {
		return fail(fsErrno(err))
	}
	n := o.Node
	if !n.IsRegular() {
		return fail(abi.EINVAL)
	}
	if n.Object == nil {
		obj := vm.NewSharedMemory(m.phys, 0)
		obj.Hold() // for the name
		n.Object, n.Length = obj, 0
		m.ipc.sharedFiles = true
		m.ipcLife(nil, IPCRef{Kind: IPCPosixShm, ID: int64(n.Ino), Name: "/" + name}, OpCreate)
	}
	if flags&fs.O_TRUNC != 0 && o.Writable() {
		n.Length = 0
		n.Object.(*vm.SharedMemory).Resize(0)
	}
	fd, err := p.files.Install(withOps(o, 1))
	if err != nil {
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

func sysShmUnlink(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	raw, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	name, e := shmName(raw)
	if e != 0 {
		return fail(e)
	}
	return m.unlink("/", shmDir+"/"+name)
}

// unlink removes path (from the working directory of the caller): a
// shared memory object lets go of the hold its name had.
func (m *Machine) unlink(cwd, path string) sysret {
	n, _ := m.fs.Lookup(cwd, path, fs.StudentUID)
	if err := m.fs.Unlink(cwd, path, fs.StudentUID); err != nil {
		return fail(fsErrno(err))
	}
	if n != nil && n.Nlink == 0 {
		if obj, ok := n.Object.(*vm.SharedMemory); ok {
			m.ipcLife(nil, IPCRef{Kind: IPCPosixShm, ID: int64(n.Ino), Name: "/" + path[strings.LastIndex(path, "/")+1:]}, OpUnlink)
			obj.Drop()
		}
	}
	return ok(0)
}

// shmFile is an open POSIX shared memory object: read and write at the
// offset, as a file of Length bytes, through its shared memory.
type shmFile struct {
	o   *fs.OpenFile
	obj *vm.SharedMemory
}

// newShmFile gives o the operations of a shared memory object; the
// description holds the object until its last descriptor is closed.
func newShmFile(o *fs.OpenFile, obj *vm.SharedMemory) shmFile {
	obj.Hold()
	o.OnRelease = obj.Drop
	return shmFile{o: o, obj: obj}
}

func (f shmFile) read(m *Machine, t *Thread, p []byte) (int, int, bool) {
	n := f.o.Node
	if f.o.Off >= n.Length {
		return 0, 0, false
	}
	k := min(int64(len(p)), n.Length-f.o.Off)
	f.obj.ReadAt(p[:k], uint64(f.o.Off))
	f.o.Off += k
	return int(k), 0, false
}

func (f shmFile) write(m *Machine, t *Thread, p []byte) (int, int) {
	n := f.o.Node
	if f.o.Flags&fs.O_APPEND != 0 {
		f.o.Off = n.Length
	}
	end := f.o.Off + int64(len(p))
	if end > n.Length {
		if uint64(end) > m.shmLimit() {
			return 0, EFBIG
		}
		f.resize(end)
	}
	k := f.obj.WriteAt(p, uint64(f.o.Off))
	f.o.Off += int64(k)
	if k == 0 && len(p) > 0 {
		return 0, abi.ENOMEM
	}
	return k, 0
}

// resize makes the object size bytes long (ftruncate, a write past its
// end). What is left of the last page past the new end reads as zeros, as
// on Linux, should the object grow again or a mapping read it.
func (f shmFile) resize(size int64) {
	f.o.Node.Length = size
	f.obj.Resize(uint64(size))
	if tail := (abi.PageSize - size%abi.PageSize) % abi.PageSize; tail > 0 {
		f.obj.WriteAt(make([]byte, tail), uint64(size))
	}
}

func (f shmFile) seek(off int64, whence int) (int64, int) {
	pos, err := f.o.Seek(off, whence)
	if err != nil {
		return 0, fsErrno(err)
	}
	return pos, 0
}

func (f shmFile) stat() fs.Stat { return f.o.Node.Stat() }
func (f shmFile) isTTY() bool   { return false }

// sysFtruncate is ftruncate of a regular file or a shared memory object
// open for writing.
func sysFtruncate(m *Machine, t *Thread, a []uint64) sysret {
	o, err := t.proc.files.Get(int(int32(a[0])))
	if err != nil {
		return fail(abi.EBADF)
	}
	size := int64(a[1])
	f, isShm := o.Ops.(shmFile)
	if !isShm {
		f, isShm = objectFile(o) // a regular file since mapped (mmap_file.go)
	}
	if isShm {
		switch {
		case size < 0 || !o.Writable():
			return fail(abi.EINVAL)
		case uint64(size) > m.shmLimit():
			return fail(EFBIG)
		}
		f.resize(size)
		return ok(0)
	}
	if err := o.Truncate(size); err != nil {
		return fail(fsErrno(err))
	}
	return ok(0)
}
