package cc

import (
	"sort"

	cc "modernc.org/cc/v4"

	"osplay/kernel/vm"
)

func (c *fnc) compound(n *cc.CompoundStatement) {
	for l := n.BlockItemList; l != nil; l = l.BlockItemList {
		it := l.BlockItem
		switch it.Case {
		case cc.BlockItemDecl:
			c.declaration(it.Declaration)
		case cc.BlockItemStmt:
			c.stmt(it.Statement)
		case cc.BlockItemLabel:
			// __label__ declarations need nothing.
		case cc.BlockItemFuncDef:
			c.fail(it.Declarator, "not supported: nested functions")
		}
	}
}

func (c *fnc) declaration(d *cc.Declaration) {
	if d.Case != cc.DeclarationDecl {
		return
	}
	for l := d.InitDeclaratorList; l != nil; l = l.InitDeclaratorList {
		id := l.InitDeclarator
		decl := id.Declarator
		if decl.IsTypename() {
			continue
		}
		t := decl.Type()
		if t.Kind() == cc.Function {
			continue
		}
		if decl.IsExtern() {
			continue
		}
		c.at(decl)
		if decl.StorageDuration() == cc.Static {
			s := &symbol{name: decl.Name(), static: true}
			c.u.blockStatics[decl] = s
			c.u.obj.statics = append(c.u.obj.statics, s)
			if lit := c.funcName(decl, id.Initializer); lit != nil {
				s.defined, s.seg, s.off = true, segRodata, lit.off
				continue
			}
			c.u.place(s, t, id.Initializer, decl)
			continue
		}
		if at, ok := t.(*cc.ArrayType); ok && at.IsVLA() {
			c.vla(decl, at)
			continue
		}
		if t.Size() < 0 && id.Initializer != nil {
			t = id.Initializer.Type()
		}
		if isAggregate(t) || decl.AddressTaken() {
			if t.Size() < 0 {
				c.fail(decl, "storage size of '%s' isn't known", decl.Name())
			}
			off := c.alloc(decl, t)
			c.locals[decl] = local{mem: true, off: off}
			if id.Initializer != nil {
				c.initMemory(off, t, id.Initializer)
			}
			continue
		}
		slot := c.nslots
		c.nslots++
		c.locals[decl] = local{slot: slot}
		if id.Initializer != nil {
			init := id.Initializer
			if init.Case == cc.InitializerInitList {
				// int x = { 5 };
				if l := init.InitializerList; l != nil && l.Initializer != nil && l.Initializer.Case == cc.InitializerExpr {
					init = l.Initializer
				} else {
					c.fail(init, "not supported: this scalar initializer")
				}
			}
			c.rvalueAs(init.AssignmentExpression, t)
			c.emit(vm.SETLOCAL, int32(slot), 0)
		}
	}
}

// funcName returns the string literal that is __func__, which the front
// end declares in every function: it lives in rodata, as with gcc, not
// after the program's initialised data, where its few bytes would keep a
// large array's zeros in the data image.
func (c *fnc) funcName(decl *cc.Declarator, init *cc.Initializer) *symbol {
	if decl.Name() != "__func__" || init == nil || init.Case != cc.InitializerExpr {
		return nil
	}
	b, ok := stringBytes(init.AssignmentExpression)
	if !ok {
		return nil
	}
	return c.u.stringLit(b)
}

// initMemory initialises an automatic aggregate (or addressable scalar).
func (c *fnc) initMemory(off int64, t cc.Type, init *cc.Initializer) {
	if init.Case == cc.InitializerExpr && !(t.Kind() == cc.Array && isStringInit(init.AssignmentExpression)) {
		c.emit(vm.FRAMEADDR, 0, off)
		c.assignTo(t, init.AssignmentExpression, false)
		return
	}
	c.emit(vm.FRAMEADDR, 0, off)
	c.emit(vm.MEMZERO, 0, t.Size())
	c.u.eachInit(t, init, func(at int64, lt cc.Type, e cc.ExpressionNode, bf *cc.Field) {
		if bf != nil {
			c.emit(vm.FRAMEADDR, 0, off+at)
			c.rvalueAs(e, lt)
			c.emit(vm.BFST, bitFieldOperand(bf, false), 0)
			return
		}
		if lt.Kind() == cc.Array {
			if b, ok := stringBytes(e); ok {
				n := lt.Size()
				if int64(len(b)) < n {
					n = int64(len(b))
				}
				s := c.u.stringLit(b)
				c.emit(vm.FRAMEADDR, 0, off+at)
				c.addrOf(s, 0)
				c.emit(vm.MEMCPY, 0, n)
				return
			}
		}
		c.emit(vm.FRAMEADDR, 0, off+at)
		c.assignTo(lt, e, false)
	})
}

// vla allocates a variable-length array on the memory stack; its address
// and size live in slots. (The space is released when the function returns.)
func (c *fnc) vla(decl *cc.Declarator, at *cc.ArrayType) {
	size := at.SizeExpression()
	if size == nil || at.Elem().Size() <= 0 {
		c.fail(decl, "not supported: multi-dimensional variable-length array '%s'", decl.Name())
	}
	c.reserveFrame(decl, at.Elem(), at.Elem().Size())
	addr, sz := c.nslots, c.nslots+1
	c.nslots += 2
	c.rvalueScalar(size, u64)
	c.emit(vm.MULI, 0, at.Elem().Size())
	c.emit(vm.TEELOCAL, int32(sz), 0)
	c.emit(vm.ALLOCA, 0, 0)
	c.emit(vm.SETLOCAL, int32(addr), 0)
	c.locals[decl] = local{slot: addr, indirect: true, vlaSize: sz}
}

func isStringInit(e cc.ExpressionNode) bool {
	_, ok := stringBytes(e)
	return ok
}

// assignTo stores the value of e, converted to t, at the address on the
// stack; with keep, the stored value stays on the stack.
func (c *fnc) assignTo(t cc.Type, e cc.ExpressionNode, keep bool) {
	if isAggregate(t) {
		c.rvalue(e)
		if keep {
			c.emit(vm.MEMCPYK, 0, t.Size())
		} else {
			c.emit(vm.MEMCPY, 0, t.Size())
		}
		return
	}
	c.rvalueAs(e, t)
	c.emit(storeOp(classify(t), keep), 0, 0)
}

func (c *fnc) stmt(s *cc.Statement) {
	switch s.Case {
	case cc.StatementLabeled:
		c.labeled(s.LabeledStatement)
	case cc.StatementCompound:
		c.compound(s.CompoundStatement)
	case cc.StatementExpr:
		if e := s.ExpressionStatement.ExpressionList; e != nil {
			c.at(e)
			c.void(e)
		}
	case cc.StatementSelection:
		c.selection(s.SelectionStatement)
	case cc.StatementIteration:
		c.iteration(s.IterationStatement)
	case cc.StatementJump:
		c.jump(s.JumpStatement)
	case cc.StatementAsm:
		c.fail(s.AsmStatement, "not supported: inline assembly")
	}
}

func (c *fnc) labeled(n *cc.LabeledStatement) {
	switch n.Case {
	case cc.LabeledStatementLabel:
		c.labels[n.Token.SrcStr()] = c.label()
	case cc.LabeledStatementCaseLabel, cc.LabeledStatementDefault:
		sw := c.innerSwitch(n)
		if sw == nil {
			c.fail(n, "case label not within a switch statement")
		}
		table := &c.f.Switches[sw.table]
		if n.Case == cc.LabeledStatementDefault {
			table.Default = int32(c.label())
		} else {
			v, ok := constValue(n.ConstantExpression, i64)
			if !ok {
				c.fail(n, "case label does not reduce to an integer constant")
			}
			table.Values = append(table.Values, int64(v))
			table.Targets = append(table.Targets, int32(c.label()))
		}
	case cc.LabeledStatementRange:
		c.fail(n, "not supported: case ranges")
	}
	c.stmt(n.Statement)
}

func (c *fnc) innerSwitch(n *cc.LabeledStatement) *switchCtx {
	if len(c.switches) == 0 {
		return nil
	}
	return c.switches[len(c.switches)-1]
}

func (c *fnc) selection(n *cc.SelectionStatement) {
	c.at(n)
	switch n.Case {
	case cc.SelectionStatementIf:
		c.cond(n.ExpressionList)
		j := c.emit(vm.JZ, 0, 0)
		c.stmt(n.Statement)
		c.patch(j)
	case cc.SelectionStatementIfElse:
		c.cond(n.ExpressionList)
		j := c.emit(vm.JZ, 0, 0)
		c.stmt(n.Statement)
		end := c.emit(vm.JMP, 0, 0)
		c.patch(j)
		c.stmt(n.Statement2)
		c.patch(end)
	case cc.SelectionStatementSwitch:
		t := n.ExpressionList.Type()
		c.rvalueAs(n.ExpressionList, t)
		c.f.Switches = append(c.f.Switches, vm.Switch{Default: -1})
		sw := &switchCtx{table: len(c.f.Switches) - 1}
		c.emit(vm.SWITCH, int32(sw.table), 0)
		var breaks []int
		c.breaks = append(c.breaks, &breaks)
		c.switches = append(c.switches, sw)
		c.stmt(n.Statement)
		c.switches = c.switches[:len(c.switches)-1]
		c.breaks = c.breaks[:len(c.breaks)-1]
		end := c.label()
		table := &c.f.Switches[sw.table]
		if table.Default < 0 {
			table.Default = int32(end)
		}
		sortSwitch(table)
		for _, b := range breaks {
			c.f.Code[b].A = int32(end)
		}
	}
}

func sortSwitch(t *vm.Switch) {
	if len(t.Values) == 0 {
		return // nil tables stay nil, as the worker's wire gives them back
	}
	idx := make([]int, len(t.Values))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return t.Values[idx[a]] < t.Values[idx[b]] })
	vals := make([]int64, len(idx))
	tg := make([]int32, len(idx))
	for i, j := range idx {
		vals[i], tg[i] = t.Values[j], t.Targets[j]
	}
	t.Values, t.Targets = vals, tg
}

func (c *fnc) iteration(n *cc.IterationStatement) {
	c.at(n)
	var breaks, conts []int
	c.breaks = append(c.breaks, &breaks)
	c.continues = append(c.continues, &conts)
	var contTarget, top int
	switch n.Case {
	case cc.IterationStatementWhile:
		top = c.label()
		c.cond(n.ExpressionList)
		breaks = append(breaks, c.emit(vm.JZ, 0, 0))
		c.stmt(n.Statement)
		contTarget = top
		c.emit(vm.JMP, int32(top), 0)
	case cc.IterationStatementDo:
		top = c.label()
		c.stmt(n.Statement)
		contTarget = c.label()
		c.at(n.ExpressionList)
		c.cond(n.ExpressionList)
		c.emit(vm.JNZ, int32(top), 0)
	case cc.IterationStatementFor, cc.IterationStatementForDecl:
		// for (init; cond; next) — with a declaration, the grammar puts
		// cond in ExpressionList and next in ExpressionList2.
		cond, next := n.ExpressionList2, n.ExpressionList3
		if n.Case == cc.IterationStatementForDecl {
			c.declaration(n.Declaration)
			cond, next = n.ExpressionList, n.ExpressionList2
		} else if n.ExpressionList != nil {
			c.void(n.ExpressionList)
		}
		top = c.label()
		if cond != nil {
			c.at(cond)
			c.cond(cond)
			breaks = append(breaks, c.emit(vm.JZ, 0, 0))
		}
		c.stmt(n.Statement)
		contTarget = c.label()
		if next != nil {
			c.at(next)
			c.void(next)
		}
		c.emit(vm.JMP, int32(top), 0)
	}
	end := c.label()
	for _, b := range breaks {
		c.f.Code[b].A = int32(end)
	}
	for _, k := range conts {
		c.f.Code[k].A = int32(contTarget)
	}
	c.breaks = c.breaks[:len(c.breaks)-1]
	c.continues = c.continues[:len(c.continues)-1]
}

func (c *fnc) jump(n *cc.JumpStatement) {
	c.at(n)
	switch n.Case {
	case cc.JumpStatementGoto:
		name := n.Token2.SrcStr()
		c.gotos[name] = append(c.gotos[name], gotoRef{pc: c.emit(vm.JMP, 0, 0), n: n})
	case cc.JumpStatementGotoExpr:
		c.fail(n, "not supported: computed goto")
	case cc.JumpStatementContinue:
		if len(c.continues) == 0 {
			c.fail(n, "continue statement not within a loop")
		}
		l := c.continues[len(c.continues)-1]
		*l = append(*l, c.emit(vm.JMP, 0, 0))
	case cc.JumpStatementBreak:
		if len(c.breaks) == 0 {
			c.fail(n, "break statement not within loop or switch")
		}
		l := c.breaks[len(c.breaks)-1]
		*l = append(*l, c.emit(vm.JMP, 0, 0))
	case cc.JumpStatementReturn:
		rt := c.ft.Result()
		switch {
		case n.ExpressionList == nil:
			c.konst(0)
		case rt.Kind() == cc.Void:
			c.void(n.ExpressionList)
			c.konst(0)
		case isAggregate(rt):
			c.emit(vm.LOCAL, int32(c.retSlot), 0)
			c.rvalue(n.ExpressionList)
			c.emit(vm.MEMCPYK, 0, rt.Size())
		default:
			c.rvalueAs(n.ExpressionList, rt)
		}
		c.emit(vm.RET, 0, 0)
	}
}
