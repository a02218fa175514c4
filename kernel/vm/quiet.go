package vm

// Quiet is how many instructions of user code the context is sure to run
// next, the one at pc first, before one that another thread could see or
// change — a load or a store, a call, a system call — at most limit. It
// follows unconditional jumps and stops after a conditional branch, a
// switch or a return, whose next instruction it cannot know. It is at
// least 1. A scheduler that only decides before visible steps (the
// explorer's) lets a thread run that many instructions in one go: the
// same run as one instruction at a time, with fewer calls.
func (c *Context) Quiet(limit int) int {
	if c.pendingArgs >= 0 || c.fn.Lib {
		return 1
	}
	code := c.fn.Code
	pc, n := c.pc, 0
	for n < limit && pc >= 0 && pc < len(code) {
		in := code[pc]
		if n > 0 && visibleOp(in.Op) {
			break
		}
		n++
		switch {
		case in.Op == JMP:
			pc = int(in.A)
		case in.Op == JZ || in.Op == JNZ || in.Op == SWITCH || in.Op == RET || in.Op == RETL ||
			in.Op >= JEQ && in.Op <= JGEU || in.Op >= JEQLK && in.Op <= JGEULK || visibleOp(in.Op):
			return n
		default:
			pc++
		}
	}
	return max(n, 1)
}

// visibleOp reports whether op touches memory or leaves the function's
// straight line for code the context cannot see from here.
func visibleOp(op Op) bool {
	switch op {
	case MEMCPY, MEMCPYK, MEMZERO, BFLD, BFST, CALL, CALLI, SYSCALL, TRAP, ENTER:
		return true
	}
	return loadSize[op] > 0 || storeSize[op] > 0
}
