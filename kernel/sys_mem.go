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

// sysMmap is mmap for anonymous memory: MAP_SHARED|MAP_ANONYMOUS makes
// memory that the process's children after fork share with it, written
// in place by all; MAP_PRIVATE|MAP_ANONYMOUS makes zero-filled memory
// that fork copies on write, as the heap. addr is a hint, ignored as
// Linux may. Not here: mappings of files (ENODEV), MAP_FIXED, and memory
// that cannot be read (EINVAL).
func sysMmap(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	length, prot, flags := a[1], int(int32(a[2])), int(int32(a[3]))
	kind := flags & (abi.MAP_SHARED | abi.MAP_PRIVATE)
	switch {
	case length == 0 || kind == 0 || kind == abi.MAP_SHARED|abi.MAP_PRIVATE:
		return fail(abi.EINVAL)
	case flags&abi.MAP_ANONYMOUS == 0:
		return fail(abi.ENODEV)
	case flags&abi.MAP_FIXED != 0 || prot&abi.PROT_READ == 0:
		return fail(abi.EINVAL)
	case length > abi.MmapTop:
		return fail(abi.ENOMEM) // more than the address space, as Linux says
	}
	readOnly := prot&abi.PROT_WRITE == 0
	var addr uint64
	var err error
	if kind == abi.MAP_SHARED {
		obj := vm.NewSharedMemory(m.phys, length)
		addr, err = p.mem.MapShared(obj, "mmap shared", readOnly)
	} else {
		addr, err = p.mem.MapPrivate(length, "mmap", readOnly)
	}
	if err != nil {
		return fail(abi.ENOMEM) // MAP_FAILED
	}
	return ok(int64(addr))
}

// sysMunmap unmaps a whole mapping that mmap made. As on Linux, a range
// with no mapping in it is no error; unlike Linux, a part of a mapping
// cannot be unmapped alone (EINVAL).
func sysMunmap(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	addr, length := a[0], a[1]
	if addr%abi.PageSize != 0 || length == 0 {
		return fail(abi.EINVAL)
	}
	size := (length + abi.PageSize - 1) &^ (abi.PageSize - 1)
	start, end, found := p.mem.Mapping(addr)
	if !found {
		return ok(0)
	}
	if start != addr || end-start != size {
		return fail(abi.EINVAL)
	}
	p.mem.Unmap(start)
	return ok(0)
}
