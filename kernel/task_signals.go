package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// Default actions of signals (no handlers yet): most terminate, some dump
// core as well, a few are ignored. Stopping (SIGSTOP, SIGTSTP…) is not
// modelled yet: those signals are ignored.
func defaultIgnored(sig int) bool {
	switch sig {
	case abi.SIGCHLD, abi.SIGCONT, 23 /* SIGURG */, 28 /* SIGWINCH */, abi.SIGSTOP, abi.SIGTSTP, 21, 22:
		return true
	}
	return false
}

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

// signal delivers sig to the process q with its default action. A process
// with a running thread acts on it when that thread next enters the kernel
// or its CPU's next turn comes; one whose threads are all ready or waiting
// dies at once (a waiting thread's wait is interrupted). init ignores
// every signal.
func (m *Machine) signal(from *Thread, q *Process, sig int) {
	e := Event{Kind: KindSignal, Other: q.PID, Signal: sig}
	if from != nil {
		e.PID, e.TID = from.proc.PID, from.TID
	}
	m.emit(e)
	if sig == 0 || q.IsInit() || q.State() == StateTerminated || defaultIgnored(sig) {
		return
	}
	if q.State() == StateRunning || from != nil && q == from.proc {
		if q.killSig == 0 || sig == abi.SIGKILL {
			q.killSig = sig
		}
		return
	}
	m.die(q, nil, sig)
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

// fault kills t's process for a hardware fault of t, as the CPU's
// exception would.
func (m *Machine) fault(t *Thread, stop vm.Stop) {
	why := stop.Msg
	if why.IsZero() {
		why = msg.New(msg.FaultSignal, msg.Name("sig", SignalName(stop.Signal)))
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindFault, Signal: stop.Signal, Addr: stop.Addr, Msg: why})
	m.die(t.proc, t, stop.Signal)
}
