package cc

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	"osplay/kernel/vm"
)

// The messages between this process and a compiler worker, encoded with
// encoding/gob on a pipe. An object is full of pointers (symbols shared by
// fixups and relocations, fixups pointing into functions), so it travels
// as tables with indices instead.

// wireFile is a file of a program's folder or of the system headers.
type wireFile struct {
	Name string
	Data []byte
}

// compileRequest asks a worker to compile one program to an object.
type compileRequest struct {
	Name  string
	Src   []byte
	Files []wireFile // the program's folder
	// HeadersKey names the system headers to compile against; Headers
	// holds them the first time a worker is sent that key.
	HeadersKey string
	Headers    []wireFile

	ProcessMemory  int64
	Deadline       time.Duration
	CompilerMemory int64
	Stall          bool
}

// compileReply is the worker's answer: an object or the compile errors.
type compileReply struct {
	Object *wireObject
	Errors ErrorList
	// Abandoned: the worker gave up on a compile it cannot stop, and exits.
	Abandoned bool
}

type wireObject struct {
	Name    string
	Lib     bool
	Funcs   []*vm.Func
	Symbols []wireSymbol
	Statics []int
	Rodata  []byte
	// Data is the data image without its trailing zeros, which are most
	// of a large array initialised with a few values; DataSize is its size.
	Data     []byte
	DataSize int64
	BSS      int64
	Align    int64 // the largest alignment of its data and bss
	Fixups   []wireFixup
	Relocs   []wireReloc
}

type wireSymbol struct {
	Name    string
	Global  bool // in the object's table of file-scope symbols
	IsFunc  bool
	Static  bool
	Defined bool
	Seg     int
	Off     int64
	Size    int64
	Elem    int64
	Fn      int
	Pos     *Error
}

type wireFixup struct {
	Fn, PC, Sym int
	Call        bool
}

type wireReloc struct {
	Off    int64
	Sym    int
	Addend int64
	Rodata bool
}

// toWire flattens an object for the pipe.
func toWire(o *object) *wireObject {
	w := &wireObject{Name: o.name, Lib: o.lib, Funcs: o.funcs, Rodata: o.rodata,
		Data: bytes.TrimRight(o.data, "\x00"), DataSize: int64(len(o.data)), BSS: o.bss, Align: o.align}
	index := map[*symbol]int{}
	add := func(s *symbol, global bool) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(w.Symbols)
		w.Symbols = append(w.Symbols, wireSymbol{Name: s.name, Global: global, IsFunc: s.isFunc, Static: s.static,
			Defined: s.defined, Seg: s.seg, Off: s.off, Size: s.size, Elem: s.elem, Fn: s.fn, Pos: s.pos})
		return index[s]
	}
	names := make([]string, 0, len(o.syms))
	for n := range o.syms {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		add(o.syms[n], true)
	}
	for _, s := range o.statics {
		w.Statics = append(w.Statics, add(s, false))
	}
	funcIndex := map[*vm.Func]int{}
	for i, f := range o.funcs {
		funcIndex[f] = i
	}
	for _, f := range o.fixups {
		w.Fixups = append(w.Fixups, wireFixup{Fn: funcIndex[f.fn], PC: f.pc, Sym: add(f.sym, false), Call: f.call})
	}
	for _, r := range o.relocs {
		w.Relocs = append(w.Relocs, wireReloc{Off: r.off, Sym: add(r.sym, false), Addend: r.addend, Rodata: r.rodata})
	}
	return w
}

// fromWire rebuilds an object, checking every index and size: a worker is
// trusted no more than the program it compiled. limit is the process
// memory the program was compiled for.
func fromWire(w *wireObject, limit int64) (*object, error) {
	if w.DataSize < int64(len(w.Data)) || w.DataSize > limit {
		return nil, fmt.Errorf("data image of %d bytes (%d sent)", w.DataSize, len(w.Data))
	}
	var data []byte
	if w.DataSize > 0 {
		data = make([]byte, w.DataSize)
		copy(data, w.Data)
	}
	o := &object{name: w.Name, lib: w.Lib, funcs: w.Funcs, syms: map[string]*symbol{},
		rodata: w.Rodata, data: data, bss: w.BSS, align: w.Align}
	syms := make([]*symbol, len(w.Symbols))
	for i, s := range w.Symbols {
		syms[i] = &symbol{name: s.Name, isFunc: s.IsFunc, static: s.Static, defined: s.Defined,
			seg: s.Seg, off: s.Off, size: s.Size, elem: s.Elem, fn: s.Fn, pos: s.Pos}
		if s.Global {
			o.syms[s.Name] = syms[i]
		}
		if s.Defined && s.IsFunc && (s.Fn < 0 || s.Fn >= len(w.Funcs)) {
			return nil, fmt.Errorf("symbol %s: function %d of %d", s.Name, s.Fn, len(w.Funcs))
		}
	}
	sym := func(i int) (*symbol, error) {
		if i < 0 || i >= len(syms) {
			return nil, fmt.Errorf("symbol %d of %d", i, len(syms))
		}
		return syms[i], nil
	}
	for _, i := range w.Statics {
		s, err := sym(i)
		if err != nil {
			return nil, err
		}
		o.statics = append(o.statics, s)
	}
	for _, f := range w.Fixups {
		s, err := sym(f.Sym)
		if err != nil {
			return nil, err
		}
		if f.Fn < 0 || f.Fn >= len(w.Funcs) || w.Funcs[f.Fn] == nil || f.PC < 0 || f.PC >= len(w.Funcs[f.Fn].Code) {
			return nil, fmt.Errorf("fixup at function %d, instruction %d", f.Fn, f.PC)
		}
		o.fixups = append(o.fixups, fixup{fn: w.Funcs[f.Fn], pc: f.PC, sym: s, call: f.Call})
	}
	for _, r := range w.Relocs {
		s, err := sym(r.Sym)
		if err != nil {
			return nil, err
		}
		rel := reloc{off: r.Off, sym: s, addend: r.Addend, rodata: r.Rodata}
		if img := o.image(rel); r.Off < 0 || r.Off+8 > int64(len(img)) {
			return nil, fmt.Errorf("relocation at %d of %d bytes (read-only data: %v)", r.Off, len(img), r.Rodata)
		}
		o.relocs = append(o.relocs, rel)
	}
	return o, nil
}
