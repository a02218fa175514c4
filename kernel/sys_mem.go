package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// Memory system calls: the program break and anonymous mappings. Memory
// is committed lazily (vm.AddressSpace): these calls reserve address
// space, and a page takes memory when the program first touches it.

func sysSbrk(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	old, err := p.mem.Sbrk(int64(a[0]))
	if err != nil {
		return fail(abi.ENOMEM) // (void *)-1
	}
	return ok(int64(old))
}

// sysMmap is mmap of anonymous memory or of a POSIX shared memory
// object. MAP_SHARED|MAP_ANONYMOUS makes memory that the process's
// children after fork share with it, written in place by all;
// MAP_PRIVATE|MAP_ANONYMOUS makes zero-filled memory that fork copies on
// write, as the heap. A shared memory object's descriptor maps its pages:
// shared (every process that maps it sees every write at once), or, with
// MAP_PRIVATE, copy on write; so does a regular file's (mmap_file.go).
// addr is a hint, ignored as Linux may. Not here: mappings of other files
// (ENODEV), MAP_FIXED, and memory that cannot be read (EINVAL).
func sysMmap(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	length, prot, flags := a[1], int(int32(a[2])), int(int32(a[3]))
	kind := flags & (abi.MAP_SHARED | abi.MAP_PRIVATE)
	switch {
	case length == 0 || kind == 0 || kind == abi.MAP_SHARED|abi.MAP_PRIVATE:
		return fail(abi.EINVAL)
	case flags&abi.MAP_FIXED != 0 || prot&abi.PROT_READ == 0:
		return fail(abi.EINVAL)
	case length > abi.MmapTop:
		return fail(abi.ENOMEM) // more than the address space, as Linux says
	}
	readOnly := prot&abi.PROT_WRITE == 0
	if flags&abi.MAP_ANONYMOUS == 0 {
		return m.mmapFile(t, int(int32(a[4])), a[5], length, readOnly, kind == abi.MAP_PRIVATE)
	}
	var addr uint64
	var err error
	if kind == abi.MAP_SHARED {
		obj := vm.NewSharedMemory(m.phys, length)
		addr, err = p.mem.MapShared(obj, "mmap shared", readOnly)
		if err == nil {
			m.anonShmMade(t, obj)
			m.mapAttached(t, obj, addr)
		}
	} else {
		addr, err = p.mem.MapPrivate(length, "mmap", readOnly)
	}
	if err != nil {
		return fail(abi.ENOMEM) // MAP_FAILED
	}
	return ok(int64(addr))
}

// sysMunmap unmaps the mappings that mmap (or shmat) made in a range,
// splitting one the range covers in part. As on Linux, a range with no
// mapping in it is no error.
func sysMunmap(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	addr, length := a[0], a[1]
	if addr%abi.PageSize != 0 || length == 0 || length > abi.MmapTop {
		return fail(abi.EINVAL)
	}
	size := (length + abi.PageSize - 1) &^ (abi.PageSize - 1)
	m.unmapRange(t, p, addr, addr+size)
	return ok(0)
}

// mmapFile maps length bytes of the shared memory object or regular file
// open on fd from byte off: EBADF for no descriptor, ENODEV for a file of
// another kind, EACCES when the descriptor's access does not allow the
// mapping.
func (m *Machine) mmapFile(t *Thread, fd int, off, length uint64, readOnly, private bool) sysret {
	p := t.proc
	o, err := p.files.Get(fd)
	if err != nil {
		return fail(abi.EBADF)
	}
	n := o.Node
	switch {
	case n.Object == nil && !n.IsRegular():
		return fail(abi.ENODEV)
	case off%abi.PageSize != 0 || off > 1<<62:
		return fail(abi.EINVAL)
	case !o.Readable() || !private && !readOnly && !o.Writable():
		return fail(abi.EACCES)
	}
	obj, isShm := n.Object.(*vm.SharedMemory)
	name := shmDir
	if !isShm {
		if n.Object != nil {
			return fail(abi.ENODEV)
		}
		var errno int
		if obj, errno = m.fileObject(n); errno != 0 {
			return fail(errno)
		}
		name = "mmap file"
	} else if !n.IsRegular() {
		return fail(abi.ENODEV)
	}
	addr, err := p.mem.MapObject(obj, off, length, name, readOnly, private)
	if err != nil {
		return fail(abi.ENOMEM)
	}
	if !private {
		m.mapAttached(t, obj, addr-off)
	}
	return ok(int64(addr))
}

// sysMprotect is mprotect of memory that mmap or shmat mapped:
// PROT_NONE, PROT_READ, or PROT_READ|PROT_WRITE (PROT_WRITE alone reads
// too, as on x86-64); a mapping the range covers in part is split.
// ENOMEM where nothing is mapped, as Linux. Not here: the program's own
// memory (its data, heap and stacks: EINVAL).
func sysMprotect(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	addr, length, prot := a[0], a[1], int(int32(a[2]))
	if addr%abi.PageSize != 0 || prot&^(abi.PROT_READ|abi.PROT_WRITE|abi.PROT_EXEC) != 0 || length > abi.MmapTop {
		return fail(abi.EINVAL)
	}
	if length == 0 {
		return ok(0)
	}
	size := (length + abi.PageSize - 1) &^ (abi.PageSize - 1)
	none := prot&(abi.PROT_READ|abi.PROT_WRITE|abi.PROT_EXEC) == 0
	done, hole := p.mem.Protect(addr, addr+size, prot&abi.PROT_WRITE == 0, none)
	switch {
	case hole:
		return fail(abi.ENOMEM)
	case !done:
		return fail(abi.EINVAL)
	}
	return ok(0)
}

// msync flags, as Linux.
const (
	msAsync      = 1
	msInvalidate = 2
	msSync       = 4
)

// sysMsync checks its arguments as Linux does and does nothing more: the
// simulated memory is the file's memory, always in sync.
func sysMsync(m *Machine, t *Thread, a []uint64) sysret {
	addr, length, flags := a[0], a[1], int(int32(a[2]))
	switch {
	case addr%abi.PageSize != 0 || flags&^(msAsync|msInvalidate|msSync) != 0,
		flags&msAsync != 0 && flags&msSync != 0:
		return fail(abi.EINVAL)
	case length == 0:
		return ok(0)
	}
	if _, _, found := t.proc.mem.Mapping(addr); !found {
		return fail(abi.ENOMEM)
	}
	return ok(0)
}
