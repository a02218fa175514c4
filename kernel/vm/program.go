package vm

import (
	"fmt"
	"strings"
)

// Program is a linked, immutable program: libc's functions and data followed
// by one translation unit's. It is shared by every process that runs it, in
// every session; a process owns only its Context.
type Program struct {
	Name     string            // "./onetwo", "/bin/ls"
	Funcs    []*Func           // function i has address abi.TextBase + i*abi.FuncAlign
	Segments []Image           // initial memory images, in address order
	Globals  map[string]uint64 // address of each global object
	FuncIdx  map[string]int    // index of each function by name
	End      uint64            // first address after the last segment: the heap starts on the next page
	Entry    int               // __libc_start
	Main     int               // main, or -1
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
