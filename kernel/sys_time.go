package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// Time system calls. The clock is simulated: Epoch at tick 0, advancing
// Config.TicksPerSecond ticks per second. A sleeping thread waits with a
// deadline; when every thread sleeps, the machine jumps to the next one.

// sleepFor blocks t for d ticks; the call returns when its deadline came.
func (m *Machine) sleepFor(t *Thread, d int64, what msg.Text) sysret {
	if t.waiter.woke == wokeTimeout {
		return ok(0)
	}
	if d <= 0 {
		return ok(0)
	}
	deadline := m.t + d
	if t.waiter.woke == wokeSignal && t.waiter.deadline < sched.Forever {
		// Started over after a stop or a handler: the same deadline.
		if deadline = t.waiter.deadline; deadline <= m.t {
			return ok(0)
		}
	}
	m.sleepers.SleepUntil(t, deadline, what)
	return blocked()
}

func sysSleep(m *Machine, t *Thread, a []uint64) sysret {
	secs := int64(uint32(a[0]))
	return m.sleepFor(t, secs*m.cfg.TicksPerSecond, msg.New(msg.WaitSleep, msg.Int("s", secs)))
}

func sysUsleep(m *Machine, t *Thread, a []uint64) sysret {
	usec := int64(uint32(a[0]))
	d := (usec*m.cfg.TicksPerSecond + 999_999) / 1_000_000 // at least a tick for any nonzero wait
	return m.sleepFor(t, d, msg.New(msg.WaitUsleep, msg.Int("us", usec)))
}

// seconds is the wall-clock time now: seconds and microseconds since 1970.
func (m *Machine) seconds() (sec, usec int64) {
	tps := m.cfg.TicksPerSecond
	return Epoch + m.t/tps, (m.t % tps) * 1_000_000 / tps
}

func sysTime(m *Machine, t *Thread, a []uint64) sysret {
	sec, _ := m.seconds()
	if a[0] != 0 {
		if err := t.proc.mem.WriteU64(a[0], uint64(sec)); err != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(sec)
}

func sysGettimeofday(m *Machine, t *Thread, a []uint64) sysret {
	sec, usec := m.seconds()
	if a[0] != 0 {
		mem := t.proc.mem
		if mem.WriteU64(a[0], uint64(sec)) != nil || mem.WriteU64(a[0]+8, uint64(usec)) != nil {
			return fail(abi.EFAULT)
		}
	}
	return ok(0)
}
