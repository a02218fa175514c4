package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	iofs "io/fs"
	"slices"
	"strings"
	"sync"

	"osplay/kernel/cc"
	"osplay/kernel/fs"
	"osplay/kernel/vm"
)

// Compiled programs are immutable and shared by every machine in the
// server process: the /bin programs are compiled once, and a student's
// program once per distinct source (and headers beside it). The students'
// programs kept are bounded in bytes (SetProgramCacheBudget): the oldest
// is forgotten first, and compiled again if it runs again.
var programCache struct {
	sync.Mutex
	entries map[string]*cacheEntry
	users   []string // keys of students' programs, oldest first
	bytes   int64    // their estimated size
}

type cacheEntry struct {
	once  sync.Once
	prog  *vm.Program
	err   error
	bytes int64 // estimated size, once compiled (students' programs)
}

// cached compiles at most once per key, however many machines ask at once.
func cached(key string, compile func() (*vm.Program, error)) (*vm.Program, error) {
	programCache.Lock()
	if programCache.entries == nil {
		programCache.entries = map[string]*cacheEntry{}
	}
	e := programCache.entries[key]
	user := strings.HasPrefix(key, "user/")
	if e == nil {
		e = &cacheEntry{}
		programCache.entries[key] = e
		if user {
			programCache.users = append(programCache.users, key)
		}
	}
	programCache.Unlock()
	e.once.Do(func() {
		e.prog, e.err = compile()
		switch {
		case errors.Is(e.err, cc.ErrBusy):
			forgetBusy(key, e)
		case user:
			keepCompiled(key, e)
		}
	})
	return e.prog, e.err
}

// forgetBusy drops the entry of a compile that found every compiler busy:
// that says nothing of the program, so the next run compiles it again.
func forgetBusy(key string, e *cacheEntry) {
	programCache.Lock()
	defer programCache.Unlock()
	if programCache.entries[key] != e {
		return
	}
	if i := slices.Index(programCache.users, key); i >= 0 {
		forgetProgram(i)
		return
	}
	delete(programCache.entries, key)
}

// builtinProgram compiles /bin/name from libc's sources.
func builtinProgram(name string) (*vm.Program, error) {
	return cached("bin/"+name, func() (*vm.Program, error) {
		src, ok := builtinSource(name)
		if !ok {
			return nil, iofs.ErrNotExist
		}
		return compileBuiltin(name+".c", []byte(src))
	})
}

// userProgram compiles the C file name in directory dir of the machine's
// file system. The cache key covers the source and every header of the
// directory, which is all that #include "x.h" can reach.
func userProgram(dir *fs.Inode, f *fs.FS, name string) (*vm.Program, error) {
	files := f.Folder(dir)
	src, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	io.WriteString(h, name+"\x00")
	h.Write(src)
	headers, _ := files.ReadDir(".")
	for _, e := range headers {
		if n := e.Name(); strings.HasSuffix(n, ".h") {
			data, err := files.ReadFile(n)
			if err != nil {
				continue // unreadable: no #include reads it either
			}
			io.WriteString(h, "\x00"+n+"\x00")
			h.Write(data)
		}
	}
	key := "user/" + hex.EncodeToString(h.Sum(nil))
	return cached(key, func() (*vm.Program, error) {
		return compileC(name, src, files)
	})
}
