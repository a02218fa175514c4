package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// wait looks for a terminated child of t's process matching pid (> 0: that
// child; -1, 0 or < -1: any child), reaps it and returns its pid and
// status. With WNOHANG it returns 0 when children exist but none has
// terminated; otherwise t sleeps until a child exits. ECHILD when there is
// no such child. With WUNTRACED (WCONTINUED) a child stopped (continued)
// since last asked is reported, not reaped. Any thread may reap any child of its process, as on Linux.
func (m *Machine) wait(t *Thread, pid int, statusAddr uint64, options int) sysret {
	p := t.proc
	if options&^(abi.WNOHANG|abi.WUNTRACED|abi.WCONTINUED) != 0 {
		return fail(abi.EINVAL)
	}
	found := false
	for _, c := range p.children {
		if pid > 0 && c.PID != pid {
			continue
		}
		found = true
		if c.State() != StateTerminated {
			if r := c.waitReport; r != 0 && c.State() != StateTerminated &&
				(r == abi.ContinuedStatus && options&abi.WCONTINUED != 0 || r != abi.ContinuedStatus && options&abi.WUNTRACED != 0) {
				if statusAddr != 0 {
					if err := p.mem.WriteU32(statusAddr, uint32(r)); err != nil {
						return fail(abi.EFAULT)
					}
				}
				c.waitReport = 0
				return ok(int64(c.PID))
			}
			continue
		}
		if statusAddr != 0 {
			if err := p.mem.WriteU32(statusAddr, uint32(c.Status)); err != nil {
				return fail(abi.EFAULT)
			}
		}
		m.reap(p, t, c)
		return ok(int64(c.PID))
	}
	if !found {
		return fail(abi.ECHILD)
	}
	if options&abi.WNOHANG != 0 {
		return ok(0)
	}
	cause := msg.New(msg.WaitAnyChild)
	if pid > 0 {
		cause = msg.New(msg.WaitChild, msg.Int("pid", pid))
	}
	p.childExit.Sleep(t, cause)
	m.lendTickets(t, pid)
	return blocked()
}
