package kernel

import (
	"osplay/kernel/abi"
)

// The signal system calls. A sigset_t is 128 bytes, as glibc's; the
// kernel reads and writes its first word, which holds signals 1 to 64.

const sigsetBytes = 128

// readSigset reads the sigset_t at addr.
func readSigset(t *Thread, addr uint64) (sigSet, bool) {
	v, err := t.proc.mem.ReadU64(addr)
	return sigSet(v), err == nil
}

// writeSigset writes s as the sigset_t at addr.
func writeSigset(t *Thread, addr uint64, s sigSet) bool {
	var buf [sigsetBytes]byte
	for i := 0; i < 8; i++ {
		buf[i] = byte(s >> (8 * i))
	}
	return t.proc.mem.Write(addr, buf[:]) == nil
}

// struct sigaction's layout (glibc, x86-64): sa_handler, sa_mask,
// sa_flags, sa_restorer; 152 bytes.
const (
	saMask     = 8
	saFlags    = 136
	saRestorer = 144
	saSize     = 152
)

func sysSigaction(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	sig, act, old := int(int32(a[0])), a[1], a[2]
	if sig < 1 || sig > abi.MaxSig || act != 0 && unblockable.has(sig) {
		return fail(abi.EINVAL)
	}
	if old != 0 {
		cur := p.action(sig)
		var buf [saSize]byte
		put64(buf[0:], cur.handler)
		put64(buf[saMask:], uint64(cur.mask))
		put64(buf[saFlags:], uint64(cur.flags))
		if p.mem.Write(old, buf[:]) != nil {
			return fail(abi.EFAULT)
		}
	}
	if act == 0 {
		return ok(0)
	}
	h, err1 := p.mem.ReadU64(act)
	mask, err2 := p.mem.ReadU64(act + saMask)
	flags, err3 := p.mem.ReadU32(act + saFlags)
	if err1 != nil || err2 != nil || err3 != nil {
		return fail(abi.EFAULT)
	}
	p.setAction(sig, sigAction{handler: h, flags: flags, mask: sigSet(mask) &^ unblockable})
	if h == sigIGN || h == sigDFL && defaultActionOf(sig) == actIgnore {
		// POSIX: setting a pending signal's action to ignore discards it,
		// blocked or not.
		p.sigPending &^= sigBit(sig)
		for _, u := range p.threads {
			u.sigPending &^= sigBit(sig)
		}
	}
	return ok(0)
}

func put64(b []byte, v uint64) {
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func sysSigprocmask(m *Machine, t *Thread, a []uint64) sysret {
	how, set, old := int(int32(a[0])), a[1], a[2]
	var s sigSet
	if set != 0 {
		var good bool
		if s, good = readSigset(t, set); !good {
			return fail(abi.EFAULT)
		}
		if how < abi.SIG_BLOCK || how > abi.SIG_SETMASK {
			return fail(abi.EINVAL)
		}
	}
	if old != 0 && !writeSigset(t, old, t.sigMask) {
		return fail(abi.EFAULT)
	}
	if set == 0 {
		return ok(0)
	}
	t.setMask(how, s)
	return ok(0)
}

// setMask changes t's mask as sigprocmask's how says. Signals it
// unblocks are delivered as the call returns.
func (t *Thread) setMask(how int, s sigSet) {
	switch how {
	case abi.SIG_BLOCK:
		t.sigMask |= s
	case abi.SIG_UNBLOCK:
		t.sigMask &^= s
	case abi.SIG_SETMASK:
		t.sigMask = s
	}
	t.sigMask &^= unblockable
}

func sysSigpending(m *Machine, t *Thread, a []uint64) sysret {
	if !writeSigset(t, a[0], (t.sigPending|t.proc.sigPending)&t.sigMask) {
		return fail(abi.EFAULT)
	}
	return ok(0)
}

// sysSigsuspend replaces the mask and waits for a signal with a handler;
// it returns EINTR once the handler has run, with the old mask back.
func sysSigsuspend(m *Machine, t *Thread, a []uint64) sysret {
	if !t.hasSaved {
		s, good := readSigset(t, a[0])
		if !good {
			return fail(abi.EFAULT)
		}
		t.savedMask, t.hasSaved = t.sigMask, true
		t.sigMask = s &^ unblockable
		if t.interrupting() != 0 {
			return fail(abi.EINTR) // a pending signal it unblocks: its handler runs as the call returns
		}
	}
	m.pausers.Sleep(t, causeSigsuspend)
	return blocked()
}

// sysPause waits for a signal with a handler; it returns EINTR once the
// handler has run.
func sysPause(m *Machine, t *Thread, a []uint64) sysret {
	m.pausers.Sleep(t, causePause)
	return blocked()
}

// sysSigwait takes a pending signal of set, waiting for one if none is.
func sysSigwait(m *Machine, t *Thread, a []uint64) sysret {
	set, good := readSigset(t, a[0])
	if !good {
		return fail(abi.EFAULT)
	}
	set &^= unblockable
	if set == 0 {
		t.sigWait = 0
		return fail(abi.EINVAL)
	}
	if s := (t.sigPending | t.proc.sigPending) & set; s != 0 {
		sig := s.lowest()
		t.takeSignal(sig)
		t.sigWait = 0
		if a[1] != 0 && t.proc.mem.WriteU32(a[1], uint32(sig)) != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	}
	t.sigWait = set
	m.pausers.Sleep(t, causeSigwait)
	return blocked()
}

// sysTgkill sends sig to thread tid of the caller's process (raise,
// pthread_kill).
func sysTgkill(m *Machine, t *Thread, a []uint64) sysret {
	tid, sig := int(int32(a[0])), int(int32(a[1]))
	u := m.thread(tid)
	if sig < 0 || sig > abi.MaxSig {
		return fail(abi.EINVAL)
	}
	if u == nil || u.proc != t.proc || !u.live() {
		return fail(abi.ESRCH)
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindSignal, Other: u.proc.PID, OtherTID: u.TID, Signal: sig})
	m.post(t, u.proc, u, sig, sigInfo{code: abi.SI_TKILL, pid: t.proc.PID})
	return ok(0)
}
