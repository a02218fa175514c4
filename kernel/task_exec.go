package kernel

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"path"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// Limits on what execve copies from the caller's memory, as Linux's ARG_MAX.
const (
	maxExecArgs  = 4096
	maxExecBytes = 128 << 10
)

// loadProgram finds and compiles the program that file names, relative to
// p's working directory. A failure is an errno; a compile error also
// returns the compiler's message, which exec writes to p's stderr.
func (m *Machine) loadProgram(p *Process, file string) (prog *vm.Program, errno int, msg string) {
	n, err := m.fs.Lookup(p.cwd, file, fs.StudentUID)
	if err != nil {
		return nil, fsErrno(err), ""
	}
	if !n.IsRegular() || !n.Permits(fs.StudentUID, 1) {
		return nil, abi.EACCES, ""
	}
	switch {
	case n.Builtin != "":
		prog, err = builtinProgram(n.Builtin)
	case n.Source != "":
		dirPath := path.Dir(file)
		dir, derr := m.fs.Lookup(p.cwd, dirPath, fs.StudentUID)
		if derr != nil {
			return nil, fsErrno(derr), ""
		}
		prog, err = userProgram(dir, m.fs, n.Source)
		if errors.Is(err, iofs.ErrNotExist) {
			return nil, abi.ENOEXEC, fmt.Sprintf("%s: source file %s is missing", file, n.Source)
		}
	default:
		return nil, abi.ENOEXEC, ""
	}
	if err != nil {
		return nil, abi.ENOEXEC, err.Error()
	}
	return prog, 0, ""
}

// execProgram replaces the program of t's process: a fresh address space
// with argv and envp on its stack, the same pid, parent and open files,
// and t as its only thread, the main one.
func (m *Machine) execProgram(t *Thread, prog *vm.Program, file string, argv, envp []string) int {
	p := t.proc
	ctx, err := vm.NewContext(prog, argv, envp, vm.Limits{MemBytes: m.cfg.MaxMemory, VirtualBytes: m.cfg.MaxVirtualMemory, Memory: m.phys})
	if errors.Is(err, vm.ErrMemoryLimit) || errors.Is(err, vm.ErrOutOfMemory) {
		return abi.ENOMEM
	}
	if err != nil {
		return E2BIG
	}
	ctx.SetLibCallCost(m.cfg.LibCallCost)
	m.soleThread(t)
	p.files.CloseOnExec()
	m.releaseMemory(p)
	p.stacks, p.futexes = nil, nil
	t.ctx, t.stack = ctx, 0
	p.mem, p.prog = ctx.Mem(), prog
	p.mem.Writer = int32(p.PID)
	// Handlers are gone with the old program: a caught signal goes back
	// to its default action; ignored ones, the mask and pending signals
	// stay, as on Linux.
	for sig := 0; p.actions != nil && sig < len(p.actions); sig++ {
		if p.actions[sig].handler > sigIGN {
			p.actions[sig] = sigAction{}
		}
	}
	t.sigFrames, t.hasSaved, t.restartSys = nil, false, 0
	t.altStack = altStack{}
	p.Name = CommName(file)
	t.task.Name = p.Name
	p.Argv = argv
	m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindExec, Name: file, Argv: argv})
	return 0
}

// soleThread makes t the only thread of its process, as execve does on
// Linux: the other threads end at once, without running on, and t takes
// the main thread's place and its tid, the pid.
func (m *Machine) soleThread(t *Thread) {
	p := t.proc
	for _, o := range p.threads {
		if o == t {
			continue
		}
		if o.live() {
			if o.State == StateReady {
				m.policy.Remove(&o.task)
			}
			m.takeBackTickets(o)
			m.stopWaiting(o, wokeSignal)
			m.abandonOpen(o)
			o.Ended = m.t
			m.setState(o, StateTerminated, msg.New(msg.ExecOther))
			m.leaveCPU(o)
		}
		p.gone += o.task.Total
		delete(m.byTID, o.TID)
	}
	p.threads = []*Thread{t}
	if t.TID != p.PID {
		delete(m.byTID, t.TID)
		t.TID, t.task.TID = p.PID, p.PID
		t.exited.Object.ID, t.exited.Object.Holder = uint64(p.PID), p.PID
		m.byTID[t.TID] = t
	}
}

// execve is the system call: on success it does not return.
func (m *Machine) execve(t *Thread, pathAddr, argvAddr, envpAddr uint64) sysret {
	p := t.proc
	mem := p.mem
	file, err := mem.ReadCString(pathAddr, fs.PathMax)
	if err != nil {
		return fail(abi.EFAULT)
	}
	budget := maxExecBytes
	argv, errno := readStrings(mem, argvAddr, &budget)
	if errno != 0 {
		return fail(errno)
	}
	envp, errno := readStrings(mem, envpAddr, &budget)
	if errno != 0 {
		return fail(errno)
	}
	prog, errno, msg := m.loadProgram(p, file)
	if errno != 0 {
		if msg != "" {
			m.writeFD(t, 2, []byte(msg+"\n"))
		}
		return fail(errno)
	}
	if errno := m.execProgram(t, prog, file, argv, envp); errno != 0 {
		return fail(errno)
	}
	return gone()
}

// readStrings reads a NULL-terminated array of C strings; a NULL array is
// empty, as Linux allows.
func readStrings(mem *vm.AddressSpace, addr uint64, budget *int) ([]string, int) {
	var out []string
	if addr == 0 {
		return out, 0
	}
	for i := 0; ; i++ {
		if i >= maxExecArgs {
			return nil, E2BIG
		}
		ptr, err := mem.ReadU64(addr + uint64(8*i))
		if err != nil {
			return nil, abi.EFAULT
		}
		if ptr == 0 {
			return out, 0
		}
		s, err := mem.ReadCString(ptr, *budget)
		if err != nil {
			return nil, E2BIG
		}
		*budget -= len(s) + 1
		out = append(out, s)
	}
}
