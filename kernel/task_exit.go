package kernel

import (
	"fmt"

	"osplay/kernel/abi"
)

// exit terminates p with a wait status: its files are closed, its memory
// released, its children given to init, and it stays a zombie until its
// parent reaps it (init reaps its own at once).
func (m *Machine) exit(p *Process, status int, cause string) {
	if p.State == StateTerminated || p.IsInit() {
		return
	}
	if p.State == StateReady {
		m.policy.Remove(&p.task)
	}
	resident, admitted := m.leaving(p)
	p.inSyscall = false
	p.killSig = 0
	p.waitKey = waitChan{}
	p.WaitOn = ""
	if p.files != nil {
		p.files.CloseAll()
	}
	m.keepFinalMemory(p)
	if p.ctx != nil {
		p.instrBase += p.ctx.Instructions()
		p.ctx.Release()
		p.ctx = nil
	}
	p.Status = status
	p.Ended = m.t
	m.setState(p, StateTerminated, cause)
	m.emit(Event{PID: p.PID, Kind: KindExit, Status: status, Cause: cause})
	m.leaveCPU(p)
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
		if c.State == StateTerminated {
			m.reap(m.init, c)
		}
	}

	if p.parent == m.init {
		m.reap(m.init, p)
	} else {
		m.wakeup(waitChan{kind: "child", pid: p.parent.PID}, fmt.Sprintf("child %d exited", p.PID))
	}
	m.released(resident, admitted)
}

// die terminates p by the default action of a fatal signal.
func (m *Machine) die(p *Process, sig int) {
	core := abi.CoreDumps(sig)
	cause := "killed by " + SignalName(sig)
	if core {
		cause += " (core dumped)"
	}
	m.exit(p, abi.SignalStatus(sig, core), cause)
}

// reap removes the zombie c, child of parent, for good.
func (m *Machine) reap(parent, c *Process) {
	parent.removeChild(c)
	for i, q := range m.procs {
		if q == c {
			m.procs = append(m.procs[:i:i], m.procs[i+1:]...)
			break
		}
	}
	delete(m.byPID, c.PID)
	m.emit(Event{PID: parent.PID, Kind: KindReap, Other: c.PID, Status: c.Status})
	if m.allDone() {
		m.finish() // init is alone and no job is to come: the run is over
	}
}
