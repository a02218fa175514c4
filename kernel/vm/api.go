package vm

import (
	"errors"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// StopKind says why Run returned.
type StopKind int

const (
	StopBudget  StopKind = iota // the tick budget ran out (preemption point)
	StopSyscall                 // a SYSCALL instruction: Stop.Sys, args in SyscallArgs
	StopFault                   // a hardware fault: Stop.Signal (SIGSEGV, SIGFPE, SIGILL…)
	// StopInstructions: library code ran LibSlice more instructions. The
	// library call has not finished; Run again goes on with it. (A library
	// call is charged a fixed number of ticks however long it runs: this
	// stop lets the kernel look up in the middle of a long one.)
	StopInstructions
	// StopOutOfMemory: the next instruction needs a page frame (Stop.Addr)
	// and none is free. The instruction has not run and is not charged;
	// Run again, once the kernel has freed memory, runs it.
	StopOutOfMemory
)

// DefaultVirtualBytes is the virtual size a process may reserve when
// Limits say nothing: 4 GiB, room for malloc(100e6) many times over. Only
// the pages touched take memory.
const DefaultVirtualBytes = 4 << 30

// LibSlice is how many instructions library code runs before Run stops
// with StopInstructions. The stops fall every LibSlice library
// instructions of the context's life, wherever its runs began, so they
// are the same in any run of the same program.
const LibSlice = 1 << 16

// Errors of NewContext.
var (
	// ErrMemoryLimit: the program's code and static data do not fit in
	// Limits.VirtualBytes, or its initialised data or its arguments on the
	// stack in Limits.MemBytes.
	ErrMemoryLimit = errors.New("larger than the memory limit")
	// ErrOutOfMemory: the machine's physical memory has no frame free for
	// the program's image or arguments.
	ErrOutOfMemory = errors.New("no free page frame")
)

// Stop describes why Run returned.
type Stop struct {
	Kind   StopKind
	Sys    abi.Sys  // StopSyscall
	Signal int      // StopFault
	Addr   uint64   // StopFault: faulting address, when there is one; StopOutOfMemory: the address that needs a frame
	Msg    msg.Text // StopFault: what happened, for people ("stack overflow", "write to read-only memory"); zero for a bare signal
}

// Registers is what the PCB shows of a context.
type Registers struct {
	PC    int    // instruction index within the current function
	Func  string // current function
	File  string // source file of the current function
	Line  int    // source line of the current instruction
	SP    uint64 // memory stack pointer
	FP    uint64 // memory frame pointer
	Depth int    // call depth
	Slots int    // value-stack depth
}

// Limits bound one context.
type Limits struct {
	StackBytes uint64 // memory stack limit (default abi.DefaultStackLimit)
	MemBytes   uint64 // memory the process may touch (0 = 64 MiB): see AddressSpace
	// VirtualBytes bounds the text, static data, heap and mappings the
	// process may reserve, touched or not (0 = DefaultVirtualBytes): see
	// AddressSpace.
	VirtualBytes uint64
	CallDepth    int // maximum nested calls (0 = 100000)
	// Memory is the machine's physical memory, shared by its processes;
	// nil: a memory of its own, without bound.
	Memory *PhysicalMemory
}
