package vm

import (
	"sync/atomic"
	"unsafe"
)

// Fused instructions: how the VM runs the teaching machine's code faster
// without changing what an instruction is.
//
// A function's Code is the program as the views show it, one tick per
// instruction. To run it, the VM uses the function's executable form:
// beside each instruction of Code it holds either that instruction or a
// fused one that does the work of W instructions starting there (an array
// element loaded, a loop counter stepped and tested, a call and its
// callee's ENTER). A jump into the middle of such a run lands on that
// instruction's own entry, so fusing never needs to know where jumps land.
//
// A fused instruction runs only when it can run whole: the budget (or, in
// library code, the library slice) has room for its W instructions, and
// nothing in it faults. Otherwise the dispatch loop runs the instruction
// of Code at the same index, as it would have without fusing, and the next
// ones one at a time. So a run stops at the same ticks, in the same state,
// as the plain instructions would have: preemption points, faults, the
// instructions view, watching (which runs one instruction at a time) and
// the event stream cannot tell the difference. A fused instruction that
// stores writes only after everything that could fail has been checked,
// and never across a page boundary, so that falling back is always clean.
//
// Calls go further, across the call: a function's executable form also
// says how it begins (baseCase). A call runs its callee's ENTER, and the
// test that follows it, with the call when there is room for them; and a
// call of a function that begins as a base case of a recursion does (a
// test of an argument, then a return) runs the whole base case, with no
// frame pushed or popped, when the test says it returns. What a call does
// whole is decided when it runs, by the callee it finds, the arguments
// and the budget left, under the same rule: all of it or none.

// xop is one instruction of a function's executable form.
type xop struct {
	Op Op    // an instruction of Code, or a fused one
	L  Op    // a fused instruction's load, store or comparison
	C  Op    // a fused load's comparison
	W  uint8 // the instructions of Code it does (1 when not fused)
	A  int32 // Code's A; a fused instruction's jump target
	B  int64 // Code's B; a fused instruction's constant
	X  int32 // slots and scales of an address: B + FP·fp + X·SX + Y·SY
	Y  int32
	SX int32
	SY int32
	V  int32  // a slot: a value stored or compared, a result
	T  int32  // a fall-through target
	K  int64  // a second constant: a value stored, a comparison's
	FP uint64 // 1: an address adds the frame pointer (FRAMEADDR)
}

// The fused instructions. They never appear in Code.
const (
	xAddr         Op = numOps + iota // push the address
	xLoad                            // push the value L loads at the address
	xLoadSet                         // slot V = the value L loads at the address
	xLoadJ                           // jump to A if (the value L loads at the address) C-compares with slot V
	xStoreL                          // store slot V at the address (L: the store)
	xStoreK                          // store K at the address
	xSetInc                          // slot V = int32(slot X + B)
	xSetIncJ                         // … then jump to A
	xSetIncLoop                      // … then jump to A if slot SX L-compares with K, else to T
	xSetAdd                          // slot V = int32(slot X + slot Y)
	xSetAddJ                         // … then jump to A
	xSetAddLoop                      // … then jump to A if slot SX L-compares with K, else to T
	xAddLocal                        // slot V += B (never alone: W would be 1)
	xAddLocalJ                       // … then jump to A
	xAddLocalLoop                    // … then jump to A if slot SX L-compares with K, else to T
	xJLL                             // jump to A if slot X L-compares with slot Y
	xJSL                             // pop a; jump to A if a L-compares with slot X
	xMulAdd32Set                     // pop c, b, a; slot V = int32(a + int32(b·c))
	xConst                           // push B (a constant and its extension)
	xArgCall                         // push int32(slot X + B); call function A with T argument slots
	xAdd32Ret                        // add32, then return
	xBin                             // r = a L b, extended (SX: shift, SY: signed), pushed or put in slot V (≥ 0); a, b by T (binModes)
	xIncMem                          // pop addr: store (load L at addr) + B (T: as int32) with C at addr
	xIllegal                         // an opcode no instruction has (A: it)
	numXOps
)

// execForm is a function's executable form and the code it was made from.
type execForm struct {
	fn   *Func
	code *Instr
	n    int
	x    []xop
	base baseCase
}

// baseCase describes a function that begins as the base case of a
// recursion does: ENTER with no memory frame, a test of a slot against a
// constant, and, where the test does not jump, a return of a slot or a
// constant (fib's "if (n < 2) return n;", factorial's "if (n <= 1)
// return 1;"). A call of it whose test does not jump is run whole by the
// call, without a frame: it does the W instructions, and nothing it does
// outlives it but the value it returns. W is 0 when f does not begin so.
// Tests says that f begins with the ENTER and the test, whatever follows:
// an ENTER with room runs the test too.
type baseCase struct {
	Tests  bool
	W      uint8
	Test   Op     // the comparison (JEQ … JGEU) that jumps past the return
	Slot   int32  // the slot it tests
	K      uint64 // the constant it tests against
	Target int32  // where the test jumps
	Ret    int32  // the slot returned, or -1: the constant RK
	RK     uint64
	Slots  int // the slots and operands the function's frame needs (ENTER's check)
}

// exec returns f's executable form, making it at the first call. f's Code
// must not change once f has run.
func (f *Func) exec() *execForm {
	e := (*execForm)(atomic.LoadPointer(&f.exe))
	if e == nil || e.code != unsafe.SliceData(f.Code) || e.n != len(f.Code) {
		e = f.makeExec()
	}
	return e
}

// makeExec makes f's executable form.
func (f *Func) makeExec() *execForm {
	e := &execForm{fn: f, code: unsafe.SliceData(f.Code), n: len(f.Code), x: f.fuse(), base: f.baseCase()}
	atomic.StorePointer(&f.exe, unsafe.Pointer(e))
	return e
}

// Unfused returns a copy of p whose functions run one instruction at a
// time, never fused: the reference the fused instructions are tested
// against.
func (p *Program) Unfused() *Program {
	q := &Program{Name: p.Name, Funcs: make([]*Func, len(p.Funcs)), Segments: p.Segments, Globals: p.Globals,
		Vars: p.Vars, FuncIdx: p.FuncIdx, End: p.End, Entry: p.Entry, Main: p.Main}
	for i, f := range p.Funcs {
		g := &Func{Name: f.Name, File: f.File, Line: f.Line, Code: f.Code, Lines: f.Lines, NParams: f.NParams,
			NSlots: f.NSlots, MaxStack: f.MaxStack, FrameSize: f.FrameSize, Variadic: f.Variadic, Lib: f.Lib,
			Switches: f.Switches, plain: true}
		q.Funcs[i] = g
	}
	return q
}

// fuse makes f's executable form.
func (f *Func) fuse() []xop {
	xs := make([]xop, len(f.Code))
	for i, in := range f.Code {
		xs[i] = xop{Op: in.Op, W: 1, A: in.A, B: in.B}
		if in.Op >= numOps {
			xs[i] = xop{Op: xIllegal, W: 1, A: int32(in.Op)}
			continue
		}
		if !f.plain {
			if x, ok := f.fuseAt(i); ok && x.W >= 2 {
				xs[i] = x
			}
		}
	}
	return xs
}

// baseCase returns how f begins, if it begins as a base case does.
func (f *Func) baseCase() baseCase {
	code := f.Code
	if f.plain || f.Variadic || len(code) < 3 || code[0].Op != ENTER || code[0].B != 0 || !isJccLK(code[1].Op) ||
		!f.slot(int64(int32(code[1].B))) {
		return baseCase{}
	}
	b := baseCase{Tests: true, Test: code[1].Op - (JEQLK - JEQ), Slot: int32(code[1].B), K: uint64(code[1].B >> 32), Target: code[1].A,
		Slots: f.NSlots + f.MaxStack + 8}
	switch {
	case code[2].Op == RETL && f.slot(int64(code[2].A)):
		b.W, b.Ret = 3, code[2].A
	case len(code) >= 4 && code[2].Op == CONST && code[3].Op == RET:
		b.W, b.Ret, b.RK = 4, -1, uint64(code[2].B)
	}
	return b
}

// slot reports whether s is one of f's value slots.
func (f *Func) slot(s int64) bool { return s >= 0 && s < int64(f.NSlots) }

func isJcc(op Op) bool   { return op >= JEQ && op <= JGEU }
func isJccLK(op Op) bool { return op >= JEQLK && op <= JGEULK }
func isExt(op Op) bool   { return op >= SEXT8 && op <= ZEXT32 }

func fitsInt32(v int64) bool { return v == int64(int32(v)) }

// extend applies an extension instruction to v, as the VM does.
func extend(op Op, v uint64) uint64 {
	switch op {
	case SEXT8:
		return uint64(int64(int8(v)))
	case SEXT16:
		return uint64(int64(int16(v)))
	case SEXT32:
		return uint64(int64(int32(v)))
	case ZEXT8:
		return uint64(uint8(v))
	case ZEXT16:
		return uint64(uint16(v))
	}
	return uint64(uint32(v))
}

// fuseAt returns the longest fused instruction for the code at i, if
// there is one.
func (f *Func) fuseAt(i int) (xop, bool) {
	var best xop
	for _, try := range []func(int) (xop, bool){f.pattern, f.access, f.arith, f.incMem} {
		if x, ok := try(i); ok && x.W > best.W {
			best = x
		}
	}
	return best, best.W >= 2
}

// pattern matches the fixed sequences: steps of loop counters, compares
// of slots, calls and returns.
func (f *Func) pattern(i int) (xop, bool) {
	code := f.Code
	at := func(k int) Instr {
		if i+k < len(code) {
			return code[i+k]
		}
		return Instr{Op: NOP}
	}
	in, next := at(0), at(1)
	switch {
	case in.Op == LOCALADDI32 && next.Op == SETLOCAL && f.slot(int64(in.A)) && f.slot(int64(next.A)):
		return f.step(xop{Op: xSetInc, W: 2, X: in.A, B: in.B, V: next.A}, i+2), true
	case in.Op == LOCAL2 && next.Op == ADD32 && at(2).Op == SETLOCAL && f.slot(int64(in.A)) && f.slot(in.B) && f.slot(int64(at(2).A)):
		return f.step(xop{Op: xSetAdd, W: 3, X: in.A, Y: int32(in.B), V: at(2).A}, i+3), true
	case in.Op == ADDLOCAL && next.Op == JMP && f.slot(int64(in.A)):
		return f.step(xop{Op: xAddLocal, W: 1, V: in.A, B: in.B}, i+1), true
	case in.Op == LOCAL2 && isJcc(next.Op) && f.slot(int64(in.A)) && f.slot(in.B):
		return xop{Op: xJLL, W: 2, L: next.Op, X: in.A, Y: int32(in.B), A: next.A}, true
	case in.Op == LOCAL && isJcc(next.Op) && f.slot(int64(in.A)):
		return xop{Op: xJSL, W: 2, L: next.Op, X: in.A, A: next.A}, true
	case in.Op == MUL && next.Op == SEXT32 && at(2).Op == ADD32 && at(3).Op == SETLOCAL && f.slot(int64(at(3).A)):
		return xop{Op: xMulAdd32Set, W: 4, V: at(3).A}, true
	case in.Op == CONST && isExt(next.Op):
		return xop{Op: xConst, W: 2, B: int64(extend(next.Op, uint64(in.B)))}, true
	case in.Op == LOCALADDI32 && next.Op == CALL && f.slot(int64(in.A)):
		return xop{Op: xArgCall, W: 2, X: in.A, B: in.B, A: next.A, T: int32(next.B)}, true
	case in.Op == ADD32 && next.Op == RET:
		return xop{Op: xAdd32Ret, W: 2}, true
	}
	return xop{}, false
}

// incMem fuses x += k on memory whose address is on the stack.
func (f *Func) incMem(i int) (xop, bool) {
	at := func(k int) Instr {
		if i+k < len(f.Code) {
			return f.Code[i+k]
		}
		return Instr{Op: NOP}
	}
	if in, next := at(0), at(1); in.Op == DUP && loadSize[next.Op] > 0 && (at(2).Op == ADDI || at(2).Op == ADDI32) && isPlainStore(at(3).Op) &&
		storeSize[at(3).Op] == loadSize[next.Op] {
		x := xop{Op: xIncMem, W: 4, L: next.Op, C: at(3).Op, B: at(2).B}
		if at(2).Op == ADDI32 {
			x.T = 1
		}
		return x, true
	}
	return xop{}, false
}

// Where xBin takes its operands a and b.
const (
	binStack     = iota // a and b popped
	binSlot             // a popped, b slot X
	binConst            // a popped, b the constant B
	binSlotConst        // a slot X, b the constant B (nothing popped)
)

// binOps are the arithmetic instructions xBin does: none can fault.
var binOps = map[Op]bool{ADD: true, SUB: true, MUL: true, AND: true, OR: true, XOR: true, SHL: true, SHRS: true,
	SHRU: true, ADD32: true, SUB32: true}

// constOp reports whether xBin does in with a constant b: the
// instructions that cannot fault, and a division by a b that cannot.
func constOp(in Instr, b int64) bool {
	switch in.Op {
	case DIVU, REMU:
		return b != 0
	case DIVS, REMS:
		return b != 0 && b != -1 && (in.A == 32 || in.A == 64)
	}
	return binOps[in.Op]
}

// extWidth is the width an extension keeps, and whether it is signed.
func extWidth(op Op) (int32, bool) {
	switch op {
	case SEXT8:
		return 8, true
	case SEXT16:
		return 16, true
	case SEXT32:
		return 32, true
	case ZEXT8:
		return 8, false
	case ZEXT16:
		return 16, false
	}
	return 32, false
}

// arith fuses an arithmetic instruction with the slot or constant pushed
// for it, the extensions that follow it and the slot it is stored in.
func (f *Func) arith(i int) (xop, bool) {
	code := f.Code
	at := func(k int) Instr {
		if k < len(code) {
			return code[k]
		}
		return Instr{Op: NOP}
	}
	x := xop{Op: xBin, V: -1}
	j := i
	switch in, next := at(j), at(j+1); {
	case in.Op == LOCAL && next.Op == CONST && constOp(at(j+2), next.B) && f.slot(int64(in.A)):
		x.T, x.X, x.B, x.L = binSlotConst, in.A, next.B, at(j+2).Op
		j += 3
	case in.Op == LOCAL && binOps[next.Op] && f.slot(int64(in.A)):
		x.T, x.X, x.L = binSlot, in.A, next.Op
		j += 2
	case in.Op == CONST && constOp(next, in.B):
		x.T, x.B, x.L = binConst, in.B, next.Op
		j += 2
	case in.Op == CONST && isExt(next.Op) && constOp(at(j+2), int64(extend(next.Op, uint64(in.B)))):
		x.T, x.B, x.L = binConst, int64(extend(next.Op, uint64(in.B))), at(j+2).Op
		j += 3
	case in.Op == ADDI || in.Op == MULI || in.Op == ADDI32:
		x.T, x.B, x.L = binConst, in.B, map[Op]Op{ADDI: ADD, MULI: MUL, ADDI32: ADD32}[in.Op]
		j++
	case binOps[in.Op]:
		x.T, x.L = binStack, in.Op
		j++
	default:
		return xop{}, false
	}
	width := int32(64)
	for isExt(at(j).Op) {
		w, signed := extWidth(at(j).Op)
		if w > width {
			break // a wider extension of a narrower one: not one shift
		}
		width, x.SX, x.SY = w, 64-w, 0
		if signed {
			x.SY = 1
		}
		j++
	}
	if at(j).Op == SETLOCAL && f.slot(int64(at(j).A)) {
		x.V = at(j).A
		j++
	}
	if j-i < 2 {
		return xop{}, false
	}
	x.W = uint8(j - i)
	return x, true
}

// step finishes a fused assignment to a slot with the jump that may follow
// it at j and, when the jump lands on a test of a slot against a constant
// (a loop's condition), with that test.
func (f *Func) step(x xop, j int) xop {
	if j >= len(f.Code) || f.Code[j].Op != JMP {
		return x
	}
	t := f.Code[j].A
	x.Op++ // the J form
	x.W++
	x.A = t
	if t < 0 || int(t) >= len(f.Code) {
		return x
	}
	if c := f.Code[t]; isJccLK(c.Op) && f.slot(int64(int32(c.B))) {
		x.Op++ // the loop form
		x.W++
		x.L = c.Op - (JEQLK - JEQ)
		x.SX = int32(c.B)
		x.K = c.B >> 32
		x.A = c.A
		x.T = t + 1
	}
	return x
}

// access fuses an address computed from a constant or a frame address and
// up to two scaled slots, with the load or store that uses it.
func (f *Func) access(i int) (xop, bool) {
	code := f.Code
	at := func(k int) Instr {
		if k < len(code) {
			return code[k]
		}
		return Instr{Op: NOP}
	}
	x := xop{Op: xAddr}
	terms := 0
	term := func(s int64, scale int64) bool {
		if !f.slot(s) || !fitsInt32(scale) || terms == 2 {
			return false
		}
		if terms == 0 {
			x.X, x.SX = int32(s), int32(scale)
		} else {
			x.Y, x.SY = int32(s), int32(scale)
		}
		terms++
		return true
	}
	j := i
	switch in := at(j); in.Op {
	case CONST:
		x.B = in.B
		j++
	case FRAMEADDR:
		x.B, x.FP = in.B, 1
		j++
	case LOCAL:
		if !term(int64(in.A), 1) {
			return xop{}, false
		}
		j++
	case LOCAL2:
		if !term(int64(in.A), 1) {
			return xop{}, false
		}
		switch {
		case at(j+1).Op == MULI && at(j+2).Op == ADD && term(in.B, at(j+1).B):
			j += 3
		case at(j+1).Op == ADD && term(in.B, 1):
			j += 2
		default:
			return xop{}, false
		}
	default:
		return xop{}, false
	}
	for {
		in := at(j)
		switch {
		case in.Op == LOCAL && at(j+1).Op == MULI && at(j+2).Op == ADD && term(int64(in.A), at(j+1).B):
			j += 3
			continue
		case in.Op == LOCAL && at(j+1).Op == ADD && term(int64(in.A), 1):
			j += 2
			continue
		case in.Op == ADDI:
			x.B += in.B
			j++
			continue
		}
		break
	}
	n := j - i
	in := at(j)
	switch {
	case loadSize[in.Op] > 0:
		x.Op, x.L = xLoad, in.Op
		switch next := at(j + 1); {
		case next.Op == SETLOCAL && f.slot(int64(next.A)):
			x.Op, x.V, x.W = xLoadSet, next.A, uint8(n+2)
		case next.Op == LOCAL && isJcc(at(j+2).Op) && f.slot(int64(next.A)):
			x.Op, x.V, x.W = xLoadJ, next.A, uint8(n+3)
			x.C, x.A = at(j+2).Op, at(j+2).A
		default:
			x.W = uint8(n + 1)
		}
		return x, true
	case in.Op == LOCAL && f.slot(int64(in.A)) && isPlainStore(at(j+1).Op):
		x.Op, x.L, x.V, x.W = xStoreL, at(j+1).Op, in.A, uint8(n+2)
		return x, true
	case in.Op == CONST && isPlainStore(at(j+1).Op):
		x.Op, x.L, x.K, x.W = xStoreK, at(j+1).Op, in.B, uint8(n+2)
		return x, true
	case in.Op == CONST && isExt(at(j+1).Op) && isPlainStore(at(j+2).Op):
		x.Op, x.L, x.K, x.W = xStoreK, at(j+2).Op, int64(extend(at(j+1).Op, uint64(in.B))), uint8(n+3)
		return x, true
	}
	if n < 2 || terms == 0 && x.FP == 0 {
		return xop{}, false
	}
	x.W = uint8(n)
	return x, true
}

func isPlainStore(op Op) bool { return op >= ST8 && op <= ST64 }
