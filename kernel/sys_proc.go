package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// Process system calls: the lecture's fork, exec, wait, exit, and kill.

// _exit ends the whole process, every thread (Linux's exit_group).
func sysExit(m *Machine, t *Thread, a []uint64) sysret {
	code := int(int32(a[0]))
	m.exit(t.proc, t, abi.ExitStatus(code), msg.New(msg.ExitCall, msg.Int("code", code)))
	return gone()
}

func sysFork(m *Machine, t *Thread, a []uint64) sysret { return m.fork(t) }

func sysExecve(m *Machine, t *Thread, a []uint64) sysret { return m.execve(t, a[0], a[1], a[2]) }

func sysWaitpid(m *Machine, t *Thread, a []uint64) sysret {
	return m.wait(t, int(int32(a[0])), a[1], int(int32(a[2])))
}

func sysGetpid(m *Machine, t *Thread, a []uint64) sysret  { return ok(int64(t.proc.PID)) }
func sysGetppid(m *Machine, t *Thread, a []uint64) sysret { return ok(int64(t.proc.PPID)) }

func sysKill(m *Machine, t *Thread, a []uint64) sysret {
	return m.kill(t, int(int32(a[0])), int(int32(a[1])))
}

// sysNice changes the nice value by inc and returns the new one; lowering
// it (raising the priority) needs privileges a student does not have. It
// is the process's, and every thread's.
func sysNice(m *Machine, t *Thread, a []uint64) sysret {
	inc := int(int32(a[0]))
	if inc < 0 {
		return fail(abi.EPERM)
	}
	p := t.proc
	p.Nice = min(p.Nice+inc, 19)
	for _, o := range p.threads {
		o.task.Nice = p.Nice
		o.task.Priority = p.Nice
	}
	return ok(int64(p.Nice))
}

// sysSchedYield gives the CPU up: the thread goes to the back of the
// ready queue (and runs on if nobody else is ready). The call takes a
// tick of the thread's time: threads that spin on sched_yield
// (pthread_spin_lock, a test-and-set loop) while the holder runs on
// another CPU must let time pass, or the CPUs, kept in step by time,
// never let the holder go on.
func sysSchedYield(m *Machine, t *Thread, a []uint64) sysret {
	t.yieldTo, t.yieldHow = msg.New(msg.SchedYield), sched.Yielded
	if t.CPU >= 0 && t.CPU < len(m.cpus) {
		if c := m.cpus[t.CPU]; c.cur == t {
			m.charge(c, t, 1)
		}
	}
	return ok(0)
}
