package cc

import (
	"math"
	"reflect"
	"slices"

	cc "modernc.org/cc/v4"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// rvalueScalar pushes e converted to the scalar type s.
func (c *fnc) rvalueScalar(e cc.ExpressionNode, s scalar) {
	c.rvalue(e)
	c.convertScalar(classify(e.Type()), s)
}

// binop emits an arithmetic operation on two operands of type s and
// normalises the result.
func (c *fnc) binop(n cc.Node, op string, s scalar) {
	if s.float {
		f32 := s.size == 4
		pick := func(d, f vm.Op) {
			if f32 {
				c.op(f)
			} else {
				c.op(d)
			}
		}
		switch op {
		case "+":
			pick(vm.FADD, vm.F32ADD)
		case "-":
			pick(vm.FSUB, vm.F32SUB)
		case "*":
			pick(vm.FMUL, vm.F32MUL)
		case "/":
			pick(vm.FDIV, vm.F32DIV)
		default:
			c.fail(n, "invalid operands to binary %s", op)
		}
		return
	}
	wrap := false
	switch op {
	case "+":
		c.op(vm.ADD)
		wrap = true
	case "-":
		c.op(vm.SUB)
		wrap = true
	case "*":
		c.op(vm.MUL)
		wrap = true
	case "/":
		if s.signed {
			c.emit(vm.DIVS, int32(8*s.size), 0)
		} else {
			c.op(vm.DIVU)
		}
	case "%":
		if s.signed {
			c.emit(vm.REMS, int32(8*s.size), 0)
		} else {
			c.op(vm.REMU)
		}
	case "&":
		c.op(vm.AND)
	case "|":
		c.op(vm.OR)
	case "^":
		c.op(vm.XOR)
	case "<<":
		c.op(vm.SHL)
		wrap = true
	case ">>":
		if s.signed {
			c.op(vm.SHRS)
		} else {
			c.op(vm.SHRU)
		}
	}
	if wrap {
		if op := extOp(s); op != vm.NOP {
			c.op(op)
		}
	}
}

// arith compiles a binary arithmetic expression n = a op b.
func (c *fnc) arith(n cc.ExpressionNode, a, b cc.ExpressionNode, op string) {
	rt := n.Type()
	at, bt := a.Type(), b.Type()
	if op == "+" || op == "-" {
		switch {
		case isPointerish(at) && isPointerish(bt):
			c.rvalue(a)
			c.rvalue(b)
			c.op(vm.SUB)
			if sz := elemSize(at.Decay()); sz > 1 {
				c.konst(uint64(sz))
				c.emit(vm.DIVS, 64, 0)
			}
			return
		case isPointerish(at):
			c.rvalue(a)
			c.pointerStep(b, elemSize(at.Decay()), op)
			return
		case isPointerish(bt):
			c.rvalueScalar(a, i64)
			if sz := elemSize(bt.Decay()); sz != 1 {
				c.emit(vm.MULI, 0, sz)
			}
			c.rvalue(b)
			c.op(vm.ADD)
			return
		}
	}
	s := classify(rt)
	if op == "<<" || op == ">>" {
		c.rvalueScalar(a, s)
		c.rvalueScalar(b, promote(classify(bt)))
		c.binop(n, op, s)
		return
	}
	c.rvalueScalar(a, s)
	c.rvalueScalar(b, s)
	c.binop(n, op, s)
}

// pointerStep adds (op "+") or subtracts the integer n, scaled by the
// element size, to the pointer on the stack.
func (c *fnc) pointerStep(n cc.ExpressionNode, size int64, op string) {
	c.rvalueScalar(n, i64)
	if size != 1 {
		c.emit(vm.MULI, 0, size)
	}
	if op == "+" {
		c.op(vm.ADD)
	} else {
		c.op(vm.SUB)
	}
}

// compare compiles a relational or equality operator.
func (c *fnc) compare(a, b cc.ExpressionNode, op string) {
	at, bt := a.Type(), b.Type()
	var s scalar
	if isPointerish(at) || isPointerish(bt) || at.Kind() == cc.Function || bt.Kind() == cc.Function {
		s = u64
	} else {
		s = usual(classify(at), classify(bt))
	}
	c.rvalueScalar(a, s)
	c.rvalueScalar(b, s)
	type ops struct{ signed, unsigned, f64, f32 vm.Op }
	table := map[string]ops{
		"==": {vm.EQ, vm.EQ, vm.FEQ, vm.F32EQ},
		"!=": {vm.NE, vm.NE, vm.FNE, vm.F32NE},
		"<":  {vm.LTS, vm.LTU, vm.FLT, vm.F32LT},
		"<=": {vm.LES, vm.LEU, vm.FLE, vm.F32LE},
		">":  {vm.GTS, vm.GTU, vm.FGT, vm.F32GT},
		">=": {vm.GES, vm.GEU, vm.FGE, vm.F32GE},
	}[op]
	switch {
	case s.float && s.size == 4:
		c.op(table.f32)
	case s.float:
		c.op(table.f64)
	case s.signed:
		c.op(table.signed)
	default:
		c.op(table.unsigned)
	}
}

// logical compiles && and || with short-circuit evaluation.
func (c *fnc) logical(a, b cc.ExpressionNode, and bool) {
	jump := vm.JZ
	if !and {
		jump = vm.JNZ
	}
	c.cond(a)
	j1 := c.emit(jump, 0, 0)
	c.cond(b)
	j2 := c.emit(jump, 0, 0)
	if and {
		c.konst(1)
	} else {
		c.konst(0)
	}
	end := c.emit(vm.JMP, 0, 0)
	c.depth--
	c.patch(j1)
	c.patch(j2)
	if and {
		c.konst(0)
	} else {
		c.konst(1)
	}
	c.patch(end)
}

func (c *fnc) conditional(x *cc.ConditionalExpression) {
	rt := x.Type()
	if x.ExpressionList == nil {
		// GNU a ?: b
		c.rvalueAs(x.LogicalOrExpression, rt)
		c.op(vm.DUP)
		j := c.emit(vm.JNZ, 0, 0)
		c.op(vm.POP)
		c.rvalueAs(x.ConditionalExpression, rt)
		c.patch(j)
		return
	}
	c.cond(x.LogicalOrExpression)
	j := c.emit(vm.JZ, 0, 0)
	if rt.Kind() == cc.Void {
		c.void(x.ExpressionList)
		c.konst(0)
	} else {
		c.rvalueAs(x.ExpressionList, rt)
	}
	end := c.emit(vm.JMP, 0, 0)
	c.depth--
	c.patch(j)
	if rt.Kind() == cc.Void {
		c.void(x.ConditionalExpression)
		c.konst(0)
	} else {
		c.rvalueAs(x.ConditionalExpression, rt)
	}
	c.patch(end)
}

var assignOps = map[cc.AssignmentExpressionCase]string{
	cc.AssignmentExpressionMul: "*", cc.AssignmentExpressionDiv: "/", cc.AssignmentExpressionMod: "%",
	cc.AssignmentExpressionAdd: "+", cc.AssignmentExpressionSub: "-", cc.AssignmentExpressionLsh: "<<",
	cc.AssignmentExpressionRsh: ">>", cc.AssignmentExpressionAnd: "&", cc.AssignmentExpressionXor: "^",
	cc.AssignmentExpressionOr: "|",
}

// assign compiles = and the compound assignments.
func (c *fnc) assign(x *cc.AssignmentExpression, keep bool) {
	lhs, rhs := x.UnaryExpression, x.AssignmentExpression
	lt := lhs.Type()
	l := c.lvalue(lhs)
	if x.Case == cc.AssignmentExpressionAssign {
		if l.inSlot() {
			c.rvalueAs(rhs, lt)
			c.setSlot(l.slot, keep)
			return
		}
		if l.bf != nil {
			c.rvalueAs(rhs, lt)
			c.store(l, keep)
			return
		}
		c.assignTo(lt, rhs, keep)
		return
	}
	op := assignOps[x.Case]
	if l.inSlot() {
		c.emit(vm.LOCAL, int32(l.slot), 0)
	} else {
		c.op(vm.DUP)
		c.load(l)
	}
	c.compoundOp(x, lt, rhs, op)
	if l.inSlot() {
		c.setSlot(l.slot, keep)
	} else {
		c.store(l, keep)
	}
}

// compoundOp applies `op rhs` to the value of type lt on the stack and
// leaves the result converted back to lt.
func (c *fnc) compoundOp(n cc.Node, lt cc.Type, rhs cc.ExpressionNode, op string) {
	ls := classify(lt)
	if isPointerish(lt) && (op == "+" || op == "-") {
		c.pointerStep(rhs, elemSize(lt), op)
		return
	}
	var s scalar
	if op == "<<" || op == ">>" {
		s = promote(ls)
		c.convertScalar(ls, s)
		c.rvalueScalar(rhs, promote(classify(rhs.Type())))
	} else {
		s = usual(ls, classify(rhs.Type()))
		c.convertScalar(ls, s)
		c.rvalueScalar(rhs, s)
	}
	c.binop(n, op, s)
	c.convertScalar(s, ls)
}

func (c *fnc) setSlot(slot int, keep bool) {
	if keep {
		c.emit(vm.TEELOCAL, int32(slot), 0)
	} else {
		c.emit(vm.SETLOCAL, int32(slot), 0)
	}
}

// incdec compiles ++ and --; prefix selects the value kept.
func (c *fnc) incdec(e cc.ExpressionNode, inc, prefix, keep bool) {
	t := e.Type()
	s := classify(t)
	l := c.lvalue(e)
	delta := int64(1)
	if isPointerish(t) {
		delta = elemSize(t)
	}
	if !inc {
		delta = -delta
	}
	step := func() {
		switch {
		case s.float && s.size == 4:
			c.konst(uint64(math.Float32bits(float32(delta))))
			c.op(vm.F32ADD)
		case s.float:
			c.konst(math.Float64bits(float64(delta)))
			c.op(vm.FADD)
		case s.boolean:
			if inc {
				c.op(vm.POP)
				c.konst(1)
			} else {
				c.konst(1)
				c.op(vm.XOR)
			}
		default:
			c.emit(vm.ADDI, 0, delta)
			if op := extOp(s); op != vm.NOP {
				c.op(op)
			}
		}
	}
	if l.inSlot() {
		if s.size == 8 && !s.float && !(keep && !prefix) {
			c.emit(vm.ADDLOCAL, int32(l.slot), delta)
			if keep {
				c.emit(vm.LOCAL, int32(l.slot), 0)
			}
			return
		}
		c.emit(vm.LOCAL, int32(l.slot), 0)
		if keep && !prefix {
			c.op(vm.DUP)
		}
		step()
		c.setSlot(l.slot, keep && prefix)
		return
	}
	if keep && !prefix {
		// [addr] -> [old], storing old+delta.
		c.op(vm.DUP)
		c.load(l)
		c.op(vm.SWAP) // [old addr]
		c.op(vm.DUP)
		c.load(l) // [old addr old]
		step()
		c.store(l, false)
		return
	}
	c.op(vm.DUP)
	c.load(l)
	step()
	c.store(l, keep)
}

func (c *fnc) postfix(x *cc.PostfixExpression) {
	switch x.Case {
	case cc.PostfixExpressionPrimary:
		c.rvalue(x.PrimaryExpression)
	case cc.PostfixExpressionCall:
		c.call(x)
	case cc.PostfixExpressionInc, cc.PostfixExpressionDec:
		c.incdec(x.PostfixExpression, x.Case == cc.PostfixExpressionInc, false, true)
	default:
		l := c.lvalue(x)
		c.load(l)
	}
}

func (c *fnc) unary(x *cc.UnaryExpression) {
	t := x.Type()
	switch x.Case {
	case cc.UnaryExpressionPostfix:
		c.rvalue(x.PostfixExpression)
	case cc.UnaryExpressionInc, cc.UnaryExpressionDec:
		c.incdec(x.UnaryExpression, x.Case == cc.UnaryExpressionInc, true, true)
	case cc.UnaryExpressionAddrof:
		op := x.CastExpression
		if op.Type().Kind() == cc.Function {
			c.rvalue(op)
			return
		}
		l := c.lvalue(op)
		if l.inSlot() {
			c.fail(x, "internal: address of a register variable")
		}
	case cc.UnaryExpressionDeref:
		c.rvalue(x.CastExpression)
		t = t.Undecay() // *f for a function f, *(m + 2) for an array row
		if isAggregate(t) || t.Kind() == cc.Function || t.Kind() == cc.Void {
			return
		}
		c.op(loadOp(classify(t)))
	case cc.UnaryExpressionPlus:
		c.rvalueAs(x.CastExpression, t)
	case cc.UnaryExpressionMinus:
		c.rvalueAs(x.CastExpression, t)
		s := classify(t)
		switch {
		case s.float && s.size == 4:
			c.op(vm.F32NEG)
		case s.float:
			c.op(vm.FNEG)
		default:
			c.op(vm.NEG)
			if op := extOp(s); op != vm.NOP {
				c.op(op)
			}
		}
	case cc.UnaryExpressionCpl:
		c.rvalueAs(x.CastExpression, t)
		c.op(vm.NOT)
		if op := extOp(classify(t)); op != vm.NOP {
			c.op(op)
		}
	case cc.UnaryExpressionNot:
		c.cond(x.CastExpression)
		c.op(vm.LNOT)
	case cc.UnaryExpressionSizeofExpr:
		// Only a variable-length array has no constant size.
		if name, ok := x.UnaryExpression.(*cc.PrimaryExpression); ok && name.Case == cc.PrimaryExpressionIdent {
			if d, ok := name.ResolvedTo().(*cc.Declarator); ok {
				if loc, ok := c.locals[d]; ok && loc.vlaSize > 0 {
					c.emit(vm.LOCAL, int32(loc.vlaSize), 0)
					return
				}
			}
		}
		c.fail(x, "not supported: sizeof of this variable-length expression")
	default:
		c.fail(x, "not supported: this unary expression (variable-length sizeof?)")
	}
}

// calleeName returns the function an expression names directly, if any.
func calleeName(e cc.ExpressionNode) (string, *cc.PrimaryExpression) {
	for {
		switch x := e.(type) {
		case *cc.PrimaryExpression:
			switch x.Case {
			case cc.PrimaryExpressionIdent:
				if d, ok := x.ResolvedTo().(*cc.Declarator); ok && d.Type().Kind() != cc.Function {
					return "", nil
				}
				return x.Token.SrcStr(), x
			case cc.PrimaryExpressionExpr:
				e = x.ExpressionList
				continue
			}
		case *cc.PostfixExpression:
			if x.Case == cc.PostfixExpressionPrimary {
				e = x.PrimaryExpression
				continue
			}
		}
		return "", nil
	}
}

// hasSideEffects reports whether evaluating e may change something or
// call something: an assignment, an increment or decrement, a call.
func hasSideEffects(e cc.ExpressionNode) bool { return walkEffects(e, false) }

// isConstant reports whether e neither names anything nor has a side
// effect (a literal, an operation on literals), so that when it is
// evaluated cannot matter.
func isConstant(e cc.ExpressionNode) bool { return !walkEffects(e, true) }

// walkEffects looks through e for a side effect and, if names, for an
// identifier.
func walkEffects(e cc.ExpressionNode, names bool) bool {
	found := false
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if found || !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			switch n := v.Interface().(type) {
			case *cc.AssignmentExpression:
				if n.Case != cc.AssignmentExpressionCond {
					found = true
					return
				}
			case *cc.PostfixExpression:
				if n.Case == cc.PostfixExpressionCall || n.Case == cc.PostfixExpressionInc || n.Case == cc.PostfixExpressionDec {
					found = true
					return
				}
			case *cc.UnaryExpression:
				if n.Case == cc.UnaryExpressionInc || n.Case == cc.UnaryExpressionDec {
					found = true
					return
				}
			case *cc.PrimaryExpression:
				if names && n.Case == cc.PrimaryExpressionIdent {
					found = true
					return
				}
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(e))
	return found
}

// call compiles a function call. Arguments are pushed as slots in order;
// struct arguments as the address of a copy; a struct result through a
// hidden first argument pointing at a temporary.
func (c *fnc) call(x *cc.PostfixExpression) {
	callee := x.PostfixExpression
	ct := callee.Type()
	if ct.Kind() == cc.Ptr {
		ct = ct.(*cc.PointerType).Elem()
	}
	ft, ok := ct.(*cc.FunctionType)
	if !ok {
		c.fail(x, "called object is not a function or function pointer")
	}
	name, ident := calleeName(callee)
	if name == "__osplay_va_start" {
		c.emit(vm.VASTART, 0, 0)
		return
	}
	rt := ft.Result()
	nslots := 0
	if isAggregate(rt) {
		off := c.temp(x, rt)
		c.emit(vm.FRAMEADDR, 0, off)
		nslots++
	}
	params := ft.Parameters()
	if len(params) == 1 && params[0].Type().Kind() == cc.Void {
		params = nil
	}
	var args []cc.ExpressionNode
	for l := x.ArgumentExpressionList; l != nil; l = l.ArgumentExpressionList {
		args = append(args, l.AssignmentExpression)
	}
	// gcc on x86-64 evaluates the arguments from the last to the first;
	// C leaves the order open, but a student's printf("%d %d", next(),
	// next()) prints what gcc's order gives. When an argument has a side
	// effect and another is not a constant (the order can show), each is
	// computed into a slot of its own, the last first, and the slots are
	// pushed in order.
	variable := 0
	for _, a := range args {
		if !isConstant(a) {
			variable++
		}
	}
	reversed := variable > 1 && slices.ContainsFunc(args, hasSideEffects)
	var argSlots []int
	if reversed {
		for range args {
			argSlots = append(argSlots, c.nslots)
			c.nslots++
		}
	}
	for k := range args {
		i := k
		if reversed {
			i = len(args) - 1 - k
		}
		arg := args[i]
		var pt cc.Type
		if i < len(params) {
			pt = params[i].Type()
			if pt.Kind() == cc.Array || pt.Kind() == cc.Function {
				pt = pt.Decay()
			}
		}
		switch {
		case pt != nil && isAggregate(pt):
			off := c.temp(arg, pt)
			c.emit(vm.FRAMEADDR, 0, off)
			c.rvalue(arg)
			c.emit(vm.MEMCPYK, 0, pt.Size())
		case pt != nil:
			c.rvalueAs(arg, pt)
		default:
			// Default argument promotions.
			c.rvalue(arg)
			if s := classify(arg.Type()); s.float && s.size == 4 {
				c.op(vm.F2D)
			}
		}
		if reversed {
			c.emit(vm.SETLOCAL, int32(argSlots[i]), 0)
		}
		nslots++
	}
	for _, slot := range argSlots {
		c.emit(vm.LOCAL, int32(slot), 0)
	}
	c.at(x)
	if ident != nil {
		s := c.u.obj.syms[name]
		if sys, ok := abi.Syscalls[name]; ok && (s == nil || !s.defined) {
			c.emit(vm.SYSCALL, int32(sys), int64(nslots))
			if !isAggregate(rt) && rt.Kind() != cc.Void {
				if op := extOp(classify(rt)); op != vm.NOP {
					c.op(op)
				}
			}
			return
		}
		s = c.u.obj.sym(name)
		s.isFunc = true
		if s.pos == nil {
			s.pos = posOf(x, c.u.obj.name)
		}
		pc := c.emit(vm.CALL, 0, int64(nslots))
		c.u.obj.fixups = append(c.u.obj.fixups, fixup{fn: c.f, pc: pc, sym: s, call: true})
		return
	}
	c.rvalue(callee)
	c.emit(vm.CALLI, 0, int64(nslots))
}
