package kernel

import (
	"fmt"
	"sort"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// System V shared memory: shmget, shmat, shmdt, shmctl. A segment is a
// vm.SharedMemory that belongs to the machine (one IPC namespace per
// machine, as a Linux host without containers has one): it outlives the
// process that made it, and each shmat maps it into an address space. The
// machine holds it (Hold) until shmctl(IPC_RMID); after that it lives on
// while any process has it attached, and goes with the last detach — at
// shmdt, exit or exec, as on Linux.

// System V IPC flags and commands, with Linux's values.
const (
	ipcCreat   = 01000
	ipcExcl    = 02000
	ipcNowait  = 04000
	ipcRmid    = 0
	ipcSet     = 1
	ipcStat    = 2
	shmRdonly  = 010000
	shmRnd     = 020000
	shmDest    = 01000  // in shm_perm.mode: removed, waiting for its last detach
	msgNoerror = 010000 // msgrcv: truncate a long message
	msgExcept  = 020000 // msgrcv: the first message of another type

	ipcPerms = 0777 // the permission bits of a mode

	// shmMNI bounds the segments of a machine (Linux's SHMMNI).
	shmMNI = 4096
	// seqMultiplier spaces an object's ids: id = seq*32768 + slot, as
	// Linux makes them, so a removed object's id is not soon reused.
	seqMultiplier = 32768
)

// ipcPerm is struct ipc_perm's part that the kernel keeps.
type ipcPerm struct {
	key  int32
	uid  int
	gid  int
	mode uint32 // permission bits (and SHM_DEST)
	slot int    // index in the namespace: id = seq*seqMultiplier + slot
}

// shmSegment is one System V shared memory segment.
type shmSegment struct {
	ipcPerm
	id                  int
	size                uint64 // as asked: shm_segsz
	obj                 *vm.SharedMemory
	cpid, lpid          int
	atime, dtime, ctime int64
	removed             bool // IPC_RMID: gone at its last detach
}

// nattch is shm_nattch: the mappings of the segment in address spaces
// (fork copies an attachment, exit and exec detach it).
func (s *shmSegment) nattch() int { return s.obj.Mappings() }

// ipcSpace is the machine's System V IPC namespace and POSIX message
// queues.
type ipcSpace struct {
	shms     map[int]*shmSegment // by id
	msgs     map[int]*msgQueue   // by id
	msgGone  map[int]int         // by slot: the id of the last queue removed from it
	msgCount int                 // messages queued in all the queues
	seq      int                 // the next id's sequence number
	mqs      map[string]*mqueue  // POSIX message queues, by name
	mqNext   int                 // the next POSIX queue's number (its wait queues' ID)
	sem      semSpace            // System V semaphore sets (sem_sysv.go)
	// sharedFiles: some file's bytes were held by shared memory (a
	// shm_open, a file mapped shared), so /dev/shm may hold objects; until
	// then the views need not look there.
	sharedFiles bool
}

// slotFree returns the lowest slot no live object of the kind uses.
func slotFree[T interface{ slotOf() int }](objs map[int]T) int {
	used := map[int]bool{}
	for _, o := range objs {
		used[o.slotOf()] = true
	}
	i := 0
	for used[i] {
		i++
	}
	return i
}

func (p ipcPerm) slotOf() int { return p.slot }

// newID gives an object in slot its id.
func (s *ipcSpace) newID(slot int) int {
	id := s.seq*seqMultiplier + slot
	s.seq = (s.seq + 1) % 65536
	return id
}

// permits reports whether the student may use an object of mode for
// reading (and writing): every process runs as the student, its owner.
func (p ipcPerm) permits(write bool) bool {
	if write {
		return p.mode&0600 == 0600
	}
	return p.mode&0400 != 0
}

// shmLimit is the largest segment the machine can hold: its memory, or,
// on a machine without a limit, the 4 GiB of its mapping area.
func (m *Machine) shmLimit() uint64 {
	if l := m.phys.Limit(); l > 0 {
		return l
	}
	return 1 << 32
}

// shmGet is shmget: the segment with key (a new one for IPC_PRIVATE or
// with IPC_CREAT), as Linux answers: EINVAL for a size of 0, or larger
// than an existing segment's; ENOENT without IPC_CREAT; EEXIST with
// IPC_CREAT|IPC_EXCL; ENOMEM for more than the machine's memory; ENOSPC
// past SHMMNI segments; EACCES for an existing segment the flags' mode
// does not allow.
func (m *Machine) shmGet(p *Process, key int32, size uint64, flag int) sysret {
	ns := &m.ipc
	if key != 0 {
		if s := ns.shmByKey(key); s != nil {
			switch {
			case flag&ipcCreat != 0 && flag&ipcExcl != 0:
				return fail(abi.EEXIST)
			case flag&ipcPerms&^int(s.mode&ipcPerms) != 0:
				return fail(abi.EACCES)
			case size > s.size:
				return fail(abi.EINVAL)
			}
			return ok(int64(s.id))
		}
		if flag&ipcCreat == 0 {
			return fail(abi.ENOENT)
		}
	}
	switch {
	case size < 1 || size > 1<<63:
		return fail(abi.EINVAL)
	case size > m.shmLimit():
		return fail(abi.ENOMEM)
	case len(ns.shms) >= shmMNI:
		return fail(ENOSPC)
	}
	if ns.shms == nil {
		ns.shms = map[int]*shmSegment{}
	}
	sec, _ := m.seconds()
	slot := slotFree(ns.shms)
	s := &shmSegment{
		ipcPerm: ipcPerm{key: key, uid: fs.StudentUID, gid: fs.StudentUID, mode: uint32(flag) & ipcPerms, slot: slot},
		id:      ns.newID(slot), size: size, cpid: p.PID, ctime: sec,
		obj: vm.NewSharedMemory(m.phys, size),
	}
	s.obj.Hold()
	s.obj.OnMap = func() { m.shmTouched(s, false) }
	s.obj.OnUnmap = func() { m.shmTouched(s, true) }
	ns.shms[s.id] = s
	m.ipcLife(nil, s.ref(), OpCreate)
	return ok(int64(s.id))
}

// shmByKey finds the live segment with key (not IPC_PRIVATE, not removed).
func (ns *ipcSpace) shmByKey(key int32) *shmSegment {
	for _, s := range ns.shms {
		if s.key == key && !s.removed {
			return s
		}
	}
	return nil
}

// shmTouched notes an attach (or a detach) of s by the process whose call
// the kernel is carrying out: shm_lpid and the time; the last detach of a
// removed segment destroys it.
func (m *Machine) shmTouched(s *shmSegment, detach bool) {
	sec, _ := m.seconds()
	if m.current != nil {
		s.lpid = m.current.PID
	}
	if detach {
		s.dtime = sec
	} else {
		s.atime = sec
	}
	if detach && s.removed && s.nattch() == 0 {
		m.shmDestroy(s)
	}
}

// shmDestroy removes s from the machine and lets go of its memory.
func (m *Machine) shmDestroy(s *shmSegment) {
	if m.ipc.shms[s.id] != s {
		return
	}
	delete(m.ipc.shms, s.id)
	m.ipcLife(nil, s.ref(), OpDestroy)
	s.obj.Drop()
}

// shmAt is shmat with a NULL address: the segment mapped where the
// kernel chooses, read-only with SHM_RDONLY.
func (m *Machine) shmAt(p *Process, id int, addr uint64, flag int) sysret {
	s := m.ipc.shms[id]
	switch {
	case id < 0 || s == nil:
		return fail(abi.EINVAL)
	case addr != 0:
		// Attaching at a chosen address is not supported: the kernel
		// places every mapping itself.
		return fail(abi.EINVAL)
	case !s.permits(flag&shmRdonly == 0):
		return fail(abi.EACCES)
	}
	start, err := p.mem.MapShared(s.obj, fmt.Sprintf("/SYSV%08x", uint32(s.key)), flag&shmRdonly != 0)
	if err != nil {
		return fail(abi.ENOMEM)
	}
	m.emitIPC(nil, KindIPC, IPCOp{Obj: s.ref(), Op: OpAttach, Addr: start})
	return ok(int64(start))
}

// shmDt is shmdt: addr must be where a segment was attached. Every
// piece of the attachment goes (mprotect may have split it).
func (m *Machine) shmDt(p *Process, addr uint64) sysret {
	obj, start, _, found := p.mem.MappedObject(addr)
	if !found || start != addr || m.shmOf(obj) == nil {
		return fail(abi.EINVAL)
	}
	m.reportShmWrites(nil, p) // its writes before it lets go
	m.emitIPC(nil, KindIPC, IPCOp{Obj: m.shmOf(obj).ref(), Op: OpDetach, Addr: start})
	p.mem.UnmapRange(start, start+obj.Size())
	return ok(0)
}

// shmOf finds the segment whose memory obj is.
func (m *Machine) shmOf(obj *vm.SharedMemory) *shmSegment {
	for _, s := range m.ipc.shms {
		if s.obj == obj {
			return s
		}
	}
	return nil
}

// ids lists the ids of the segments (kind 0) or of the message queues
// (kind 1) in slot order, as ipcs shows them.
func (ns *ipcSpace) ids(kind int) []int {
	if kind == 0 && len(ns.shms) == 0 || kind == 1 && len(ns.msgs) == 0 || kind == 2 && len(ns.sem.sets) == 0 {
		return nil
	}
	slots := map[int]int{}
	switch kind {
	case 0:
		for id, s := range ns.shms {
			slots[id] = s.slot
		}
	case 1:
		for id, q := range ns.msgs {
			slots[id] = q.slot
		}
	case 2:
		for id, s := range ns.sem.sets {
			slots[id] = s.slot
		}
	}
	ids := make([]int, 0, len(slots))
	for id := range slots {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return slots[ids[i]] < slots[ids[j]] })
	return ids
}
