package kernel

import (
	"osplay/kernel/abi"
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
// sender, < -1 the group -pid. Signal 0 only checks that they exist.
func (m *Machine) kill(from *Process, pid, sig int) sysret {
	if sig < 0 || sig >= 65 {
		return fail(abi.EINVAL)
	}
	targets := m.killTargets(from, pid)
	if len(targets) == 0 {
		return fail(abi.ESRCH)
	}
	for _, q := range targets {
		m.signal(from, q, sig)
	}
	return ok(0)
}

// killTargets lists the processes kill's pid names, as kill(2) reads it.
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

// signal delivers sig to q with its default action. A running process
// acts on it when it next enters the kernel or its CPU's next turn comes;
// a ready or waiting one dies at once. init ignores every signal.
func (m *Machine) signal(from *Process, q *Process, sig int) {
	sender := 0
	if from != nil {
		sender = from.PID
	}
	m.emit(Event{PID: sender, Kind: KindSignal, Other: q.PID, Signal: sig})
	if sig == 0 || q.IsInit() || q.State == StateTerminated || defaultIgnored(sig) {
		return
	}
	if q.State == StateRunning || q == from {
		if q.killSig == 0 || sig == abi.SIGKILL {
			q.killSig = sig
		}
		return
	}
	m.die(q, sig)
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

// fault kills p for a hardware fault, as the CPU's exception would.
func (m *Machine) fault(p *Process, stop vm.Stop) {
	msg := stop.Msg
	if msg == "" {
		msg = SignalName(stop.Signal)
	}
	m.emit(Event{PID: p.PID, Kind: KindFault, Signal: stop.Signal, Addr: stop.Addr, Msg: msg})
	m.die(p, stop.Signal)
}
