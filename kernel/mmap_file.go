package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// Mappings of regular files. The first mmap of a regular file moves its
// bytes into a shared memory object (vm.SharedMemory), which from then on
// holds them, as a POSIX shared memory object's: read, write, ftruncate,
// lseek and every mapping of the file, in any process, go to the same
// pages, as Linux's page cache makes them. So a write through a
// MAP_SHARED mapping is in the file at once (msync has nothing to do), a
// MAP_PRIVATE mapping copies a page on its first write, and the mapping's
// pages past the end of the file fault with SIGBUS; the rest of the last
// page reads as zeros.

// fileObject returns the shared memory object that holds the bytes of
// regular file n, making it on first use: EFBIG for a file past the
// objects' size limit, ENOMEM when the machine has no frame for its
// bytes.
func (m *Machine) fileObject(n *fs.Inode) (*vm.SharedMemory, int) {
	if obj, ok := n.Object.(*vm.SharedMemory); ok {
		return obj, 0
	}
	size := int64(len(n.Data))
	if uint64(size) > m.shmLimit() {
		return nil, EFBIG
	}
	obj := vm.NewSharedMemory(m.phys, uint64(size))
	if obj.WriteAt(n.Data, 0) < len(n.Data) {
		obj.Drop()
		return nil, abi.ENOMEM
	}
	obj.Hold() // for the inode, until its last name goes (unlink)
	m.fs.HoldInObject(n, obj, size)
	m.ipc.sharedFiles = true
	return obj, 0
}

// objectFile is the shmFile of a description of a regular file whose
// bytes an object holds now (opened before its first mmap), or false.
func objectFile(o *fs.OpenFile) (shmFile, bool) {
	obj, ok := o.Node.Object.(*vm.SharedMemory)
	if !ok {
		return shmFile{}, false
	}
	return shmFile{o: o, obj: obj}, true
}

// truncateObject is O_TRUNC's effect on a file an object holds (the file
// system truncates the bytes it holds itself).
func truncateObject(o *fs.OpenFile, flags int) {
	if f, ok := objectFile(o); ok && flags&fs.O_TRUNC != 0 && o.Writable() && o.Node.IsRegular() {
		f.resize(0)
	}
}
