package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
)

// threadExit ends the running thread t with value, the value a join
// takes. Its process goes on; t stays, terminated, until a thread joins it
// (its stack is freed then), unless it is detached: then it is freed now. The last thread to exit ends the process
// with status 0, as on Linux.
func (m *Machine) threadExit(t *Thread, value uint64) sysret {
	p := t.proc
	if len(p.liveThreads()) == 1 {
		m.exit(p, t, abi.ExitStatus(0), msg.New(msg.ExitLastThread))
		return gone()
	}
	t.retval = value
	t.inSyscall = false
	t.Ended = m.t
	m.setState(t, StateTerminated, msg.New(msg.PthreadExit))
	m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindThreadExit, Result: int64(value)})
	m.leaveCPU(t)
	t.ctx = nil
	m.modelThreadExited(t)
	t.exited.WakeAll(msg.New(msg.WokeThreadExit, msg.Int("tid", t.TID)))
	if t.detached {
		m.forgetThread(t)
	}
	return gone()
}
