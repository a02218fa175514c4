package cc

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// chain is a folder of n headers, h0.h including h1.h and so on; each
// includes the next `fanout` times.
func chain(n, fanout int) fstest.MapFS {
	dir := fstest.MapFS{}
	for i := 0; i < n; i++ {
		dir[fmt.Sprintf("h%d.h", i)] = &fstest.MapFile{Data: []byte(strings.Repeat(fmt.Sprintf("#include \"h%d.h\"\n", i+1), fanout))}
	}
	dir[fmt.Sprintf("h%d.h", n)] = &fstest.MapFile{Data: []byte("int last;\n")}
	return dir
}

// TestIncludes: missing headers, runaway nesting and #pragma once, each an
// ordinary error at the #include (or none), quickly.
func TestIncludes(t *testing.T) {
	tc := miniToolchain(t).WithLimits(Limits{Deadline: slow * 2 * time.Second})
	selfInclude := fstest.MapFS{"s.h": {Data: []byte("#include \"s.h\"\n")}}
	cases := []struct {
		name, src string
		dir       fstest.MapFS
		want      string // the whole error, its start when it ends in ": ", or "" for none
	}{
		{"missing system header", "#include <x.h>\n*a;", nil,
			"h.c:1:10: x.h: No such file or directory"},
		{"missing neighbour", "int a;\n  #  include \"nothere.h\"\nint main(void) { return 0; }", nil,
			"h.c:2:14: nothere.h: No such file or directory"},
		{"missing header of a header", "#include \"a.h\"\nint main(void) { return 0; }",
			fstest.MapFS{"a.h": {Data: []byte("int a;\n#include <sys/nothere.h>\n")}},
			"a.h:2:10: sys/nothere.h: No such file or directory"},
		{"missing header through a macro", "#define H <x.h>\n#include H\nint main(void) { return 0; }", nil,
			"h.c:2:10: x.h: No such file or directory"},
		{"quoted system header", "#include \"mini.h\"\nint main(void) { puti(1); return 0; }", nil, ""},
		{"__has_include", "#if __has_include(<x.h>) || !__has_include(<mini.h>)\n#error wrong\n#endif\nint main(void) { return 0; }", nil, ""},
		{"self-include", "#include \"s.h\"\nint main(void) { return 0; }", selfInclude,
			"s.h:1:10: #include nested too deeply: more than 200 levels (does a header include itself?)"},
		{"guarded self-include", "#include \"g.h\"\nint main(void) { return G; }",
			fstest.MapFS{"g.h": {Data: []byte("#ifndef G\n#define G 0\n#include \"g.h\"\n#endif\n")}}, ""},
		{"self-include twice", "#include \"s.h\"\nint main(void) { return 0; }",
			fstest.MapFS{"s.h": {Data: []byte("#include \"s.h\"\n#include \"s.h\"\n")}},
			"s.h:1:10: #include nested too deeply: more than 200 levels (does a header include itself?)"},
		{"150 deep", "#include \"h0.h\"\nint main(void) { return last; }", chain(150, 1), ""},
		{"250 deep", "#include \"h0.h\"\nint main(void) { return last; }", chain(250, 1),
			"h199.h:1:10: #include nested too deeply: more than 200 levels (does a header include itself?)"},
		{"doubling tree", "#include \"h0.h\"\nint main(void) { return last; }", chain(24, 2),
			"h20.h:2:10: too many #includes: more than 20000 files (do headers include each other over and over?)"},
		{"pragma once", "#include \"o.h\"\n#include \"o.h\"\nint main(void) { return s.x; }",
			fstest.MapFS{"o.h": {Data: []byte("#pragma once\nstruct S { int x; } s;\n")}}, ""},
		{"lines of a header", "#include \"e.h\"\nint main(void) { return 0; }",
			fstest.MapFS{"e.h": {Data: []byte("int a;\n\nint b = ;\n")}}, "e.h:3:9: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			var dir fstest.MapFS
			if c.dir != nil {
				dir = c.dir
			}
			_, err := tc.Compile("h.c", []byte(c.src), dir)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case c.want != "" && err == nil:
				t.Errorf("compiled, want %s", c.want)
			case strings.HasSuffix(c.want, ": ") && !strings.HasPrefix(err.Error(), c.want),
				c.want != "" && !strings.HasSuffix(c.want, ": ") && err.Error() != c.want:
				t.Errorf("got %v\nwant %s", err, c.want)
			}
			if d := time.Since(start); d > slow*3*time.Second { // the deadline and a worker's start, on a busy machine
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestFrontEndPanicHasPosition: a panic in the front end becomes an error
// at the last place the include tracker saw the preprocessor reach.
func TestFrontEndPanicHasPosition(t *testing.T) {
	dir := fstest.MapFS{
		"a.h": {Data: []byte("int a;\n#include \"b.h\"\n#include \"c.h\"\n")},
		"b.h": {Data: []byte("int b;\n")},
		"c.h": {Data: []byte("int c;\n")},
	}
	cases := []struct {
		name  string
		steps []string // files the preprocessor entered ("-": left) before the panic
		want  string
	}{
		{"in the program, at its next #include", nil, "p.c:1:10: internal compiler error (boom)"},
		{"in a header, at its next #include", []string{"a.h"}, "a.h:2:10: internal compiler error (boom)"},
		{"in a header without #include", []string{"a.h", "b.h"}, "a.h:2:10: internal compiler error (boom)"},
		{"after every #include", []string{"a.h", "b.h", "-", "c.h", "-", "-"}, "p.c: internal compiler error (boom)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &frontEnd{headers: newHeaderSet(miniHeaders), dir: dir, name: "p.c", src: []byte("#include \"a.h\"\nint main(void) { return 0; }\n")}
			fs := f.config().FS
			err := f.safely(false, func() error {
				for _, name := range c.steps {
					if name == "-" {
						f.includes.leave()
						continue
					}
					if _, err := fs.Open(name); err != nil {
						t.Fatal(err)
					}
					f.includes.enter(name)
				}
				panic("boom")
			})
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestScanIncludes(t *testing.T) {
	text := "#include <a.h>\n  #  include\t\"b/c.h\"\nint x;\n#include_next <d.h>\n#define X\n#includes\n#include H\n#include"
	want := []includeSite{{1, 10, "a.h"}, {2, 14, "b/c.h"}, {4, 15, "d.h"}, {7, 10, ""}, {8, 9, ""}}
	if got := scanIncludes([]byte(text)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
