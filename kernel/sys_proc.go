package kernel

import (
	"fmt"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// Process system calls: the lecture's fork, exec, wait, exit, and kill.

func sysExit(m *Machine, p *Process, a []uint64) sysret {
	code := int(int32(a[0]))
	m.exit(p, abi.ExitStatus(code), fmt.Sprintf("exit(%d)", code))
	return gone()
}

func sysFork(m *Machine, p *Process, a []uint64) sysret { return m.fork(p) }

func sysExecve(m *Machine, p *Process, a []uint64) sysret { return m.execve(p, a[0], a[1], a[2]) }

func sysWaitpid(m *Machine, p *Process, a []uint64) sysret {
	return m.wait(p, int(int32(a[0])), a[1], int(int32(a[2])))
}

func sysGetpid(m *Machine, p *Process, a []uint64) sysret  { return ok(int64(p.PID)) }
func sysGetppid(m *Machine, p *Process, a []uint64) sysret { return ok(int64(p.PPID)) }

func sysKill(m *Machine, p *Process, a []uint64) sysret {
	return m.kill(p, int(int32(a[0])), int(int32(a[1])))
}

// sysNice changes the nice value by inc and returns the new one; lowering
// it (raising the priority) needs privileges a student does not have.
func sysNice(m *Machine, p *Process, a []uint64) sysret {
	inc := int(int32(a[0]))
	if inc < 0 {
		return fail(abi.EPERM)
	}
	p.Nice = min(p.Nice+inc, 19)
	p.task.Nice = p.Nice
	p.task.Priority = p.Nice
	return ok(int64(p.Nice))
}

// sysSchedYield gives the CPU up: the process goes to the back of the
// ready queue (and runs on if nobody else is ready).
func sysSchedYield(m *Machine, p *Process, a []uint64) sysret {
	p.yieldTo, p.yieldHow = "sched_yield", sched.Yielded
	return ok(0)
}
