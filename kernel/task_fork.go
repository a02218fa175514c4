package kernel

import (
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// fork makes a copy of the process of the running thread t: the same
// program, a copy-on-write copy of its memory, its open-file descriptions
// shared, and one thread, a copy of t (POSIX: only the calling thread is
// copied). The child returns 0 from fork, the parent the child's pid. The
// parent keeps the CPU (Linux's default) unless Config.ChildFirst.
func (m *Machine) fork(t *Thread) sysret {
	p := t.proc
	if m.population() >= m.cfg.MaxProcs {
		return fail(abi.EAGAIN)
	}
	child := m.newProcess(p, p.Name, p.Argv)
	child.cwd = p.cwd
	child.files = p.files.Fork()
	ct := child.main()
	ct.ctx = t.ctx.Fork()
	ct.ctx.Return(0)
	ct.stack, ct.stackTop, ct.slot = t.stack, t.stackTop, t.slot // it runs on the stack t ran on, its errno where it was
	child.mem, child.prog = ct.ctx.Mem(), p.prog
	child.mem.Writer = int32(child.PID)
	// The other threads' stacks are copied with the memory, as on Linux:
	// their places stay taken.
	child.stacks = slices.Clone(p.stacks)
	// Signal actions and the mask are inherited (a fork inside a handler
	// returns from it in the child too); pending signals and the timer
	// are not.
	if p.actions != nil {
		acts := *p.actions
		child.actions = &acts
	}
	ct.sigMask, ct.sigFrames = t.sigMask, slices.Clone(t.sigFrames)
	ct.savedMask, ct.hasSaved = t.savedMask, t.hasSaved
	ct.altStack = t.altStack
	m.emit(Event{PID: child.PID, Kind: KindSysret, Name: "fork", Result: 0})
	m.forkAttached(child)
	if m.cfg.ChildFirst {
		m.makeReady(ct, msg.New(msg.ChildFirst), sched.ChildFirst)
		t.yieldTo, t.yieldHow = msg.New(msg.ForkChildFirst), sched.Preempted
	} else {
		m.admit(child, sched.Arrived)
	}
	return ok(int64(child.PID))
}

// population counts the processes that hold a process slot: every one not
// yet reaped, init aside.
func (m *Machine) population() int { return len(m.procs) - 1 }
