package kernel

import (
	"fmt"

	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// A controlled scheduler: the manual policy's questions answered by a
// program (Config.Chooser) instead of the student, at the same places —
// a CPU is free and several threads are ready — and after every tick of
// a running thread while another is ready. A program that explores
// schedules (kernel/explore) decides this way which interleaving runs;
// since its answers are a function of the run so far, a schedule it found
// replays exactly, event for event.

// control hands the policy's questions to the configured chooser.
func (m *Machine) control(pol sched.Policy) error {
	if m.cfg.Chooser == nil {
		return nil
	}
	man, ok := pol.(*sched.Manual)
	if !ok {
		return fmt.Errorf("a chooser decides for the manual scheduler, not for %s", pol.Name())
	}
	man.SetChooser(m.cfg.Chooser)
	return nil
}

// Peek is the instruction of user code thread tid runs next (see
// vm.Context.Peek); ok is false when it runs library code, is in the
// kernel, or runs no program.
func (m *Machine) Peek(tid int) (next vm.Executed, ok bool) {
	t := m.thread(tid)
	if t == nil || t.ctx == nil || t.inSyscall {
		return vm.Executed{}, false
	}
	return t.ctx.Peek()
}

// maxQuiet bounds Quiet's look ahead.
const maxQuiet = 64

// Quiet is how many ticks thread tid is sure to spend on instructions of
// its own code that no other thread can see before its next step that one
// can (vm.Context.Quiet), at least 1.
func (m *Machine) Quiet(tid int) int64 {
	t := m.thread(tid)
	if t == nil || t.ctx == nil || t.inSyscall {
		return 1
	}
	return int64(t.ctx.Quiet(maxQuiet))
}

// Time is the tick of the kernel's action in progress: a chooser asked in
// the middle of a run reads the tick of its question here (Now is where
// every CPU has got to, which may be behind it).
func (m *Machine) Time() int64 { return m.t }
