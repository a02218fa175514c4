package exercises

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The expressions of globals checks are a small, safe subset of C's: whole
// numbers (64-bit, wrapping as C's long does), strings compared with ==
// and !=, the names of the check's globals, and
//
//	||   &&   !   == != < <= > >=   + -   * / %   ( )
//
// with C's precedence. A comparison or a logical operator gives 1 or 0;
// the check passes when the whole expression is not 0. Nothing else — no
// assignment, no call, no pointer — so an expression can only read.

// Limits of an expression, so that any author's expression is cheap.
const (
	maxExprLen   = 1000
	maxExprDepth = 40
)

// expr is a node of a parsed expression.
type expr struct {
	op   string // "int", "str", "name", "!", "neg", or a binary operator
	col  int    // 1-based column in the source
	num  int64  // "int"
	str  string // "str"
	name string // "name"
	x, y *expr  // operands: x for unary operators
}

// exprType is the type of a value: a whole number or a string.
type exprType int

const (
	intType exprType = iota
	stringType
)

func (t exprType) String() string {
	if t == stringType {
		return "a string"
	}
	return "a number"
}

// value is a number or a string.
type value struct {
	str   string
	num   int64
	isStr bool
}

func (v value) String() string {
	if v.isStr {
		return strconv.Quote(v.str)
	}
	return strconv.FormatInt(v.num, 10)
}

func boolValue(b bool) value {
	if b {
		return value{num: 1}
	}
	return value{}
}

// exprError is a mistake in an expression, at a column.
type exprError struct {
	col    int
	reason string
}

func (e *exprError) Error() string { return fmt.Sprintf("column %d: %s", e.col, e.reason) }

type token struct {
	kind string // "int", "str", "name", an operator, or "end"
	text string
	col  int
	num  int64
}

var operators = []string{"||", "&&", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")"}

// tokenize splits src into tokens, ending with "end".
func tokenize(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c, col := src[i], i+1
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i + 1
			for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			toks = append(toks, token{kind: "name", text: src[i:j], col: col})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
				j++
			}
			n, err := strconv.ParseInt(src[i:j], 0, 64)
			if err != nil {
				return nil, &exprError{col, fmt.Sprintf("%q is not a whole number (decimal, or hex as 0x1f)", src[i:j])}
			}
			toks = append(toks, token{kind: "int", text: src[i:j], col: col, num: n})
			i = j
		case c == '"' || c == '\'':
			s, n, err := cLiteral(src[i:], col)
			if err != nil {
				return nil, err
			}
			if c == '"' {
				toks = append(toks, token{kind: "str", text: s, col: col})
			} else {
				if len(s) != 1 {
					return nil, &exprError{col, "a character constant holds one character, as 'a'"}
				}
				toks = append(toks, token{kind: "int", text: src[i : i+n], col: col, num: int64(int8(s[0]))})
			}
			i += n
		default:
			op := ""
			for _, o := range operators {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				return nil, &exprError{col, unknownOperator(src[i:])}
			}
			toks = append(toks, token{kind: op, text: op, col: col})
			i += len(op)
		}
	}
	return append(toks, token{kind: "end", text: "the end", col: len(src) + 1}), nil
}

// unknownOperator says what to write instead of the text at the start of s.
func unknownOperator(s string) string {
	switch {
	case strings.HasPrefix(s, "="):
		return "'=' would assign: compare with =="
	case strings.HasPrefix(s, "&"), strings.HasPrefix(s, "|"), strings.HasPrefix(s, "^"), strings.HasPrefix(s, "~"):
		return fmt.Sprintf("bitwise %c is not supported: use && and || for logic", s[0])
	}
	r := []rune(s)[0]
	return fmt.Sprintf("unexpected %q (the operators are || && ! == != < <= > >= + - * / %% and parentheses)", r)
}

// cLiteral reads a C string or character literal at the start of s: its
// value and the bytes it takes.
func cLiteral(s string, col int) (string, int, error) {
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case quote:
			return b.String(), i + 1, nil
		case '\\':
			i++
			if i >= len(s) {
				break
			}
			esc, ok := map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', '0': 0, '\\': '\\', '"': '"', '\'': '\''}[s[i]]
			if !ok {
				return "", 0, &exprError{col + i - 1, fmt.Sprintf("unknown escape \\%c", s[i])}
			}
			b.WriteByte(esc)
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, &exprError{col, fmt.Sprintf("the literal is not closed with %c", quote)}
}

// exprParser parses tokens by precedence climbing.
type exprParser struct {
	toks  []token
	pos   int
	depth int
}

// Binary operators by precedence, lowest first.
var precedence = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"}, {"*", "/", "%"}}

// parseExpr parses an expression; errors give the column.
func parseExpr(src string) (*expr, error) {
	if strings.TrimSpace(src) == "" {
		return nil, &exprError{1, "the expression is empty"}
	}
	if len(src) > maxExprLen {
		return nil, &exprError{maxExprLen, fmt.Sprintf("the expression is too long: %d bytes (at most %d)", len(src), maxExprLen)}
	}
	toks, err := tokenize(src)
	if err != nil {
		return nil, err
	}
	p := &exprParser{toks: toks}
	e, err := p.binary(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != "end" {
		return nil, &exprError{t.col, fmt.Sprintf("unexpected %s after a complete expression (a missing operator?)", describeToken(t))}
	}
	return e, nil
}

func (p *exprParser) peek() token { return p.toks[p.pos] }

func describeToken(t token) string {
	switch t.kind {
	case "end":
		return "end of the expression"
	case "str":
		return strconv.Quote(t.text)
	}
	return "'" + t.text + "'"
}

func (p *exprParser) binary(level int) (*expr, error) {
	if level == len(precedence) {
		return p.unary()
	}
	x, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if !slices.Contains(precedence[level], t.kind) {
			return x, nil
		}
		p.pos++
		y, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		x = &expr{op: t.kind, col: t.col, x: x, y: y}
	}
}

func (p *exprParser) unary() (*expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	t := p.peek()
	if p.depth > maxExprDepth {
		return nil, &exprError{t.col, fmt.Sprintf("nested more than %d deep", maxExprDepth)}
	}
	switch t.kind {
	case "!", "-", "+":
		p.pos++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case "!":
			return &expr{op: "!", col: t.col, x: x}, nil
		case "-":
			return &expr{op: "neg", col: t.col, x: x}, nil
		}
		return x, nil
	case "(":
		p.pos++
		x, err := p.binary(0)
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != ")" {
			return nil, &exprError{c.col, fmt.Sprintf("expected ')' to close the '(' of column %d, found %s", t.col, describeToken(c))}
		}
		p.pos++
		return x, nil
	case "int":
		p.pos++
		return &expr{op: "int", col: t.col, num: t.num}, nil
	case "str":
		p.pos++
		return &expr{op: "str", col: t.col, str: t.text}, nil
	case "name":
		p.pos++
		return &expr{op: "name", col: t.col, name: t.text}, nil
	}
	return nil, &exprError{t.col, fmt.Sprintf("expected a number, a string, a name or '(', found %s", describeToken(t))}
}

// names lists the names e reads, each once, in order of appearance.
func (e *expr) names() []string {
	var out []string
	var walk func(e *expr)
	walk = func(e *expr) {
		if e == nil {
			return
		}
		walk(e.x)
		if e.op == "name" && !slices.Contains(out, e.name) {
			out = append(out, e.name)
		}
		walk(e.y)
	}
	walk(e)
	return out
}

// check finds the type of e, given the type of every name: strings only
// compare with == and != against strings.
func (e *expr) check(types map[string]exprType) (exprType, error) {
	switch e.op {
	case "int":
		return intType, nil
	case "str":
		return stringType, nil
	case "name":
		t, ok := types[e.name]
		if !ok {
			return 0, &exprError{e.col, fmt.Sprintf("unknown name %q: declare it under globals with its C type", e.name)}
		}
		return t, nil
	case "!", "neg":
		t, err := e.x.check(types)
		if err == nil && t != intType {
			err = &exprError{e.col, fmt.Sprintf("%s applies to a number, not %s", map[string]string{"!": "!", "neg": "-"}[e.op], t)}
		}
		return intType, err
	}
	tx, err := e.x.check(types)
	if err != nil {
		return 0, err
	}
	ty, err := e.y.check(types)
	if err != nil {
		return 0, err
	}
	if e.op == "==" || e.op == "!=" {
		if tx != ty {
			return 0, &exprError{e.col, fmt.Sprintf("%s compares %s with %s", e.op, tx, ty)}
		}
		return intType, nil
	}
	if tx != intType || ty != intType {
		return 0, &exprError{e.col, fmt.Sprintf("%s applies to numbers; strings compare only with == and !=", e.op)}
	}
	return intType, nil
}

// eval computes e with the values of its names. The only error is a
// division by zero (e has been checked).
func (e *expr) eval(vals map[string]value) (value, error) {
	switch e.op {
	case "int":
		return value{num: e.num}, nil
	case "str":
		return value{str: e.str, isStr: true}, nil
	case "name":
		return vals[e.name], nil
	}
	x, err := e.x.eval(vals)
	if err != nil {
		return value{}, err
	}
	switch e.op {
	case "!":
		return boolValue(x.num == 0), nil
	case "neg":
		return value{num: -x.num}, nil
	case "&&", "||":
		// C evaluates the right operand only when the left does not decide.
		if (e.op == "&&") == (x.num == 0) {
			return boolValue(x.num != 0), nil
		}
		y, err := e.y.eval(vals)
		return boolValue(y.num != 0), err
	}
	y, err := e.y.eval(vals)
	if err != nil {
		return value{}, err
	}
	switch e.op {
	case "==":
		return boolValue(x == y), nil
	case "!=":
		return boolValue(x != y), nil
	case "<":
		return boolValue(x.num < y.num), nil
	case "<=":
		return boolValue(x.num <= y.num), nil
	case ">":
		return boolValue(x.num > y.num), nil
	case ">=":
		return boolValue(x.num >= y.num), nil
	case "+":
		return value{num: x.num + y.num}, nil
	case "-":
		return value{num: x.num - y.num}, nil
	case "*":
		return value{num: x.num * y.num}, nil
	}
	if y.num == 0 {
		return value{}, &exprError{e.col, "division by zero"}
	}
	if e.op == "/" {
		return value{num: x.num / y.num}, nil
	}
	return value{num: x.num % y.num}, nil
}
