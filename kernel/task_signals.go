package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// kill sends sig to the processes pid names, as kill(2): pid > 0 that
// process, 0 the sender's process group, -1 every process but init and the
// sender, < -1 the group -pid. Signal 0 only checks that they exist. from
// is the sending thread, nil for the user.
func (m *Machine) kill(from *Thread, pid, sig int) sysret {
	if sig < 0 || sig >= 65 {
		return fail(abi.EINVAL)
	}
	var sender *Process
	if from != nil {
		sender = from.proc
	}
	targets := m.killTargets(sender, pid)
	if len(targets) == 0 {
		return fail(abi.ESRCH)
	}
	for _, q := range targets {
		m.signal(from, q, sig)
	}
	return ok(0)
}

// killTargets lists the processes kill's pid names, as kill(2) reads it;
// from is the sender's process, nil for the user.
func (m *Machine) killTargets(from *Process, pid int) []*Process {
	var targets []*Process
	for _, q := range m.procs {
		switch {
		case pid > 0 && q.PID == pid,
			pid == 0 && from != nil && q.PGID == from.PGID && !q.IsInit(),
			pid == -1 && !q.IsInit() && q != from,
			pid < -1 && q.PGID == -pid:
			targets = append(targets, q)
		}
	}
	return targets
}

// signal sends sig to the process q, as kill(2) does: from is the sending
// thread, nil for the user.
func (m *Machine) signal(from *Thread, q *Process, sig int) {
	e := Event{Kind: KindSignal, Other: q.PID, Signal: sig}
	info := sigInfo{code: abi.SI_USER}
	if from != nil {
		e.PID, e.TID = from.proc.PID, from.TID
		info.pid = from.proc.PID
	}
	m.emit(e)
	m.post(from, q, nil, sig, info)
}

// post makes sig pending for the process q (to, when it is sent to one of
// its threads alone) and sees to its being acted on, as Linux's
// send_signal and complete_signal. A signal its process ignores is
// discarded at once, unless a thread blocks it (the action may change
// before it is unblocked). A fatal signal with its default action, that a
// thread does not block, ends the process without waiting for delivery:
// one with a running thread (or sent by one of its threads) when that
// thread next enters the kernel or its CPU's next turn comes, any other at
// once. A stop signal stops it, SIGCONT continues it. A signal with a
// handler interrupts the wait of the thread that will run it. init ignores
// every signal.
func (m *Machine) post(from *Thread, q *Process, to *Thread, sig int, info sigInfo) {
	if sig == 0 || q.IsInit() || q.State() == StateTerminated {
		return
	}
	switch {
	case sig == abi.SIGKILL:
		m.kill9(from, q)
		return
	case sig == abi.SIGCONT:
		m.cont(q)
		q.sigPending &^= stopSignals
		for _, t := range q.threads {
			t.sigPending &^= stopSignals
		}
	case defaultActionOf(sig) == actStop:
		q.sigPending &^= sigBit(abi.SIGCONT)
		for _, t := range q.threads {
			t.sigPending &^= sigBit(abi.SIGCONT)
		}
	}
	if m.discarded(q, to, sig) {
		return
	}
	if to != nil {
		enqueue(&to.sigPending, &to.sigInfo, &to.rtQueue, sig, info)
	} else {
		enqueue(&q.sigPending, &q.sigInfo, &q.rtQueue, sig, info)
	}
	t := to
	if t == nil {
		t = q.taker(sig)
	}
	if t == nil || !t.live() {
		return // every thread blocks it: it stays pending
	}
	if t.sigWait.has(sig) {
		if t.State.blocked() {
			m.wake(t, wokeSignal, causeSigwaitCame(sig))
		}
		return
	}
	if t.sigMask.has(sig) {
		return
	}
	act := q.action(sig)
	switch {
	case act.handler == sigDFL && fatal(sig):
		t.takeSignal(sig)
		if q.State() == StateRunning || from != nil && q == from.proc {
			if q.killSig == 0 {
				q.killSig = sig
			}
			return
		}
		m.die(q, nil, sig)
	case act.handler == sigDFL && defaultActionOf(sig) == actStop:
		t.takeSignal(sig)
		m.stop(q, sig)
	case act.handler > sigIGN && t.State.blocked() && t.waiter.interruptible:
		m.wake(t, wokeSignal, causeInterrupted(sig))
	}
}

// stopSignals are the signals whose default action stops a process.
const stopSignals = sigSet(1<<(abi.SIGSTOP-1) | 1<<(abi.SIGTSTP-1) | 1<<(abi.SIGTTIN-1) | 1<<(abi.SIGTTOU-1))

// kill9 acts on SIGKILL, which nothing blocks, catches or ignores.
func (m *Machine) kill9(from *Thread, q *Process) {
	if q.State() == StateRunning || from != nil && q == from.proc {
		q.killSig = abi.SIGKILL
		return
	}
	m.die(q, nil, abi.SIGKILL)
}

// discarded reports whether sig, sent to q (to: one of its threads), is
// dropped as it is sent: its action is to ignore it and no thread blocks
// it or waits for it in sigwait.
func (m *Machine) discarded(q *Process, to *Thread, sig int) bool {
	act := q.action(sig)
	if !(act.handler == sigIGN || act.handler == sigDFL && defaultActionOf(sig) == actIgnore) {
		return false
	}
	for _, t := range q.threads {
		if t.live() && (to == nil || to == t) && (t.sigMask.has(sig) || t.sigWait.has(sig)) {
			return false
		}
	}
	return true
}

// taker is the thread of q that takes a signal sent to q as a whole: the
// first, in tid order, that waits for it in sigwait, else the first that
// does not block it; nil when every thread blocks it.
func (q *Process) taker(sig int) *Thread {
	for _, t := range q.threads {
		if t.live() && t.sigWait.has(sig) {
			return t
		}
	}
	for _, t := range q.threads {
		if t.live() && !t.sigMask.has(sig) {
			return t
		}
	}
	return nil
}

// Signal sends sig to pid from outside the machine, as kill(1) typed in
// another terminal would.
func (m *Machine) Signal(pid, sig int) error {
	if !m.started || m.halted {
		return errNotRunning
	}
	if m.unsettled() {
		// Sent when the machine is settled; a target gone by then is
		// spared, as a replay that sends it then finds it gone.
		switch {
		case sig < 0 || sig >= 65:
			return errnoError(abi.EINVAL)
		case len(m.killTargets(nil, pid)) == 0:
			return errnoError(abi.ESRCH)
		}
		m.later(func() { m.Signal(pid, sig) })
		return nil
	}
	m.t = m.now
	if r := m.kill(nil, pid, sig); r.errno != 0 {
		return errnoError(r.errno)
	}
	return nil
}

// fault acts on a hardware fault of t, as the CPU's exception would: the
// signal (SIGSEGV, SIGFPE, SIGILL…) goes to t alone, and runs its handler
// when it has one it does not block — on return the faulting instruction
// runs again, as on Linux — or else kills the process.
func (m *Machine) fault(t *Thread, stop vm.Stop) {
	sig := stop.Signal
	act := t.proc.action(sig)
	if act.handler > sigIGN && !t.sigMask.has(sig) && t.ctx != nil {
		why := stop.Msg
		if why.IsZero() {
			why = msg.New(msg.FaultSignal, msg.Name("sig", SignalName(sig)))
		}
		m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindFault, Signal: sig, Addr: stop.Addr, Msg: why})
		if m.enterHandler(t, sig, act, sigInfo{code: 1 /* SEGV_MAPERR, FPE_INTDIV… */, addr: stop.Addr}) {
			return
		}
		return // the kernel could not run it: the process died of SIGSEGV
	}
	m.forceFault(t, stop)
}

// forceFault kills t's process for a fault, whatever its actions say (a
// blocked or ignored fault signal, or one the kernel raises: a bad signal
// frame).
func (m *Machine) forceFault(t *Thread, stop vm.Stop) {
	why := stop.Msg
	if why.IsZero() {
		why = msg.New(msg.FaultSignal, msg.Name("sig", SignalName(stop.Signal)))
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindFault, Signal: stop.Signal, Addr: stop.Addr, Msg: why})
	m.die(t.proc, t, stop.Signal)
}
