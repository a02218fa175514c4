package cc

import (
	"fmt"
	"slices"
	"strings"

	cc "modernc.org/cc/v4"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// unit compiles one translation unit into an object.
type unit struct {
	obj   *object
	ast   *cc.AST
	errs  ErrorList
	limit int64 // bytes a process may use: no object, nor all static storage, may be larger
	// The data image is allocated once its size is known: dataSize is its
	// size so far, dataInits write the objects' initial values into it.
	dataSize  int64
	dataInits []func(img []byte)
	// rodataSize is the most the const variables take in rodata, where
	// writeData places them after the unit's string literals.
	rodataSize int64
	strs       map[string]*symbol
	funcDef    map[string]*cc.FunctionDefinition
	// blockStatics are static locals, keyed by their declarator.
	blockStatics map[*cc.Declarator]*symbol
}

// bailout stops compiling a function after an error.
type bailout struct{}

func (u *unit) errorf(n cc.Node, format string, args ...any) {
	e := &Error{File: u.obj.name, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		pos := n.Position()
		e.Line, e.Col = pos.Line, pos.Column
		if pos.Filename != "" {
			e.File = trimSrc(pos.Filename)
		}
	}
	u.errs = appendOnce(u.errs, e)
}

func trimSrc(s string) string {
	if len(s) > 0 && s[0] == '/' {
		return s[1:]
	}
	return s
}

func posOf(n cc.Node, file string) *Error {
	pos := n.Position()
	return &Error{File: trimSrc(pos.Filename), Line: pos.Line, Col: pos.Column}
}

// compileUnit compiles a translated AST into an object. limit is the memory
// of one process: no object, nor all static storage together, may be larger.
func compileUnit(name string, ast *cc.AST, lib bool, limit int64) (o *object, err error) {
	defer func() {
		if r := recover(); r != nil {
			o, err = nil, ErrorList{{File: name, Msg: fmt.Sprintf("internal compiler error (%v); simplify the program", r)}}
		}
	}()
	u := &unit{
		obj:     &object{name: name, lib: lib, syms: map[string]*symbol{}},
		ast:     ast,
		limit:   limit,
		strs:    map[string]*symbol{},
		funcDef: map[string]*cc.FunctionDefinition{},

		blockStatics: map[*cc.Declarator]*symbol{},
	}
	// Pass 1: every function definition gets its index, every file-scope
	// object its storage, so code may refer to anything in the file.
	var defs []*cc.FunctionDefinition
	for l := ast.TranslationUnit; l != nil; l = l.TranslationUnit {
		ed := l.ExternalDeclaration
		switch ed.Case {
		case cc.ExternalDeclarationFuncDef:
			fd := ed.FunctionDefinition
			d := fd.Declarator
			s := u.obj.sym(d.Name())
			if s.defined {
				u.errorf(d, "redefinition of '%s'", d.Name())
				continue
			}
			s.isFunc, s.defined, s.fn = true, true, len(u.obj.funcs)
			s.static = d.Linkage() == cc.Internal
			// A function a system header defines (the teaching headers
			// <osplay/*.h>) is library code, as libc's are.
			inLib := lib || strings.HasPrefix(d.Position().Filename, "/usr/include/")
			u.obj.funcs = append(u.obj.funcs, &vm.Func{Name: d.Name(), File: trimSrc(d.Position().Filename), Line: d.Position().Line, Lib: inLib})
			u.funcDef[d.Name()] = fd
			defs = append(defs, fd)
		case cc.ExternalDeclarationDecl:
			u.fileDecl(ed.Declaration)
		}
	}
	for _, fd := range defs {
		u.function(fd)
	}
	u.writeData()
	if len(u.errs) > 0 {
		return nil, u.errs
	}
	return u.obj, nil
}

// fileDecl handles a file-scope declaration: global objects get storage in
// data or bss; function declarations need nothing.
func (u *unit) fileDecl(d *cc.Declaration) {
	if d.Case != cc.DeclarationDecl {
		return
	}
	for l := d.InitDeclaratorList; l != nil; l = l.InitDeclaratorList {
		id := l.InitDeclarator
		decl := id.Declarator
		if decl.IsTypename() || decl.Type().Kind() == cc.Function {
			continue
		}
		if decl.IsExtern() && id.Initializer == nil {
			continue
		}
		s := u.obj.sym(decl.Name())
		t := decl.Type()
		if s.defined {
			if id.Initializer == nil {
				continue // a tentative definition of an object already placed
			}
			if s.seg == segData {
				u.errorf(decl, "redefinition of '%s'", decl.Name())
				continue
			}
		}
		s.static = decl.Linkage() == cc.Internal
		u.place(s, t, id.Initializer, decl)
	}
}

// place gives a static-duration object its storage and initial value.
func (u *unit) place(s *symbol, t cc.Type, init *cc.Initializer, n cc.Node) {
	size := t.Size()
	if size < 0 || t.IsIncomplete() {
		if init == nil {
			u.errorf(n, "storage size of '%s' isn't known", s.name)
			return
		}
		size = init.Type().Size()
		t = init.Type()
	}
	align := int64(t.Align())
	if align < 1 {
		align = 1
	}
	if size >= 16 && align < 16 {
		align = 16 // gcc aligns large objects to 16
	}
	d, _ := n.(*cc.Declarator)
	if d != nil && int64(d.Alignas()) > align {
		align = int64(d.Alignas()) // _Alignas on the declaration, not the type
	}
	if align > abi.PageSize {
		u.errorf(n, "'%s' is aligned to %d bytes; osplay aligns a variable to a page (%d bytes) at most", s.name, align, abi.PageSize)
		return
	}
	// The padding before the object counts against the limit with it: a
	// program of many page-aligned bytes must not make the compiler
	// allocate a page for each.
	pad := (u.dataSize+align-1)&^(align-1) - u.dataSize
	if init == nil {
		pad = (u.obj.bss+align-1)&^(align-1) - u.obj.bss
	}
	// A const object with its value is read-only data, as gcc places it
	// (.rodata, or .data.rel.ro when it holds addresses, which the loader
	// relocates and then makes read-only): writing to it faults. The
	// addresses in it are put there by the linker.
	readOnly := init != nil && d != nil && d.IsConst() && align <= 16
	if readOnly {
		pad = align - 1 // at most: its place in rodata is known once the unit is compiled
	}
	if !u.fitsStatic(n, t, size+pad) {
		return
	}
	u.obj.align = max(u.obj.align, align)
	s.defined = true
	s.size = size
	if at, ok := t.(*cc.ArrayType); ok && at.Elem() != nil {
		s.elem = at.Elem().Size()
	}
	if readOnly {
		// Placed after the string literals by writeData, in the room it
		// made for them all at once.
		s.seg = segRodata
		u.rodataSize += size + align - 1
		u.dataInits = append(u.dataInits, func([]byte) {
			s.off = (int64(len(u.obj.rodata)) + align - 1) &^ (align - 1)
			if was, need := len(u.obj.rodata), int(s.off+size); need <= cap(u.obj.rodata) {
				u.obj.rodata = u.obj.rodata[:need]
				clear(u.obj.rodata[was:])
			} else {
				u.obj.rodata = append(u.obj.rodata, make([]byte, need-was)...)
			}
			img, relocs := u.obj.rodata, len(u.obj.relocs)
			u.staticInit(img, s.off, size, t, init)
			if len(u.obj.rodata) > 0 && &img[0] != &u.obj.rodata[0] {
				// A string literal added meanwhile moved rodata.
				copy(u.obj.rodata[s.off:s.off+size], img[s.off:s.off+size])
			}
			for i := relocs; i < len(u.obj.relocs); i++ {
				u.obj.relocs[i].rodata = true
			}
		})
		return
	}
	if init == nil {
		u.obj.bss = (u.obj.bss + align - 1) &^ (align - 1)
		s.seg, s.off = segBSS, u.obj.bss
		u.obj.bss += size
		return
	}
	off := (u.dataSize + align - 1) &^ (align - 1)
	u.dataSize = off + size
	s.seg, s.off = segData, off
	u.dataInits = append(u.dataInits, func(img []byte) { u.staticInit(img, off, size, t, init) })
}

// writeData allocates the data image, once and at its final size, and
// writes the initial values of the objects placed in it.
func (u *unit) writeData() {
	if u.dataSize > 0 {
		u.obj.data = make([]byte, u.dataSize)
	}
	// Room for the const variables in rodata, grown once.
	u.obj.rodata = slices.Grow(u.obj.rodata, int(u.rodataSize))
	for _, write := range u.dataInits {
		write(u.obj.data)
	}
}

// stringLit returns the symbol of a string literal's bytes in rodata.
func (u *unit) stringLit(b []byte) *symbol {
	key := string(b)
	if s, ok := u.strs[key]; ok {
		return s
	}
	s := &symbol{name: ".str", defined: true, static: true, seg: segRodata, off: int64(len(u.obj.rodata))}
	u.obj.rodata = append(u.obj.rodata, b...)
	u.strs[key] = s
	u.obj.statics = append(u.obj.statics, s)
	return s
}

// staticInit writes an initializer for static storage into the data image
// img, for the object of size bytes at off.
func (u *unit) staticInit(img []byte, off, size int64, t cc.Type, init *cc.Initializer) {
	u.eachInit(t, init, func(at int64, lt cc.Type, e cc.ExpressionNode, bf *cc.Field) {
		need := int64(classify(lt).size)
		switch {
		case bf != nil:
			need = int64(bf.AccessBytes())
		case lt.Kind() == cc.Array:
			need = lt.Size()
		}
		if at < 0 || need < 0 || at+need > size {
			u.errorf(e, "not supported: an initializer beyond the object (of a flexible array member?)")
			return
		}
		if bf != nil {
			v, ok := constValue(e, classify(lt))
			if !ok {
				u.errorf(e, "initializer element is not constant")
				return
			}
			size := int(bf.AccessBytes())
			var word uint64
			for i := 0; i < size; i++ {
				word |= uint64(img[off+at+int64(i)]) << (8 * i)
			}
			mask := uint64(1)<<uint(bf.ValueBits()) - 1
			word = word&^(mask<<uint(bf.OffsetBits())) | (v&mask)<<uint(bf.OffsetBits())
			putLE(img[off+at:], word, size)
			return
		}
		u.constInto(img, off+at, lt, e)
	})
}

// eachInit walks an initializer's leaves with their offsets relative to the
// object and their types. A string literal initialising a char array is one
// leaf with the array type.
func (u *unit) eachInit(t cc.Type, init *cc.Initializer, leaf func(off int64, t cc.Type, e cc.ExpressionNode, bf *cc.Field)) {
	switch init.Case {
	case cc.InitializerExpr:
		leaf(0, t, init.AssignmentExpression, nil)
	case cc.InitializerInitList:
		base := init.Offset()
		var walk func(l *cc.InitializerList)
		walk = func(l *cc.InitializerList) {
			for ; l != nil; l = l.InitializerList {
				in := l.Initializer
				if in == nil {
					continue
				}
				switch in.Case {
				case cc.InitializerExpr:
					var bf *cc.Field
					if f := in.Field(); f != nil && f.IsBitfield() {
						bf = f
					}
					leaf(in.Offset()-base, in.Type(), in.AssignmentExpression, bf)
				case cc.InitializerInitList:
					walk(in.InitializerList)
				}
			}
		}
		walk(init.InitializerList)
	}
}

// constInto evaluates a constant initializer expression into img.
func (u *unit) constInto(img []byte, off int64, t cc.Type, e cc.ExpressionNode) {
	if t.Kind() == cc.Array {
		if s, ok := stringBytes(e); ok {
			n := t.Size()
			copy(img[off:off+n], s)
			return
		}
	}
	if isAggregate(t) {
		u.errorf(e, "not supported: this aggregate initializer in static storage")
		return
	}
	sc := classify(t)
	if v, ok := constValue(e, sc); ok {
		putLE(img[off:], v, sc.size)
		return
	}
	// An address constant: &global, "string", function, array + k.
	sym, addend, ok := u.addrConst(e)
	if !ok {
		u.errorf(e, "initializer element is not constant")
		return
	}
	if sc.size != 8 {
		u.errorf(e, "initializer element is not computable at load time")
		return
	}
	u.obj.relocs = append(u.obj.relocs, reloc{off: off, sym: sym, addend: addend})
}

func putLE(b []byte, v uint64, size int) {
	for i := 0; i < size; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

// stringBytes returns the bytes of a string literal, NUL included.
func stringBytes(e cc.ExpressionNode) ([]byte, bool) {
	for {
		p, ok := e.(*cc.PrimaryExpression)
		if !ok {
			return nil, false
		}
		switch p.Case {
		case cc.PrimaryExpressionString:
			v, ok := p.Value().(cc.StringValue)
			if !ok {
				return nil, false
			}
			return []byte(string(v)), true
		case cc.PrimaryExpressionExpr:
			e = p.ExpressionList
			continue
		}
		return nil, false
	}
}

// constValue folds an arithmetic constant the front end evaluated.
func constValue(e cc.ExpressionNode, to scalar) (uint64, bool) {
	switch v := e.Value().(type) {
	case cc.Int64Value:
		return convertConst(uint64(v), true, false, to), true
	case cc.UInt64Value:
		return convertConst(uint64(v), false, false, to), true
	case cc.Float64Value:
		return convertConst(mathFloat64bits(float64(v)), false, true, to), true
	case *cc.LongDoubleValue:
		f, _ := (*bigFloat)(v).Float64()
		return convertConst(mathFloat64bits(f), false, true, to), true
	}
	return 0, false
}

// addrConst recognises address constants for static initializers.
func (u *unit) addrConst(e cc.ExpressionNode) (*symbol, int64, bool) {
	switch x := e.(type) {
	case *cc.PrimaryExpression:
		switch x.Case {
		case cc.PrimaryExpressionString:
			b, _ := stringBytes(x)
			return u.stringLit(b), 0, true
		case cc.PrimaryExpressionExpr:
			return u.addrConst(x.ExpressionList)
		case cc.PrimaryExpressionIdent:
			d, ok := x.ResolvedTo().(*cc.Declarator)
			if !ok {
				return nil, 0, false
			}
			k := x.Type().Kind()
			if k == cc.Array || k == cc.Function || d.Type().Kind() == cc.Array || d.Type().Kind() == cc.Function {
				return u.symFor(d), 0, true
			}
		}
	case *cc.CastExpression:
		if x.Case == cc.CastExpressionCast {
			return u.addrConst(x.CastExpression)
		}
	case *cc.UnaryExpression:
		if x.Case == cc.UnaryExpressionAddrof {
			return u.lvalueConst(x.CastExpression)
		}
	case *cc.AdditiveExpression:
		s, a, ok := u.addrConst(x.AdditiveExpression)
		if !ok {
			return nil, 0, false
		}
		k, ok2 := constValue(x.MultiplicativeExpression, i64)
		if !ok2 {
			return nil, 0, false
		}
		elem := x.AdditiveExpression.Type().Decay()
		sz := int64(1)
		if pt, ok := elem.(*cc.PointerType); ok {
			sz = pt.Elem().Size()
		}
		if x.Case == cc.AdditiveExpressionSub {
			return s, a - int64(k)*sz, true
		}
		return s, a + int64(k)*sz, true
	}
	return nil, 0, false
}

func (u *unit) lvalueConst(e cc.ExpressionNode) (*symbol, int64, bool) {
	switch x := e.(type) {
	case *cc.PrimaryExpression:
		if x.Case == cc.PrimaryExpressionIdent {
			if d, ok := x.ResolvedTo().(*cc.Declarator); ok && d.StorageDuration() == cc.Static {
				return u.symFor(d), 0, true
			}
		}
		if x.Case == cc.PrimaryExpressionExpr {
			return u.lvalueConst(x.ExpressionList)
		}
		if x.Case == cc.PrimaryExpressionString {
			return u.addrConst(x)
		}
	case *cc.PostfixExpression:
		switch x.Case {
		case cc.PostfixExpressionIndex:
			s, a, ok := u.lvalueConst(x.PostfixExpression)
			if !ok {
				s, a, ok = u.addrConst(x.PostfixExpression)
			}
			k, ok2 := constValue(x.ExpressionList, i64)
			if !ok || !ok2 {
				return nil, 0, false
			}
			return s, a + int64(k)*x.Type().Size(), true
		case cc.PostfixExpressionSelect:
			s, a, ok := u.lvalueConst(x.PostfixExpression)
			if !ok || x.Field() == nil {
				return nil, 0, false
			}
			return s, a + x.Field().Offset(), true
		}
	}
	return nil, 0, false
}

// symFor returns the symbol of a static-duration declarator: a file-scope
// name, or a block-scope static.
func (u *unit) symFor(d *cc.Declarator) *symbol {
	if s, ok := u.blockStatics[d]; ok {
		return s
	}
	s := u.obj.sym(d.Name())
	if d.Type().Kind() == cc.Function {
		s.isFunc = true
	}
	if s.pos == nil {
		s.pos = posOf(d, u.obj.name)
	}
	return s
}

var _ = abi.PageSize
