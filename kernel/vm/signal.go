package vm

import (
	"errors"
	"fmt"

	"osplay/kernel/abi"
)

// Signal handlers. The kernel runs a handler on the thread's own stack, as
// Linux does: it saves the interrupted registers (Saved), writes a signal
// frame below the stack pointer (the kernel's business: siginfo_t and
// ucontext_t), and calls the handler from a trampoline, sigreturnFunc,
// whose one instruction is the sigreturn system call. When the handler
// returns there, the kernel checks the frame and puts the saved registers
// back: the thread goes on where it was interrupted, or starts its
// interrupted system call over.

// Saved is the registers of a context as a handler's entry found them.
type Saved struct {
	fn          *Func
	pc          int
	sp, base    int // value stack: live slots, current frame's first
	nargs       int
	pendingArgs int // a system call in progress (to start over), or -1
	frames      int // call depth
	fp, msp, va uint64
	altLow      uint64
}

// SP is the memory stack pointer the handler interrupted; FP its frame
// pointer; PC a word naming the instruction (function and index).
func (s Saved) SP() uint64 { return s.msp }
func (s Saved) FP() uint64 { return s.fp }
func (s Saved) PC() uint64 { return uint64(s.frames)<<32 | uint64(uint32(s.pc)) }

// sigreturnFunc is the trampoline a handler returns to.
var sigreturnFunc = &Func{Name: "<sigreturn>", Code: []Instr{{Op: SYSCALL, A: int32(abi.SysSigreturn)}}, Lines: []int32{0}, Lib: true}

// errBadHandler: the handler's address is no function.
var errBadHandler = errors.New("bad signal handler address")

// SP is the context's memory stack pointer.
func (c *Context) SP() uint64 { return c.msp }

// EnterHandler saves the registers and calls the function at address
// handler with args, its memory stack starting at sp (below the signal
// frame the kernel wrote). A system call in progress is set aside: it is
// back once Sigreturn restores the registers.
func (c *Context) EnterHandler(handler uint64, args []uint64, sp uint64) (Saved, error) {
	return c.EnterHandlerOn(handler, args, sp, 0)
}

// EnterHandlerOn is EnterHandler on an alternate signal stack whose
// lowest address is low (0: the thread's own stack): the handler's frames
// may reach down to low, and no further, until its sigreturn.
func (c *Context) EnterHandlerOn(handler uint64, args []uint64, sp, low uint64) (Saved, error) {
	idx := int((handler - abi.TextBase) / abi.FuncAlign)
	if handler < abi.TextBase || (handler-abi.TextBase)%abi.FuncAlign != 0 || idx >= len(c.prog.Funcs) {
		return Saved{}, fmt.Errorf("%w 0x%x", errBadHandler, handler)
	}
	if len(c.frames) >= c.lim.CallDepth || !c.grow(len(args)+1) {
		return Saved{}, errors.New("stack overflow (call depth)")
	}
	s := Saved{fn: c.fn, pc: c.pc, sp: c.sp, base: c.base, nargs: c.nargs, pendingArgs: c.pendingArgs,
		frames: len(c.frames), fp: c.fp, msp: c.msp, va: c.va, altLow: c.altLow}
	if low != 0 {
		c.altLow = low
	}
	c.pendingArgs = -1
	c.fn, c.pc = sigreturnFunc, 0
	c.base = c.sp
	c.msp, c.fp = sp, sp
	for _, a := range args {
		c.push(a)
	}
	c.call(c.prog.Funcs[idx], len(args))
	return s, nil
}

// InLibrary reports whether the context stands inside library code (a
// library call cut short by StopInstructions): the kernel acts on signals
// once it is back in the program's own code or at a system call, so that
// where a handler runs does not depend on how a run was cut.
func (c *Context) InLibrary() bool { return c.fn.Lib }

// InSigreturn reports whether the context stopped at the trampoline's
// sigreturn, its handler having returned.
func (c *Context) InSigreturn() bool { return c.fn == sigreturnFunc }

// Sigreturn puts back the registers s saved. It fails when the context is
// not at the trampoline with the call depth the handler began at.
func (c *Context) Sigreturn(s Saved) error {
	if c.fn != sigreturnFunc || len(c.frames) != s.frames || s.fn == nil {
		return errors.New("sigreturn outside a signal handler's return")
	}
	c.fn, c.pc, c.sp, c.base, c.nargs, c.pendingArgs = s.fn, s.pc, s.sp, s.base, s.nargs, s.pendingArgs
	c.fp, c.msp, c.va, c.altLow = s.fp, s.msp, s.va, s.altLow
	return nil
}
