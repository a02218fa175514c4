package kernel

import (
	"sort"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// System V semaphores: semget, semop (semtimedop), semctl. A set of
// semaphores belongs to the machine, as a segment or a message queue
// does. semop applies all its operations at once or none: a thread whose
// operations cannot all be done now sleeps on the wait queue of the
// semaphore that stopped it (its value too low for a decrease, or not
// zero for a wait-for-zero), so the views show who waits for which
// semaphore; any change of a semaphore wakes its queue and the sleepers
// try again. SEM_UNDO keeps, per process, the opposite of what it did,
// applied when it exits. IPC_RMID wakes every sleeper: EIDRM.

// Linux's limits and numbers.
const (
	semMSL = 32000 // SEMMSL: semaphores in a set
	semOPM = 500   // SEMOPM: operations in one semop
	semVMX = 32767 // SEMVMX: the largest value
	// semMNI bounds the sets of a machine (Linux allows 32000) and
	// semMachineMax the semaphores of all of them, so that sets cannot
	// fill the server's memory.
	semMNI        = 128
	semMachineMax = 1 << 16

	semUndo = 0x1000 // SEM_UNDO in sem_flg

	semGetPID  = 11
	semGetVal  = 12
	semGetAll  = 13
	semGetNCnt = 14
	semGetZCnt = 15
	semSetVal  = 16
	semSetAll  = 17
)

// semSet is one System V semaphore set.
type semSet struct {
	ipcPerm
	id           int
	vals         []int // semval of each semaphore
	pids         []int // sempid: the last process to operate on each
	otime, ctime int64
	queues       map[int]*WaitQueue // by semaphore: its sleepers (made on first use)
	ledgers      map[int]*ipcLedger // by semaphore: the posts whose units are in it, for the events
	seq          int64              // the posts of its semaphores, numbered together
}

// semSpace is the machine's part of System V semaphores.
type semSpace struct {
	sets    map[int]*semSet       // by id
	gone    map[int]int           // by slot: the id of the last set removed from it
	total   int                   // semaphores in all the sets
	undo    map[int]map[int][]int // by pid, by set id: SEM_UNDO's adjustments
	blocked map[int]semBlock      // by tid: what stops a sleeping semop
}

// semBlock is the operation a sleeping semop waits to do, for GETNCNT
// and GETZCNT.
type semBlock struct {
	id, num int
	zero    bool
}

// sembuf is one operation of semop.
type sembuf struct {
	num  int
	op   int
	flag int
}

// queue returns the wait queue of semaphore num of s.
func (m *Machine) semQueue(s *semSet, num int) *WaitQueue {
	q := s.queues[num]
	if q == nil {
		if s.queues == nil {
			s.queues = map[int]*WaitQueue{}
		}
		q = &WaitQueue{}
		q.init(m, WaitObject{Kind: WaitSemSet, ID: uint64(s.id), Index: num})
		s.queues[num] = q
	}
	q.Object.Value = int64(s.vals[num])
	return q
}

// semGet is semget: the set with key (a new one of nsems semaphores, all
// 0, for IPC_PRIVATE or with IPC_CREAT). EINVAL for a size out of range
// or larger than an existing set's, ENOENT, EEXIST, EACCES as msgget,
// ENOSPC past the machine's sets or semaphores.
func (m *Machine) semGet(key int32, nsems, flag int) sysret {
	ns := &m.ipc.sem
	if nsems < 0 || nsems > semMSL {
		return fail(abi.EINVAL)
	}
	if key != 0 {
		if s := ns.byKey(key); s != nil {
			switch {
			case flag&ipcCreat != 0 && flag&ipcExcl != 0:
				return fail(abi.EEXIST)
			case nsems > len(s.vals):
				return fail(abi.EINVAL)
			case flag&ipcPerms&^int(s.mode&ipcPerms) != 0:
				return fail(abi.EACCES)
			}
			return ok(int64(s.id))
		}
		if flag&ipcCreat == 0 {
			return fail(abi.ENOENT)
		}
	}
	if nsems == 0 {
		return fail(abi.EINVAL)
	}
	if len(ns.sets) >= semMNI || ns.total+nsems > semMachineMax {
		return fail(ENOSPC)
	}
	if ns.sets == nil {
		ns.sets = map[int]*semSet{}
	}
	sec, _ := m.seconds()
	slot := slotFree(ns.sets)
	s := &semSet{
		ipcPerm: ipcPerm{key: key, uid: fs.StudentUID, gid: fs.StudentUID, mode: uint32(flag) & ipcPerms, slot: slot},
		id:      m.ipc.newID(slot), vals: make([]int, nsems), pids: make([]int, nsems), ctime: sec,
	}
	ns.sets[s.id] = s
	ns.total += nsems
	return ok(int64(s.id))
}

func (ns *semSpace) byKey(key int32) *semSet {
	for _, s := range ns.sets {
		if s.key == key {
			return s
		}
	}
	return nil
}

// semSetOf finds set id for a call of t: EINVAL when there is none, EIDRM
// when it was removed while t slept on it.
func (m *Machine) semSetOf(t *Thread, id int) (*semSet, int) {
	ns := &m.ipc.sem
	if s := ns.sets[id]; s != nil && id >= 0 {
		return s, 0
	}
	if gone, was := ns.gone[id%seqMultiplier]; was && gone == id && t.waiter.woke != notWoken {
		return nil, EIDRM
	}
	return nil, abi.EINVAL
}

// semOps is semop (semtimedop with a relative timeout d in ticks, or
// sched.Forever): every operation at once, or a sleep until they can be
// done (EAGAIN for IPC_NOWAIT or at the timeout, EINTR for a signal).
func (m *Machine) semOps(t *Thread, id int, ops []sembuf, d int64) sysret {
	ns := &m.ipc.sem
	delete(ns.blocked, t.TID)
	s, errno := m.semSetOf(t, id)
	switch {
	case errno != 0:
		return fail(errno)
	case t.waiter.woke == wokeSignal:
		return fail(abi.EINTR)
	case t.waiter.woke == wokeTimeout:
		return fail(abi.EAGAIN)
	}
	alter := false
	for _, o := range ops {
		if o.num >= len(s.vals) {
			return fail(EFBIG)
		}
		alter = alter || o.op != 0
	}
	if !s.permits(alter) {
		return fail(abi.EACCES)
	}
	vals := append([]int(nil), s.vals...)
	for _, o := range ops {
		v := vals[o.num] + o.op
		switch {
		case o.op == 0 && vals[o.num] != 0, v < 0:
			return m.semWait(t, s, o, d)
		case v > semVMX:
			return fail(abi.ERANGE)
		}
		vals[o.num] = v
	}
	// Every operation can be done: do them all.
	for _, o := range ops {
		if o.flag&semUndo != 0 && o.op != 0 {
			adj := ns.undoOf(t.proc.PID, s)
			adj[o.num] -= o.op
		}
		s.pids[o.num] = t.proc.PID
	}
	changed := map[int]bool{}
	for i := range vals {
		if vals[i] != s.vals[i] {
			changed[i] = true
		}
	}
	m.semDone(t, s, ops, s.vals)
	copy(s.vals, vals)
	s.otime, _ = m.seconds()
	m.semWake(t, s, changed)
	return ok(0)
}

// semWait puts t to sleep on the semaphore operation o waits for.
func (m *Machine) semWait(t *Thread, s *semSet, o sembuf, d int64) sysret {
	if o.flag&ipcNowait != 0 {
		return fail(abi.EAGAIN)
	}
	deadline := int64(sched.Forever)
	if d < sched.Forever {
		if t.waiter.woke == notWoken { // the call's first try: the timeout starts now
			deadline = m.t + d
		} else {
			deadline = t.waiter.deadline
		}
		if deadline <= m.t {
			return fail(abi.EAGAIN)
		}
	}
	ns := &m.ipc.sem
	if ns.blocked == nil {
		ns.blocked = map[int]semBlock{}
	}
	ns.blocked[t.TID] = semBlock{id: s.id, num: o.num, zero: o.op == 0}
	q := m.semQueue(s, o.num)
	why := msg.New(msg.WaitSemZero, msg.Name("call", "semop"), msg.Sub("obj", q.Object.Text()))
	if o.op < 0 {
		why = msg.New(msg.WaitSemDecrease, msg.Name("call", "semop"), msg.Sub("obj", q.Object.Text()), msg.Int("n", int64(-o.op)))
	}
	q.SleepUntil(t, deadline, why)
	return blocked()
}

// semWake wakes the sleepers of the semaphores of s that changed (by
// thread t; nil for an exiting process's undo).
func (m *Machine) semWake(t *Thread, s *semSet, changed map[int]bool) {
	nums := make([]int, 0, len(changed))
	for n := range changed {
		if s.queues[n] != nil {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	tid := 0
	if t != nil {
		tid = t.TID
	}
	for _, n := range nums {
		q := m.semQueue(s, n)
		if q.Len() > 0 {
			q.WakeAll(msg.New(msg.WokeSemop, msg.Sub("obj", q.Object.Text()), msg.Int("tid", int64(tid))))
		}
	}
}

// undoOf returns pid's SEM_UNDO adjustments for s.
func (ns *semSpace) undoOf(pid int, s *semSet) []int {
	if ns.undo == nil {
		ns.undo = map[int]map[int][]int{}
	}
	byID := ns.undo[pid]
	if byID == nil {
		byID = map[int][]int{}
		ns.undo[pid] = byID
	}
	adj := byID[s.id]
	if adj == nil {
		adj = make([]int, len(s.vals))
		byID[s.id] = adj
	}
	return adj
}

// semCounts is GETNCNT (zero false) or GETZCNT (zero true) of semaphore
// num: the threads sleeping to decrease it, or for it to be zero.
func (m *Machine) semCounts(s *semSet, num int, zero bool) int {
	q := s.queues[num]
	if q == nil {
		return 0
	}
	n := 0
	for _, tid := range q.Waiters() {
		if b, ok := m.ipc.sem.blocked[tid]; ok && b.id == s.id && b.num == num && b.zero == zero {
			n++
		}
	}
	return n
}

// semSetValues is SETVAL and SETALL: the new values, every process's
// undo adjustments of them cleared, their sleepers woken.
func (m *Machine) semSetValues(t *Thread, s *semSet, first int, vals []int) {
	changed := map[int]bool{}
	for i, v := range vals {
		n := first + i
		s.vals[n] = v
		s.pids[n] = t.proc.PID
		s.semSetLedger(n, v)
		changed[n] = true
		for _, byID := range m.ipc.sem.undo {
			if adj := byID[s.id]; adj != nil {
				adj[n] = 0
			}
		}
	}
	s.ctime, _ = m.seconds()
	m.semWake(t, s, changed)
}

// semRemove is IPC_RMID: the set goes, and its sleepers wake to EIDRM.
func (m *Machine) semRemove(t *Thread, s *semSet) {
	ns := &m.ipc.sem
	delete(ns.sets, s.id)
	if ns.gone == nil {
		ns.gone = map[int]int{}
	}
	ns.gone[s.slot] = s.id
	ns.total -= len(s.vals)
	for _, byID := range ns.undo {
		delete(byID, s.id)
	}
	nums := make([]int, 0, len(s.queues))
	for n := range s.queues {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		q := s.queues[n]
		q.WakeAll(msg.New(msg.WokeMsgRemoved, msg.Sub("obj", q.Object.Text()), msg.Int("tid", int64(t.TID))))
	}
}

// semExit applies the SEM_UNDO adjustments of exiting process p, each
// value kept within 0 and SEMVMX as Linux does, and wakes the sleepers.
func (m *Machine) semExit(p *Process) {
	ns := &m.ipc.sem
	byID := ns.undo[p.PID]
	if byID == nil {
		return
	}
	delete(ns.undo, p.PID)
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		s := ns.sets[id]
		if s == nil {
			continue
		}
		changed := map[int]bool{}
		for n, adj := range byID[id] {
			if adj == 0 {
				continue
			}
			s.vals[n] = min(max(s.vals[n]+adj, 0), semVMX)
			s.pids[n] = p.PID
			s.semSetLedger(n, s.vals[n])
			changed[n] = true
		}
		s.otime, _ = m.seconds()
		m.semWake(nil, s, changed)
	}
}

// semWaitQueues gives add the wait queues of every set's semaphores, sets
// in slot order, semaphores in order.
func (ns *semSpace) waitQueues(add func(*WaitQueue)) {
	sets := make([]*semSet, 0, len(ns.sets))
	for _, s := range ns.sets {
		sets = append(sets, s)
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].slot < sets[j].slot })
	for _, s := range sets {
		nums := make([]int, 0, len(s.queues))
		for n := range s.queues {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		for _, n := range nums {
			add(s.queues[n])
		}
	}
}
