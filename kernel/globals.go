package kernel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"osplay/kernel/vm"
)

// ErrNoGlobal is the error of FinalGlobal for a name the program does not
// define as a global variable.
var ErrNoGlobal = errors.New("no global variable named")

// finalMemory is a process's memory as it was when it terminated: a
// copy-on-write clone of its address space, kept beside the program that
// gives its globals' addresses. The clone shares every page with whoever
// still maps it, so keeping it costs a page table, not a copy of memory.
type finalMemory struct {
	mem  *vm.AddressSpace
	prog *vm.Program
}

// keepFinalMemory records p's memory before exit releases it, when the
// configuration asks for it (Config.KeepFinalMemory).
func (m *Machine) keepFinalMemory(p *Process) {
	if !m.cfg.KeepFinalMemory || p.mem == nil {
		return
	}
	if m.finals == nil {
		m.finals = map[int]finalMemory{}
	}
	m.finals[p.PID] = finalMemory{mem: p.mem.Clone(), prog: p.prog}
}

// memoryOf is pid's final memory, or its memory now if it is still alive.
func (m *Machine) memoryOf(pid int) (finalMemory, error) {
	if f, ok := m.finals[pid]; ok {
		return f, nil
	}
	if p := m.byPID[pid]; p != nil && p.mem != nil && p.State() != StateTerminated {
		return finalMemory{mem: p.mem, prog: p.prog}, nil
	}
	if !m.cfg.KeepFinalMemory {
		return finalMemory{}, fmt.Errorf("process %d: its memory was not kept (Config.KeepFinalMemory is off)", pid)
	}
	return finalMemory{}, fmt.Errorf("process %d: no such process ran a program on this machine", pid)
}

// FinalGlobalBytes returns the first n bytes of the global variable name
// of process pid as they were when it terminated (or as they are, if it
// has not). Only external globals have names: static variables do not.
func (m *Machine) FinalGlobalBytes(pid int, name string, n int) ([]byte, error) {
	f, err := m.memoryOf(pid)
	if err != nil {
		return nil, err
	}
	addr, ok := f.prog.Globals[name]
	if !ok {
		return nil, fmt.Errorf("process %d (%s): %w %q", pid, f.prog.Name, ErrNoGlobal, name)
	}
	if n < 0 {
		return nil, fmt.Errorf("global %s: cannot read %d bytes", name, n)
	}
	b := make([]byte, n)
	if err := f.mem.Peek(addr, b); err != nil {
		return nil, fmt.Errorf("process %d: global %s: %w", pid, name, err)
	}
	return b, nil
}

// FinalGlobal returns the little-endian integer of size bytes (1, 2, 4
// or 8) at the global variable name of process pid, as FinalGlobalBytes
// reads it. It is not sign-extended: that is the caller's business.
func (m *Machine) FinalGlobal(pid int, name string, size int) (uint64, error) {
	if !slices.Contains([]int{1, 2, 4, 8}, size) {
		return 0, fmt.Errorf("global %s: an integer has 1, 2, 4 or 8 bytes, not %d", name, size)
	}
	b, err := m.FinalGlobalBytes(pid, name, size)
	if err != nil {
		return 0, err
	}
	var word [8]byte
	copy(word[:], b)
	return binary.LittleEndian.Uint64(word[:]), nil
}

// GlobalValue is a variable of a process's own program (not the
// library's) holding one integer, as it is now: what a view shows and a
// prediction asks about ("what is counter after this step?").
type GlobalValue struct {
	Name  string
	Addr  uint64
	Size  int   // 1, 2, 4 or 8 bytes
	Value int64 // sign-extended from Size bytes
}

// GlobalsNow returns the integer variables (1, 2, 4 or 8 bytes, not
// arrays) of process pid's own program as they are now, in address
// order, at most limit of them; nil for a process that has ended or runs
// no program. A name two variables share (static ones of different
// functions) is left out: a reader could not tell which it is.
func (m *Machine) GlobalsNow(pid, limit int) []GlobalValue {
	return m.AppendGlobalsNow(nil, pid, limit)
}

// AppendGlobalsNow appends GlobalsNow(pid, limit) to out: a caller that
// reads the globals at every batch reuses its slice.
func (m *Machine) AppendGlobalsNow(out []GlobalValue, pid, limit int) []GlobalValue {
	p := m.proc(pid)
	if p == nil || p.mem == nil || p.prog == nil || p.State() == StateTerminated {
		return out
	}
	vars := p.prog.Vars
	var names map[string]int // past a few variables, counted once rather than by a search for each
	if len(vars) > 16 {
		names = make(map[string]int, len(vars))
		for _, v := range vars {
			names[v.Name]++
		}
	}
	shared := func(i int) bool {
		if names != nil {
			return names[vars[i].Name] > 1
		}
		for j := range vars {
			if j != i && vars[j].Name == vars[i].Name {
				return true
			}
		}
		return false
	}
	var word [8]byte
	first := len(out)
	for i, v := range vars {
		if len(out)-first == limit {
			break
		}
		// Names with two leading underscores are the implementation's
		// (the compiler's end-of-input marker), not the student's.
		if v.Elem > 0 || v.Size != 1 && v.Size != 2 && v.Size != 4 && v.Size != 8 || strings.HasPrefix(v.Name, "__") || shared(i) {
			continue
		}
		word = [8]byte{}
		if err := p.mem.Peek(v.Addr, word[:v.Size]); err != nil {
			continue
		}
		shift := 64 - 8*v.Size
		out = append(out, GlobalValue{Name: v.Name, Addr: v.Addr, Size: int(v.Size), Value: int64(binary.LittleEndian.Uint64(word[:])<<shift) >> shift})
	}
	return out
}
