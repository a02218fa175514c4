package kernel

import (
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// advance runs the machine until time target, a pause, a halt, or until
// nothing can happen any more (every thread waits for input that has not
// come, or for nothing at all, or for the user to choose who runs).
//
// At each tick, what ended with the last tick is dealt with first (a
// quantum that ran out, a burst that ended), then what happens at this
// tick: jobs arrive, timers and I/Os complete. So a task whose quantum
// expires at tick t goes to the back of the ready queue before a task
// arriving at t, as in OSTEP's simulators.
//
// An interrupt is taken at the top of the loop when the machine stands at
// a tick where nothing has happened yet (where RunTo would stop), and
// where a library call was cut short; the loops inside one turn take it
// at their own such places (see interruptFlag).
func (m *Machine) advance(target int64) {
	defer m.settle()
	fresh := m.now // a tick at which nothing has happened yet
	for m.now < target && !m.halted && !m.paused && !m.asking {
		if (m.now >= fresh || midCall(m)) && m.interrupted() {
			return
		}
		fresh = m.now + 1
		if !m.finishLibCalls() {
			return
		}
		m.settle()
		m.t = m.now
		m.finishStretches()
		if m.halted || m.paused && len(m.cpus) == 1 {
			return
		}
		m.fireTimers()
		if m.paused {
			// RunUntil's stop held: only the rest of this tick runs (idle
			// CPUs and lock step's shortcut would run on past it).
			target = min(target, m.now+1)
		}
		limit := target
		if m.settleAt > m.now {
			limit = min(limit, m.settleAt) // settle there first: see interruptFlag
		}
		h, ok := m.horizon(limit)
		if !ok {
			m.checkStuck()
			return
		}
		if len(m.cpus) > 1 && m.runSolo(limit) {
			continue
		}
		end := h
		for _, c := range m.cpus {
			reached := m.runCPU(c, h)
			if len(m.cpus) == 1 {
				end = reached
			}
			if m.halted {
				return
			}
			if len(m.cpus) > 1 && c.midCall() {
				// An interrupt cut a library call short in the middle of
				// the tick: the call, then the other CPUs' share of the
				// tick, come with the next call.
				m.settleAt = m.now + 1
				m.interrupted()
				return
			}
		}
		if m.asking && len(m.cpus) > 1 {
			return // the CPU that asks has not reached the end of the tick
		}
		m.now = end
		m.t = m.now
		if m.allDone() {
			m.finish()
			return
		}
	}
}

// finishStretches deals with the stretches of running that ended at the
// current tick, before anything else happens at it.
func (m *Machine) finishStretches() {
	for _, c := range m.cpus {
		if c.ran && c.t == m.now && !m.halted {
			m.t = c.t
			c.ran = false
			m.finishRun(c)
		}
	}
	m.t = m.now
}

// allDone reports whether the run is over: only init is left and no job
// is still to arrive.
func (m *Machine) allDone() bool { return len(m.procs) <= 1 && len(m.arrivals) == 0 }

// runSolo is lock step's shortcut. When one thread runs, nothing is ready
// and every other CPU idles, nothing can happen on the others until that
// thread enters the kernel, its slice ends or a timer fires: it runs alone
// until then, in one go. What follows is what ticking one by one would
// have given; the stop is handled, as always, at its CPU's next turn.
func (m *Machine) runSolo(target int64) bool {
	var solo *CPU
	for _, c := range m.cpus {
		if c.t != m.now || c.switching || c.ran || !c.preempt.IsZero() || m.policy.Len(c.ID) > 0 {
			return false
		}
		if c.cur == nil {
			if !c.idle {
				return false // its idle event is still to come
			}
			continue
		}
		if solo != nil {
			return false
		}
		solo = c
	}
	if solo == nil {
		return false
	}
	t := solo.cur
	if t.State != StateRunning || t.proc.killSig != 0 || t.inSyscall || t.proc.stopped || t.deliverable() != 0 && t.ctx != nil && !t.ctx.InLibrary() {
		return false
	}
	h := min(target, m.nextTimer())
	if h <= m.now+1 {
		return false
	}
	m.t = m.now
	ran := m.run(solo, t, h)
	if ran == 0 && !solo.midCall() {
		// It stopped again before its first tick (library code, resumed
		// after a system call, made another): that stop belongs to its
		// turn in this tick, after the CPUs before it have had theirs, as
		// ticking one by one has it. The tick goes on in lock step.
		return false
	}
	now := min(solo.t, h)
	if solo.midCall() {
		m.settleAt = settlesAt(now, ran)
	}
	for _, c := range m.cpus {
		if c != solo {
			c.Idle += now - c.t
			c.t = now
		}
	}
	m.now = now
	return true
}

// horizon is how far the CPUs may run before the machine must look again:
// the next tick with several CPUs (lock step), the next timer, the target.
// ok is false when no CPU has anything to do and no timer is set.
func (m *Machine) horizon(target int64) (h int64, ok bool) {
	h = target
	if next := m.nextTimer(); next < h {
		h = next
	}
	if m.cpusBusy() {
		if len(m.cpus) > 1 && m.now+1 < h {
			h = m.now + 1
		}
		return h, true
	}
	return h, m.nextTimer() < sched.Forever || target < sched.Forever
}

// cpusBusy reports whether any CPU has work: a thread, a switch, a result
// to process, or something in the ready queue.
func (m *Machine) cpusBusy() bool {
	for _, c := range m.cpus {
		if c.cur != nil || c.switching || c.ran || c.t > m.now {
			return true
		}
		if m.policy.Len(c.ID) > 0 {
			return true
		}
	}
	return false
}

// runCPU lets CPU c work until its clock reaches h. With a single CPU it
// may stop earlier, when RunUntil's condition held; it returns the time
// the CPU reached.
func (m *Machine) runCPU(c *CPU, h int64) int64 {
	single := len(m.cpus) == 1
	for !m.halted {
		if single {
			if next := m.nextTimer(); next < h && next > c.t {
				h = next // a thread went to sleep: wake it on time
			}
		}
		if c.t >= h {
			return h
		}
		m.t = c.t
		if c.ran {
			c.ran = false
			m.finishRun(c)
			continue
		}
		if single && m.paused {
			return c.t
		}
		if c.switching {
			if c.switchUntil > c.t {
				step := min(c.switchUntil, h) - c.t
				c.Switching += step
				c.t += step
				continue
			}
			c.switching = false
			m.dispatch(c, c.cur, c.pickWhy)
			continue
		}
		t := c.cur
		if t == nil {
			if !m.pick(c) {
				if m.decider != nil && m.decider.Undecided(c.ID) {
					m.ask(c)
					return c.t
				}
				if !c.idle {
					c.idle = true
					m.emit(Event{CPU: c.ID, Kind: KindIdle})
				}
				if h >= sched.Forever {
					return c.t // nothing will ever happen here by itself
				}
				c.Idle += h - c.t
				c.t = h
			}
			continue
		}
		if sig := t.proc.killSig; sig != 0 {
			m.die(t.proc, t, sig)
			continue
		}
		if t.proc.stopped {
			m.stopRunning(t)
			continue
		}
		if !c.preempt.IsZero() {
			m.preempt(c, t, c.preempt, sched.Preempted)
			continue
		}
		if t.inSyscall {
			m.syscall(c, t, t.sys) // a blocked call starts over
			continue
		}
		if t.deliverable() != 0 && t.ctx != nil && !t.ctx.InLibrary() {
			m.deliver(t) // signals are acted on as it returns to user mode
			continue
		}
		ran := m.run(c, t, h)
		if c.midCall() {
			// Interrupted inside a library call (or halted there).
			if single {
				m.settleAt = settlesAt(c.t, ran)
			}
			return c.t
		}
		if single && ran > 0 && m.intr.pending() {
			// Nothing of tick c.t has happened yet: the machine stands
			// where RunTo(c.t) would have left it.
			return c.t
		}
	}
	return c.t
}

// run executes t on c for at most h-c.t ticks, less if the policy wants the
// CPU back sooner; what stopped it is handled at c's next turn. It returns
// the ticks it ran.
func (m *Machine) run(c *CPU, t *Thread, h int64) int64 {
	budget := h - c.t
	if b := m.policy.Budget(&t.task, c.ID, c.t); b < budget {
		budget = b
	}
	m.takeNotes()
	if rest := m.cfg.MaxTicks - m.used + 1; rest < budget {
		budget = max(rest, 1)
	}
	budget = t.proc.cpuBudget(budget)
	var ticks int64
	var stop vm.Stop
	if t.job != nil {
		ticks, stop = t.job.run(budget)
	} else {
		ticks, stop = m.runProgram(t, budget)
	}
	m.charge(c, t, ticks)
	c.ran, c.stop = true, stop
	m.t = c.t
	m.checkRunLimits(stop)
	return ticks
}

// charge accounts ticks that t ran on c.
func (m *Machine) charge(c *CPU, t *Thread, ticks int64) {
	c.t += ticks
	c.Busy += ticks
	t.task.Slice += ticks
	t.task.Total += ticks
	t.task.BurstRan += ticks
	m.used += ticks
	m.chargeCPUTimers(t.proc, ticks, true)
}

// checkRunLimits stops the machine when a stretch of running that ended
// with stop passed the tick or the instruction limit.
//
// The tick limit is exact: the stretch's budget ends at it. The
// instruction limit is checked where the program stops by itself (a
// system call, a fault, every vm.LibSlice library instructions, the want
// of memory), never at the end of a budget, which depends on how the run
// was cut into calls: so it stops the machine at the same tick however
// the run is cut or interrupted. (The student's own code runs one
// instruction per tick: the tick limit bounds it.)
func (m *Machine) checkRunLimits(stop vm.Stop) {
	switch {
	case m.used > m.cfg.MaxTicks:
		m.stopAtLimit(LimitTicks, m.cfg.MaxTicks)
	case stop.Kind != vm.StopBudget && m.instrs > m.cfg.MaxInstructions:
		m.stopAtLimit(LimitInstructions, m.cfg.MaxInstructions)
	}
}

// finishRun handles how the last stretch of running on c ended: a system
// call, a fault, or the end of its budget, after which the policy may take
// the CPU away.
func (m *Machine) finishRun(c *CPU) {
	t := c.cur
	if t == nil {
		return
	}
	switch {
	case c.stop.Kind == vm.StopSyscall && t.job != nil:
		m.burstEnded(t)
	case c.stop.Kind == vm.StopSyscall:
		m.syscall(c, t, c.stop.Sys)
	case c.stop.Kind == vm.StopFault:
		m.fault(t, c.stop)
	case c.stop.Kind == vm.StopOutOfMemory:
		m.outOfMemory(t)
	}
	if c.cur == t && t.State == StateRunning {
		why := m.policy.Tick(&t.task, c.ID, c.t)
		m.takeNotes()
		if !why.IsZero() {
			m.preempt(c, t, why, sched.Preempted)
		}
	}
}

// setState records a transition of the five-state diagram.
func (m *Machine) setState(t *Thread, to State, cause msg.Text) {
	from := t.State
	t.State, t.Cause = to, cause
	e := Event{PID: t.proc.PID, TID: t.TID, Kind: KindState, From: from, To: to, Cause: cause}
	if o := t.waitingOn(); o.Kind == WaitIO {
		e.Name = o.Name // the device
	}
	m.emit(e)
}

// takeNotes records what the policy did on its own since last asked.
func (m *Machine) takeNotes() {
	if m.noter == nil {
		return
	}
	for _, n := range m.noter.Notes() {
		m.emit(Event{PID: n.PID, TID: n.TID, Kind: KindSched, Cause: n.Text})
	}
}

// nextTimer is the earliest tick a sleeping thread wakes, an I/O ends or
// a job arrives, or sched.Forever.
func (m *Machine) nextTimer() int64 {
	next := int64(sched.Forever)
	if len(m.arrivals) > 0 {
		next = m.arrivals[0].at
	}
	return min(next, m.timers.next(), m.nextAlarm())
}

// fireTimers makes the jobs due by now arrive, then wakes the threads
// whose timer expired or whose I/O completed by now, in tid order.
func (m *Machine) fireTimers() {
	m.arrive()
	for _, t := range m.timers.due(m.now) {
		if t.timed() && t.waiter.deadline <= m.now {
			m.wake(t, wokeTimeout, timeoutCause(t.waiter.queue.Object))
		}
	}
	m.ringAlarms()
}

// timeoutCause is why a thread whose deadline came is woken: its sleep is
// over, or its I/O is done.
func timeoutCause(o WaitObject) msg.Text {
	if o.Kind == WaitIO {
		return msg.New(msg.WokeIODone, msg.Name("dev", o.Name))
	}
	return msg.New(msg.WokeTimer)
}

// checkStuck is called when no CPU has work and no timer is set.
func (m *Machine) checkStuck() {
	if m.allDone() {
		m.finish()
		return
	}
	if m.WaitingForInput() {
		return // the user may still type
	}
	m.halt(KindLimit, msg.New(msg.HaltDeadlock), &DeadlockError{Waits: m.blockedWaits()})
}

// WaitingForInput reports whether the machine can go on only once the user
// types (or closes the input): every thread waits and one reads the
// console — or, when no standard input was given (the user is at the
// keyboard), one waits for a signal (pause, sigsuspend, sigwait), which
// the user may send (Ctrl-C, the PCB's signals).
func (m *Machine) WaitingForInput() bool {
	if m.halted || m.console.eof {
		return false
	}
	// Nobody reads the terminal or polls it, and no signal from the user
	// can wake a thread that waits for one (pause): no input is awaited.
	if m.console.readers.Len() == 0 && !m.pollingTTY() && (m.console.reader != nil || m.pausers.Len() == 0) {
		return false
	}
	return !m.cpusBusy() && m.nextTimer() == sched.Forever
}
