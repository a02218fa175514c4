package kernel

import (
	iofs "io/fs"
	"sync"

	"osplay/kernel/cc"
	"osplay/kernel/fs"
	"osplay/kernel/libc"
	"osplay/kernel/vm"
)

// The toolchain (headers plus compiled libc) is built once per process and
// shared by every machine. It comes from the cache folder when it can, and
// then nothing of the library's sources is read; the /bin programs are
// named at once and each read when first run.
var userland struct {
	once  sync.Once
	tc    *cc.Toolchain
	names []string // of the /bin programs, sorted
	stubs [][]byte // what each one's file holds
	err   error
}

// baseTree is the file tree every machine starts from, made once: the
// standard directories (fs.New) and /bin with the built-in programs, as
// they are at tick 0. A machine copies it (fs.Template.Copy).
var baseTree = sync.OnceValue(func() *fs.Template {
	t := fs.New(func() fs.Timespec { return fs.Timespec{Sec: Epoch} })
	for i, name := range builtinNames() {
		n, err := t.Create("/bin/"+name, userland.stubs[i], 0755, fs.RootUID)
		if err != nil {
			panic(err) // a fixed tree, far within the limits
		}
		n.Builtin = name
	}
	return t.Template()
})

func loadUserland() {
	userland.once.Do(func() {
		userland.names = libc.ProgramNames()
		for _, name := range userland.names {
			userland.stubs = append(userland.stubs, []byte("osplay built-in program "+name+"\n"))
		}
		tc, err := cc.NewBuiltinToolchain(libc.Headers(), func() []cc.Source {
			var lib []cc.Source
			for _, f := range libc.Sources() {
				lib = append(lib, cc.Source{Name: f.Name, Text: f.Text})
			}
			return lib
		})
		if err != nil {
			userland.err = err
			return
		}
		// One limit for every machine: the memory a process is given by
		// default, which no machine exceeds. The compile refuses any object
		// larger, before allocating it; a machine that gives less refuses
		// the program when it runs. (So the program cache needs no limit
		// in its key.)
		userland.tc = tc.WithLimits(cc.Limits{ProcessMemory: DefaultMaxMemory})
	})
}

// compileC compiles one C file of a program's folder and links it with
// libc, in a compiler worker process under the deadline and memory bounds
// of cc.Limits.
func compileC(name string, src []byte, dir iofs.FS) (*vm.Program, error) {
	loadUserland()
	if userland.err != nil {
		return nil, userland.err
	}
	return userland.tc.Compile(name, src, dir)
}

// compileBuiltin compiles a /bin program, trusted as libc is: in this
// process, and kept in the compiler's cache folder between runs.
func compileBuiltin(name string, src []byte) (*vm.Program, error) {
	loadUserland()
	if userland.err != nil {
		return nil, userland.err
	}
	return userland.tc.CompileBuiltin(name, src)
}

// builtinNames lists the /bin programs, sorted.
func builtinNames() []string {
	loadUserland()
	return userland.names
}

// builtinSource is the C source of /bin/name.
func builtinSource(name string) (string, bool) { return libc.Program(name) }
