package kernel

import "osplay/kernel/vm"

// The events of shared memory (shm.go, shm_posix.go). Writes into a
// segment are stores of the VM, not system calls: the address space
// records the ranges its process wrote (vm/shmwrites.go), and the kernel
// reports them, one event per range, when the thread next makes a system
// call or leaves its CPU, and before a detach.

// ref names the System V segment for the views.
func (s *shmSegment) ref() IPCRef {
	return IPCRef{Kind: IPCShm, ID: int64(s.id), Name: ipcKeyName(s.key)}
}

// shmRefOf names the shared memory object obj: a System V segment, or a
// POSIX object of /dev/shm, anonymous shared memory; ok is false for
// another mapping.
func (m *Machine) shmRefOf(obj *vm.SharedMemory) (IPCRef, bool) {
	if ref, ok := m.anonShmRef(obj); ok {
		return ref, true
	}
	if s := m.shmOf(obj); s != nil {
		return s.ref(), true
	}
	if d, err := m.fs.Lookup("/", shmDir, 0); err == nil && d != nil {
		for i := 2; ; i++ {
			e, more := m.fs.Entry(d, i)
			if !more {
				break
			}
			if n := e.Node(); n != nil && n.Object == obj {
				return IPCRef{Kind: IPCPosixShm, ID: int64(n.Ino), Name: "/" + e.Name}, true
			}
		}
	}
	if ref, ok := m.anonShm.named[obj]; ok { // unlinked, still mapped
		return ref, true
	}
	return IPCRef{}, false
}

// reportShmWrites reports the writes into shared memory that process p
// made since the last report, as done by thread t (nil: p's main thread).
func (m *Machine) reportShmWrites(t *Thread, p *Process) {
	if p == nil || p.mem == nil {
		return
	}
	ws := p.mem.TakeSharedWrites()
	if len(ws) == 0 || !m.observed() {
		return
	}
	if t == nil {
		t = p.main()
	}
	for _, w := range ws {
		ref, ok := m.shmRefOf(w.Obj)
		if !ok {
			continue
		}
		data := make([]byte, min(w.Hi-w.Lo, ipcDataMax))
		w.Obj.ReadAt(data, w.Lo)
		m.emitIPC(t, KindTransfer, IPCOp{Obj: ref, Op: OpShmWrite, Lo: w.Lo, Hi: w.Hi, Bytes: int64(w.Hi - w.Lo), Data: data})
	}
}
