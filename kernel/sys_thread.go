package kernel

import "osplay/kernel/sched"

// Thread system calls: create, exit, join, self, and the futex calls the
// locks of <pthread.h> are built on.

func sysClone(m *Machine, t *Thread, a []uint64) sysret {
	return m.clone(t, a[0], []uint64{a[1], a[2]}, a[3])
}

func sysThreadExit(m *Machine, t *Thread, a []uint64) sysret { return m.threadExit(t, a[0]) }

func sysThreadJoin(m *Machine, t *Thread, a []uint64) sysret {
	return m.join(t, int(int32(a[0])), a[1])
}

func sysThreadDetach(m *Machine, t *Thread, a []uint64) sysret {
	return m.detach(t, int(int32(a[0])))
}

func sysGettid(m *Machine, t *Thread, a []uint64) sysret { return ok(int64(t.TID)) }

func sysCAS(m *Machine, t *Thread, a []uint64) sysret {
	return m.cas(t, a[0], uint32(a[1]), uint32(a[2]))
}

func sysFutexWait(m *Machine, t *Thread, a []uint64) sysret {
	return m.futexWait(t, a[0], uint32(a[1]), int(int32(a[2])))
}

func sysFutexWake(m *Machine, t *Thread, a []uint64) sysret {
	return m.futexWake(t, a[0], int(int32(a[1])))
}

func sysFutexTimedWait(m *Machine, t *Thread, a []uint64) sysret {
	var deadline int64 = sched.Forever
	if a[3] != 0 {
		d, errno := m.realtimeTick(t.proc, a[3])
		if errno != 0 {
			return fail(errno)
		}
		deadline = d
	}
	return m.futexWaitUntil(t, a[0], uint32(a[1]), int(int32(a[2])), deadline)
}
