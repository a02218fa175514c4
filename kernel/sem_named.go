package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/sched"
)

// Named semaphores: POSIX's sem_open, sem_close, sem_unlink. A named
// semaphore lives in the kernel, in a per-machine namespace of names, so
// any process that opens the name — a parent and its forked child, two
// programs — shares it without shared memory. The C library's sem_t for
// it holds the semaphore's id; every operation is a system call.
//
// An unlinked semaphore stays usable by the processes that have it open,
// as a file does; its id is never reused.
type namedSem struct {
	id       int
	name     string
	value    int64
	opens    int  // opens not yet closed
	unlinked bool // its name is gone
	queue    WaitQueue
	ledger   ipcLedger // its posts not yet taken, to match the waits to (ipc_event.go)
}

// The operations of __osplay_sem_op.
const (
	semWait = iota
	semTryWait
	semPost
	semGetValue
	semClose
)

// semOpen opens the semaphore called name, creating it with value when
// oflag has O_CREAT and it does not exist: EEXIST with O_CREAT|O_EXCL if it
// does, ENOENT without O_CREAT if it does not. It returns its id.
func (m *Machine) semOpen(t *Thread, name string, oflag int, value uint32) sysret {
	if name == "" || len(name) > 251 {
		return fail(abi.EINVAL)
	}
	s := m.semNames[name]
	switch {
	case s != nil && oflag&fs.O_CREAT != 0 && oflag&fs.O_EXCL != 0:
		return fail(abi.EEXIST)
	case s == nil && oflag&fs.O_CREAT == 0:
		return fail(abi.ENOENT)
	case s == nil && value > 0x7fffffff: // SEM_VALUE_MAX
		return fail(abi.EINVAL)
	case s == nil:
		s = &namedSem{id: len(m.sems), name: name, value: int64(value)}
		s.queue.init(m, WaitObject{Kind: WaitSemaphore, ID: uint64(s.id), Name: name})
		m.sems = append(m.sems, s)
		if m.semNames == nil {
			m.semNames = map[string]*namedSem{}
		}
		m.semNames[name] = s
		if value > 0 { // the units it is made with, taken before any post's
			s.ledger.pending = []IPCMatch{{Bytes: int64(value)}}
		}
		m.ipcLife(t, s.ref(), OpCreate)
	}
	s.opens++
	return ok(int64(s.id))
}

// semUnlink removes name from the namespace: ENOENT if there is none.
func (m *Machine) semUnlink(name string) sysret {
	s := m.semNames[name]
	if s == nil {
		return fail(abi.ENOENT)
	}
	delete(m.semNames, name)
	s.unlinked = true
	m.ipcLife(nil, s.ref(), OpUnlink)
	return ok(0)
}

// semOp carries out op on named semaphore id for t. A wait sleeps on the
// semaphore's queue while its value is 0, until deadline (a tick, or
// sched.Forever): ETIMEDOUT then; a trywait fails with EAGAIN instead.
func (m *Machine) semOp(t *Thread, id, op int, deadline int64) sysret {
	if id < 0 || id >= len(m.sems) {
		return fail(abi.EINVAL)
	}
	s := m.sems[id]
	switch op {
	case semWait, semTryWait:
		if s.value > 0 {
			s.value--
			m.semTaken(t, s)
			return ok(0)
		}
		switch {
		case op == semTryWait:
			return fail(abi.EAGAIN)
		case t.waiter.woke == wokeTimeout || deadline <= m.t:
			return fail(ETIMEDOUT)
		}
		s.queue.Object.Value = s.value
		s.queue.SleepUntil(t, deadline, msg.New(msg.WaitSem, msg.Sub("obj", s.queue.Object.Text())))
		return blocked()
	case semPost:
		if s.value == 0x7fffffff {
			return fail(EOVERFLOW)
		}
		s.value++
		m.semPosted(t, s)
		s.queue.WakeOne(msg.New(msg.WokeSemNamed, msg.Name("name", s.name), msg.Int("tid", t.TID)))
		return ok(0)
	case semGetValue:
		return ok(s.value)
	case semClose:
		// A forked child shares its parent's opens (its sem_t is a copy),
		// so the count may reach 0 while a process still uses the
		// semaphore: it is kept, as the id stays valid.
		s.opens = max(s.opens-1, 0)
		return ok(0)
	}
	return fail(abi.EINVAL)
}

func sysSemOpen(m *Machine, t *Thread, a []uint64) sysret {
	name, err := t.proc.mem.ReadCString(a[0], fs.PathMax)
	if err != nil {
		return fail(abi.EFAULT)
	}
	return m.semOpen(t, name, int(int32(a[1])), uint32(a[2]))
}

func sysSemUnlink(m *Machine, t *Thread, a []uint64) sysret {
	name, err := t.proc.mem.ReadCString(a[0], fs.PathMax)
	if err != nil {
		return fail(abi.EFAULT)
	}
	return m.semUnlink(name)
}

func sysSemOp(m *Machine, t *Thread, a []uint64) sysret {
	var deadline int64 = sched.Forever
	if a[2] != 0 {
		d, errno := m.realtimeTick(t.proc, a[2])
		if errno != 0 {
			return fail(errno)
		}
		deadline = d
	}
	return m.semOp(t, int(int32(a[0])), int(int32(a[1])), deadline)
}
