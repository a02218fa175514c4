package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
)

// exit terminates p with a wait status, all its threads at once (Linux's
// exit_group: exit, _exit, a return from main, a fatal signal): its files
// are closed, its memory released, its children given to init, and it
// stays a zombie until its parent reaps it (init reaps its own at once).
// by is the thread that exits or was acting when the process died (nil:
// none of its threads; the events then name the main thread).
func (m *Machine) exit(p *Process, by *Thread, status int, cause msg.Text) {
	if p.State() == StateTerminated || p.IsInit() {
		return
	}
	live := p.liveThreads()
	for _, t := range live {
		if t.State == StateReady {
			m.policy.Remove(&t.task)
		}
	}
	resident, admitted := m.leaving(p)
	for _, t := range live {
		t.inSyscall = false
		m.stopWaiting(t, wokeSignal)
		m.abandonOpen(t)
	}
	p.killSig = 0
	p.alarmAt = 0
	p.stopped = false
	if p.files != nil {
		p.files.CloseAll()
	}
	m.semExit(p)
	m.modelExited(p)
	m.keepFinalMemory(p)
	m.releaseMemory(p)
	p.Status = status
	p.Ended = m.t
	for _, t := range live {
		t.Ended = m.t
		m.setState(t, StateTerminated, cause)
	}
	e := Event{PID: p.PID, Kind: KindExit, Status: status, Cause: cause}
	if by != nil {
		e.TID = by.TID
	}
	m.emit(e)
	for _, t := range live {
		m.leaveCPU(t)
	}
	m.result.Procs = append(m.result.Procs, summarize(p))
	if p == m.first {
		m.result.setStatus(status)
	}

	// Orphans go to init, which reaps the zombies among them at once.
	orphans := p.children
	p.children = nil
	for _, c := range orphans {
		c.parent, c.PPID = m.init, m.init.PID
		m.init.children = append(m.init.children, c)
		m.emit(Event{PID: c.PID, Kind: KindAdopt, Other: m.init.PID})
	}
	for _, c := range orphans {
		if c.State() == StateTerminated {
			m.reap(m.init, nil, c)
		}
	}

	switch parent := p.parent; {
	case parent == m.init:
		m.reap(m.init, nil, p)
	default:
		code, st := abi.CLD_EXITED, status>>8&0xff
		if status&0x7f != 0 {
			code, st = abi.CLD_KILLED, status&0x7f
			if status&0x80 != 0 {
				code = abi.CLD_DUMPED
			}
		}
		m.notifyParent(p, code, st)
		if parent.autoReaps() {
			m.reap(parent, nil, p)
		}
		parent.childExit.WakeAll(msg.New(msg.WokeChildExited, msg.Int("pid", p.PID)))
	}
	m.released(resident, admitted)
}

// releaseMemory drops p's address space and its threads' contexts.
func (m *Machine) releaseMemory(p *Process) {
	for _, t := range p.threads {
		t.ctx = nil
	}
	if p.mem != nil {
		m.releaseMappings(p)
		m.futexForget(p)
		p.mem.Release()
		p.mem = nil
	}
}

// die terminates p by the default action of a fatal signal; by is the
// thread that was running when it took effect, if any.
func (m *Machine) die(p *Process, by *Thread, sig int) {
	core := abi.CoreDumps(sig)
	cause := msg.New(msg.KilledBy, msg.Name("sig", SignalName(sig)))
	if core {
		cause.Code = msg.KilledByCore
	}
	m.exit(p, by, abi.SignalStatus(sig, core), cause)
}

// reap removes the zombie c, child of parent, for good; by is the thread
// of parent that reaps it (nil for init).
func (m *Machine) reap(parent *Process, by *Thread, c *Process) {
	parent.removeChild(c)
	for i, q := range m.procs {
		if q == c {
			m.procs = append(m.procs[:i:i], m.procs[i+1:]...)
			break
		}
	}
	delete(m.byPID, c.PID)
	for _, t := range c.threads {
		delete(m.byTID, t.TID)
	}
	e := Event{PID: parent.PID, Kind: KindReap, Other: c.PID, Status: c.Status}
	if by != nil {
		e.TID = by.TID
	}
	m.emit(e)
	if m.allDone() {
		m.finish() // init is alone and no job is to come: the run is over
	}
}
