package vm

import (
	"fmt"

	"osplay/kernel/abi"
)

// Threads. A process's threads share its program and its address space;
// each has a context of its own (registers, value stack) and a stack
// region of its own in the address space, below the main thread's stack,
// with an unmapped guard page below it so that running off the end faults.

// NewThread returns the context of a new thread of c's process: it shares
// c's program and address space and starts by calling the function at
// address entry with args, on the stack [low, high), which the caller has
// mapped (MapStack). The function must not return (a thread ends with a
// system call); if it does, the thread faults.
func (c *Context) NewThread(entry uint64, args []uint64, low, high uint64) (*Context, error) {
	idx := int((entry - abi.TextBase) / abi.FuncAlign)
	if entry < abi.TextBase || (entry-abi.TextBase)%abi.FuncAlign != 0 || idx >= len(c.prog.Funcs) {
		return nil, fmt.Errorf("bad thread start address 0x%x", entry)
	}
	if low >= high || high > abi.StackTop {
		return nil, fmt.Errorf("bad thread stack [0x%x, 0x%x)", low, high)
	}
	lim := c.lim
	// The VM's stack checks (ENTER, ALLOCA) measure the stack down from
	// abi.StackTop; a thread's stack ends lower, at low, so its limit
	// reaches down to there. Running below low faults as a stack overflow.
	lim.StackBytes = abi.StackTop - low
	t := &Context{prog: c.prog, mem: c.mem, lim: lim, vals: make([]uint64, 256), pendingArgs: -1, libCallCost: c.libCallCost}
	t.msp = high &^ 15
	t.fp = t.msp
	for _, a := range args {
		t.push(a)
	}
	t.fn = &Func{Name: "<thread start>", Code: []Instr{{Op: TRAP, A: abi.SIGSEGV}}, Lines: []int32{0}, Lib: true}
	t.call(c.prog.Funcs[idx], len(args))
	return t, nil
}

// MapStack maps [low, high) as a stack region called name: it grows down
// and its pages are mapped on first touch, zero-filled. It fails if the
// range overlaps a region already mapped.
func (a *AddressSpace) MapStack(name string, low, high uint64) error {
	for _, r := range a.regions {
		if low < r.end && r.start < high {
			return fmt.Errorf("stack [0x%x, 0x%x) overlaps %s", low, high, r.name)
		}
	}
	a.addRegion(region{name: name, start: low, end: high, growsDown: true})
	return nil
}

// Unmap removes the region that starts at start and drops its pages, as
// munmap of a thread's stack once the thread is gone, or of a shared
// mapping.
func (a *AddressSpace) Unmap(start uint64) {
	for i, r := range a.regions {
		if r.start != start {
			continue
		}
		a.dropPages(r.start>>pageShift, (r.end+pageMask)>>pageShift)
		if r.obj != nil {
			r.obj.unmapped()
		}
		if r.mapped {
			a.mappedBytes -= r.end - r.start
		}
		a.regions = append(a.regions[:i:i], a.regions[i+1:]...)
		for j := range a.regions {
			switch a.regions[j].name {
			case "heap":
				a.heap = j
			case "stack":
				a.stack = j
			}
		}
		a.flush()
		return
	}
}
