package kernel

import (
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
)

// The real-time interval timer (ITIMER_REAL), which alarm and setitimer
// set: when it expires the kernel sends SIGALRM to the process, and sets
// it again for its interval, if it has one. One per process; fork does
// not copy it, exec keeps it.

// arm sets p's timer to expire in after ticks (0: disarm), then every
// every ticks.
func (m *Machine) arm(p *Process, after, every int64) {
	p.alarmEvery = every
	if after <= 0 {
		p.alarmAt, p.alarmEvery = 0, 0
		m.alarmed = slices.DeleteFunc(m.alarmed, func(q *Process) bool { return q == p })
		return
	}
	p.alarmAt = m.t + after
	if !slices.Contains(m.alarmed, p) {
		m.alarmed = append(m.alarmed, p)
		slices.SortFunc(m.alarmed, func(a, b *Process) int { return a.PID - b.PID })
	}
}

// nextAlarm is the earliest tick a timer expires, or sched.Forever.
func (m *Machine) nextAlarm() int64 {
	next := int64(sched.Forever)
	for _, p := range m.alarmed {
		if p.alarmAt > 0 && p.alarmAt < next {
			next = p.alarmAt
		}
	}
	return next
}

// ringAlarms sends SIGALRM to each process whose timer expired by now,
// in pid order.
func (m *Machine) ringAlarms() {
	if len(m.alarmed) == 0 {
		return
	}
	for _, p := range slices.Clone(m.alarmed) {
		if p.alarmAt == 0 || p.alarmAt > m.now {
			continue
		}
		if p.alarmEvery > 0 {
			for p.alarmAt <= m.now {
				p.alarmAt += p.alarmEvery
			}
		} else {
			m.arm(p, 0, 0)
		}
		if p.State() == StateTerminated {
			m.arm(p, 0, 0)
			continue
		}
		m.emit(Event{Kind: KindSignal, Other: p.PID, Signal: abi.SIGALRM})
		m.post(nil, p, nil, abi.SIGALRM, sigInfo{code: abi.SI_KERNEL})
	}
}

// left is the time until p's timer expires, in ticks (0: not armed).
func (m *Machine) left(p *Process) int64 {
	if p.alarmAt == 0 {
		return 0
	}
	return max(p.alarmAt-m.t, 1)
}

func sysAlarm(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	tps := m.cfg.TicksPerSecond
	left := m.left(p)
	// glibc's alarm rounds what was left to the nearest second, and
	// reports a timer under half a second as 1.
	old := (left + tps/2) / tps
	if left > 0 && old == 0 {
		old = 1
	}
	m.arm(p, int64(uint32(a[0]))*tps, 0)
	return ok(old)
}

// struct itimerval: it_interval, then it_value, each a struct timeval.
func (m *Machine) readTimeval(t *Thread, addr uint64) (int64, bool) {
	sec, err1 := t.proc.mem.ReadU64(addr)
	usec, err2 := t.proc.mem.ReadU64(addr + 8)
	if err1 != nil || err2 != nil || int64(sec) < 0 || usec >= 1_000_000 {
		return 0, false
	}
	tps := m.cfg.TicksPerSecond
	return int64(sec)*tps + (int64(usec)*tps+999_999)/1_000_000, true
}

func (m *Machine) writeTimeval(t *Thread, addr uint64, ticks int64) bool {
	tps := m.cfg.TicksPerSecond
	mem := t.proc.mem
	return mem.WriteU64(addr, uint64(ticks/tps)) == nil &&
		mem.WriteU64(addr+8, uint64((ticks%tps)*1_000_000/tps)) == nil
}

const itimerReal = 0

// sysGetitimer reports ITIMER_REAL, or ITIMER_VIRTUAL or ITIMER_PROF
// (signal_rt.go).
func sysGetitimer(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	every, left := p.alarmEvery, m.left(p)
	switch int32(a[0]) {
	case itimerReal:
	case itimerVirtual, itimerProf:
		c := cpuTimerOf(p, int(int32(a[0])))
		every, left = c.every, c.left
	default:
		return fail(abi.EINVAL)
	}
	if !m.writeTimeval(t, a[1], every) || !m.writeTimeval(t, a[1]+16, left) {
		return fail(abi.EFAULT)
	}
	return ok(0)
}

func sysSetitimer(m *Machine, t *Thread, a []uint64) sysret {
	which := int(int32(a[0]))
	if which != itimerReal && which != itimerVirtual && which != itimerProf {
		return fail(abi.EINVAL)
	}
	p := t.proc
	every, ok1 := m.readTimeval(t, a[1])
	after, ok2 := m.readTimeval(t, a[1]+16)
	if !ok1 || !ok2 {
		return fail(abi.EINVAL)
	}
	oldEvery, oldLeft := p.alarmEvery, m.left(p)
	if which != itimerReal {
		c := cpuTimerOf(p, which)
		oldEvery, oldLeft = c.every, c.left
	}
	if a[2] != 0 && (!m.writeTimeval(t, a[2], oldEvery) || !m.writeTimeval(t, a[2]+16, oldLeft)) {
		return fail(abi.EFAULT)
	}
	if which != itimerReal {
		c := cpuTimerOf(p, which)
		c.left, c.every = max(after, 0), every
		if after == 0 {
			c.every = 0
		}
		return ok(0)
	}
	m.arm(p, after, every)
	return ok(0)
}
