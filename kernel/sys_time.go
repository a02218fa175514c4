package kernel

import (
	"osplay/kernel/abi"
)

// Time system calls. The clock is simulated: Epoch at tick 0, advancing
// Config.TicksPerSecond ticks per second. A sleeping process waits on a
// timer; when every process sleeps, the machine jumps to the next timer.

// sleepFor blocks p for d ticks; the call returns when the timer expired.
func (m *Machine) sleepFor(p *Process, d int64, what string) sysret {
	if p.timerDone {
		p.timerDone = false
		return ok(0)
	}
	if d <= 0 {
		return ok(0)
	}
	p.wakeAt = m.t + d
	m.block(p, waitChan{kind: "timer"}, "timer", what)
	return blocked()
}

func sysSleep(m *Machine, p *Process, a []uint64) sysret {
	secs := int64(uint32(a[0]))
	return m.sleepFor(p, secs*m.cfg.TicksPerSecond, "sleep("+itoa(int(secs))+")")
}

func sysUsleep(m *Machine, p *Process, a []uint64) sysret {
	usec := int64(uint32(a[0]))
	d := (usec*m.cfg.TicksPerSecond + 999_999) / 1_000_000 // at least a tick for any nonzero wait
	return m.sleepFor(p, d, "usleep("+itoa(int(usec))+")")
}

// seconds is the wall-clock time now: seconds and microseconds since 1970.
func (m *Machine) seconds() (sec, usec int64) {
	tps := m.cfg.TicksPerSecond
	return Epoch + m.t/tps, (m.t % tps) * 1_000_000 / tps
}

func sysTime(m *Machine, p *Process, a []uint64) sysret {
	sec, _ := m.seconds()
	if a[0] != 0 {
		if err := p.ctx.Mem().WriteU64(a[0], uint64(sec)); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(sec)
}

func sysGettimeofday(m *Machine, p *Process, a []uint64) sysret {
	sec, usec := m.seconds()
	if a[0] != 0 {
		mem := p.ctx.Mem()
		if mem.WriteU64(a[0], uint64(sec)) != nil || mem.WriteU64(a[0]+8, uint64(usec)) != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(0)
}
