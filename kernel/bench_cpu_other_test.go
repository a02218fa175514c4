//go:build !linux

package kernel

import "time"

// threadCPU is the CPU time the calling thread has used: unknown here.
func threadCPU() time.Duration { return 0 }
