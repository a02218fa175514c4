package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
)

// The System V shared memory calls (shm.go).

func sysShmget(m *Machine, t *Thread, a []uint64) sysret {
	return m.shmGet(t.proc, int32(a[0]), a[1], int(int32(a[2])))
}

func sysShmat(m *Machine, t *Thread, a []uint64) sysret {
	return m.shmAt(t.proc, int(int32(a[0])), a[1], int(int32(a[2])))
}

func sysShmdt(m *Machine, t *Thread, a []uint64) sysret {
	return m.shmDt(t.proc, a[0])
}

// The layout of struct ipc_perm and struct shmid_ds on x86-64 Linux.
const (
	ipcPermSize  = 48
	shmidDsSize  = 112
	permUIDOff   = 4
	permGIDOff   = 8
	permModeOff  = 20
	shmSegszOff  = 48
	shmNattchOff = 88
)

// putPerm fills struct ipc_perm at b[0:48].
func putPerm(b []byte, p ipcPerm, seq int) {
	le := binary.LittleEndian
	le.PutUint32(b[0:], uint32(p.key))
	le.PutUint32(b[4:], uint32(p.uid))
	le.PutUint32(b[8:], uint32(p.gid))
	le.PutUint32(b[12:], uint32(p.uid)) // cuid: the creator is the student too
	le.PutUint32(b[16:], uint32(p.gid))
	le.PutUint32(b[20:], p.mode)
	le.PutUint16(b[24:], uint16(seq))
}

// getPerm reads what IPC_SET changes in struct ipc_perm at addr: the
// owner and the permission bits.
func getPerm(t *Thread, addr uint64, p *ipcPerm) int {
	b := make([]byte, ipcPermSize)
	if t.proc.mem.Read(addr, b) != nil {
		return abi.EFAULT
	}
	le := binary.LittleEndian
	p.uid, p.gid = int(le.Uint32(b[permUIDOff:])), int(le.Uint32(b[permGIDOff:]))
	p.mode = p.mode&^ipcPerms | le.Uint32(b[permModeOff:])&ipcPerms
	return 0
}

// sysShmctl is shmctl with IPC_STAT, IPC_SET and IPC_RMID. A removed
// segment shows SHM_DEST in its mode and IPC_PRIVATE as its key, and goes
// when its last process detaches (at once if none has it attached).
func sysShmctl(m *Machine, t *Thread, a []uint64) sysret {
	id, cmd, buf := int(int32(a[0])), int(int32(a[1])), a[2]
	s := m.ipc.shms[id]
	if s == nil || id < 0 {
		return fail(abi.EINVAL)
	}
	switch cmd {
	case ipcStat:
		if !s.permits(false) {
			return fail(abi.EACCES)
		}
		b := make([]byte, shmidDsSize)
		perm := s.ipcPerm
		if s.removed {
			perm.mode |= shmDest
		}
		putPerm(b, perm, s.id/seqMultiplier)
		le := binary.LittleEndian
		le.PutUint64(b[shmSegszOff:], s.size)
		le.PutUint64(b[56:], uint64(s.atime))
		le.PutUint64(b[64:], uint64(s.dtime))
		le.PutUint64(b[72:], uint64(s.ctime))
		le.PutUint32(b[80:], uint32(s.cpid))
		le.PutUint32(b[84:], uint32(s.lpid))
		le.PutUint64(b[shmNattchOff:], uint64(s.nattch()))
		if t.proc.mem.Write(buf, b) != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	case ipcSet:
		if errno := getPerm(t, buf, &s.ipcPerm); errno != 0 {
			return fail(errno)
		}
		s.ctime, _ = m.seconds()
		return ok(0)
	case ipcRmid:
		s.removed = true
		s.key = 0
		s.ctime, _ = m.seconds()
		if s.nattch() == 0 {
			m.shmDestroy(s)
		}
		return ok(0)
	}
	return fail(abi.EINVAL)
}

// sysIPCList is __osplay_ipc_list, what ipcs reads: the System V object
// number index (in slot order) of a kind, 0 for shared memory and 1 for
// message queues, as struct __osplay_ipc (<osplay.h>): key, id, mode,
// uid, then bytes (shm_segsz, or the bytes queued) and count (shm_nattch,
// or the messages queued). It returns 1, or 0 past the last.
func sysIPCList(m *Machine, t *Thread, a []uint64) sysret {
	kind, index, out := int(int32(a[0])), int(int32(a[1])), a[2]
	var perm ipcPerm
	var id int
	var bytes, count uint64
	switch ids := m.ipc.ids(kind); {
	case index < 0 || index >= len(ids):
		return ok(0)
	case kind == 0:
		s := m.ipc.shms[ids[index]]
		perm, id, bytes, count = s.ipcPerm, s.id, s.size, uint64(s.nattch())
		if s.removed {
			perm.mode |= shmDest
		}
	case kind == 1:
		q := m.ipc.msgs[ids[index]]
		perm, id, bytes, count = q.ipcPerm, q.id, uint64(q.cbytes), uint64(len(q.msgs))
	default:
		s := m.ipc.sem.sets[ids[index]]
		perm, id, count = s.ipcPerm, s.id, uint64(len(s.vals))
	}
	b := make([]byte, 32)
	le := binary.LittleEndian
	le.PutUint32(b[0:], uint32(perm.key))
	le.PutUint32(b[4:], uint32(id))
	le.PutUint32(b[8:], perm.mode)
	le.PutUint32(b[12:], uint32(perm.uid))
	le.PutUint64(b[16:], bytes)
	le.PutUint64(b[24:], count)
	if t.proc.mem.Write(out, b) != nil {
		return fail(abi.EFAULT)
	}
	return ok(1)
}
