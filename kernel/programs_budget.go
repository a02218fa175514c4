package kernel

import (
	"slices"
	"sync/atomic"

	"osplay/kernel/vm"
)

// programCacheBudget bounds, in bytes, the students' programs kept
// compiled (their code and data images); 0 means the default.
var programCacheBudget atomic.Int64

// DefaultProgramCacheBytes is the default of SetProgramCacheBudget.
const DefaultProgramCacheBytes = 64 << 20

// SetProgramCacheBudget bounds the memory of the compiled-program cache
// shared by every machine of the process, in bytes (0: the default). The
// oldest programs are forgotten first; they are compiled again if they
// run again. A program larger than the whole budget runs, but is not kept.
func SetProgramCacheBudget(bytes int64) {
	programCacheBudget.Store(bytes)
	programCache.Lock()
	defer programCache.Unlock()
	trimProgramCache()
}

// ProgramCacheBytes is the estimated size of the students' programs kept
// compiled, for the server's metrics.
func ProgramCacheBytes() int64 {
	programCache.Lock()
	defer programCache.Unlock()
	return programCache.bytes
}

// keepCompiled accounts for e, the student's program just compiled under
// key, and forgets the oldest programs until the cache fits its budget
// again: e itself, if it alone is larger than the budget.
func keepCompiled(key string, e *cacheEntry) {
	if e.prog != nil {
		e.bytes = e.prog.SizeBeyond(libraryProgram())
	} else if e.err != nil {
		e.bytes = int64(len(e.err.Error()))
	}
	programCache.Lock()
	defer programCache.Unlock()
	if programCache.entries[key] != e {
		return // forgotten while it compiled
	}
	programCache.bytes += e.bytes
	if e.bytes > programBudget() {
		forgetProgram(slices.Index(programCache.users, key))
	}
	trimProgramCache()
}

// trimProgramCache forgets the oldest programs until the cache fits its
// budget. The caller holds the lock.
func trimProgramCache() {
	for programCache.bytes > programBudget() && len(programCache.users) > 0 {
		forgetProgram(0)
	}
}

// forgetProgram drops the i-th oldest student's program. A machine that
// holds it goes on using it. The caller holds the lock.
func forgetProgram(i int) {
	key := programCache.users[i]
	programCache.users = slices.Delete(programCache.users, i, i+1)
	if e := programCache.entries[key]; e != nil {
		programCache.bytes -= e.bytes
		delete(programCache.entries, key)
	}
}

func programBudget() int64 {
	if b := programCacheBudget.Load(); b > 0 {
		return b
	}
	return DefaultProgramCacheBytes
}

// libraryProgram is the C library every program is linked after: what a
// student's program shares with all others, left out of its size.
func libraryProgram() *vm.Program {
	loadUserland()
	if userland.tc == nil {
		return nil
	}
	return userland.tc.Library()
}
