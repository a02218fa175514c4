package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// The System V semaphore calls (sem_sysv.go).

func sysSemget(m *Machine, t *Thread, a []uint64) sysret {
	return m.semGet(int32(a[0]), int(int32(a[1])), int(int32(a[2])))
}

// sysSemtimedop reads nsops struct sembuf { unsigned short sem_num; short
// sem_op; short sem_flg; } and the relative timeout (NULL: none), and
// does them: E2BIG past SEMOPM operations, EINVAL for none or a bad
// timeout. semop is semtimedop without a timeout.
func sysSemtimedop(m *Machine, t *Thread, a []uint64) sysret {
	id, addr, n, ts := int(int32(a[0])), a[1], a[2], a[3]
	switch {
	case id < 0 || n == 0:
		return fail(abi.EINVAL)
	case n > semOPM:
		return fail(E2BIG)
	}
	mem := t.proc.mem
	b := make([]byte, 6*n)
	if mem.Read(addr, b) != nil {
		return fail(abi.EFAULT)
	}
	le := binary.LittleEndian
	ops := make([]sembuf, n)
	for i := range ops {
		ops[i] = sembuf{num: int(le.Uint16(b[6*i:])), op: int(int16(le.Uint16(b[6*i+2:]))), flag: int(int16(le.Uint16(b[6*i+4:])))}
	}
	d := int64(sched.Forever)
	if ts != 0 {
		sec, err1 := mem.ReadU64(ts)
		nsec, err2 := mem.ReadU64(ts + 8)
		if err1 != nil || err2 != nil {
			return fail(abi.EFAULT)
		}
		if int64(sec) < 0 || nsec >= 1_000_000_000 {
			return fail(abi.EINVAL)
		}
		d = m.ticksOf(int64(sec), int64(nsec))
	}
	return m.semOps(t, id, ops, d)
}

// ticksOf is a duration in ticks, a nonzero one at least one tick.
func (m *Machine) ticksOf(sec, nsec int64) int64 {
	tps := m.cfg.TicksPerSecond
	if sec > (sched.Forever-1)/tps/2 {
		return sched.Forever - 1
	}
	return sec*tps + (nsec*tps+999_999_999)/1_000_000_000
}

// struct semid_ds on x86-64 Linux: 104 bytes, its ipc_perm first.
const (
	semidDsSize = 104
	semOtimeOff = 48
	semCtimeOff = 64
	semNsemsOff = 80
)

// sysSemctl is semctl(id, num, cmd, arg), arg being the union semun's
// bits (libc passes it on): GETVAL, SETVAL, GETALL, SETALL, GETPID,
// GETNCNT, GETZCNT, IPC_STAT, IPC_SET, IPC_RMID.
func sysSemctl(m *Machine, t *Thread, a []uint64) sysret {
	id, num, cmd, arg := int(int32(a[0])), int(int32(a[1])), int(int32(a[2])), a[3]
	s, errno := m.semSetOf(t, id)
	if errno != 0 {
		return fail(errno)
	}
	mem := t.proc.mem
	le := binary.LittleEndian
	one := func(write bool) int {
		switch {
		case num < 0 || num >= len(s.vals):
			return abi.EINVAL
		case !s.permits(write):
			return abi.EACCES
		}
		return 0
	}
	switch cmd {
	case semGetVal, semGetPID, semGetNCnt, semGetZCnt:
		if e := one(false); e != 0 {
			return fail(e)
		}
		switch cmd {
		case semGetVal:
			return ok(int64(s.vals[num]))
		case semGetPID:
			return ok(int64(s.pids[num]))
		case semGetNCnt:
			return ok(int64(m.semCounts(s, num, false)))
		}
		return ok(int64(m.semCounts(s, num, true)))
	case semSetVal:
		if e := one(true); e != 0 {
			return fail(e)
		}
		v := int(int32(arg))
		if v < 0 || v > semVMX {
			return fail(abi.ERANGE)
		}
		m.semSetValues(t, s, num, []int{v})
		return ok(0)
	case semGetAll:
		if !s.permits(false) {
			return fail(abi.EACCES)
		}
		b := make([]byte, 2*len(s.vals))
		for i, v := range s.vals {
			le.PutUint16(b[2*i:], uint16(v))
		}
		if mem.Write(arg, b) != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	case semSetAll:
		if !s.permits(true) {
			return fail(abi.EACCES)
		}
		b := make([]byte, 2*len(s.vals))
		if mem.Read(arg, b) != nil {
			return fail(abi.EFAULT)
		}
		vals := make([]int, len(s.vals))
		for i := range vals {
			if vals[i] = int(le.Uint16(b[2*i:])); vals[i] > semVMX {
				return fail(abi.ERANGE)
			}
		}
		m.semSetValues(t, s, 0, vals)
		return ok(0)
	case ipcStat:
		if !s.permits(false) {
			return fail(abi.EACCES)
		}
		b := make([]byte, semidDsSize)
		putPerm(b, s.ipcPerm, s.id/seqMultiplier)
		le.PutUint64(b[semOtimeOff:], uint64(s.otime))
		le.PutUint64(b[semCtimeOff:], uint64(s.ctime))
		le.PutUint64(b[semNsemsOff:], uint64(len(s.vals)))
		if mem.Write(arg, b) != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	case ipcSet:
		if errno := getPerm(t, arg, &s.ipcPerm); errno != 0 {
			return fail(errno)
		}
		s.ctime, _ = m.seconds()
		return ok(0)
	case ipcRmid:
		m.semRemove(t, s)
		return ok(0)
	}
	return fail(abi.EINVAL)
}
