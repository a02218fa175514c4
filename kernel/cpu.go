package kernel

import (
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// CPU is one simulated processor.
type CPU struct {
	ID int

	cur         *Thread  // running, or being switched in
	last        *Thread  // the thread that last ran here: switching back to it is free
	t           int64    // local clock: the CPU has accounted for every tick before t
	switching   bool     // a context switch to cur is in progress
	switchUntil int64    // when it ends
	pickWhy     msg.Text // the policy's reason for the thread being switched in
	idle        bool     // idle since the last KindIdle event
	ran         bool     // a stretch of running ended and awaits processing
	stop        vm.Stop  // how it ended
	preempt     msg.Text // a preemption the policy asked for, done at the next chance
	asked       bool     // the user was asked to choose who runs here, and has not yet

	Busy, Switching, Idle int64 // ticks spent running threads, switching, idling
}

// CPUView is what the UI shows of a CPU.
type CPUView struct {
	ID                    int
	PID                   int  // the process running (or being switched in), 0 when idle
	TID                   int  // its thread (the pid, for a single-threaded process)
	Switching             bool // in a context switch
	Busy, Switch, IdleFor int64
}

// CPUs reports the CPUs.
func (m *Machine) CPUs() []CPUView {
	out := make([]CPUView, len(m.cpus))
	for i, c := range m.cpus {
		v := CPUView{ID: c.ID, Switching: c.switching, Busy: c.Busy, Switch: c.Switching, IdleFor: c.Idle}
		if c.cur != nil {
			v.PID, v.TID = c.cur.proc.PID, c.cur.TID
		}
		out[i] = v
	}
	return out
}
