package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
)

// procRecordSize is sizeof(struct __osplay_proc) of <osplay.h>:
// { int pid; int ppid; int state; int pad; long ticks; char name[64]; }.
const procRecordSize = 88

// sysProcs is int __osplay_procs(struct __osplay_proc *buf, int max): a
// ps snapshot, one record per process (init and zombies included) in pid
// order, at most max of them. It returns how many processes there are,
// which may be more than max.
func sysProcs(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	buf, max := a[0], int(int32(a[1]))
	if max < 0 {
		return fail(abi.EINVAL)
	}
	le := binary.LittleEndian
	for i, q := range m.procs {
		if i == max {
			break
		}
		var b [procRecordSize]byte
		le.PutUint32(b[0:], uint32(q.PID))
		le.PutUint32(b[4:], uint32(q.PPID))
		le.PutUint32(b[8:], uint32(q.State().Letter()))
		le.PutUint64(b[16:], uint64(q.CPUTicks()))
		copy(b[24:24+63], q.Name)
		if err := p.mem.Write(buf+uint64(i*procRecordSize), b[:]); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(int64(len(m.procs)))
}
