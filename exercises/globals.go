package exercises

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"osplay/kernel"
)

// A globals check reads global variables of the processes as they were
// when they terminated, and evaluates an expression over them (expr.go):
//
//	- id: counted
//	  type: globals
//	  expr: "count == 0 && in == out"
//	  globals: {count: int, in: int, out: int}
//	  process: first              first (default), all or any
//
// globals gives each variable's C type, which says how many bytes to read
// and how: char, short, int, long and long long, signed or unsigned, and
// char[N] for a string (up to its first NUL). Only external globals have
// names in the program: a static variable cannot be read.

// GlobalVar is a global variable a globals check reads.
type GlobalVar struct {
	Name string `json:"name"`
	Type string `json:"type"` // a C type: "int", "unsigned char", "char[16]"
}

// Globals are a check's variables in the order written; in the front
// matter, a mapping from name to C type.
type Globals []GlobalVar

func (g *Globals) unmarshalNode(n *node, path string) error {
	if n.kind == scalarNode && n.value == "" && !n.block {
		*g = nil
		return nil
	}
	if n.kind != mappingNode {
		return kindError(n, path, mappingNode)
	}
	out := make(Globals, len(n.keys))
	for i, key := range n.keys {
		if v := n.vals[i]; v.kind != scalarNode {
			return kindError(v, join(path, key), scalarNode)
		}
		out[i] = GlobalVar{Name: key, Type: n.vals[i].value}
	}
	*g = out
	return nil
}

// frontMatter writes the variables as a one-line mapping.
func (g Globals) frontMatter() string {
	parts := make([]string, len(g))
	for i, v := range g {
		parts[i] = v.Name + ": " + quote(v.Type)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// cType is how to read a global: an integer of size bytes, or a string of
// at most array bytes.
type cType struct {
	size   int
	signed bool
	array  int // char[N]: N
}

var cTypes = map[string]cType{
	"char": {1, true, 0}, "signed char": {1, true, 0}, "unsigned char": {1, false, 0},
	"short": {2, true, 0}, "short int": {2, true, 0}, "unsigned short": {2, false, 0}, "unsigned short int": {2, false, 0},
	"int": {4, true, 0}, "signed": {4, true, 0}, "signed int": {4, true, 0}, "unsigned": {4, false, 0}, "unsigned int": {4, false, 0},
	"long": {8, true, 0}, "long int": {8, true, 0}, "unsigned long": {8, false, 0}, "unsigned long int": {8, false, 0},
	"long long": {8, true, 0}, "unsigned long long": {8, false, 0}, "pid_t": {4, true, 0},
}

var charArray = lazyRegexp(`^char\s*\[\s*(\d+)\s*\]$`)

// maxStringGlobal bounds the bytes a char[N] global reads.
const maxStringGlobal = 4096

func parseCType(s string) (cType, error) {
	norm := strings.Join(strings.Fields(s), " ")
	if t, ok := cTypes[norm]; ok {
		return t, nil
	}
	if m := charArray().FindStringSubmatch(norm); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n < 1 || n > maxStringGlobal {
			return cType{}, fmt.Errorf("%q: a char array has 1 to %d bytes", s, maxStringGlobal)
		}
		return cType{size: 1, array: n}, nil
	}
	return cType{}, fmt.Errorf("unknown C type %q (use char, short, int, long, long long, their unsigned forms, pid_t, or char[N] for a string)", s)
}

var cIdentifier = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// Which processes a globals check reads.
var globalsProcesses = []string{"first", "all", "any"}

func (c *Check) validateGlobals(verify bool, bad func(field, format string, args ...any)) {
	if verify {
		bad("type", "a verify measurement must be a number: make the globals check a check of its own")
		return
	}
	types := map[string]exprType{}
	if len(c.Globals) == 0 {
		bad("globals", "declare the globals expr reads with their C types, as {count: int, name: \"char[16]\"}")
	}
	for _, g := range c.Globals {
		field := "globals." + g.Name
		if !cIdentifier().MatchString(g.Name) {
			bad(field, "%q is not the name of a C variable", g.Name)
			continue
		}
		if _, dup := types[g.Name]; dup {
			bad(field, "%s is declared twice", g.Name)
		}
		t, err := parseCType(g.Type)
		if err != nil {
			bad(field, "%v", err)
			continue
		}
		types[g.Name] = intType
		if t.array > 0 {
			types[g.Name] = stringType
		}
	}
	if c.Process != "" && !slices.Contains(globalsProcesses, c.Process) {
		bad("process", "%q: use first (the process the run started), all or any", c.Process)
	}
	e, err := parseExpr(c.Expr)
	if err != nil {
		bad("expr", "syntax error at %v, in %q", err, c.Expr)
		return
	}
	t, err := e.check(types)
	if err != nil {
		bad("expr", "%v, in %q", err, c.Expr)
		return
	}
	if t != intType {
		bad("expr", "the expression is a string: compare it, as name == \"text\"")
	}
}

// globalsTitle names what a globals check verifies.
func (c *Check) globalsTitle(lang string) string {
	switch c.Process {
	case "all":
		return tr(lang, "모든 프로세스의 전역 변수: ", "Every process's globals: ") + c.Expr
	case "any":
		return tr(lang, "어느 한 프로세스의 전역 변수: ", "Some process's globals: ") + c.Expr
	}
	return tr(lang, "첫 프로세스의 전역 변수: ", "The first process's globals: ") + c.Expr
}

// globalsReading is what one process's globals gave.
type globalsReading struct {
	p      *procTrace
	values string // "count = 2, in = 3"
	holds  bool
	err    string // why the expression could not be evaluated, in the student's language
	absent bool   // the process's program has not the globals (it ran another with exec)
}

func (c *Check) evalGlobals(t *trace, lang string) (bool, string) {
	e, err := parseExpr(c.Expr)
	if err != nil || t.memory == nil {
		return false, tr(lang, "전역 변수를 읽을 수 없습니다.", "The globals cannot be read.")
	}
	var procs []*procTrace
	if c.Process == "" || c.Process == "first" {
		if p := t.mainProc(); p != nil {
			procs = append(procs, p)
		}
	} else {
		for _, pid := range t.order {
			procs = append(procs, t.procs[pid])
		}
	}
	var readings []globalsReading
	for _, p := range procs {
		r := c.readGlobals(t.memory, p, e, lang)
		if r.absent && len(procs) > 1 {
			continue // it runs another program: its globals are not these
		}
		readings = append(readings, r)
	}
	if len(readings) == 0 {
		return false, tr(lang, "해당하는 프로세스가 없습니다.", "There is no such process.")
	}
	who := func(r globalsReading) string {
		if c.Process == "" || c.Process == "first" {
			return ""
		}
		return tr(lang, fmt.Sprintf("PID %d 프로세스(%s): ", r.p.pid, r.p.name), fmt.Sprintf("process %d (%s): ", r.p.pid, r.p.name))
	}
	failed := func(r globalsReading) string {
		if r.err != "" {
			return who(r) + r.err
		}
		return who(r) + tr(lang, fmt.Sprintf("%s (기대: %s).", r.values, c.Expr), fmt.Sprintf("%s, expected %s.", r.values, c.Expr))
	}
	held := func(r globalsReading) string {
		return who(r) + tr(lang, fmt.Sprintf("조건이 성립합니다: %s (%s).", c.Expr, r.values), fmt.Sprintf("%s: %s holds.", r.values, c.Expr))
	}
	switch c.Process {
	case "all":
		for _, r := range readings {
			if !r.holds {
				return false, failed(r)
			}
		}
		return true, tr(lang, fmt.Sprintf("프로세스 %d개 모두에서 조건이 성립합니다: %s.", len(readings), c.Expr),
			fmt.Sprintf("%s holds in all %d processes.", c.Expr, len(readings)))
	case "any":
		var seen []string
		for i, r := range readings {
			if r.holds {
				return true, held(r)
			}
			if i < 3 {
				seen = append(seen, failed(r))
			}
		}
		return false, tr(lang, fmt.Sprintf("어느 프로세스에서도 조건이 성립하지 않습니다: %s. ", c.Expr), fmt.Sprintf("%s holds in no process. ", c.Expr)) +
			strings.Join(seen, " ")
	}
	if !readings[0].holds {
		return false, failed(readings[0])
	}
	return true, held(readings[0])
}

// readGlobals reads the check's globals in p's final memory and evaluates
// e over them.
func (c *Check) readGlobals(m *kernel.Machine, p *procTrace, e *expr, lang string) globalsReading {
	r := globalsReading{p: p}
	vals := map[string]value{}
	types := map[string]cType{}
	for _, g := range c.Globals {
		types[g.Name], _ = parseCType(g.Type)
	}
	var shown []string
	for _, name := range e.names() {
		v, err := readGlobal(m, p.pid, name, types[name])
		if err != nil {
			if errors.Is(err, kernel.ErrNoGlobal) {
				r.absent = true
				r.err = tr(lang, fmt.Sprintf("프로그램에 없는 전역 변수입니다: %s (static이 아닌 전역 변수만 읽을 수 있습니다).", name),
					fmt.Sprintf("The program has no global variable %s (only globals that are not static can be read).", name))
			} else {
				r.err = tr(lang, fmt.Sprintf("전역 변수 %s: 읽을 수 없습니다 (%v).", name, err), fmt.Sprintf("Global %s cannot be read: %v.", name, err))
			}
			return r
		}
		vals[name] = v
		shown = append(shown, name+" = "+v.String())
	}
	r.values = strings.Join(shown, ", ")
	v, err := e.eval(vals)
	if err != nil {
		r.err = tr(lang, fmt.Sprintf("식 %s: 0으로 나누게 되어 계산할 수 없습니다 (%s).", c.Expr, r.values),
			fmt.Sprintf("%s cannot be evaluated: division by zero (%s).", c.Expr, r.values))
		return r
	}
	r.holds = v.num != 0
	return r
}

// readGlobal reads one global of type t from pid's final memory.
func readGlobal(m *kernel.Machine, pid int, name string, t cType) (value, error) {
	if t.array > 0 {
		b, err := m.FinalGlobalBytes(pid, name, t.array)
		if err != nil {
			return value{}, err
		}
		s, _, _ := strings.Cut(string(b), "\x00")
		return value{str: s, isStr: true}, nil
	}
	u, err := m.FinalGlobal(pid, name, t.size)
	if err != nil {
		return value{}, err
	}
	if shift := 64 - 8*t.size; t.signed {
		return value{num: int64(u<<shift) >> shift}, nil
	}
	// An unsigned long above the largest long reads as negative: the
	// expressions compute in 64-bit signed numbers.
	return value{num: int64(u)}, nil
}

// keepsMemory reports whether the exercise's checks read final memory.
func (x *Exercise) keepsMemory() bool {
	for _, c := range x.Checks {
		if c.Type == CheckGlobals {
			return true
		}
	}
	return false
}
