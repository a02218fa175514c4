package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
)

// join waits until thread tid of t's process has ended, stores its exit
// value at valueAddr (unless 0) and frees what is left of it, as
// pthread_join: ESRCH when the process has no such thread, EDEADLK when
// it is t itself or is joining t, EINVAL when another thread joins it or
// it is detached.
func (m *Machine) join(t *Thread, tid int, valueAddr uint64) sysret {
	p := t.proc
	target := m.thread(tid)
	switch {
	case p.detached[tid]:
		return fail(abi.EINVAL) // glibc's answer while the thread's memory is still there
	case target == nil || target.proc != p:
		return fail(abi.ESRCH)
	case target == t || target.waiter.queue == &t.exited:
		return fail(EDEADLK) // itself, or a thread that is joining it
	case target.detached || target.joiner != nil && target.joiner != t:
		return fail(abi.EINVAL)
	}
	target.joiner = t
	if target.live() {
		target.exited.Sleep(t, msg.New(msg.WaitJoin, msg.Int("tid", tid)))
		m.detectDeadlock(t)
		return blocked()
	}
	if valueAddr != 0 {
		if err := p.mem.WriteU64(valueAddr, target.retval); err != nil {
			target.joiner = nil
			return fail(abi.EFAULT)
		}
	}
	m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindJoin, Other: tid, Result: int64(target.retval)})
	m.forgetThread(target)
	return ok(0)
}

// forgetThread frees the TCB and the stack of the ended thread t, once
// joined. The main thread's TCB stays as long as its process.
func (m *Machine) forgetThread(t *Thread) {
	p := t.proc
	if t.isMain() {
		return
	}
	for i, o := range p.threads {
		if o == t {
			p.threads = append(p.threads[:i:i], p.threads[i+1:]...)
			break
		}
	}
	delete(m.byTID, t.TID)
	p.gone += t.task.Total
	p.mem.Unmap(t.stack)
	p.stacks[t.slot] = false
}
