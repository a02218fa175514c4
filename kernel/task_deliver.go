package kernel

import (
	"encoding/binary"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// Delivery. A thread acts on its pending signals as it returns to user
// mode: at the end of a system call, or when its CPU is about to run it.
// For each signal it does not block, lowest number first: an ignored one
// is dropped, a fatal default ends the process, a stop default stops it,
// and a handler is entered — the interrupted registers are saved, a
// signal frame (ucontext_t, then siginfo_t, glibc's layouts) is written on
// the thread's stack below its stack pointer and a 128-byte red zone, and
// the handler is called with (sig), or (sig, &info, &uc) under SA_SIGINFO,
// returning to a trampoline that makes the sigreturn call. Several signals
// make nested frames, the last entered running first, as on Linux.

// The signal frame's layout (glibc's ucontext_t on x86-64, then siginfo_t).
const (
	ucGregs     = 40 // uc_mcontext.gregs
	ucRBP       = ucGregs + 8*10
	ucRSP       = ucGregs + 8*15
	ucRIP       = ucGregs + 8*16
	ucSigmask   = 296 // uc_sigmask
	ucSize      = 968
	siOffset    = ucSize // siginfo_t follows
	siSize      = 128
	sigFrameLen = siOffset + siSize
	redZone     = 128
)

// deliver acts on t's deliverable signals until none is left, t has
// entered a handler for each, or its process ends or stops.
func (m *Machine) deliver(t *Thread) {
	p := t.proc
	for t.live() && t.ctx != nil && p.killSig == 0 {
		sig := t.deliverable().lowest()
		if sig == 0 {
			return
		}
		info := t.takeSignal(sig)
		act := p.action(sig)
		switch {
		case act.handler == sigIGN:
			continue
		case act.handler == sigDFL:
			switch defaultActionOf(sig) {
			case actIgnore:
				continue
			case actStop:
				m.stop(p, sig)
				continue
			}
			m.die(p, t, sig)
			return
		}
		if !m.enterHandler(t, sig, act, info) {
			return
		}
	}
}

// interrupting is the lowest signal t would run a handler for now, or 0:
// the signal that ends a blocked call.
func (t *Thread) interrupting() int {
	for s := t.deliverable(); s != 0; s &^= sigBit(s.lowest()) {
		if t.proc.action(s.lowest()).handler > sigIGN {
			return s.lowest()
		}
	}
	return 0
}

// restarts reports whether blocked call sys starts over after a handler
// with flags, as Linux: waits for a child, the terminal or a file under
// SA_RESTART; waits in the threads library always (the library waits
// again); sleeps, pause and sigsuspend never.
func restarts(sys abi.Sys, flags uint32) bool {
	switch sys {
	case abi.SysWaitpid, abi.SysRead, abi.SysWrite, abi.SysOpen,
		abi.SysAccept, abi.SysAccept4, abi.SysConnect, abi.SysRecvfrom, abi.SysSendto:
		return flags&abi.SA_RESTART != 0
	case abi.SysFutexWait, abi.SysFutexTimedWait, abi.SysThreadJoin, abi.SysSigwait, abi.SysIO:
		return true
	}
	return false
}

// eintr is how blocked call sys ends when a handler interrupts it:
// EINTR; sleep returns the whole seconds it had left, as glibc's (the
// tv_sec of what nanosleep left).
func (m *Machine) eintr(t *Thread, sys abi.Sys) sysret {
	if sys == abi.SysSleep {
		return ok(max(t.waiter.deadline-m.t, 0) / m.cfg.TicksPerSecond)
	}
	if sys == abi.SysSigsuspend || sys == abi.SysPause || sys == abi.SysSigtimedwait {
		t.sigWait = 0
	}
	return fail(abi.EINTR)
}

// enterHandler makes t run act's handler for sig. It reports false when
// it could not (no room on the stack, a bad handler address): t's process
// then dies of SIGSEGV, as Linux's force_sigsegv.
func (m *Machine) enterHandler(t *Thread, sig int, act sigAction, info sigInfo) bool {
	p := t.proc
	if len(t.sigFrames) >= maxSigFrames {
		m.forceFault(t, vm.Stop{Kind: vm.StopFault, Signal: abi.SIGSEGV, Msg: faultNested})
		return false
	}
	restoreMask := t.sigMask
	if t.hasSaved {
		restoreMask, t.hasSaved = t.savedMask, false
	}
	ctx := t.ctx
	top, low := t.handlerStack(act)
	addr := (top - sigFrameLen) &^ 15
	if addr > top {
		addr = 0
	}
	args := []uint64{uint64(sig)}
	if act.flags&abi.SA_SIGINFO != 0 {
		args = append(args, addr+siOffset, addr)
	}
	pending := ctx.SyscallArgs() != nil
	regs, err := ctx.EnterHandlerOn(act.handler, args, addr, low)
	if err == nil {
		var buf [sigFrameLen]byte
		le := binary.LittleEndian
		le.PutUint64(buf[ucRBP:], regs.FP())
		le.PutUint64(buf[ucRSP:], regs.SP())
		le.PutUint64(buf[ucRIP:], regs.PC())
		le.PutUint64(buf[ucSigmask:], uint64(restoreMask))
		fillSiginfo(buf[siOffset:], sig, info)
		err = p.mem.Write(addr, buf[:])
		if err != nil {
			ctx.Sigreturn(regs)
		}
	}
	if err != nil {
		m.forceFault(t, vm.Stop{Kind: vm.StopFault, Signal: abi.SIGSEGV, Addr: addr, Msg: faultNoHandler})
		return false
	}
	f := sigFrame{sig: sig, regs: regs, addr: addr}
	if t.inSyscall && pending {
		f.restart, f.sys = true, t.sys
	}
	t.inSyscall = false
	t.sigFrames = append(t.sigFrames, f)
	t.sigMask |= act.mask
	if act.flags&abi.SA_NODEFER == 0 {
		t.sigMask |= sigBit(sig)
	}
	t.sigMask &^= unblockable
	if act.flags&abi.SA_RESETHAND != 0 {
		p.setAction(sig, sigAction{})
	}
	m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindHandler, Signal: sig, Addr: act.handler})
	return true
}

// sysSigreturn returns from the innermost handler: the frame on the stack
// must be the one the kernel wrote (else SIGSEGV, as Linux faults on a bad
// frame); the mask is the frame's uc_sigmask, the registers those saved.
func sysSigreturn(m *Machine, t *Thread, a []uint64) sysret {
	n := len(t.sigFrames)
	bad := func() sysret {
		m.forceFault(t, vm.Stop{Kind: vm.StopFault, Signal: abi.SIGSEGV, Addr: t.ctx.SP(), Msg: faultSigreturn})
		return gone()
	}
	if n == 0 || !t.ctx.InSigreturn() {
		return bad()
	}
	f := t.sigFrames[n-1]
	mem := t.proc.mem
	word := func(off uint64) uint64 {
		v, err := mem.ReadU64(f.addr + off)
		if err != nil {
			return ^uint64(0)
		}
		return v
	}
	if t.ctx.SP() != f.addr || word(ucRBP) != f.regs.FP() || word(ucRSP) != f.regs.SP() || word(ucRIP) != f.regs.PC() {
		return bad()
	}
	mask := word(ucSigmask)
	if err := t.ctx.Sigreturn(f.regs); err != nil {
		return bad()
	}
	t.sigFrames = t.sigFrames[:n-1]
	t.sigMask = sigSet(mask) &^ unblockable
	if f.restart {
		t.restartSys = f.sys
	}
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindSigreturn, Signal: f.sig})
	return gone()
}
