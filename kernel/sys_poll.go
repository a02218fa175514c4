package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// poll and select, as Linux: each descriptor says what it is ready for
// (its file's poll: a pipe's end, the terminal, a file of the file
// system); a call that finds nothing ready waits, up to its timeout, on
// the machine's poll queue, which every change of a pipe and every line
// typed on the terminal wakes, and looks again.

// Poll events, Linux's values.
const (
	pollIn     = 0x1
	pollPri    = 0x2
	pollOut    = 0x4
	pollErr    = 0x8
	pollHup    = 0x10
	pollNval   = 0x20
	pollRdNorm = 0x40
	pollWrNorm = 0x100

	fdSetSize = 1024 // FD_SETSIZE: the descriptors an fd_set holds
)

// pollMask is what the open file o is ready for now, as its poll
// operation on Linux reports it.
func (m *Machine) pollMask(o *fs.OpenFile) int {
	switch f := fileOf(o).(type) {
	case *pipeFile:
		p, mask := f.p, 0
		if o.Readable() {
			if p.buffered() > 0 {
				mask |= pollIn | pollRdNorm
			}
			if p.writers == 0 && p.wgen != f.wgen {
				mask |= pollHup
			}
		}
		if o.Writable() {
			if len(p.pages) < pipePages {
				mask |= pollOut | pollWrNorm
			}
			if p.readers == 0 {
				mask |= pollErr
			}
		}
		return mask
	case *sockFile:
		return f.s.pollMask()
	case ttyFile:
		mask := pollOut | pollWrNorm
		if m.consoleReady() {
			mask |= pollIn | pollRdNorm
		}
		return mask
	}
	return pollIn | pollOut | pollRdNorm | pollWrNorm
}

// consoleReady reports whether a read of the terminal would not wait,
// taking what the input reader has ready as typed.
func (m *Machine) consoleReady() bool {
	cons := &m.console
	for !cons.lineReady() && cons.reader != nil {
		k, err := cons.reader.Read(cons.buffer())
		if k > 0 {
			m.typed(cons.readBuf[:k])
		}
		if err != nil {
			m.closeInput()
		}
	}
	return cons.lineReady()
}

// pollWait ends a poll or select that found nothing ready: at once when
// its deadline has come (timeout 0, or woken by it), else it sleeps until
// a change or the deadline. tty says whether it watches the terminal.
func (m *Machine) pollWait(t *Thread, tty bool) (timedOut bool) {
	if t.pollUntil <= m.t || t.waiter.woke == wokeTimeout {
		return true
	}
	t.pollTTY = tty
	m.pollq.SleepUntil(t, t.pollUntil, waitCall("poll", m.pollq.Object))
	return false
}

// pollDeadline fixes the deadline of a call on its first entry, d ticks
// from now (negative: none).
func (m *Machine) pollDeadline(t *Thread, d int64) {
	if t.pollUntil != 0 {
		return
	}
	switch {
	case d < 0:
		t.pollUntil = sched.Forever
	default:
		t.pollUntil = m.t + d
		if d == 0 {
			t.pollUntil = -1 // already past: look once
		}
	}
}

// msTicks is a timeout of ms milliseconds in ticks, at least one tick for
// any positive timeout.
func (m *Machine) msTicks(ms int64) int64 {
	return (ms*m.cfg.TicksPerSecond + 999) / 1000
}

// pollChanged wakes the threads in poll and select to look again.
func (m *Machine) pollChanged(cause msg.Text) { m.pollq.WakeAll(cause) }

// pollingTTY reports whether a thread in poll or select watches the
// terminal: typing may wake it.
func (m *Machine) pollingTTY() bool {
	for _, t := range m.pollq.waiters {
		if t.pollTTY {
			return true
		}
	}
	return false
}

func sysPoll(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	addr, n := a[0], a[1]
	if n > fs.MaxFDs {
		return fail(abi.EINVAL)
	}
	timeout := int64(int32(a[2]))
	if timeout >= 0 {
		m.pollDeadline(t, m.msTicks(timeout))
	} else {
		m.pollDeadline(t, -1)
	}
	buf := make([]byte, 8*n)
	if err := p.mem.Read(addr, buf); err != nil {
		return fail(abi.EFAULT)
	}
	ready, tty := 0, false
	for i := range int(n) {
		e := buf[8*i:]
		fd := int(int32(binary.LittleEndian.Uint32(e)))
		events := int(binary.LittleEndian.Uint16(e[4:]))
		rev := 0
		if fd >= 0 {
			if o, err := p.files.Get(fd); err != nil {
				rev = pollNval
			} else {
				rev = m.pollMask(o) & (events | pollErr | pollHup)
				_, isTTY := fileOf(o).(ttyFile)
				tty = tty || isTTY
			}
		}
		binary.LittleEndian.PutUint16(e[6:], uint16(rev))
		if rev != 0 {
			ready++
		}
	}
	if ready == 0 && !m.pollWait(t, tty) {
		return blocked()
	}
	if err := p.mem.Write(addr, buf); err != nil {
		return fail(abi.EFAULT)
	}
	return ok(int64(ready))
}

// select's readiness: what counts as readable, writable, exceptional.
const (
	selectIn  = pollIn | pollRdNorm | pollHup | pollErr
	selectOut = pollOut | pollWrNorm | pollErr
	selectEx  = pollPri
)

func sysSelect(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	nfds := int(int32(a[0]))
	if nfds < 0 || nfds > fdSetSize {
		return fail(abi.EINVAL)
	}
	tv := a[4]
	if t.pollUntil == 0 {
		d := int64(-1)
		if tv != 0 {
			sec, err1 := p.mem.ReadU64(tv)
			usec, err2 := p.mem.ReadU64(tv + 8)
			if err1 != nil || err2 != nil {
				return fail(abi.EFAULT)
			}
			if int64(sec) < 0 || int64(usec) < 0 || usec >= 1_000_000 {
				return fail(abi.EINVAL)
			}
			d = (int64(sec)*1_000_000 + int64(usec)) * m.cfg.TicksPerSecond / 1_000_000
			if d == 0 && (sec != 0 || usec != 0) {
				d = 1
			}
		}
		m.pollDeadline(t, d)
	}
	size := (nfds + 63) / 64 * 8
	var sets [3][]byte
	var out [3][]byte
	for i, addr := range a[1:4] {
		if addr == 0 {
			continue
		}
		sets[i] = make([]byte, size)
		out[i] = make([]byte, size)
		if err := p.mem.Read(addr, sets[i]); err != nil {
			return fail(abi.EFAULT)
		}
	}
	ready, tty := 0, false
	for fd := range nfds {
		bit := byte(1) << (fd % 8)
		var want [3]bool
		any := false
		for i := range sets {
			if sets[i] != nil && sets[i][fd/8]&bit != 0 {
				want[i], any = true, true
			}
		}
		if !any {
			continue
		}
		o, err := p.files.Get(fd)
		if err != nil {
			return fail(abi.EBADF)
		}
		if _, isTTY := fileOf(o).(ttyFile); isTTY && want[0] {
			tty = true
		}
		mask := m.pollMask(o)
		for i, ready1 := range [3]int{selectIn, selectOut, selectEx} {
			if want[i] && mask&ready1 != 0 {
				out[i][fd/8] |= bit
				ready++
			}
		}
	}
	if ready == 0 && !m.pollWait(t, tty) {
		return blocked()
	}
	for i, addr := range a[1:4] {
		if addr != 0 {
			if err := p.mem.Write(addr, out[i]); err != nil {
				return fail(abi.EFAULT)
			}
		}
	}
	if tv != 0 {
		// Linux leaves the time not slept in the timeout.
		left := int64(0)
		if t.pollUntil != sched.Forever && t.pollUntil > m.t {
			left = (t.pollUntil - m.t) * 1_000_000 / m.cfg.TicksPerSecond
		}
		p.mem.WriteU64(tv, uint64(left/1_000_000))
		p.mem.WriteU64(tv+8, uint64(left%1_000_000))
	}
	return ok(int64(ready))
}
