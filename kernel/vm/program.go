package vm

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"osplay/kernel/abi"
)

// Program is a linked, immutable program: libc's functions and data followed
// by one translation unit's. It is shared by every process that runs it, in
// every session; a process owns only its Context.
type Program struct {
	Name     string            // "./onetwo", "/bin/ls"
	Funcs    []*Func           // function i has address abi.TextBase + i*abi.FuncAlign
	Segments []Image           // initial memory images, in address order
	Globals  map[string]uint64 // address of each global object
	// Vars are the program's own data objects (not the library's), static
	// ones too, by address: what a view names an address by (VarAt).
	Vars    []Var
	FuncIdx map[string]int // index of each function by name
	End     uint64         // first address after the last segment: the heap starts on the next page
	Entry   int            // __libc_start
	Main    int            // main, or -1

	// image holds the pages of the initialised segments, made at the
	// first exec and shared read-only by every process that runs the
	// program, in every machine: an exec maps them copy-on-write instead
	// of copying each one.
	image struct {
		once  sync.Once
		pages [][]*page // per segment of Segments
		count int       // pages in all
		table pageTable // the entries that map them, as an exec makes them
	}
	// calls are the functions' executable forms as calls find them, by
	// index, each filled at its first call: one table for every process
	// of every machine that runs the program (a class running one
	// program shares it), made at the first run.
	calls struct {
		once  sync.Once
		table []atomic.Pointer[execForm]
	}
	// regions are the text's and the segments' regions, in address order,
	// made at the first exec. When no two overlap (as the linker lays them
	// out), an address space holds one entry for them all (span), which
	// looks inside list; otherwise it starts from a copy of list.
	regions struct {
		once   sync.Once
		list   []region
		span   region // start, end and image set when the list is disjoint
		static uint64 // staticPages(list)
	}
}

// callTable is the program's table of the functions calls find.
func (p *Program) callTable() []atomic.Pointer[execForm] {
	p.calls.once.Do(func() { p.calls.table = make([]atomic.Pointer[execForm], len(p.Funcs)) })
	return p.calls.table
}

// imageRegions is the regions of the program's text and segments, in
// address order (a segment after any that starts where it does).
func (p *Program) imageRegions() []region {
	p.regions.once.Do(func() {
		textEnd := uint64(abi.TextBase + len(p.Funcs)*abi.FuncAlign)
		list := []region{{name: "text", start: abi.TextBase, end: (textEnd + pageMask) &^ pageMask, execute: true}}
		for _, s := range p.Segments {
			list = append(list, region{name: s.Name, start: s.Addr, end: s.Addr + s.Size, readOnly: s.ReadOnly})
		}
		slices.SortStableFunc(list, func(a, b region) int { return cmp.Compare(a.start, b.start) })
		p.regions.list = list
		p.regions.static = staticPages(list)
		for i, r := range list {
			if i > 0 && r.start < list[i-1].end {
				return // overlapping: no span
			}
		}
		p.regions.span = region{start: list[0].start, end: list[len(list)-1].end, image: p}
	})
	return p.regions.list
}

// regionAt is the region of the program's image that holds addr, or nil.
// The region is the program's: the caller must not change it.
func (p *Program) regionAt(addr uint64) *region {
	list := p.regions.list
	i := sort.Search(len(list), func(i int) bool { return list[i].start > addr }) - 1
	if i >= 0 && addr < list[i].end {
		return &list[i]
	}
	return nil
}

// imagePages is the pages of segment i's initial bytes, shared.
func (p *Program) imagePages(i int) []*page {
	p.image.once.Do(func() {
		p.image.pages = make([][]*page, len(p.Segments))
		n := int32(0)
		for k, s := range p.Segments {
			for off := 0; off < len(s.Bytes); off += pageSize {
				pg := &page{image: true, of: p, idx: n}
				copy(pg.data[:], s.Bytes[off:])
				p.image.pages[k] = append(p.image.pages[k], pg)
				n++
			}
		}
		p.image.count = int(n)
		for k, s := range p.Segments {
			for j, pg := range p.image.pages[k] {
				p.image.table.set((s.Addr+uint64(j)*pageSize)>>pageShift, pte{p: pg, readOnly: s.ReadOnly})
			}
		}
		for _, d := range p.image.table.dir {
			d.c.fixed = true // before any machine sees it
		}
	})
	return p.image.pages[i]
}

// imageTable is the page table of a process that has just mapped the
// program's image: an exec starts from a copy of it.
func (p *Program) imageTable() *pageTable {
	p.imagePages(0)
	return &p.image.table
}

// Image is a segment of the initial address space.
type Image struct {
	Name     string // "rodata", "data", "bss"
	Addr     uint64
	Size     uint64
	Bytes    []byte // nil for bss (zero-filled)
	ReadOnly bool
}

// Func is one compiled function.
type Func struct {
	Name      string
	File      string
	Line      int
	Code      []Instr
	Lines     []int32 // source line of each instruction
	NParams   int     // parameter slots
	NSlots    int     // value slots of the frame (parameters included)
	MaxStack  int     // deepest operand stack above the slots
	FrameSize int64   // bytes of memory frame
	Variadic  bool
	Lib       bool // library code: charged per call, not per instruction
	Switches  []Switch

	exe   unsafe.Pointer // *execForm: the form the VM runs (fuse.go), made at the first run
	plain bool           // run without fused instructions (Program.Unfused)
}

// Switch is a jump table: Values sorted ascending, Targets beside them.
type Switch struct {
	Values  []int64
	Targets []int32
	Default int32
}

// Disassemble lists a function's code, for tests and the curious.
func (f *Func) Disassemble() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (params %d, slots %d, frame %d):\n", f.Name, f.NParams, f.NSlots, f.FrameSize)
	for i, in := range f.Code {
		fmt.Fprintf(&b, "%4d  line %-4d %-10s %d %d\n", i, f.Lines[i], in.Op, in.A, in.B)
	}
	return b.String()
}

// SizeBeyond estimates the host memory, in bytes, that p holds beyond what
// it shares with base, the library it was linked after (nil: none): its
// own functions (code, line tables, jump tables), its own data images, and
// its tables of names, which every program has a copy of. It is an
// estimate, to bound a cache of programs: Go's own overheads are guessed.
func (p *Program) SizeBeyond(base *Program) int64 {
	const (
		funcOverhead = 160 // the Func and its slice headers
		nameOverhead = 48  // a map entry and its string header
	)
	shared := 0
	if base != nil && len(base.Funcs) <= len(p.Funcs) && (len(base.Funcs) == 0 || base.Funcs[0] == p.Funcs[0]) {
		shared = len(base.Funcs)
	}
	n := int64(len(p.Funcs)) * 8
	for _, f := range p.Funcs[shared:] {
		n += funcOverhead + int64(len(f.Name)+len(f.File))
		n += int64(len(f.Code))*int64(unsafe.Sizeof(Instr{})) + int64(len(f.Lines))*4
		n += int64(len(f.Code)) * int64(unsafe.Sizeof(xop{})) // the executable form, once it has run
		for _, s := range f.Switches {
			n += int64(len(s.Values))*8 + int64(len(s.Targets))*4
		}
	}
	segs := p.Segments
	if shared > 0 && len(base.Segments) <= len(segs) {
		segs = segs[len(base.Segments):]
	}
	for _, s := range segs {
		n += 64 + int64(len(s.Name)+len(s.Bytes))
	}
	for name := range p.Globals {
		n += nameOverhead + int64(len(name))
	}
	for _, v := range p.Vars {
		n += 40 + int64(len(v.Name))
	}
	for name := range p.FuncIdx {
		n += nameOverhead + int64(len(name))
	}
	return n
}

// Var is one data object of a program: its name, where it is, its size
// and, for an array, the size of an element.
type Var struct {
	Name       string
	Addr, Size uint64
	Elem       uint64 // 0: not an array
}

// VarAt names the variable at addr as C would write it — "counter",
// "fork_[2]", "pair+4" inside a struct — or "" when none of the program's
// variables holds addr.
func (p *Program) VarAt(addr uint64) string {
	i := sort.Search(len(p.Vars), func(i int) bool { return p.Vars[i].Addr > addr }) - 1
	if i < 0 {
		return ""
	}
	v := p.Vars[i]
	off := addr - v.Addr
	switch {
	case off >= max(v.Size, 1):
		return ""
	case v.Elem > 0:
		name := fmt.Sprintf("%s[%d]", v.Name, off/v.Elem)
		if r := off % v.Elem; r != 0 {
			name += fmt.Sprintf("+%d", r)
		}
		return name
	case off > 0:
		return fmt.Sprintf("%s+%d", v.Name, off)
	}
	return v.Name
}
