package vm

import (
	"bytes"
	"testing"

	"osplay/kernel/abi"
)

// distinctFrames counts the pages the address spaces map, each once: what
// PhysicalMemory.InUse must say without counting.
func distinctFrames(spaces ...*AddressSpace) uint64 {
	seen := map[*page]bool{}
	for _, a := range spaces {
		for _, e := range a.pages.all {
			seen[e.p] = true
		}
	}
	return uint64(len(seen)) * pageSize
}

// TestPhysicalMemoryCountsFramesOnce follows the frames through fork,
// copy-on-write, sbrk and release: a page shared after fork counts once,
// and the count always equals the distinct pages mapped.
func TestPhysicalMemoryCountsFramesOnce(t *testing.T) {
	pm := NewPhysicalMemory(0)
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	var d *Context
	live := func() []*AddressSpace {
		if d == nil {
			return []*AddressSpace{c.Mem()}
		}
		return []*AddressSpace{c.Mem(), d.Mem()}
	}
	base := pm.InUse()
	heap, _ := c.Mem().Sbrk(16 * pageSize)
	writePages := func(ctx *Context, from, n int) {
		for i := from; i < from+n; i++ {
			if err := ctx.Mem().WriteU64(heap+uint64(i)*pageSize, uint64(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name string
		do   func()
		want uint64 // pages beyond the start
	}{
		{"touch 8 heap pages", func() { writePages(c, 0, 8) }, 8},
		{"fork", func() { d = c.Fork() }, 8},
		{"the child writes 3 shared pages", func() { writePages(d, 0, 3) }, 11},
		{"the parent writes a shared page", func() { writePages(c, 5, 1) }, 12},
		{"the parent writes a page the child copied", func() { writePages(c, 0, 1) }, 12},
		{"the child touches 2 new pages", func() { writePages(d, 10, 2) }, 14},
		{"the child exits", func() { d.Release(); d = nil }, 8},
		{"sbrk gives back 12 pages", func() { c.Mem().Sbrk(-12 * pageSize) }, 4},
	}
	for _, s := range steps {
		s.do()
		if got := pm.InUse(); got != base+s.want*pageSize || got != distinctFrames(live()...) {
			t.Fatalf("%s: %d bytes in use, want %d (distinct pages: %d)", s.name, got, base+s.want*pageSize, distinctFrames(live()...))
		}
	}
	c.Release()
	if pm.InUse() != 0 {
		t.Errorf("%d bytes in use after the last release", pm.InUse())
	}
}

// spinProgram calls a library function that counts down from n: one call,
// charged one tick, of about 4n instructions.
func spinProgram(n int64) *Program {
	p := tinyProgram()
	main := &Func{Name: "main", NSlots: 1, MaxStack: 4, Code: []Instr{
		{Op: ENTER, A: 1}, {Op: CONST, B: n}, {Op: CALL, A: 2, B: 1}, {Op: RET},
	}}
	spin := &Func{Name: "spin", Lib: true, NParams: 1, NSlots: 1, MaxStack: 4, Code: []Instr{
		{Op: ENTER, A: 1}, {Op: LOCAL, A: 0}, {Op: JZ, A: 5}, {Op: ADDLOCAL, A: 0, B: -1}, {Op: JMP, A: 1},
		{Op: CONST, B: 0}, {Op: RET},
	}}
	for _, f := range []*Func{main, spin} {
		f.Lines = make([]int32, len(f.Code))
	}
	p.Funcs = []*Func{p.Funcs[0], main, spin}
	return p
}

// TestLibraryCodeStopsAtFixedPlaces checks StopInstructions: however a
// run is cut by its budgets, library code stops every LibSlice of its
// instructions, counted over the context's life, and the program computes
// the same.
func TestLibraryCodeStopsAtFixedPlaces(t *testing.T) {
	for _, budget := range []int64{1, 2, 3, 1000} {
		c, err := NewContext(spinProgram(200_000), []string{"spin"}, nil, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var ticks int64
		stops := 0
		for {
			n, stop := c.Run(budget)
			ticks += n
			if stop.Kind == StopInstructions {
				stops++
				if c.libInstructions%LibSlice != 0 {
					t.Fatalf("budget %d: stopped after %d library instructions", budget, c.libInstructions)
				}
				continue
			}
			if stop.Kind == StopSyscall {
				if stop.Sys != abi.SysExit || c.SyscallArgs()[0] != 0 {
					t.Fatalf("budget %d: stop %+v, args %v", budget, stop, c.SyscallArgs())
				}
				break
			}
			if stop.Kind != StopBudget {
				t.Fatalf("budget %d: stop %+v", budget, stop)
			}
		}
		if want := int(c.libInstructions / LibSlice); stops != want || stops < 10 {
			t.Errorf("budget %d: %d stops in library code, want %d", budget, stops, want)
		}
		if ticks != 4 {
			t.Errorf("budget %d: %d ticks, want 4 (the library call is one)", budget, ticks)
		}
	}
}

// TestOutOfMemoryStopRunsAgain checks StopOutOfMemory: the instruction
// that needs a frame stops before it runs, uncharged, and runs when Run is
// called again once a frame is free.
func TestOutOfMemoryStopRunsAgain(t *testing.T) {
	p := tinyProgram()
	// main touches a page of its frame below the arguments' pages.
	p.Funcs[1] = &Func{Name: "main", NSlots: 1, MaxStack: 4, Code: []Instr{
		{Op: ENTER, A: 1, B: 3 * pageSize}, {Op: FRAMEADDR, B: 0}, {Op: CONST, B: 9}, {Op: ST64}, {Op: CONST, B: 5}, {Op: RET},
	}, Lines: make([]int32, 6)}
	pm := NewPhysicalMemory(0)
	other, err := NewContext(tinyProgram(), []string{"other"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewContext(p, []string{"tiny"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	pm.limit = pm.frames.Load() // full
	ticks, stop := c.Run(100)
	if stop.Kind != StopOutOfMemory || stop.Addr == 0 || ticks != 3 {
		t.Fatalf("stop %+v after %d ticks, want StopOutOfMemory after 3 (enter, frameaddr, const)", stop, ticks)
	}
	if ticks, stop = c.Run(100); stop.Kind != StopOutOfMemory || ticks != 0 {
		t.Fatalf("again without memory: stop %+v after %d ticks", stop, ticks)
	}
	other.Release()
	if ticks, stop = c.Run(100); stop.Kind != StopSyscall || c.SyscallArgs()[0] != 5 || ticks != 3 {
		t.Fatalf("with memory: stop %+v after %d ticks, args %v", stop, ticks, c.SyscallArgs())
	}
}

// TestCopyBytesIsMemmove checks the copy of a struct assignment, page by
// page on the host: the bytes come out as memmove gives them, whichever
// way the two ranges overlap.
func TestCopyBytesIsMemmove(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	m := c.Mem()
	heap, _ := m.Sbrk(8 * pageSize)
	const n = 3*pageSize + 123
	for _, shift := range []int64{-5000, -1, 0, 1, 77, 5000, 2 * pageSize} {
		src := heap + 2*pageSize
		dst := uint64(int64(src) + shift)
		orig := make([]byte, 8*pageSize)
		for i := range orig {
			orig[i] = byte(i*7 + i/pageSize)
		}
		m.Write(heap, orig)
		want := bytes.Clone(orig)
		copy(want[dst-heap:], orig[src-heap:src-heap+n])
		if f := m.copyBytes(dst, src, n); f != nil {
			t.Fatalf("shift %d: %v", shift, f)
		}
		got := make([]byte, len(orig))
		m.Read(heap, got)
		if !bytes.Equal(got, want) {
			t.Errorf("shift %d: the copy differs from memmove's", shift)
		}
	}
}
