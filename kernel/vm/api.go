package vm

import "osplay/kernel/abi"

// StopKind says why Run returned.
type StopKind int

const (
	StopBudget  StopKind = iota // the tick budget ran out (preemption point)
	StopSyscall                 // a SYSCALL instruction: Stop.Sys, args in SyscallArgs
	StopFault                   // a hardware fault: Stop.Signal (SIGSEGV, SIGFPE, SIGILL…)
)

// Stop describes why Run returned.
type Stop struct {
	Kind   StopKind
	Sys    abi.Sys // StopSyscall
	Signal int     // StopFault
	Addr   uint64  // StopFault: faulting address, when there is one
	Msg    string  // StopFault: a human explanation ("stack overflow", "write to read-only memory")
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
	MemBytes   uint64 // all mapped pages of the process (0 = 64 MiB)
	CallDepth  int    // maximum nested calls (0 = 100000)
}
