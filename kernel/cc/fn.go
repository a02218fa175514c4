package cc

import (
	"fmt"

	cc "modernc.org/cc/v4"

	"osplay/kernel/vm"
)

// local is where a block-scope object lives: a value slot, or memory at an
// offset in the frame. indirect means the slot holds the object's address
// (a struct passed by value).
type local struct {
	slot     int
	mem      bool
	off      int64
	indirect bool
	t        cc.Type // adjusted type of a parameter (arrays decay), or nil
	vlaSize  int     // a variable-length array: the slot holding its size in bytes
}

// fnc compiles one function body.
type fnc struct {
	u      *unit
	f      *vm.Func
	def    *cc.FunctionDefinition
	ft     *cc.FunctionType
	locals map[*cc.Declarator]local
	nslots int
	frame  int64
	depth  int
	line   int32

	retSlot int // slot of the hidden result pointer for struct returns, or -1

	breaks    []*[]int
	continues []*[]int
	labels    map[string]int
	gotos     map[string][]gotoRef
	switches  []*switchCtx
	target    int // the latest jump target: never fused into its predecessor
}

type gotoRef struct {
	pc int
	n  cc.Node
}

type switchCtx struct {
	table int
}

// emit appends an instruction and tracks the operand-stack depth. A small
// peephole pass fuses common pairs (CONST+ADD, ADD+SEXT32, compare+branch)
// unless a jump targets the second instruction.
func (c *fnc) emit(op vm.Op, a int32, b int64) int {
	if n := len(c.f.Code); n > 0 && c.target != n {
		if fused, ok := c.fuse(&c.f.Code[n-1], op, a, b); ok {
			c.depth += stackEffect(op, b)
			return fused
		}
	}
	pc := len(c.f.Code)
	c.f.Code = append(c.f.Code, vm.Instr{Op: op, A: a, B: b})
	c.f.Lines = append(c.f.Lines, c.line)
	c.depth += stackEffect(op, b)
	if c.depth > c.f.MaxStack {
		c.f.MaxStack = c.depth
	}
	return pc
}

func (c *fnc) op(op vm.Op) { c.emit(op, 0, 0) }

func (c *fnc) konst(v uint64) { c.emit(vm.CONST, 0, int64(v)) }

// label returns the next instruction's index and marks it as a jump
// target, so the peephole pass leaves it alone.
func (c *fnc) label() int {
	c.target = len(c.f.Code)
	return c.target
}

func (c *fnc) patch(pc int) { c.f.Code[pc].A = int32(c.label()) }

var negate = map[vm.Op]vm.Op{
	vm.EQ: vm.JNE, vm.NE: vm.JEQ, vm.LTS: vm.JGES, vm.LES: vm.JGTS, vm.GTS: vm.JLES, vm.GES: vm.JLTS,
	vm.LTU: vm.JGEU, vm.LEU: vm.JGTU, vm.GTU: vm.JLEU, vm.GEU: vm.JLTU,
}
var direct = map[vm.Op]vm.Op{
	vm.EQ: vm.JEQ, vm.NE: vm.JNE, vm.LTS: vm.JLTS, vm.LES: vm.JLES, vm.GTS: vm.JGTS, vm.GES: vm.JGES,
	vm.LTU: vm.JLTU, vm.LEU: vm.JLEU, vm.GTU: vm.JGTU, vm.GEU: vm.JGEU,
}

// fuse merges op into the previous instruction when the pair has a fused
// form; it returns the index of the merged instruction.
func (c *fnc) fuse(prev *vm.Instr, op vm.Op, a int32, b int64) (int, bool) {
	pc := len(c.f.Code) - 1
	switch {
	case prev.Op == vm.CONST && op == vm.ADD:
		*prev = vm.Instr{Op: vm.ADDI, B: prev.B}
	case prev.Op == vm.CONST && op == vm.SUB && !c.hasFixup(pc):
		*prev = vm.Instr{Op: vm.ADDI, B: -prev.B}
	case prev.Op == vm.ADD && op == vm.SEXT32:
		prev.Op = vm.ADD32
	case prev.Op == vm.SUB && op == vm.SEXT32:
		prev.Op = vm.SUB32
	case prev.Op == vm.ADDI && op == vm.SEXT32:
		prev.Op = vm.ADDI32
		if pc >= 1 && c.target < pc && c.f.Code[pc-1].Op == vm.LOCAL && !c.hasFixup(pc) {
			// LOCAL s; ADDI32 k → LOCALADDI32
			c.f.Code[pc-1] = vm.Instr{Op: vm.LOCALADDI32, A: c.f.Code[pc-1].A, B: prev.B}
			c.f.Code = c.f.Code[:pc]
			c.f.Lines = c.f.Lines[:pc]
			pc--
		}
	case (op == vm.JZ && negate[prev.Op] != 0) || (op == vm.JNZ && direct[prev.Op] != 0):
		j := direct[prev.Op]
		if op == vm.JZ {
			j = negate[prev.Op]
		}
		*prev = vm.Instr{Op: j, A: a}
		// LOCAL s; CONST k; Jcc → JccLK when k fits in 32 bits.
		if pc >= 2 && c.target < pc-1 {
			l, k := c.f.Code[pc-2], c.f.Code[pc-1]
			if l.Op == vm.LOCAL && k.Op == vm.CONST && k.B == int64(int32(k.B)) && !c.hasFixup(pc-1) {
				c.f.Code = c.f.Code[:pc-1]
				c.f.Lines = c.f.Lines[:pc-1]
				pc -= 2
				c.f.Code[pc] = vm.Instr{Op: j + (vm.JEQLK - vm.JEQ), A: a, B: int64(uint32(l.A)) | k.B<<32}
			}
		}
	case prev.Op == vm.LOCAL && op == vm.ADDI32:
		*prev = vm.Instr{Op: vm.LOCALADDI32, A: prev.A, B: b}
	case prev.Op == vm.LOCAL && op == vm.LOCAL:
		*prev = vm.Instr{Op: vm.LOCAL2, A: prev.A, B: int64(a)}
	case prev.Op == vm.LOCAL && op == vm.RET:
		*prev = vm.Instr{Op: vm.RETL, A: prev.A}
	default:
		return 0, false
	}
	c.f.Lines[pc] = c.line
	return pc, true
}

func (c *fnc) at(n cc.Node) {
	if n != nil {
		if p := n.Position(); p.Line > 0 {
			c.line = int32(p.Line)
		}
	}
}

func stackEffect(op vm.Op, b int64) int {
	switch op {
	case vm.CONST, vm.DUP, vm.LOCAL, vm.FRAMEADDR, vm.VASTART:
		return 1
	case vm.POP, vm.SETLOCAL, vm.JZ, vm.JNZ, vm.SWITCH, vm.MEMCPYK, vm.MEMZERO, vm.RET,
		vm.STK8, vm.STK16, vm.STK32, vm.STK64:
		return -1
	case vm.ST8, vm.ST16, vm.ST32, vm.ST64, vm.MEMCPY:
		return -2
	case vm.CALL, vm.SYSCALL:
		return 1 - int(b)
	case vm.CALLI:
		return -int(b)
	case vm.JEQ, vm.JNE, vm.JLTS, vm.JLES, vm.JGTS, vm.JGES, vm.JLTU, vm.JLEU, vm.JGTU, vm.JGEU:
		return -2
	}
	if op >= vm.ADD && op <= vm.GEU && op != vm.ADDI && op != vm.MULI && op != vm.NEG && op != vm.NOT && op != vm.LNOT && op != vm.BOOL {
		return -1
	}
	switch op {
	case vm.FADD, vm.FSUB, vm.FMUL, vm.FDIV, vm.FEQ, vm.FNE, vm.FLT, vm.FLE, vm.FGT, vm.FGE,
		vm.F32ADD, vm.F32SUB, vm.F32MUL, vm.F32DIV, vm.F32EQ, vm.F32NE, vm.F32LT, vm.F32LE, vm.F32GT, vm.F32GE:
		return -1
	}
	return 0
}

// function compiles one function definition.
func (u *unit) function(fd *cc.FunctionDefinition) {
	d := fd.Declarator
	f := u.obj.funcs[u.obj.syms[d.Name()].fn]
	ft, ok := d.Type().(*cc.FunctionType)
	if !ok {
		u.errorf(d, "not supported: this function declarator")
		return
	}
	c := &fnc{u: u, f: f, def: fd, ft: ft, locals: map[*cc.Declarator]local{}, retSlot: -1,
		labels: map[string]int{}, gotos: map[string][]gotoRef{}}
	c.at(d)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				// A bug of the compiler, not of the program: say where.
				u.errs = appendOnce(u.errs, &Error{File: f.File, Line: int(c.line),
					Msg: fmt.Sprintf("internal compiler error (%v) in '%s'; simplify the code around this line", r, f.Name)})
			}
		}
	}()
	f.Variadic = ft.IsVariadic()
	enter := c.emit(vm.ENTER, 0, 0)
	if isAggregate(ft.Result()) {
		c.retSlot = c.nslots
		c.nslots++
	}
	var copies []func()
	for _, p := range ft.Parameters() {
		pd := p.Declarator
		slot := c.nslots
		c.nslots++
		if pd == nil || p.Type().Kind() == cc.Void {
			if p.Type().Kind() == cc.Void {
				c.nslots--
			}
			continue
		}
		t := pd.Type()
		if k := t.Kind(); k == cc.Array || k == cc.Function {
			t = t.Decay() // parameters of array type are pointers
		}
		switch {
		case isAggregate(t):
			c.locals[pd] = local{slot: slot, indirect: true}
		case pd.AddressTaken():
			off := c.alloc(pd, t)
			c.locals[pd] = local{mem: true, off: off, t: t}
			s := classify(t)
			copies = append(copies, func() {
				c.emit(vm.FRAMEADDR, 0, off)
				c.emit(vm.LOCAL, int32(slot), 0)
				c.emit(storeOp(s, false), 0, 0)
			})
		default:
			c.locals[pd] = local{slot: slot, t: t}
		}
	}
	f.NParams = c.nslots
	for _, cp := range copies {
		cp()
	}
	c.compound(fd.CompoundStatement)
	// Falling off the end returns 0 (main's implicit return, and harmless
	// garbage for other functions, as on x86 where eax holds something).
	c.at(fd.CompoundStatement.Token2)
	c.konst(0)
	c.emit(vm.RET, 0, 0)
	for name, refs := range c.gotos {
		target, ok := c.labels[name]
		if !ok {
			u.errorf(refs[0].n, "label '%s' used but not defined", name)
			continue
		}
		for _, r := range refs {
			f.Code[r.pc].A = int32(target)
		}
	}
	f.NSlots = c.nslots
	f.FrameSize = (c.frame + 15) &^ 15
	f.Code[enter].A = int32(c.nslots)
	f.Code[enter].B = f.FrameSize
}

// alloc reserves memory in the frame for an object of type t declared at n.
func (c *fnc) alloc(n cc.Node, t cc.Type) int64 {
	size := t.Size()
	if size == 0 || t.IsIncomplete() {
		size = 8
	}
	c.reserveFrame(n, t, size)
	align := int64(t.Align())
	if align < 1 {
		align = 1
	}
	if size >= 16 && align < 16 {
		align = 16
	}
	c.frame = (c.frame + align - 1) &^ (align - 1)
	off := c.frame
	c.frame += size
	return off
}

// temp reserves anonymous frame memory for a temporary of type t at n
// (compound literals, struct results and arguments).
func (c *fnc) temp(n cc.Node, t cc.Type) int64 {
	size := t.Size()
	c.reserveFrame(n, t, size)
	c.frame = (c.frame + 15) &^ 15
	off := c.frame
	c.frame += size
	return off
}

func (c *fnc) fail(n cc.Node, format string, args ...any) {
	c.u.errorf(n, format, args...)
	panic(bailout{})
}

func (c *fnc) hasFixup(pc int) bool {
	fx := c.u.obj.fixups
	return len(fx) > 0 && fx[len(fx)-1].fn == c.f && fx[len(fx)-1].pc == pc
}
