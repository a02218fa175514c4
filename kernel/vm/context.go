package vm

import (
	"encoding/binary"
	"fmt"

	"osplay/kernel/abi"
)

// frame is a saved caller: what RET restores.
type frame struct {
	fn   *Func
	x    *execForm // fn's executable form
	pc   int
	base int    // caller's first slot
	fp   uint64 // caller's memory frame pointer
	sp   uint64 // caller's memory stack pointer
	va   uint64 // caller's variadic area
}

// Context is one thread of execution: the registers of the simulated CPU
// (function, PC, value stack, frame and stack pointers) and the address
// space. fork copies it; exec replaces it.
type Context struct {
	prog *Program
	mem  *AddressSpace
	lim  Limits

	fn     *Func
	pc     int
	vals   []uint64 // value stack: frames' slots and operands
	sp     int      // number of live slots in vals
	base   int      // first slot of the current frame
	fp     uint64   // memory frame pointer
	msp    uint64   // memory stack pointer
	altLow uint64   // while a handler runs on an alternate signal stack: its lowest address (0: none)
	va     uint64   // variadic area of the current frame
	nargs  int      // argument slots of the call being entered
	frames []frame

	pendingArgs int // argument slots of the SYSCALL being served, -1 when none

	instructions    int64
	libInstructions int64 // of library code: where the StopInstructions fall
	libCallCost     int64
}

const maxSlots = 1 << 22

// NewContext loads p into a fresh address space, copies argv and envp onto
// the new stack and prepares the call __libc_start(argc, argv, envp, &main).
func NewContext(p *Program, argv, envp []string, lim Limits) (*Context, error) {
	if lim.StackBytes == 0 {
		lim.StackBytes = abi.DefaultStackLimit
	}
	if lim.MemBytes == 0 {
		lim.MemBytes = 64 << 20
	}
	if lim.VirtualBytes == 0 {
		lim.VirtualBytes = DefaultVirtualBytes
	}
	if lim.CallDepth == 0 {
		lim.CallDepth = 100000
	}
	if p.Main < 0 {
		return nil, fmt.Errorf("%s: undefined reference to `main'", p.Name)
	}
	a := newAddressSpace(lim.MemBytes, lim.VirtualBytes, lim.Memory)
	if list := p.imageRegions(); p.regions.span.image != nil {
		a.regions = append(make([]region, 0, 4), p.regions.span)
	} else {
		a.regions = append(make([]region, 0, len(list)+4), list...)
	}
	a.static = p.regions.static
	if a.static > lim.VirtualBytes {
		return nil, fmt.Errorf("%s: %d bytes of code and static data: %w", p.Name, a.static, ErrMemoryLimit)
	}
	if !a.mapImage(p) {
		if err := a.mapImageByPage(p); err != nil {
			return nil, err
		}
	}
	heapStart := (p.End + pageMask) &^ pageMask
	a.addRegion(region{name: "heap", start: heapStart, end: heapStart})
	a.addRegion(region{name: "stack", start: abi.StackTop - lim.StackBytes, end: abi.StackTop, growsDown: true})

	c := &Context{prog: p, mem: a, lim: lim, vals: make([]uint64, 128), frames: make([]frame, 0, 16), pendingArgs: -1, libCallCost: 1}
	return c.start(argv, envp)
}

// mapImage maps the pages of p's image at once, copying the chunks of
// page-table entries the program made for them, when nothing can fail: no
// limit is reached and the machine's memory has no bound. It reports
// whether it did.
func (a *AddressSpace) mapImage(p *Program) bool {
	if a.phys.limit != 0 || a.pages.len() != 0 {
		return false
	}
	var resident uint64 // as mapImageByPage counts, checks included
	for i, s := range p.Segments {
		if resident+uint64(len(s.Bytes)) > a.limit {
			return false
		}
		resident += uint64(len(p.imagePages(i))) * pageSize
	}
	a.pages = p.imageTable().clone()
	a.resident = resident
	a.phys.takeAllImage(p)
	return true
}

// mapImageByPage maps the pages of p's image one by one, failing with the
// limit that stops it.
func (a *AddressSpace) mapImageByPage(p *Program) error {
	lim := a.limit
	for i, s := range p.Segments {
		if a.resident+uint64(len(s.Bytes)) > lim {
			a.Release()
			return fmt.Errorf("%s: %d bytes of initialised data: %w", p.Name, a.resident+uint64(len(s.Bytes)), ErrMemoryLimit)
		}
		// Map the image's pages now (images start on a page), shared with
		// every other process of the program until one writes to a page.
		for k, pg := range p.imagePages(i) {
			for !a.phys.takeImage(pg) {
				if !a.phys.reclaim(a) {
					a.Release()
					return fmt.Errorf("%s: %w", p.Name, ErrOutOfMemory)
				}
			}
			a.pages.set((s.Addr+uint64(k)*pageSize)>>pageShift, pte{p: pg, readOnly: s.ReadOnly})
			a.resident += pageSize
		}
	}
	return nil
}

// start copies argv and envp onto the new stack and prepares the call
// __libc_start(argc, argv, envp, &main).
func (c *Context) start(argv, envp []string) (*Context, error) {
	a, p := c.mem, c.prog
	fail := func(err error) (*Context, error) {
		a.Release()
		if f, ok := err.(*Fault); ok && f.OutOfMemory {
			return nil, fmt.Errorf("%s: %w", p.Name, ErrOutOfMemory)
		}
		if f, ok := err.(*Fault); ok && f.OverLimit {
			return nil, fmt.Errorf("%s: arguments on the stack: %w", p.Name, ErrMemoryLimit)
		}
		return nil, fmt.Errorf("argument list too long: %w", err)
	}

	// The initial stack, as the Linux loader builds it: strings at the top,
	// then the envp and argv pointer arrays.
	sp := uint64(abi.StackTop - 16)
	push := func(s string) (uint64, error) {
		sp -= uint64(len(s) + 1)
		return sp, a.Write(sp, append([]byte(s), 0))
	}
	ptrs := func(list []string) ([]uint64, error) {
		out := make([]uint64, len(list))
		for i := len(list) - 1; i >= 0; i-- {
			addr, err := push(list[i])
			if err != nil {
				return nil, err
			}
			out[i] = addr
		}
		return out, nil
	}
	envAddrs, err := ptrs(envp)
	if err != nil {
		return fail(err)
	}
	argAddrs, err := ptrs(argv)
	if err != nil {
		return fail(err)
	}
	sp &^= 15
	table := append(append(append(argAddrs, 0), envAddrs...), 0)
	sp -= uint64(8 * len(table))
	sp &^= 15
	buf := make([]byte, 8*len(table))
	for i, v := range table {
		binary.LittleEndian.PutUint64(buf[8*i:], v)
	}
	if err := a.Write(sp, buf); err != nil {
		return fail(err)
	}
	c.msp = sp
	c.fp = sp
	argvAddr := sp
	envpAddr := sp + uint64(8*(len(argv)+1))

	// Call __libc_start(argc, argv, envp, main) from an empty frame.
	c.push(uint64(len(argv)))
	c.push(argvAddr)
	c.push(envpAddr)
	c.push(FuncAddr(p.Main))
	c.fn = startFunc
	c.call(p.Funcs[p.Entry], 4)
	return c, nil
}

// startFunc is the caller of a program's first function: returning to it
// faults. Like a program's functions it is never changed, and shared.
var startFunc = &Func{Name: "<start>", Code: []Instr{{Op: TRAP, A: abi.SIGSEGV}}, Lines: []int32{0}, Lib: true}

// FuncAddr is the address of function i.
func FuncAddr(i int) uint64 { return uint64(abi.TextBase + i*abi.FuncAlign) }

func (c *Context) push(v uint64) {
	if c.sp == len(c.vals) {
		c.grow(1)
	}
	c.vals[c.sp] = v
	c.sp++
}

func (c *Context) grow(n int) bool {
	need := c.sp + n
	if need <= len(c.vals) {
		return true
	}
	if need > maxSlots {
		return false
	}
	size := 2 * len(c.vals)
	for size < need {
		size *= 2
	}
	v := make([]uint64, size)
	copy(v, c.vals[:c.sp])
	c.vals = v
	return true
}

// call transfers control to f with nargs argument slots on the stack; the
// callee's ENTER finishes the frame.
func (c *Context) call(f *Func, nargs int) {
	c.frames = append(c.frames, frame{fn: c.fn, x: c.fn.exec(), pc: c.pc, base: c.base, fp: c.fp, sp: c.msp, va: c.va})
	c.base = c.sp - nargs
	c.nargs = nargs
	c.fn = f
	c.pc = 0
}

// Program returns the program the context runs.
func (c *Context) Program() *Program { return c.prog }

// Mem returns the address space.
func (c *Context) Mem() *AddressSpace { return c.mem }

// Instructions counts every VM instruction executed, library code included.
func (c *Context) Instructions() int64 { return c.instructions }

// SetLibCallCost sets the ticks charged for one call into library code.
func (c *Context) SetLibCallCost(t int64) { c.libCallCost = t }

// SyscallArgs returns the arguments of the pending system call.
func (c *Context) SyscallArgs() []uint64 {
	if c.pendingArgs < 0 {
		return nil
	}
	return c.vals[c.sp-c.pendingArgs : c.sp]
}

// Return completes the pending system call with result v.
func (c *Context) Return(v uint64) {
	if c.pendingArgs < 0 {
		return
	}
	c.sp -= c.pendingArgs
	c.pendingArgs = -1
	c.push(v)
}

// stackLow is the lowest address the memory stack may reach: the stack
// limit's, or the alternate signal stack's while a handler runs on it.
func (c *Context) stackLow() uint64 {
	if c.altLow != 0 {
		return c.altLow
	}
	return abi.StackTop - c.lim.StackBytes
}

// Fork copies the context with a copy-on-write address space. The value
// stack is copied as far as it is in use (with the room the current
// function was promised), not as far as it once grew: a parent that
// recursed deeply once does not make every child that large.
func (c *Context) Fork() *Context {
	d := *c
	d.mem = c.mem.Clone()
	need := max(c.base+c.fn.NSlots+c.fn.MaxStack+8, c.sp+8, 128)
	d.vals = make([]uint64, min(need, len(c.vals)))
	copy(d.vals, c.vals[:c.sp])
	d.frames = append(make([]frame, 0, max(len(c.frames), 16)), c.frames...)
	return &d
}

// Release drops the address space.
func (c *Context) Release() {
	if c.mem != nil {
		c.mem.Release()
	}
}

// Registers reports the context for the PCB view. Line is the line of the
// innermost user (non-library) function, so a process blocked inside
// printf shows the printf call in the student's code.
func (c *Context) Registers() Registers {
	r := Registers{PC: c.pc, SP: c.msp, FP: c.fp, Depth: len(c.frames), Slots: c.sp}
	fn, pc := c.fn, c.pc
	for i := len(c.frames); fn.Lib && i > 0; i-- {
		f := c.frames[i-1]
		fn, pc = f.fn, f.pc
	}
	r.Func, r.File = fn.Name, fn.File
	if pc > 0 {
		pc--
	}
	if pc < len(fn.Lines) {
		r.Line = int(fn.Lines[pc])
	}
	return r
}
