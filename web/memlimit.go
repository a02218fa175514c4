package web

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"osplay/kernel"
)

// The server's memory: a budget for the whole process, from the
// configuration (--memory-limit, $OSPLAY_MEMORY_LIMIT) or else from the
// container's limit. The API refuses new sessions and runs near it, and
// the Go runtime is told to collect garbage harder before it (GOMEMLIMIT
// at 90%), so that the server slows down instead of being killed.

// gcShare is the share of the budget given to the Go runtime as its soft
// memory limit: the rest is room for what the runtime does not count
// exactly (stacks, fragmentation) and for the collector to catch up.
const gcShare = 0.9

// cgroupFiles are where a container's memory limit is read: cgroup v2,
// then v1.
var cgroupFiles = []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}

// cgroupLimit is the container's memory limit, or 0 if there is none.
// cgroup v2 says "max" when unlimited; v1 a number near 2^63.
func cgroupLimit(files []string) uint64 {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		s := strings.TrimSpace(string(data))
		if s == "max" {
			return 0
		}
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || n >= 1<<62 {
			return 0
		}
		return n
	}
	return 0
}

// applyMemory settles the memory settings of a server about to serve: the
// budget (cfg.MemoryLimit, else the container's), the Go runtime's soft
// limit (unless $GOMEMLIMIT sets it), and the compiled-program cache. It
// returns the budget and where it came from, for the log.
func applyMemory(cfg *Config) (source string) {
	source = "configuration"
	if cfg.MemoryLimit == 0 {
		cfg.MemoryLimit, source = cgroupLimit(cgroupFiles), "container"
	}
	if cfg.MemoryLimit == 0 {
		source = "none"
	} else if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(gcShare * float64(cfg.MemoryLimit)))
	}
	if cfg.ProgramCache > 0 {
		kernel.SetProgramCacheBudget(cfg.ProgramCache)
	}
	return source
}

// ParseSize reads a size in bytes as people write it: 1073741824, 512MiB,
// 2GiB, 2Gi (binary, as Kubernetes writes them) or 2GB, 2G (decimal).
func ParseSize(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := s, ""
	if i >= 0 {
		num, unit = s[:i], strings.TrimSpace(s[i:])
	}
	units := map[string]float64{"": 1, "B": 1,
		"K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9, "T": 1e12, "TB": 1e12,
		"Ki": 1 << 10, "KiB": 1 << 10, "Mi": 1 << 20, "MiB": 1 << 20, "Gi": 1 << 30, "GiB": 1 << 30,
		"Ti": 1 << 40, "TiB": 1 << 40}
	mult, ok := units[unit]
	v, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil || v < 0 || v*mult >= 1<<63 {
		return 0, fmt.Errorf("size %q: write a number of bytes, or one with a unit as 512MiB or 2GiB", s)
	}
	return uint64(v * mult), nil
}
