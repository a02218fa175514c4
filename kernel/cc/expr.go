package cc

import (
	cc "modernc.org/cc/v4"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// lvalue is a place: a value slot, or memory whose address is on the stack.
type lvalue struct {
	slot int // >= 0 for a slot local
	t    cc.Type
	bf   *cc.Field // a bit-field: the address is of its storage unit
}

// bitFieldOperand packs a bit-field for BFLD/BFST.
func bitFieldOperand(f *cc.Field, keep bool) int32 {
	a := int32(f.OffsetBits()) | int32(f.ValueBits())<<8 | int32(f.AccessBytes())<<16
	if cc.IsSignedInteger(f.Type()) {
		a |= 1 << 24
	}
	if keep {
		a |= 1 << 25
	}
	return a
}

// store stores the value on the stack into the place below it.
func (c *fnc) store(l lvalue, keep bool) {
	if l.bf != nil {
		c.emit(vm.BFST, bitFieldOperand(l.bf, keep), 0)
		return
	}
	c.emit(storeOp(classify(l.t), keep), 0, 0)
}

func (l lvalue) inSlot() bool { return l.slot >= 0 }

// addrOf pushes a symbol's address (patched at link time).
func (c *fnc) addrOf(s *symbol, addend int64) {
	pc := c.emit(vm.CONST, 0, addend)
	c.u.obj.fixups = append(c.u.obj.fixups, fixup{fn: c.f, pc: pc, sym: s})
}

// void evaluates e for its side effects.
func (c *fnc) void(e cc.ExpressionNode) {
	switch x := e.(type) {
	case *cc.AssignmentExpression:
		if x.Case != cc.AssignmentExpressionCond {
			c.assign(x, false)
			return
		}
	case *cc.ExpressionList:
		for l := x; l != nil; l = l.ExpressionList {
			c.void(l.AssignmentExpression)
		}
		return
	case *cc.PostfixExpression:
		if x.Case == cc.PostfixExpressionInc || x.Case == cc.PostfixExpressionDec {
			c.incdec(x.PostfixExpression, x.Case == cc.PostfixExpressionInc, false, false)
			return
		}
	case *cc.UnaryExpression:
		if x.Case == cc.UnaryExpressionInc || x.Case == cc.UnaryExpressionDec {
			c.incdec(x.UnaryExpression, x.Case == cc.UnaryExpressionInc, true, false)
			return
		}
	case *cc.CastExpression:
		if x.Case == cc.CastExpressionCast {
			c.void(x.CastExpression)
			return
		}
	case *cc.PrimaryExpression:
		if x.Case == cc.PrimaryExpressionExpr {
			c.void(x.ExpressionList)
			return
		}
	case *cc.ConditionalExpression:
		if x.Case == cc.ConditionalExpressionCond {
			c.cond(x.LogicalOrExpression)
			j := c.emit(vm.JZ, 0, 0)
			c.void(x.ExpressionList)
			end := c.emit(vm.JMP, 0, 0)
			c.patch(j)
			c.void(x.ConditionalExpression)
			c.patch(end)
			return
		}
	}
	c.rvalue(e)
	c.op(vm.POP)
}

// cond pushes a value that is non-zero when e is true.
func (c *fnc) cond(e cc.ExpressionNode) {
	c.rvalue(e)
	if isFloat(e.Type()) {
		c.truth(classify(e.Type()))
	}
}

// truth turns a float on the stack into 0 or 1.
func (c *fnc) truth(s scalar) {
	if s.size == 4 {
		c.konst(0)
		c.op(vm.F32NE)
	} else {
		c.konst(0)
		c.op(vm.FNE)
	}
}

// rvalueAs pushes e converted to t.
func (c *fnc) rvalueAs(e cc.ExpressionNode, t cc.Type) {
	c.rvalue(e)
	c.convert(e.Type(), t)
}

// convert converts the value on the stack from type a to type b.
func (c *fnc) convert(a, b cc.Type) {
	if b.Kind() == cc.Void || isAggregate(b) || b.Kind() == cc.Function {
		return
	}
	c.convertScalar(classify(a), classify(b))
}

func (c *fnc) convertScalar(from, to scalar) {
	switch {
	case to.boolean:
		if from.float {
			c.truth(from)
		} else if !from.boolean {
			c.op(vm.BOOL)
		}
	case from.float && to.float:
		if from.size == 8 && to.size == 4 {
			c.op(vm.D2F)
		} else if from.size == 4 && to.size == 8 {
			c.op(vm.F2D)
		}
	case from.float:
		if from.size == 4 {
			if to.signed || to.size < 8 {
				c.op(vm.F2I)
			} else {
				c.op(vm.F2U)
			}
		} else {
			if to.signed || to.size < 8 {
				c.op(vm.D2I)
			} else {
				c.op(vm.D2U)
			}
		}
		if op := extOp(to); op != vm.NOP {
			c.op(op)
		}
	case to.float:
		conv := vm.I2D
		if to.size == 4 {
			conv = vm.I2F
		}
		if !from.signed && from.size == 8 {
			conv++ // U2D / U2F
		}
		c.op(conv)
	default:
		if to.size >= 8 {
			return
		}
		if from.size < to.size && (!from.signed || to.signed) {
			return
		}
		if from.size == to.size && from.signed == to.signed {
			return
		}
		c.op(extOp(to))
	}
}

// rvalue pushes the value of e. Arrays and functions push their address;
// structs and unions push the address of the object.
func (c *fnc) rvalue(e cc.ExpressionNode) {
	t := e.Type()
	if t.Kind() != cc.Void && !isAggregate(t) && t.Kind() != cc.Function && t.Kind() != cc.Ptr && foldable(e) {
		if v, ok := constValue(e, classify(t)); ok {
			c.konst(v)
			return
		}
	}
	switch x := e.(type) {
	case *cc.PrimaryExpression:
		c.primary(x)
	case *cc.PostfixExpression:
		c.postfix(x)
	case *cc.UnaryExpression:
		c.unary(x)
	case *cc.CastExpression:
		if x.Case == cc.CastExpressionUnary {
			c.rvalue(x.UnaryExpression)
			return
		}
		to := x.TypeName.Type()
		if to.Kind() == cc.Void {
			c.void(x.CastExpression)
			c.konst(0)
			return
		}
		c.rvalueAs(x.CastExpression, to)
	case *cc.MultiplicativeExpression:
		if x.Case == cc.MultiplicativeExpressionCast {
			c.rvalue(x.CastExpression)
			return
		}
		c.arith(x, x.MultiplicativeExpression, x.CastExpression, map[cc.MultiplicativeExpressionCase]string{
			cc.MultiplicativeExpressionMul: "*", cc.MultiplicativeExpressionDiv: "/", cc.MultiplicativeExpressionMod: "%"}[x.Case])
	case *cc.AdditiveExpression:
		if x.Case == cc.AdditiveExpressionMul {
			c.rvalue(x.MultiplicativeExpression)
			return
		}
		op := "+"
		if x.Case == cc.AdditiveExpressionSub {
			op = "-"
		}
		c.arith(x, x.AdditiveExpression, x.MultiplicativeExpression, op)
	case *cc.ShiftExpression:
		if x.Case == cc.ShiftExpressionAdd {
			c.rvalue(x.AdditiveExpression)
			return
		}
		op := "<<"
		if x.Case == cc.ShiftExpressionRsh {
			op = ">>"
		}
		c.arith(x, x.ShiftExpression, x.AdditiveExpression, op)
	case *cc.RelationalExpression:
		if x.Case == cc.RelationalExpressionShift {
			c.rvalue(x.ShiftExpression)
			return
		}
		c.compare(x.RelationalExpression, x.ShiftExpression, map[cc.RelationalExpressionCase]string{
			cc.RelationalExpressionLt: "<", cc.RelationalExpressionGt: ">", cc.RelationalExpressionLeq: "<=", cc.RelationalExpressionGeq: ">="}[x.Case])
	case *cc.EqualityExpression:
		if x.Case == cc.EqualityExpressionRel {
			c.rvalue(x.RelationalExpression)
			return
		}
		op := "=="
		if x.Case == cc.EqualityExpressionNeq {
			op = "!="
		}
		c.compare(x.EqualityExpression, x.RelationalExpression, op)
	case *cc.AndExpression:
		if x.Case == cc.AndExpressionEq {
			c.rvalue(x.EqualityExpression)
			return
		}
		c.arith(x, x.AndExpression, x.EqualityExpression, "&")
	case *cc.ExclusiveOrExpression:
		if x.Case == cc.ExclusiveOrExpressionAnd {
			c.rvalue(x.AndExpression)
			return
		}
		c.arith(x, x.ExclusiveOrExpression, x.AndExpression, "^")
	case *cc.InclusiveOrExpression:
		if x.Case == cc.InclusiveOrExpressionXor {
			c.rvalue(x.ExclusiveOrExpression)
			return
		}
		c.arith(x, x.InclusiveOrExpression, x.ExclusiveOrExpression, "|")
	case *cc.LogicalAndExpression:
		if x.Case == cc.LogicalAndExpressionOr {
			c.rvalue(x.InclusiveOrExpression)
			return
		}
		c.logical(x.LogicalAndExpression, x.InclusiveOrExpression, true)
	case *cc.LogicalOrExpression:
		if x.Case == cc.LogicalOrExpressionLAnd {
			c.rvalue(x.LogicalAndExpression)
			return
		}
		c.logical(x.LogicalOrExpression, x.LogicalAndExpression, false)
	case *cc.ConditionalExpression:
		if x.Case == cc.ConditionalExpressionLOr {
			c.rvalue(x.LogicalOrExpression)
			return
		}
		c.conditional(x)
	case *cc.AssignmentExpression:
		if x.Case == cc.AssignmentExpressionCond {
			c.rvalue(x.ConditionalExpression)
			return
		}
		c.assign(x, true)
	case *cc.ExpressionList:
		for l := x; l != nil; l = l.ExpressionList {
			if l.ExpressionList == nil {
				c.rvalue(l.AssignmentExpression)
			} else {
				c.void(l.AssignmentExpression)
			}
		}
	case *cc.ConstantExpression:
		c.rvalue(x.ConditionalExpression)
	default:
		c.fail(e, "not supported: expression %T", e)
	}
}

func (c *fnc) primary(x *cc.PrimaryExpression) {
	switch x.Case {
	case cc.PrimaryExpressionIdent:
		t := x.Type()
		switch t.Kind() {
		case cc.Function:
			c.funcAddr(x)
			return
		}
		l := c.lvalue(x)
		c.load(l)
	case cc.PrimaryExpressionString:
		b, ok := stringBytes(x)
		if !ok {
			c.fail(x, "not supported: wide string literals")
		}
		c.addrOf(c.u.stringLit(b), 0)
	case cc.PrimaryExpressionExpr:
		c.rvalue(x.ExpressionList)
	case cc.PrimaryExpressionInt, cc.PrimaryExpressionFloat, cc.PrimaryExpressionChar, cc.PrimaryExpressionLChar:
		v, ok := constValue(x, classify(x.Type()))
		if !ok {
			c.fail(x, "not supported: this constant")
		}
		c.konst(v)
	case cc.PrimaryExpressionStmt:
		c.fail(x, "not supported: statement expressions")
	case cc.PrimaryExpressionGeneric:
		c.fail(x, "not supported: _Generic")
	default:
		c.fail(x, "not supported: this primary expression")
	}
}

// funcAddr pushes the address of the function an identifier names.
func (c *fnc) funcAddr(x *cc.PrimaryExpression) {
	name := x.Token.SrcStr()
	if _, ok := abi.Syscalls[name]; ok {
		if s := c.u.obj.syms[name]; s == nil || !s.defined {
			c.fail(x, "not supported: taking the address of the system call '%s'", name)
		}
	}
	s := c.u.obj.sym(name)
	s.isFunc = true
	if s.pos == nil {
		s.pos = posOf(x, c.u.obj.name)
	}
	c.addrOf(s, 0)
}

// load replaces an lvalue with its value.
func (c *fnc) load(l lvalue) {
	if l.inSlot() {
		c.emit(vm.LOCAL, int32(l.slot), 0)
		return
	}
	if isAggregate(l.t) || l.t.Kind() == cc.Function {
		return // the address is the value
	}
	if l.bf != nil {
		c.emit(vm.BFLD, bitFieldOperand(l.bf, false), 0)
		return
	}
	c.op(loadOp(classify(l.t)))
}

// lvalue evaluates e as a place.
func (c *fnc) lvalue(e cc.ExpressionNode) lvalue {
	t := e.Type().Undecay() // an array used as a value is still an array here
	switch x := e.(type) {
	case *cc.PrimaryExpression:
		switch x.Case {
		case cc.PrimaryExpressionIdent:
			d, _ := x.ResolvedTo().(*cc.Declarator)
			if d == nil {
				c.fail(x, "not supported: this identifier")
			}
			if d.Type().Kind() == cc.Array {
				t = d.Type() // the array itself, not its decayed use
			}
			if loc, ok := c.locals[d]; ok {
				if loc.t != nil {
					t = loc.t
				}
				switch {
				case loc.indirect:
					c.emit(vm.LOCAL, int32(loc.slot), 0)
				case loc.mem:
					c.emit(vm.FRAMEADDR, 0, loc.off)
				default:
					return lvalue{slot: loc.slot, t: t}
				}
				return lvalue{slot: -1, t: t}
			}
			if d.StorageDuration() == cc.Automatic && !d.IsExtern() {
				c.fail(x, "internal: no storage for '%s'", d.Name())
			}
			c.addrOf(c.u.symFor(d), 0)
			return lvalue{slot: -1, t: t}
		case cc.PrimaryExpressionExpr:
			return c.lvalue(x.ExpressionList)
		case cc.PrimaryExpressionString:
			c.rvalue(x)
			return lvalue{slot: -1, t: t}
		}
	case *cc.PostfixExpression:
		switch x.Case {
		case cc.PostfixExpressionIndex:
			c.index(x)
			return lvalue{slot: -1, t: t}
		case cc.PostfixExpressionSelect:
			f := x.Field()
			if f == nil {
				c.fail(x, "no such member")
			}
			c.structAddr(x.PostfixExpression)
			if off := f.Offset(); off != 0 {
				c.emit(vm.ADDI, 0, off)
			}
			return lvalue{slot: -1, t: t, bf: bitFieldOf(f)}
		case cc.PostfixExpressionPSelect:
			f := x.Field()
			if f == nil {
				c.fail(x, "no such member")
			}
			c.rvalue(x.PostfixExpression)
			if off := f.Offset(); off != 0 {
				c.emit(vm.ADDI, 0, off)
			}
			return lvalue{slot: -1, t: t, bf: bitFieldOf(f)}
		case cc.PostfixExpressionPrimary:
			return c.lvalue(x.PrimaryExpression)
		case cc.PostfixExpressionComplit:
			off := c.temp(x, t)
			c.initMemory(off, t, &cc.Initializer{Case: cc.InitializerInitList, InitializerList: x.InitializerList})
			c.emit(vm.FRAMEADDR, 0, off)
			return lvalue{slot: -1, t: t}
		case cc.PostfixExpressionCall:
			if isAggregate(t) {
				c.rvalue(x)
				return lvalue{slot: -1, t: t}
			}
		}
	case *cc.UnaryExpression:
		switch x.Case {
		case cc.UnaryExpressionDeref:
			c.rvalue(x.CastExpression)
			return lvalue{slot: -1, t: t}
		case cc.UnaryExpressionPostfix:
			return c.lvalue(x.PostfixExpression)
		}
	case *cc.CastExpression:
		if x.Case == cc.CastExpressionUnary {
			return c.lvalue(x.UnaryExpression)
		}
	case *cc.AssignmentExpression, *cc.ConditionalExpression, *cc.ExpressionList:
		if isAggregate(t) {
			c.rvalue(e)
			return lvalue{slot: -1, t: t}
		}
	}
	c.fail(e, "lvalue required")
	return lvalue{}
}

// structAddr pushes the address of a struct-valued expression.
func (c *fnc) structAddr(e cc.ExpressionNode) {
	l := c.lvalue(e)
	if l.inSlot() {
		c.fail(e, "internal: struct in a slot")
	}
}

// index pushes the address of a[i] (or i[a]).
func (c *fnc) index(x *cc.PostfixExpression) {
	a, i := x.PostfixExpression, x.ExpressionList
	if !isPointerish(a.Type()) {
		a, i = i, a
	}
	c.rvalue(a)
	c.rvalueAs(i, longType(c))
	if sz := elemSize(a.Type().Decay()); sz != 1 {
		c.emit(vm.MULI, 0, sz)
	}
	c.op(vm.ADD)
}

func isPointerish(t cc.Type) bool {
	k := t.Kind()
	return k == cc.Ptr || k == cc.Array
}

// longType is `long`, for index arithmetic.
func longType(c *fnc) cc.Type { return c.u.ast.Long }

func elemSize(t cc.Type) int64 {
	switch x := t.(type) {
	case *cc.PointerType:
		if s := x.Elem().Size(); s > 0 {
			return s
		}
		return 1 // void* arithmetic, as gcc
	case *cc.ArrayType:
		return x.Elem().Size()
	}
	return 1
}

func bitFieldOf(f *cc.Field) *cc.Field {
	if f.IsBitfield() {
		return f
	}
	return nil
}

// foldable reports whether a constant value the front end computed may
// replace the code: never for an expression with side effects, such as
// the assignment in `a = b = 0`, whose value is known but whose store is not.
func foldable(e cc.ExpressionNode) bool {
	switch x := e.(type) {
	case *cc.AssignmentExpression:
		return x.Case == cc.AssignmentExpressionCond && foldable(x.ConditionalExpression)
	case *cc.ExpressionList:
		return false
	case *cc.PostfixExpression:
		if x.Case == cc.PostfixExpressionCall || x.Case == cc.PostfixExpressionInc || x.Case == cc.PostfixExpressionDec {
			return false
		}
	case *cc.UnaryExpression:
		switch x.Case {
		case cc.UnaryExpressionInc, cc.UnaryExpressionDec:
			return false
		case cc.UnaryExpressionSizeofExpr, cc.UnaryExpressionSizeofType, cc.UnaryExpressionAlignofExpr, cc.UnaryExpressionAlignofType:
			return true // the operand is not evaluated
		}
	}
	return e.Pure()
}
