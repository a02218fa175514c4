package kernel

import "sync/atomic"

// programCacheBudget bounds, in bytes, the students' programs kept
// compiled (their code and data images); 0 means the default.
var programCacheBudget atomic.Int64

// DefaultProgramCacheBytes is the default of SetProgramCacheBudget.
const DefaultProgramCacheBytes = 64 << 20

// SetProgramCacheBudget bounds the memory of the compiled-program cache
// shared by every machine of the process. The oldest programs are
// forgotten first; they are compiled again if they run again.
func SetProgramCacheBudget(bytes int64) { programCacheBudget.Store(bytes) }
