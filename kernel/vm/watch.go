package vm

import "osplay/kernel/abi"

// Watching the student's code one instruction at a time. A race is a
// matter of which instruction of which thread ran when: to show one, the
// kernel runs a context one instruction of user code at a time (Run with a
// budget of 1, which runs a library call whole) and asks, before each,
// what it is about to do (Peek) and, after it, what came of it (Top). The
// dispatch loop knows nothing of it: a context watched this way runs
// exactly as it would in one call of Run.

// Executed is one instruction of user code as a watcher sees it: where it
// is (function, file, line, index), what it is, and for a load or a store
// the address, the width and the value.
type Executed struct {
	Func   string
	File   string
	Line   int
	PC     int // the instruction's index in Func
	Op     Op
	A      int32
	B      int64
	Addr   uint64 // a load's or a store's address
	Size   int    // its width in bytes; 0 for an instruction that is no load or store
	Store  bool   // a store (else a load, when Size > 0)
	Value  uint64 // a store's value; after the instruction (Top), a load's value or the result on top of the stack
	Callee string // CALL, CALLI: the function called
	Arg    uint64 // CALL, CALLI: the last argument passed (the first of a one-argument call)
}

// Peek returns the instruction of user code the context runs next, and
// false when it is inside library code (or a system call is being served):
// then Run(0) finishes the library call.
func (c *Context) Peek() (Executed, bool) {
	if c.pendingArgs >= 0 || c.fn.Lib || c.pc >= len(c.fn.Code) {
		return Executed{}, false
	}
	in := c.fn.Code[c.pc]
	e := Executed{Func: c.fn.Name, File: c.fn.File, PC: c.pc, Op: in.Op, A: in.A, B: in.B}
	if c.pc < len(c.fn.Lines) {
		e.Line = int(c.fn.Lines[c.pc])
	}
	top := func(k int) uint64 {
		if c.sp-k >= 0 && c.sp-k < len(c.vals) {
			return c.vals[c.sp-k]
		}
		return 0
	}
	switch {
	case loadSize[in.Op] > 0:
		e.Addr, e.Size = top(1), loadSize[in.Op]
	case storeSize[in.Op] > 0:
		e.Addr, e.Size, e.Store, e.Value = top(2), storeSize[in.Op], true, top(1)
	case in.Op == CALL && int(in.A) < len(c.prog.Funcs):
		e.Callee, e.Arg = c.prog.Funcs[in.A].Name, top(1)
	case in.Op == CALLI:
		e.Arg = top(2)
		if a := top(1); a >= abi.TextBase && (a-abi.TextBase)%abi.FuncAlign == 0 {
			if i := int((a - abi.TextBase) / abi.FuncAlign); i < len(c.prog.Funcs) {
				e.Callee = c.prog.Funcs[i].Name
			}
		}
	}
	return e, true
}

// Top is the value on top of the context's value stack: after a load, the
// value loaded; after an arithmetic instruction, its result.
func (c *Context) Top() uint64 {
	if c.sp > 0 && c.sp <= len(c.vals) {
		return c.vals[c.sp-1]
	}
	return 0
}
