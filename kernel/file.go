package kernel

import (
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// Files with operations. A descriptor names an open-file description
// (fs.OpenFile: its flags and offset, shared by dup and fork); what read,
// write, lseek, fstat and isatty do through it depends on the kind of
// file, and each kind says so by implementing file: the terminal
// (ttyFile, console.go) and the files of the file system (inodeFile:
// regular files, directories, /dev/null) today; a pipe's ends and
// sockets plug in beside them. The system calls (sys_fd.go) check the
// descriptor and the access mode, copy to and from the process's memory,
// and leave the rest to the file. Closing is the descriptor table's
// (fs.Table): a kind that must act when its last descriptor goes (a
// pipe's end, waking the other end) sets the description's OnRelease.
type file interface {
	// read reads at most len(p) bytes into p. When nothing can be read
	// yet and the caller must wait, it puts t to sleep on the file's
	// wait queue and returns block: the call starts over when t wakes.
	read(m *Machine, t *Thread, p []byte) (n int, errno int, block bool)
	// write writes p on behalf of t, and says how much it took.
	write(m *Machine, t *Thread, p []byte) (n int, errno int)
	// seek moves the offset as lseek does: ESPIPE where there is none.
	seek(off int64, whence int) (int64, int)
	// stat describes the file, as fstat.
	stat() fs.Stat
	// isTTY reports whether the file is a terminal, as isatty.
	isTTY() bool
}

// fileOf returns the operations of the description o.
func fileOf(o *fs.OpenFile) file { return o.Ops.(file) }

// withOps gives o, which the file system opened, the operations of its
// kind of file: the terminal for /dev/tty (its output on stream, 1 or 2),
// the inode's own for every other file. It returns o.
func withOps(o *fs.OpenFile, stream int) *fs.OpenFile {
	if obj, ok := o.Node.Object.(*vm.SharedMemory); ok {
		o.Ops = newShmFile(o, obj)
	} else if o.Node.IsDevice() && o.Node.Rdev == fs.DevTTY {
		o.Ops = ttyFile{o: o, stream: stream}
	} else {
		o.Ops = inodeFile{o}
	}
	return o
}

// inodeFile is an open file of the file system: a regular file (read and
// written at the offset), a directory (EISDIR), /dev/null.
type inodeFile struct{ o *fs.OpenFile }

func (f inodeFile) read(m *Machine, t *Thread, p []byte) (int, int, bool) {
	if s, ok := objectFile(f.o); ok && f.o.Readable() {
		return s.read(m, t, p)
	}
	k, err := f.o.Read(p)
	if err != nil {
		return 0, fsErrno(err), false
	}
	return k, 0, false
}

func (f inodeFile) write(m *Machine, t *Thread, p []byte) (int, int) {
	if s, ok := objectFile(f.o); ok && f.o.Writable() {
		return s.write(m, t, p)
	}
	k, err := f.o.Write(p)
	if err != nil {
		return 0, fsErrno(err)
	}
	return k, 0
}

func (f inodeFile) seek(off int64, whence int) (int64, int) {
	pos, err := f.o.Seek(off, whence)
	if err != nil {
		return 0, fsErrno(err)
	}
	return pos, 0
}

func (f inodeFile) stat() fs.Stat { return f.o.Node.Stat() }
func (f inodeFile) isTTY() bool   { return false }
