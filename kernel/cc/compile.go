package cc

import (
	"fmt"
	"io/fs"
	"path"

	"osplay/kernel/vm"
)

// Source is one C file.
type Source struct {
	Name string
	Text string
}

// Toolchain compiles programs against one set of headers and one library.
// The library is compiled once; programs link to its immutable bytecode.
type Toolchain struct {
	headers *headerSet
	lib     *vm.Program
}

// NewToolchain compiles the library sources (each its own translation
// unit) and links them.
func NewToolchain(headers fs.FS, lib []Source) (*Toolchain, error) {
	t := &Toolchain{headers: newHeaderSet(headers)}
	var objs []*object
	var errs ErrorList
	for _, s := range lib {
		ast, err := translate(t.headers, nil, nil, s.Name, []byte(s.Text))
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		o, err := compileUnit(s.Name, ast, true)
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		objs = append(objs, o)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("compiling the C library: %w", errs)
	}
	p, err := link("libc", nil, objs)
	if err != nil {
		return nil, fmt.Errorf("linking the C library: %w", err)
	}
	t.lib = p
	return t, nil
}

func asList(err error) ErrorList {
	if l, ok := err.(ErrorList); ok {
		return l
	}
	return ErrorList{{File: "cc", Msg: err.Error()}}
}

// Library is the linked library every program starts from.
func (t *Toolchain) Library() *vm.Program { return t.lib }

// Compile compiles one C file (name like "onetwo.c"; dir is its folder, for
// #include "x.h") and links it with the library. The program is named
// "./onetwo". Errors are an ErrorList of "file:line:col: message".
func (t *Toolchain) Compile(name string, src []byte, dir fs.FS) (*vm.Program, error) {
	ast, err := translate(t.headers, programIdentifiers(src, dir), dir, name, src)
	if err != nil {
		return nil, err
	}
	o, err := compileUnit(name, ast, false)
	if err != nil {
		return nil, err
	}
	base := path.Base(name)
	prog := "./" + base[:len(base)-len(path.Ext(base))]
	return link(prog, t.lib, []*object{o})
}

// programIdentifiers is every identifier of the source and of the headers
// beside it, which it may include.
func programIdentifiers(src []byte, dir fs.FS) map[string]bool {
	used := identifiers(src)
	if dir == nil {
		return used
	}
	entries, _ := fs.ReadDir(dir, ".")
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".h" {
			continue
		}
		if data, err := fs.ReadFile(dir, e.Name()); err == nil {
			for id := range identifiers(data) {
				used[id] = true
			}
		}
	}
	return used
}
