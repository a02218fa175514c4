package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// fork makes a copy of the running process p: the same program, a
// copy-on-write copy of its memory, its open-file descriptions shared. The
// child returns 0 from fork, the parent the child's pid. The parent keeps
// the CPU (Linux's default) unless Config.ChildFirst.
func (m *Machine) fork(p *Process) sysret {
	if m.population() >= m.cfg.MaxProcs {
		return fail(abi.EAGAIN)
	}
	child := m.newProcess(p, p.Name, p.Argv)
	child.cwd = p.cwd
	child.files = p.files.Fork()
	child.ctx = p.ctx.Fork()
	child.ctx.Return(0)
	child.task.Total = 0
	m.emit(Event{PID: child.PID, Kind: KindSysret, Name: "fork", Result: 0})
	if m.cfg.ChildFirst {
		m.makeReady(child, "admitted: the child runs first", sched.ChildFirst)
		p.yieldTo, p.yieldHow = "fork: the child runs first", sched.Preempted
	} else {
		m.admit(child, sched.Arrived)
	}
	return ok(int64(child.PID))
}

// population counts the processes that hold a process slot: every one not
// yet reaped, init aside.
func (m *Machine) population() int { return len(m.procs) - 1 }
