package kernel

import (
	iofs "io/fs"
	"sync"

	"osplay/kernel/cc"
	"osplay/kernel/libc"
	"osplay/kernel/vm"
)

// userlandSource gives the simulated system headers, the C library's
// sources and the /bin programs' sources (name → C text).
var userlandSource = func() (headers iofs.FS, lib []cc.Source, programs map[string]string, err error) {
	for _, f := range libc.Sources() {
		lib = append(lib, cc.Source{Name: f.Name, Text: f.Text})
	}
	return libc.Headers(), lib, libc.Programs(), nil
}

// The toolchain (headers plus compiled libc) is built once per server
// process and shared by every machine.
var userland struct {
	once     sync.Once
	tc       *cc.Toolchain
	programs map[string]string
	err      error
}

func loadUserland() {
	userland.once.Do(func() {
		headers, lib, programs, err := userlandSource()
		if err != nil {
			userland.err = err
			return
		}
		userland.programs = programs
		tc, err := cc.NewToolchain(headers, lib)
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

// builtinSources lists the /bin programs: name → C source.
func builtinSources() map[string]string {
	loadUserland()
	return userland.programs
}
