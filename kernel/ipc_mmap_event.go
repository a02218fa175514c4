package kernel

import (
	"sort"

	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// Mappings of shared memory as IPC events: an mmap with MAP_SHARED of a
// POSIX shared memory object, or of anonymous memory, is an attach of the
// process, as shmat is; a munmap that takes the last piece of a process's
// mapping of an object is a detach, as shmdt is. A fork copies its
// parent's shared mappings (and System V attachments): each is an attach
// of the child. An exit or an exec lets go of them all: each a detach.
// So the processes a view lists as attached to an object are at every
// tick those the events say.
//
// Anonymous shared memory has no name: the machine numbers each object,
// from 1, when it is made, and forgets it when nobody maps it any more.

// IPCAnonShm is anonymous shared memory (mmap MAP_SHARED|MAP_ANONYMOUS).
const IPCAnonShm IPCKind = "shm_anon"

// anonShmSpace numbers the machine's anonymous shared memory objects.
type anonShmSpace struct {
	ids  map[*vm.SharedMemory]int64
	last int64
	// named keeps the names of the POSIX objects mapped, for the detach
	// of one whose name shm_unlink removed first.
	named map[*vm.SharedMemory]IPCRef
}

func init() { registerIPCKind((*Machine).anonShmObjects) }

// anonShmMade numbers obj, just made by t's mmap, and reports it.
func (m *Machine) anonShmMade(t *Thread, obj *vm.SharedMemory) {
	ns := &m.anonShm
	if ns.ids == nil {
		ns.ids = map[*vm.SharedMemory]int64{}
	}
	ns.last++
	ns.ids[obj] = ns.last
	m.ipcLife(t, IPCRef{Kind: IPCAnonShm, ID: ns.last}, OpCreate)
}

// anonShmRef names anonymous shared memory obj, if it is.
func (m *Machine) anonShmRef(obj *vm.SharedMemory) (IPCRef, bool) {
	id, ok := m.anonShm.ids[obj]
	return IPCRef{Kind: IPCAnonShm, ID: id}, ok
}

// mapAttached reports that t's process mapped obj shared at addr.
func (m *Machine) mapAttached(t *Thread, obj *vm.SharedMemory, addr uint64) {
	ref, ok := m.shmRefOf(obj)
	if !ok {
		return
	}
	if ref.Kind == IPCPosixShm {
		if m.anonShm.named == nil {
			m.anonShm.named = map[*vm.SharedMemory]IPCRef{}
		}
		m.anonShm.named[obj] = ref
	}
	m.emitIPC(t, KindIPC, IPCOp{Obj: ref, Op: OpAttach, Addr: addr})
}

// unmapRange is munmap of [start, end) in p by t: every object p no
// longer maps at all afterwards is a detach, from where it was mapped.
func (m *Machine) unmapRange(t *Thread, p *Process, start, end uint64) {
	before := p.mem.SharedMappings()
	if len(before) > 0 {
		m.reportShmWrites(t, p) // its writes before it lets go
	}
	p.mem.UnmapRange(start, end)
	for _, s := range before {
		if _, still := p.mem.Maps(s.Obj); !still {
			m.mapDetached(t, p, s)
		}
	}
}

// mapDetached reports that p no longer maps s.Obj, and forgets anonymous
// memory nobody maps any more.
func (m *Machine) mapDetached(t *Thread, p *Process, s vm.SharedMapping) {
	ref, ok := m.shmRefOf(s.Obj)
	if !ok {
		return
	}
	if t == nil {
		t = p.main()
	}
	m.emitIPC(t, KindIPC, IPCOp{Obj: ref, Op: OpDetach, Addr: s.Addr})
	if !m.mappedBeside(p, s.Obj) {
		m.unmapped(t, ref, s.Obj)
	}
}

// mappedBeside reports whether a live process other than p maps obj
// shared. (The object's own count of its mappings is no answer: the
// final memory a machine keeps of an exited process maps it too.)
func (m *Machine) mappedBeside(p *Process, obj *vm.SharedMemory) bool {
	for _, o := range m.procs {
		if o != p && o.mem != nil {
			if _, ok := o.mem.Maps(obj); ok {
				return true
			}
		}
	}
	return false
}

// unmapped forgets obj, which nobody maps any more: anonymous memory
// goes with its last mapping.
func (m *Machine) unmapped(t *Thread, ref IPCRef, obj *vm.SharedMemory) {
	delete(m.anonShm.named, obj)
	if ref.Kind == IPCAnonShm {
		delete(m.anonShm.ids, obj)
		m.ipcLife(t, ref, OpDestroy)
	}
}

// forkAttached reports the shared mappings child has from its parent.
func (m *Machine) forkAttached(child *Process) {
	if !m.observed() {
		return
	}
	for _, s := range child.mem.SharedMappings() {
		m.mapAttached(child.main(), s.Obj, s.Addr)
	}
}

// releaseMappings reports the shared mappings p lets go of as its memory
// goes (exit, exec); p's memory is released right after, and anonymous
// memory that p was the last to map is forgotten.
func (m *Machine) releaseMappings(p *Process) {
	if p.mem == nil {
		return
	}
	maps := p.mem.SharedMappings()
	if len(maps) == 0 {
		return
	}
	m.reportShmWrites(nil, p)
	for _, s := range maps {
		ref, ok := m.shmRefOf(s.Obj)
		if !ok {
			continue
		}
		m.emitIPC(p.main(), KindIPC, IPCOp{Obj: ref, Op: OpDetach, Addr: s.Addr})
		if !m.mappedBeside(p, s.Obj) {
			m.unmapped(p.main(), ref, s.Obj)
		}
	}
}

// anonShmObjects lists the anonymous shared memory objects, by number,
// with who maps them; their bytes as the other shared memory's.
func (m *Machine) anonShmObjects() []IPCObject {
	if len(m.anonShm.ids) == 0 {
		return nil
	}
	objs := make([]*vm.SharedMemory, 0, len(m.anonShm.ids))
	for obj := range m.anonShm.ids {
		objs = append(objs, obj)
	}
	sort.Slice(objs, func(i, j int) bool { return m.anonShm.ids[objs[i]] < m.anonShm.ids[objs[j]] })
	out := make([]IPCObject, 0, len(objs))
	for i, obj := range objs {
		ref := IPCRef{Kind: IPCAnonShm, ID: m.anonShm.ids[obj]}
		o := object(ref, IPCField{Key: "size", Value: int64(obj.Size())}, IPCField{Key: "nattch", Value: int64(len(m.shmUsers(obj)))})
		if i < ipcMemoryShowed {
			o.Memory = m.shmMemory(obj, obj.Size())
		}
		o.Users = m.shmUsers(obj)
		out = append(out, o)
	}
	return out
}

// anonShmText is anonymous shared memory's name in the catalogue's words.
func anonShmText(id int64) msg.Text { return msg.New(msg.IPCObjAnonShm, msg.Int("id", id)) }
