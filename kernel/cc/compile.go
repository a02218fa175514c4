package cc

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
	"testing/fstest"

	"osplay/kernel/vm"
)

// Source is one C file.
type Source struct {
	Name string
	Text string
}

// Toolchain compiles programs against one set of headers and one library.
// The library is compiled once, in this process, from trusted sources;
// programs link to its immutable bytecode. A program is compiled in a
// compiler worker process (pool.go), under its Limits.
type Toolchain struct {
	headers *headerSet
	wire    *headerWire
	// sourcesKey stands for the headers (and for a library built into
	// the executable) in the keys of the cache's entries.
	sourcesKey string
	lib        *vm.Program
	limits     Limits
	pool       *pool // nil: the process's shared pool
	inProcess  bool  // compile in this process, unwatched (tests and benchmarks)
}

// headerWire is the headers as a worker receives them, and their digest:
// a worker is sent each set once. They are read at the first need.
type headerWire struct {
	fs    fs.FS
	once  sync.Once
	files []wireFile
	key   string
	err   error
}

func (h *headerWire) get() ([]wireFile, string, error) {
	h.once.Do(func() {
		h.files, h.err = readFolder(h.fs)
		if h.err != nil {
			h.err = fmt.Errorf("reading the system headers: %w", h.err)
		}
		h.key = digest(h.files)
	})
	return h.files, h.key, h.err
}

// NewToolchain compiles the library sources (each its own translation
// unit) and links them.
func NewToolchain(headers fs.FS, lib []Source) (*Toolchain, error) {
	t := &Toolchain{headers: newHeaderSet(headers), wire: &headerWire{fs: headers}}
	_, key, err := t.wire.get()
	if err != nil {
		return nil, err
	}
	t.sourcesKey = key
	return t, t.library(objectsKey(key, lib), func() []Source { return lib })
}

// NewBuiltinToolchain is NewToolchain for headers and library sources
// built into this executable, which must not change while it runs: its
// build id stands for them in the cache's keys, so that a start which
// finds the library in the cache reads neither (lib is called only when
// the library must be compiled).
func NewBuiltinToolchain(headers fs.FS, lib func() []Source) (*Toolchain, error) {
	t := &Toolchain{headers: newHeaderSet(headers), wire: &headerWire{fs: headers},
		sourcesKey: "headers and library built into the executable"}
	return t, t.library(objectsKey(t.sourcesKey, nil), lib)
}

// library reads the library from the cache entry key, or compiles the
// sources and keeps them there.
func (t *Toolchain) library(key string, sources func() []Source) error {
	if objs, ok := loadObjects("libc", key); ok {
		if p, err := link("libc", nil, objs); err == nil {
			t.lib = p
			return nil
		}
	}
	lib := sources()
	var objs []*object
	var errs ErrorList
	for _, s := range lib {
		ast, err := translate(t.headers, nil, nil, s.Name, []byte(s.Text))
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		o, err := compileUnit(s.Name, ast, true, DefaultProcessMemory)
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		objs = append(objs, o)
	}
	if len(errs) > 0 {
		return fmt.Errorf("compiling the C library: %w", errs)
	}
	storeObjects("libc", key, objs) // before link, which may change them
	p, err := link("libc", nil, objs)
	if err != nil {
		return fmt.Errorf("linking the C library: %w", err)
	}
	t.lib = p
	return nil
}

// WithLimits returns the toolchain compiling under other limits; it shares
// the headers and the library.
func (t *Toolchain) WithLimits(l Limits) *Toolchain {
	c := *t
	c.limits = l
	return &c
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
	job := &compileJob{name: name, src: src, dir: dir, limits: t.limits.withDefaults()}
	var o *object
	var err error
	switch {
	case t.inProcess:
		o, err = job.run(t.headers)
	case CompileInProcess:
		o, _, err = watch(job, t.headers)
	default:
		p := t.pool
		if p == nil {
			p = sharedPool()
		}
		o, err = p.compile(t, job)
	}
	if err != nil {
		return nil, explain(err, name, src)
	}
	base := path.Base(name)
	prog := "./" + base[:len(base)-len(path.Ext(base))]
	p, err := link(prog, t.lib, []*object{o})
	if err != nil {
		return nil, explain(err, name, src)
	}
	return p, nil
}

// CompileBuiltin compiles a program that comes with the library (a /bin
// program: name like "sh.c", with no folder) and links it with the
// library. Its source is as trusted as the library's: it is compiled in
// this process, and its object kept in the cache folder as the library's
// is, so that a later run of this executable reads it instead.
func (t *Toolchain) CompileBuiltin(name string, src []byte) (*vm.Program, error) {
	base := path.Base(name)
	stem := base[:len(base)-len(path.Ext(base))]
	key := objectsKey(t.sourcesKey, []Source{{Name: name, Text: string(src)}})
	o, ok := (*object)(nil), false
	if objs, hit := loadObjects("bin-"+stem, key); hit && len(objs) == 1 {
		o, ok = objs[0], true
	}
	if !ok {
		var err error
		job := &compileJob{name: name, src: src, limits: t.limits.withDefaults()}
		if o, err = job.run(t.headers); err != nil {
			return nil, explain(err, name, src)
		}
		storeObjects("bin-"+stem, key, []*object{o}) // before link, which may change it
	}
	p, err := link("./"+stem, t.lib, []*object{o}) // named as Compile names it
	if err != nil {
		return nil, explain(err, name, src)
	}
	return p, nil
}

// compileJob is one program to compile to an object.
type compileJob struct {
	name   string
	src    []byte
	dir    fs.FS
	limits Limits
}

// run compiles the job in this goroutine.
func (j *compileJob) run(headers *headerSet) (*object, error) {
	ast, err := translate(headers, programIdentifiers(j.src, j.dir), j.dir, j.name, j.src)
	if err != nil {
		return nil, err
	}
	return compileUnit(j.name, ast, false, j.limits.ProcessMemory)
}

// diagnose is what the preprocessor alone finds wrong with the job.
func (j *compileJob) diagnose(headers *headerSet) ErrorList {
	return preprocessErrors(headers, programIdentifiers(j.src, j.dir), j.dir, j.name, j.src)
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

// readFolder lists every regular file under dir, in name order, for a
// worker: it reads a program's folder from the request, not from disk.
func readFolder(dir fs.FS) ([]wireFile, error) {
	if dir == nil {
		return nil, nil
	}
	var out []wireFile
	err := fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(dir, p)
		if err != nil {
			return err
		}
		out = append(out, wireFile{Name: p, Data: data})
		return nil
	})
	sort.Slice(out, func(i, k int) bool { return out[i].Name < out[k].Name })
	return out, err
}

// folder is the file system of files read by readFolder.
func folder(files []wireFile) fs.FS {
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
	}
	return m
}

func digest(files []wireFile) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}
