package cc

import (
	"fmt"
	"strconv"
	"time"
)

// Limits bound the compile of one untrusted program. A compile runs in a
// compiler worker process that is killed when it takes longer or grows
// larger than these bounds, so no program can hang or exhaust the server.
// The zero value of a field means its default.
type Limits struct {
	// ProcessMemory is the memory one process of the program may use. No
	// object, and not all static storage together, may be larger: the
	// compiler refuses it before allocating anything for it.
	// Default DefaultProcessMemory.
	ProcessMemory int64
	// Deadline is the wall-clock time a compile may take, counted from when
	// a worker starts on it. Default DefaultDeadline.
	Deadline time.Duration
	// CompilerMemory is the memory the compiler may use on one program.
	// Default DefaultCompilerMemory.
	CompilerMemory int64
	// Wait is how long a compile waits for a free worker when all are
	// busy before giving up. Default twice the deadline.
	Wait time.Duration

	// stall makes the worker hang on the compile, as a stuck front end
	// would: for tests of the deadline.
	stall bool
}

// Defaults of Limits.
const (
	DefaultProcessMemory  = 64 << 20
	DefaultDeadline       = 5 * time.Second
	DefaultCompilerMemory = 512 << 20
)

func (l Limits) withDefaults() Limits {
	if l.ProcessMemory <= 0 {
		l.ProcessMemory = DefaultProcessMemory
	}
	if l.Deadline <= 0 {
		l.Deadline = DefaultDeadline
	}
	if l.CompilerMemory <= 0 {
		l.CompilerMemory = DefaultCompilerMemory
	}
	if l.Wait <= 0 {
		l.Wait = 2 * l.Deadline
	}
	return l
}

// deadlineMessage is the error of a compile stopped at its deadline.
func deadlineMessage(d time.Duration) string {
	return fmt.Sprintf("compile stopped after %v: the program is too complex to compile (or the compiler is stuck on it); simplify it", d)
}

// memoryMessage is the error of a compile stopped for using too much memory.
func memoryMessage(budget int64) string {
	return fmt.Sprintf("compile stopped: the compiler needed more than %s of memory for this program; simplify it", humanSize(budget))
}

// humanSize writes a byte count the way a person reads it: "64 MiB",
// "1 TiB", "1.5 KiB", "100 B".
func humanSize(n int64) string {
	const units = "KMGTPE"
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	f := float64(n)
	u := -1
	for f >= 1024 && u < len(units)-1 {
		f /= 1024
		u++
	}
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + " " + units[u:u+1] + "iB"
}
