package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The Korean page translates the kernel's texts in the browser, with the
// table of static/js/kerneltext.js. These tests check that the table
// follows the kernel: every reason a scheduling policy gives and every
// fault message of the VM has its entry.

// kernelTextTable is static/js/kerneltext.js with the backslashes of its
// regular expressions taken out, so that "RR: quantum of \(" reads as the
// kernel wrote it.
func kernelTextTable(t *testing.T) string {
	t.Helper()
	js, err := os.ReadFile("../static/js/kerneltext.js")
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`\\(.)`).ReplaceAllString(string(js), "$1")
}

// goStrings calls found for each string constant of the Go files of dir
// (tests left out), with the field it is the value of (Msg: "…"), if any.
// The arguments of Errorf and panic are left out: they are errors, not
// texts of the events.
func goStrings(t *testing.T, dir string, found func(s, field string, pos token.Position)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := n.Fun.(*ast.SelectorExpr); ok && fn.Sel.Name == "Errorf" {
					return false
				}
				if fn, ok := n.Fun.(*ast.Ident); ok && fn.Name == "panic" {
					return false
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							found(s, k.Name, fset.Position(lit.Pos()))
						}
						return false
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						found(s, "", fset.Position(n.Pos()))
					}
				}
			}
			return true
		})
	}
}

// Every reason of a policy, "RR: quantum of %d ticks expired", is in the
// table up to its first verb: the fixed words the pattern must match.
func TestKernelTextCoversSchedulerReasons(t *testing.T) {
	table := kernelTextTable(t)
	tagged := regexp.MustCompile(`^[A-Za-z]+: `)
	n := 0
	goStrings(t, "../kernel/sched", func(s, _ string, pos token.Position) {
		if !tagged.MatchString(s) {
			return
		}
		n++
		prefix, _, _ := strings.Cut(s, "%")
		if !strings.Contains(table, prefix) {
			t.Errorf("%s: %q has no Korean in static/js/kerneltext.js", filepath.Base(pos.Filename), s)
		}
	})
	if n < 30 {
		t.Errorf("found %d reasons in kernel/sched: the test no longer finds them", n)
	}
}

// Every fault message of the VM, Msg: "stack overflow", is in the table.
func TestKernelTextCoversFaults(t *testing.T) {
	table := kernelTextTable(t)
	n := 0
	goStrings(t, "../kernel/vm", func(s, field string, pos token.Position) {
		if field != "Msg" {
			return
		}
		n++
		if !strings.Contains(table, `"`+s+`"`) {
			t.Errorf("%s: fault message %q has no Korean in static/js/kerneltext.js", filepath.Base(pos.Filename), s)
		}
	})
	if n < 8 {
		t.Errorf("found %d fault messages in kernel/vm: the test no longer finds them", n)
	}
}
