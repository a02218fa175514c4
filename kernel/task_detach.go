package kernel

import "osplay/kernel/abi"

// detach marks thread tid of t's process as one no thread will join, as
// pthread_detach: its TCB and its stack are freed as it exits (at once if
// it has already ended). EINVAL when it is already detached or a thread
// is joining it, ESRCH when the process has no such thread.
func (m *Machine) detach(t *Thread, tid int) sysret {
	target := m.thread(tid)
	switch {
	case target == nil || target.proc != t.proc:
		return fail(abi.ESRCH)
	case target.detached || target.joiner != nil:
		return fail(abi.EINVAL)
	}
	target.detached = true
	if t.proc.detached == nil {
		t.proc.detached = map[int]bool{}
	}
	t.proc.detached[tid] = true
	if !target.live() {
		m.forgetThread(target)
	}
	return ok(0)
}
