package kernel

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"path"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
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

// execProgram replaces p's program: a fresh address space with argv and
// envp on its stack, the same pid, parent and open files.
func (m *Machine) execProgram(p *Process, prog *vm.Program, file string, argv, envp []string) int {
	ctx, err := vm.NewContext(prog, argv, envp, vm.Limits{MemBytes: m.cfg.MaxMemory, Memory: m.phys})
	if errors.Is(err, vm.ErrMemoryLimit) || errors.Is(err, vm.ErrOutOfMemory) {
		return abi.ENOMEM
	}
	if err != nil {
		return E2BIG
	}
	ctx.SetLibCallCost(m.cfg.LibCallCost)
	if p.ctx != nil {
		p.instrBase += p.ctx.Instructions()
		p.ctx.Release()
	}
	p.ctx = ctx
	p.Name = commName(file)
	p.task.Name = p.Name
	p.Argv = argv
	m.emit(Event{PID: p.PID, Kind: KindExec, Name: file, Argv: argv})
	return 0
}

// execve is the system call: on success it does not return.
func (m *Machine) execve(p *Process, pathAddr, argvAddr, envpAddr uint64) sysret {
	mem := p.ctx.Mem()
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
			m.writeFD(p, 2, []byte(msg+"\n"))
		}
		return fail(errno)
	}
	if errno := m.execProgram(p, prog, file, argv, envp); errno != 0 {
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
