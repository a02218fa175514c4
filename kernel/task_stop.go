package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// stop stops every thread of p for sig (SIGSTOP's default action): a ready
// thread leaves the ready queue, a running one leaves its CPU when it next
// enters the kernel or its CPU's next turn comes, a waiting one stops now
// (unless it waits for an I/O: then once the I/O is done). The parent learns it from SIGCHLD (unless it asked not
// to, SA_NOCLDSTOP) and from waitpid with WUNTRACED.
func (m *Machine) stop(p *Process, sig int) {
	if p.stopped {
		return
	}
	p.stopped, p.stopSig = true, sig
	cause := causeStopped(sig)
	for _, t := range p.liveThreads() {
		switch {
		case t.State == StateReady:
			m.policy.Remove(&t.task)
			m.setState(t, StateStopped, cause)
		case t.State == StateWaiting && t.waiter.interruptible:
			// Woken to stop, as Linux's: its call starts over once the
			// process is continued (a sleep keeps its deadline).
			m.wake(t, wokeSignal, cause)
		}
	}
	p.waitReport = abi.StopStatus(sig)
	m.notifyParent(p, abi.CLD_STOPPED, sig)
}

// stopRunning takes the running thread t of a stopped process off its CPU.
func (m *Machine) stopRunning(t *Thread) {
	m.leaveCPU(t)
	m.setState(t, StateStopped, causeStopped(t.proc.stopSig))
}

// cont continues the stopped process p (SIGCONT): its stopped threads are
// ready again.
func (m *Machine) cont(p *Process) {
	if !p.stopped {
		return
	}
	p.stopped = false
	for _, t := range p.liveThreads() {
		if t.State == StateStopped {
			m.makeReady(t, causeContinued, sched.Woken)
		}
	}
	p.waitReport = abi.ContinuedStatus
	m.notifyParent(p, abi.CLD_CONTINUED, abi.SIGCONT)
}

// notifyParent tells c's parent that c exited, was killed, stopped or
// continued (code CLD_*, status the exit code or the signal): it sends
// SIGCHLD, unless it is about a stop or continue and the parent's action
// says SA_NOCLDSTOP, and wakes the parent's threads in waitpid. The
// signal is drawn as an event only when the parent does not discard it,
// so that programs that never look at SIGCHLD keep their events.
func (m *Machine) notifyParent(c *Process, code, status int) {
	parent := c.parent
	if parent == nil || parent.IsInit() {
		return
	}
	act := parent.action(abi.SIGCHLD)
	stopCont := code == abi.CLD_STOPPED || code == abi.CLD_CONTINUED
	if !(stopCont && act.flags&abi.SA_NOCLDSTOP != 0) && !m.discarded(parent, nil, abi.SIGCHLD) {
		m.emit(Event{PID: c.PID, TID: c.PID, Kind: KindSignal, Other: parent.PID, Signal: abi.SIGCHLD})
		m.post(nil, parent, nil, abi.SIGCHLD, sigInfo{code: code, pid: c.PID, status: status})
	}
	if stopCont {
		cause := causeChildContinued(c.PID)
		if code == abi.CLD_STOPPED {
			cause = causeChildStopped(c.PID)
		}
		parent.childExit.WakeAll(cause)
	}
}

// autoReaps reports whether p's children are reaped as they exit, never
// becoming zombies: p ignores SIGCHLD explicitly or set SA_NOCLDWAIT.
func (p *Process) autoReaps() bool {
	act := p.action(abi.SIGCHLD)
	return act.handler == sigIGN || act.flags&abi.SA_NOCLDWAIT != 0
}
