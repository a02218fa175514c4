package kernel

import (
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// The context switch, as the lecture draws it: the scheduler picks the
// next thread for a CPU (pick), the dispatcher loads it (dispatch), a
// preemption or a block takes the running thread off (preempt, leaveCPU)
// and a thread that can run goes back to the ready queue (makeReady). A
// switch that costs ticks (Config.ContextSwitch) is a KindSwitch event
// between the two threads.

// pick asks the policy for c's next thread and dispatches it, after a
// context switch if it costs anything.
//
// A context switch saves one thread's state and loads another's. The
// first dispatch onto a CPU that has never run a thread (c.last == nil)
// loads only: it is no switch and costs nothing, as Meter counts it.
// Dispatching again the thread that ran last is free too: its state is
// still on the CPU.
func (m *Machine) pick(c *CPU) bool {
	task, why := m.policy.Pick(c.ID, c.t)
	m.takeNotes()
	if task == nil {
		return false
	}
	c.asked = false
	t := m.thread(task.ID())
	c.idle = false
	c.cur = t
	t.CPU = c.ID
	if cost := m.cfg.ContextSwitch; cost > 0 && c.last != nil && c.last != t {
		c.switching = true
		c.switchUntil = c.t + cost
		c.pickWhy = why
		m.emit(Event{CPU: c.ID, PID: c.last.proc.PID, TID: c.last.TID, Kind: KindSwitch,
			Other: t.proc.PID, OtherTID: t.TID, Ticks: cost})
		return true
	}
	m.dispatch(c, t, why)
	return true
}

// dispatch puts t to work on c.
func (m *Machine) dispatch(c *CPU, t *Thread, why msg.Text) {
	c.cur, c.last = t, t
	c.idle = false
	t.CPU = c.ID
	t.task.Slice = 0
	t.task.LastCPU = c.ID
	m.setState(t, StateRunning, why)
	m.emit(Event{CPU: c.ID, PID: t.proc.PID, TID: t.TID, Kind: KindDispatch, Cause: why})
}

// preempt takes the running t off c and makes it ready again.
func (m *Machine) preempt(c *CPU, t *Thread, why msg.Text, how sched.Why) {
	m.emit(Event{CPU: c.ID, PID: t.proc.PID, TID: t.TID, Kind: KindPreempt, Cause: why})
	c.cur = nil
	c.preempt = msg.Text{}
	t.CPU = -1
	m.makeReady(t, why, how)
}

// makeReady puts t in the ready queue and lets a preemptive policy take a
// CPU for it.
func (m *Machine) makeReady(t *Thread, cause msg.Text, how sched.Why) {
	if how == sched.Arrived || how == sched.Woken || how == sched.ChildFirst {
		t.task.BurstRan = 0 // a new CPU burst begins
	}
	if how == sched.Woken {
		m.takeBackTickets(t)
	}
	if t.proc.stopped {
		m.setState(t, StateStopped, causeStopped(t.proc.stopSig))
		return
	}
	cause, ok := m.makeRoom(t, cause, how)
	if !ok {
		return // swapped out: it waits for memory, suspended
	}
	m.setState(t, StateReady, cause)
	t.task.ReadySince = m.t
	m.policy.Enqueue(&t.task, how, m.t)
	m.takeNotes()
	if how == sched.Arrived || how == sched.Woken {
		for _, c := range m.cpus {
			if cur := c.cur; cur != nil && !c.switching && c.preempt.IsZero() {
				if why := m.policy.Preempts(&cur.task, &t.task, c.ID); !why.IsZero() {
					c.preempt = why
				}
			}
		}
	}
}

// leaveCPU takes t off its CPU without making it ready (it blocks or exits).
func (m *Machine) leaveCPU(t *Thread) {
	m.reportShmWrites(t, t.proc)
	for _, c := range m.cpus {
		if c.cur == t {
			c.cur = nil
			c.switching = false
			c.preempt = msg.Text{}
			c.ran = false
			m.policy.Left(&t.task, m.t)
			m.takeNotes()
		}
	}
	t.CPU = -1
}
