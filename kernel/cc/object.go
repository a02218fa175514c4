package cc

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// segment kinds of an object file.
const (
	segNone = iota
	segRodata
	segData
	segBSS
)

// symbol is a function or object that code refers to. Static symbols are
// private to their object; others are resolved across objects at link time.
type symbol struct {
	name    string
	isFunc  bool
	static  bool
	defined bool
	seg     int   // data symbols: segment and offset
	off     int64 // data symbols
	size    int64 // data symbols: the object's size in bytes…
	elem    int64 // …and an array's element size (0: not an array), to name its parts
	fn      int   // function symbols: index in object.funcs
	pos     *Error
}

// fixup patches instruction B (an address) or A (a function index) once
// the symbol's final place is known.
type fixup struct {
	fn   *vm.Func
	pc   int
	sym  *symbol
	call bool // patch A with the function index instead of B with an address
}

// reloc patches 8 bytes of the data image, or of the read-only data
// image, with a symbol's address.
type reloc struct {
	off    int64
	sym    *symbol
	addend int64
	rodata bool // in read-only data: a const variable holding an address
}

// image is the section of o that relocation r patches.
func (o *object) image(r reloc) []byte {
	if r.rodata {
		return o.rodata
	}
	return o.data
}

// object is one compiled translation unit.
type object struct {
	name    string
	lib     bool
	funcs   []*vm.Func
	syms    map[string]*symbol // file-scope symbols by name
	statics []*symbol          // block-scope statics and string literals
	rodata  []byte
	data    []byte
	bss     int64
	align   int64 // the largest alignment of a variable in data or bss (0: 1)
	fixups  []fixup
	relocs  []reloc
}

func (o *object) sym(name string) *symbol {
	s := o.syms[name]
	if s == nil {
		s = &symbol{name: name}
		o.syms[name] = s
	}
	return s
}

// link lays out the objects after base (libc, or nil when linking libc
// itself) and resolves every reference.
func link(name string, base *vm.Program, objs []*object) (*vm.Program, error) {
	p := &vm.Program{
		Name:    name,
		Globals: map[string]uint64{},
		FuncIdx: map[string]int{},
		Entry:   -1,
		Main:    -1,
	}
	addr := uint64(abi.DataBase)
	if base != nil {
		p.Funcs = append(p.Funcs, base.Funcs...)
		p.Segments = append(p.Segments, base.Segments...)
		for k, v := range base.Globals {
			p.Globals[k] = v
		}
		for k, v := range base.FuncIdx {
			p.FuncIdx[k] = v
		}
		addr = base.End
	}
	page := func(a uint64) uint64 { return (a + abi.PageSize - 1) &^ (abi.PageSize - 1) }

	places := make([]placement, len(objs))
	firstFunc := make([]int, len(objs))
	var errs ErrorList
	// The objects' read-only data go together, from a page on; then, from
	// the next page, their data and after it their bss, as a linker packs
	// the sections of the objects it links into one segment each: the
	// library's hundred-odd objects take four pages, not one or two each,
	// and a process that writes to a few of their variables copies one or
	// two pages, not one per object.
	// Each object's data and bss start at its largest alignment (at least
	// 16, as gcc aligns large objects), its rodata (strings) at 16.
	align := func(a uint64, o *object) uint64 {
		n := uint64(min(max(o.align, 16), abi.PageSize))
		return (a + n - 1) / n * n
	}
	addr = page(addr)
	rodataStart := addr
	for i, o := range objs {
		addr = (addr + 15) &^ 15
		places[i].rodata = addr
		addr += uint64(len(o.rodata))
	}
	rodataEnd := addr
	addr = page(addr)
	dataStart := addr
	for i, o := range objs {
		addr = align(addr, o)
		places[i].data = addr
		addr += uint64(len(o.data))
	}
	dataEnd := addr
	bssStart := uint64(0)
	for i, o := range objs {
		addr = align(addr, o)
		if i == 0 {
			bssStart = addr
		}
		places[i].bss = addr
		addr += uint64(o.bss)
	}
	// The images of read-only data and data are filled once the addresses
	// in them are resolved: gcc's read-only data relocated at load
	// (.data.rel.ro) is read-only here from the start.
	rodataSeg, dataSeg := -1, -1
	if rodataEnd > rodataStart {
		rodataSeg = len(p.Segments)
		p.Segments = append(p.Segments, vm.Image{Name: "rodata", Addr: rodataStart, Size: rodataEnd - rodataStart, ReadOnly: true})
	}
	if dataEnd > dataStart {
		dataSeg = len(p.Segments)
		p.Segments = append(p.Segments, vm.Image{Name: "data", Addr: dataStart, Size: dataEnd - dataStart})
	}
	if addr > bssStart {
		p.Segments = append(p.Segments, vm.Image{Name: "bss", Addr: bssStart, Size: addr - bssStart})
	}
	for i, o := range objs {
		pl := places[i]
		firstFunc[i] = len(p.Funcs)
		p.Funcs = append(p.Funcs, o.funcs...)
		for _, s := range o.syms {
			if base != nil && s.defined && !s.isFunc {
				p.Vars = append(p.Vars, vm.Var{Name: s.name, Addr: segAddr(pl, s), Size: uint64(max(s.size, 0)), Elem: uint64(max(s.elem, 0))})
			}
			if !s.defined || s.static {
				continue
			}
			if s.isFunc {
				if _, dup := p.FuncIdx[s.name]; dup && (base == nil || base.FuncIdx[s.name] == 0) {
					if _, inBase := baseFunc(base, s.name); !inBase {
						errs = append(errs, &Error{File: o.name, Msg: fmt.Sprintf("multiple definition of `%s'", s.name)})
						continue
					}
				}
				p.FuncIdx[s.name] = firstFunc[i] + s.fn
			} else {
				p.Globals[s.name] = segAddr(pl, s)
			}
		}
	}
	p.End = addr
	slices.SortFunc(p.Vars, func(a, b vm.Var) int { return cmp.Compare(a.Addr, b.Addr) })

	resolve := func(o *object, i int, s *symbol) (uint64, int, bool) {
		if s.defined {
			if s.isFunc {
				return vm.FuncAddr(firstFunc[i] + s.fn), firstFunc[i] + s.fn, true
			}
			return segAddr(places[i], s), 0, true
		}
		if idx, ok := p.FuncIdx[s.name]; ok {
			return vm.FuncAddr(idx), idx, true
		}
		if a, ok := p.Globals[s.name]; ok {
			return a, 0, true
		}
		return 0, 0, false
	}
	for i, o := range objs {
		for _, f := range o.fixups {
			a, idx, ok := resolve(o, i, f.sym)
			if !ok {
				e := &Error{File: o.name, Msg: fmt.Sprintf("undefined reference to `%s'", f.sym.name)}
				if f.sym.pos != nil {
					e = &Error{File: f.sym.pos.File, Line: f.sym.pos.Line, Col: f.sym.pos.Col, Msg: e.Msg}
				}
				errs = appendOnce(errs, e)
				continue
			}
			if f.call {
				f.fn.Code[f.pc].A = int32(idx)
			} else {
				f.fn.Code[f.pc].B += int64(a)
			}
		}
		for _, r := range o.relocs {
			a, _, ok := resolve(o, i, r.sym)
			if !ok {
				errs = appendOnce(errs, &Error{File: o.name, Msg: fmt.Sprintf("undefined reference to `%s'", r.sym.name)})
				continue
			}
			putLE(o.image(r)[r.off:], a+uint64(r.addend), 8)
		}
	}
	if rodataSeg >= 0 {
		seg := &p.Segments[rodataSeg]
		seg.Bytes = sectionImage(seg.Addr, objs, func(i int) (uint64, []byte) { return places[i].rodata, objs[i].rodata })
	}
	if dataSeg >= 0 {
		seg := &p.Segments[dataSeg]
		seg.Bytes = sectionImage(seg.Addr, objs, func(i int) (uint64, []byte) { return places[i].data, objs[i].data })
	}
	if idx, ok := p.FuncIdx["__libc_start"]; ok {
		p.Entry = idx
	}
	if base != nil {
		if idx, ok := p.FuncIdx["main"]; ok && idx >= len(base.Funcs) {
			p.Main = idx
		} else {
			errs = appendOnce(errs, &Error{File: objs[0].name, Msg: "undefined reference to `main'"})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

// sectionImage is the image of the segment at addr made of one section of
// each object (its data, or its read-only data: section gives where the
// object's part starts and its bytes), up to the last non-zero byte. The
// rest is zero-filled when touched, as bss is, so a large array
// initialised with a few values costs no memory in the program or in a
// process running it. An object whose part is the whole image, and mostly
// not zeros, is used as it is, not copied.
func sectionImage(addr uint64, objs []*object, section func(i int) (at uint64, b []byte)) []byte {
	end, with, n := uint64(0), 0, 0
	for i := range objs {
		at, b := section(i)
		if used := len(bytes.TrimRight(b, "\x00")); used > 0 {
			end, with, n = at-addr+uint64(used), i, n+1
		}
	}
	if n == 0 {
		return nil
	}
	if at, b := section(with); n == 1 && at == addr && end >= uint64(len(b))/2 {
		return b[:end]
	}
	img := make([]byte, end)
	for i := range objs {
		at, b := section(i)
		if used := bytes.TrimRight(b, "\x00"); len(used) > 0 {
			copy(img[at-addr:], used)
		}
	}
	return img
}

func baseFunc(base *vm.Program, name string) (int, bool) {
	if base == nil {
		return 0, false
	}
	i, ok := base.FuncIdx[name]
	return i, ok
}

// placement is where an object's sections are in the linked program.
type placement struct{ rodata, data, bss uint64 }

func segAddr(pl placement, s *symbol) uint64 {
	switch s.seg {
	case segRodata:
		return pl.rodata + uint64(s.off)
	case segData:
		return pl.data + uint64(s.off)
	}
	return pl.bss + uint64(s.off)
}

func appendOnce(l ErrorList, e *Error) ErrorList {
	for _, x := range l {
		if x.Error() == e.Error() {
			return l
		}
	}
	return append(l, e)
}
