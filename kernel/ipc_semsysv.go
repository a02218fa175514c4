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
