package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// File system calls: descriptors and paths. What a call does to an open
// file is the file's to say (file.go).

// maxIO bounds the bytes one read or write moves.
const maxIO = 1 << 20

// readPath reads a path argument.
func readPath(p *Process, addr uint64) (string, int) {
	s, err := p.mem.ReadCString(addr, fs.PathMax)
	if err != nil {
		return "", abi.EFAULT
	}
	return s, 0
}

func sysOpen(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	if t.fifo != nil {
		return m.fifoWait(t) // an open of a FIFO waiting for the other end
	}
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	flags := int(int32(a[1]))
	o, err := m.fs.Open(p.cwd, name, flags&^fs.O_CLOEXEC, uint32(a[2]), fs.StudentUID)
	if err != nil {
		return fail(fsErrno(err))
	}
	truncateObject(o, flags)
	cloexec := flags&fs.O_CLOEXEC != 0
	if o.Node.IsFIFO() {
		return m.openFIFO(t, name, o, cloexec)
	}
	if o.Node.IsSocket() {
		return fail(ENXIO) // a socket is connected to, not opened
	}
	fd, err := p.files.InstallFrom(withOps(o, 1), 0, cloexec)
	if err != nil {
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

func sysClose(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	if err := p.files.Close(int(int32(a[0]))); err != nil {
		return fail(fsErrno(err))
	}
	return ok(0)
}

func sysRead(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	o, err := p.files.Get(int(int32(a[0])))
	if err != nil {
		return fail(abi.EBADF)
	}
	if !o.Readable() {
		return fail(abi.EBADF)
	}
	n := min(a[2], maxIO)
	switch fileOf(o).(type) {
	case *pipeFile:
		n = min(n, pipePages*pipePageSize) // a read takes at most what a pipe holds
	case *sockFile:
		n = min(n, unixMaxDgram) // or a socket
	}
	buf := make([]byte, int(n))
	k, errno, block := fileOf(o).read(m, t, buf)
	if block {
		return blocked()
	}
	if errno != 0 {
		return fail(errno)
	}
	data := buf[:k]
	if err := p.mem.Write(a[1], data); err != nil {
		return fail(abi.EFAULT)
	}
	return ok(int64(len(data)))
}

func sysWrite(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	fd := int(int32(a[0]))
	if o, err := p.files.Get(fd); err == nil && o.Writable() {
		switch f := fileOf(o).(type) {
		case *pipeFile:
			return sysWritePipe(m, t, f, a[1], a[2])
		case *sockFile:
			return m.sendMem(t, f, a[1], a[2], 0, nil)
		}
	}
	n := int(min(a[2], maxIO))
	buf := make([]byte, n)
	if err := p.mem.Read(a[1], buf); err != nil {
		if _, ferr := p.files.Get(fd); ferr != nil {
			return fail(abi.EBADF)
		}
		return fail(abi.EFAULT)
	}
	k, errno := m.writeFD(t, fd, buf)
	if errno != 0 {
		return fail(errno)
	}
	return ok(int64(k))
}

// writeFD writes data to the descriptor fd of t's process.
func (m *Machine) writeFD(t *Thread, fd int, data []byte) (int, int) {
	p := t.proc
	o, err := p.files.Get(fd)
	if err != nil || !o.Writable() {
		return 0, abi.EBADF
	}
	return fileOf(o).write(m, t, data)
}

func sysLseek(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	o, err := p.files.Get(int(int32(a[0])))
	if err != nil {
		return fail(abi.EBADF)
	}
	pos, errno := fileOf(o).seek(int64(a[1]), int(int32(a[2])))
	if errno != 0 {
		return fail(errno)
	}
	return ok(pos)
}

func sysUnlink(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	return m.unlink(p.cwd, name)
}

func sysDup(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	fd, err := p.files.Dup(int(int32(a[0])))
	if err != nil {
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

func sysDup2(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	fd, err := p.files.Dup2(int(int32(a[0])), int(int32(a[1])))
	if err != nil {
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

// writeStat stores st as glibc's struct stat on x86-64 (144 bytes).
func writeStat(p *Process, addr uint64, st fs.Stat) int {
	var b [144]byte
	le := binary.LittleEndian
	le.PutUint64(b[0:], st.Dev)
	le.PutUint64(b[8:], st.Ino)
	le.PutUint64(b[16:], st.Nlink)
	le.PutUint32(b[24:], st.Mode)
	le.PutUint32(b[28:], st.UID)
	le.PutUint32(b[32:], st.GID)
	le.PutUint64(b[40:], st.Rdev)
	le.PutUint64(b[48:], uint64(st.Size))
	le.PutUint64(b[56:], uint64(st.Blksize))
	le.PutUint64(b[64:], uint64(st.Blocks))
	for i, ts := range []fs.Timespec{st.Atime, st.Mtime, st.Ctime} {
		le.PutUint64(b[72+16*i:], uint64(ts.Sec))
		le.PutUint64(b[80+16*i:], uint64(ts.Nsec))
	}
	if err := p.mem.Write(addr, b[:]); err != nil {
		return abi.EFAULT
	}
	return 0
}

func sysStat(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	n, err := m.fs.Lookup(p.cwd, name, fs.StudentUID)
	if err != nil {
		return fail(fsErrno(err))
	}
	if e := writeStat(p, a[1], n.Stat()); e != 0 {
		return fail(e)
	}
	return ok(0)
}

func sysFstat(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	o, err := p.files.Get(int(int32(a[0])))
	if err != nil {
		return fail(abi.EBADF)
	}
	if e := writeStat(p, a[1], fileOf(o).stat()); e != 0 {
		return fail(e)
	}
	return ok(0)
}

func sysIsatty(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	o, err := p.files.Get(int(int32(a[0])))
	if err != nil {
		return sysret{val: 0, errno: abi.EBADF}
	}
	if fileOf(o).isTTY() {
		return ok(1)
	}
	return sysret{val: 0, errno: abi.ENOTTY}
}

func sysGetcwd(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	buf, size := a[0], a[1]
	if size == 0 {
		return failNull(abi.EINVAL)
	}
	if uint64(len(p.cwd)+1) > size {
		return failNull(abi.ERANGE)
	}
	if err := p.mem.Write(buf, append([]byte(p.cwd), 0)); err != nil {
		return failNull(abi.EFAULT)
	}
	return ok(int64(buf))
}

// sysGetdents fills one struct __osplay_dirent { unsigned long d_ino;
// unsigned char d_type; char d_name[256]; } with entry number index of a
// directory: 1, or 0 past the end.
func sysGetdents(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	d, err := m.fs.Lookup(p.cwd, name, fs.StudentUID)
	if err != nil {
		return fail(fsErrno(err))
	}
	if !d.IsDir() {
		return fail(abi.ENOTDIR)
	}
	if !d.Permits(fs.StudentUID, 4) {
		return fail(abi.EACCES)
	}
	ent, found := m.fs.Entry(d, int(int32(a[1])))
	if !found {
		return ok(0)
	}
	var b [8 + 1 + 256]byte
	binary.LittleEndian.PutUint64(b[0:], ent.Ino)
	b[8] = ent.Type
	copy(b[9:9+255], ent.Name)
	if err := p.mem.Write(a[2], b[:]); err != nil {
		return fail(abi.EFAULT)
	}
	return ok(1)
}
