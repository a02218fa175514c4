package kernel

import (
	"sort"
	"strconv"
)

// System V semaphore sets (sem_sysv.go) as IPC objects: each semaphore's
// value and the process that operated on it last, and the threads that
// wait on it.

// IPCSemSet is a System V semaphore set.
const IPCSemSet IPCKind = "semset"

func init() { registerIPCKind((*Machine).semSetObjects) }

// semSetObjects lists the semaphore sets, in slot order.
func (m *Machine) semSetObjects() []IPCObject {
	if len(m.ipc.sem.sets) == 0 {
		return nil
	}
	sets := make([]*semSet, 0, len(m.ipc.sem.sets))
	for _, s := range m.ipc.sem.sets {
		sets = append(sets, s)
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].slot < sets[j].slot })
	out := make([]IPCObject, 0, len(sets))
	for _, s := range sets {
		o := object(IPCRef{Kind: IPCSemSet, ID: int64(s.id), Name: ipcKeyName(s.key)}, IPCField{Key: "nsems", Value: int64(len(s.vals))})
		for i, v := range s.vals {
			if i == ipcItemsMax {
				o.More = len(s.vals) - i
				break
			}
			name := "sem " + strconv.Itoa(i)
			o.Fields = append(o.Fields, IPCField{Key: name, Value: int64(v)})
			if q := s.queues[i]; q != nil {
				o.Queues = append(o.Queues, queue(name, q)...)
			}
		}
		out = append(out, o)
	}
	return out
}

// The operations of semop as events: an increase is a sem_post of as many
// units as it adds, numbered in its set; a decrease a sem_wait that names
// the increases whose units it took, oldest first (none for units a
// SETVAL or SETALL put there). A wait for zero takes nothing and is no
// event. IPCOp.Num is the semaphore's number in its set.

// semLedger is the ledger of semaphore num of s, made on first use. The
// set numbers its posts across its semaphores, so that a post's number
// names it in the set.
func (s *semSet) semLedger(num int) *ipcLedger {
	if s.ledgers == nil {
		s.ledgers = map[int]*ipcLedger{}
	}
	l := s.ledgers[num]
	if l == nil {
		l = &ipcLedger{}
		s.ledgers[num] = l
	}
	return l
}

// semDone reports the operations of a semop by t that has just been done,
// in their order; vals are the values before it, which it brings up to
// date operation by operation.
func (m *Machine) semDone(t *Thread, s *semSet, ops []sembuf, vals []int) {
	for _, o := range ops {
		if o.op == 0 {
			continue
		}
		vals[o.num] += o.op
		l := s.semLedger(o.num)
		if o.op > 0 {
			l.seq = s.seq
			s.seq = l.wrote(t.proc.PID, t.TID, int64(o.op))
			m.emitIPC(t, KindTransfer, IPCOp{Obj: s.ref(), Op: OpSemPost, Num: o.num, Seq: s.seq, Bytes: int64(o.op), Type: int64(vals[o.num])})
			continue
		}
		var matched []IPCMatch
		for _, mt := range l.took(int64(-o.op)) {
			if mt.Seq != 0 { // not units of a value set by SETVAL
				matched = append(matched, mt)
			}
		}
		m.emitIPC(t, KindTransfer, IPCOp{Obj: s.ref(), Op: OpSemWait, Num: o.num, Bytes: int64(-o.op), Type: int64(vals[o.num]), Matched: matched})
	}
}

// semSetLedger forgets what the posts of semaphore num left in it: its
// value v was set (SETVAL, SETALL, an exit's undo), and a wait taking its
// units names no post.
func (s *semSet) semSetLedger(num, v int) {
	l := s.semLedger(num)
	l.pending = nil
	if v > 0 {
		l.pending = []IPCMatch{{Bytes: int64(v)}}
	}
}

// ref names the set for the views.
func (s *semSet) ref() IPCRef {
	return IPCRef{Kind: IPCSemSet, ID: int64(s.id), Name: ipcKeyName(s.key)}
}
