package linuxtest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the failures it is given, to test
// the comparison helpers' verdicts and messages.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a\n", []string{"a"}},
		{"a\nb", []string{"a", "b"}},
		{"a\n\nb\n", []string{"a", "", "b"}},
		{"\n", []string{""}},
	}
	for _, tt := range tests {
		if got := Lines(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameLines(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		same      bool
		mentions  []string
	}{
		{name: "identical", want: "one\ntwo\ntwo\n", got: "one\ntwo\ntwo\n", same: true},
		{name: "reordered", want: "a\nb\nc\n", got: "c\na\nb\n", same: true},
		{name: "pids differ", want: "pid=100\npid=101\n", got: "pid=2\npid=3\n", same: true},
		{name: "missing a duplicate", want: "one\ntwo\ntwo\n", got: "one\ntwo\n", same: false,
			mentions: []string{"missing", `1× "two"`}},
		{name: "extra line", want: "one\n", got: "one\nthree\n", same: false,
			mentions: []string{"extra", `1× "three"`}},
		{name: "both", want: "a\na\nb\n", got: "b\nc\nc\nc\n", same: false,
			mentions: []string{`2× "a"`, `3× "c"`, "--- want", "--- got"}},
		{name: "last newline ignored", want: "x\ny", got: "y\nx\n", same: true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		if got := SameLines(r, tt.want, tt.got); got != tt.same {
			t.Errorf("%s: SameLines = %v, want %v", tt.name, got, tt.same)
		}
		if tt.same != (len(r.errors) == 0) {
			t.Errorf("%s: reported %d failures, same=%v", tt.name, len(r.errors), tt.same)
		}
		msg := strings.Join(r.errors, "\n")
		for _, m := range tt.mentions {
			if !strings.Contains(msg, m) {
				t.Errorf("%s: message lacks %q:\n%s", tt.name, m, msg)
			}
		}
	}
}

func TestSameOrder(t *testing.T) {
	tests := []struct {
		name           string
		want, got, pat string
		same           bool
	}{
		{"all lines in order", "a\nb\nc\n", "a\nb\nc\n", InOrder, true},
		{"all lines out of order", "a\nb\nc\n", "a\nc\nb\n", InOrder, false},
		{"only selected lines matter", "P1\nc1\nP2\nc2\n", "c1\nP1\nc2\nP2\n", "^P", true},
		{"selected lines swapped", "P1\nc1\nP2\n", "P2\nc1\nP1\n", "^P", false},
		{"selected line missing", "P1\nP2\n", "P1\n", "^P", false},
		{"pattern sees masked lines", "PID 10 ends\n", "PID 77 ends\n", "^PID <pid> ends$", true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		if got := SameOrder(r, tt.want, tt.got, tt.pat); got != tt.same {
			t.Errorf("%s: SameOrder = %v, want %v (%q)", tt.name, got, tt.same, r.errors)
		}
	}
	r := &recorder{TB: t}
	if SameOrder(r, "a", "a", "(") || len(r.errors) != 1 {
		t.Errorf("a bad pattern must fail the comparison")
	}
}

func TestCaseSame(t *testing.T) {
	c := Case{Order: `^\[(parent|child 2)\]`}
	want := Result{Stdout: "[parent] pid=10\n[child 1] pid=11\n[child 2] pid=12\n", Exit: 0}
	got := Result{Stdout: "[child 1] pid=3\n[parent] pid=2\n[child 2] pid=4\n", Exit: 0}
	r := &recorder{TB: t}
	if !c.Same(r, want, got) {
		t.Errorf("Same: %q", r.errors)
	}
	got.Stdout = "[child 2] pid=4\n[parent] pid=2\n[child 1] pid=3\n"
	got.Stderr = "oops\n"
	got.Exit = 1
	r = &recorder{TB: t}
	if c.Same(r, want, got) || len(r.errors) != 3 {
		t.Errorf("Same must report order, stderr and exit status, got %d: %q", len(r.errors), r.errors)
	}
}

func TestCasesAreWellFormed(t *testing.T) {
	root := Root(t)
	seen := map[string]bool{}
	for _, c := range Cases {
		if seen[c.Name()] {
			t.Errorf("%s listed twice", c.Name())
		}
		seen[c.Name()] = true
		files, err := Files(filepath.Join(root, c.Dir))
		if err != nil {
			t.Errorf("%s: %v", c.Name(), err)
			continue
		}
		if _, ok := files[c.Main+".c"]; !ok {
			t.Errorf("%s: no %s.c in %s", c.Name(), c.Main, c.Dir)
		}
		if c.Note == "" {
			t.Errorf("%s: no note", c.Name())
		}
	}
}

// Every program folder of the repository is in Cases, or in Unoracled
// with the reason Linux cannot be its oracle — not both.
func TestCasesCoverEveryFolder(t *testing.T) {
	root := Root(t)
	listed := map[string]bool{}
	for _, c := range Cases {
		listed[c.Dir] = true
	}
	for _, parent := range []string{"examples", "kernel/testdata/linux"} {
		entries, err := os.ReadDir(filepath.Join(root, parent))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if dir := parent + "/" + e.Name(); e.IsDir() && !listed[dir] && Unoracled[dir] == "" {
				t.Errorf("%s is not in Cases", dir)
			}
		}
	}
	for dir, why := range Unoracled {
		if listed[dir] {
			t.Errorf("%s is in Cases and in Unoracled", dir)
		}
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil || why == "" {
			t.Errorf("Unoracled %s: %v, reason %q", dir, err, why)
		}
	}
}
