package cc

import (
	"strings"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// FuzzCompileRun compiles arbitrary text and runs whatever compiles under a
// small budget: nothing may panic, whatever the input. Compiles run in
// workers, where a panic or a hang is an error message: those messages
// fail the test, except the front end's own panics (FRONTEND-BUGS.md),
// which must be errors at a line.
func FuzzCompileRun(f *testing.F) {
	for _, s := range []string{
		"int main(void) { return 0; }",
		fibSrc,
		"#include <mini.h>\nint a[3]; int main(void) { int i; for (i = 0; i <= 3; i++) a[i] = i; puti(a[2]); return a[1]; }",
		"struct s { int x; char c[3]; } g = { 1, \"ab\" }; int main(void) { struct s *p = &g; return p->c[1]; }",
		"int main(void) { double d = 1e308; d *= 10; return (int)d; }",
		"int main(void) { char *p = (char *)main; *p = 1; return 0; }",
		"int f(int (*g)(int), int v) { return g(v); } int h(int x) { return x * 2; } int main(void) { return f(h, 4); }",
		"#define A(x) x x x x\n#define B(x) A(A(A(x)))\nint main(void) { return B(1+) 0; }",
		"int main(void) { for (;;) ; }",
		"int main(void) { return main(); }",
	} {
		f.Add(s)
	}
	tc := miniToolchain(f)
	f.Fuzz(func(t *testing.T, src string) {
		p, err := tc.Compile("fuzz.c", []byte(src), nil)
		if err != nil {
			msg := err.Error()
			if msg == "" {
				t.Fatal("empty error message")
			}
			for _, e := range asList(err) {
				frontEndPanic := strings.Contains(e.Msg, "the front end gave up") || strings.Contains(e.Msg, "the preprocessor gave up")
				switch {
				case frontEndPanic && e.Line == 0:
					t.Fatalf("a front-end panic without a line: %s", e)
				case !frontEndPanic && (strings.Contains(e.Msg, "internal compiler error") || strings.Contains(e.Msg, "compile stopped")):
					t.Fatalf("%s", e)
				}
			}
			return
		}
		ctx, err := vm.NewContext(p, []string{"fuzz"}, nil, vm.Limits{MemBytes: 16 << 20, StackBytes: 1 << 20})
		if err != nil {
			return
		}
		var ticks int64
		for ticks < 200000 {
			n, stop := ctx.Run(10000)
			ticks += n + 1
			switch stop.Kind {
			case vm.StopFault:
				if stop.Signal == abi.SIGILL && stop.Msg.Code == msg.FaultInternal {
					t.Fatalf("internal VM error: %s", stop.Msg)
				}
				return
			case vm.StopSyscall:
				if stop.Sys == abi.SysExit {
					return
				}
				ctx.Return(ctx.SyscallArgs()[len(ctx.SyscallArgs())-1])
			}
		}
	})
}

// BenchmarkCompile200 compiles a 200-line program including the real
// <stdio.h>, <stdlib.h> and <string.h>, and links it with libc: in this
// process, and through a compiler worker as the server does.
func BenchmarkCompile200(b *testing.B) {
	src := []byte(program200())
	tc, err := libcToolchain()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tc   *Toolchain
	}{{"in-process", tc.inProcessCopy()}, {"worker", tc}} {
		b.Run(c.name, func(b *testing.B) {
			if _, err := c.tc.Compile("big.c", src, nil); err != nil { // a warm worker
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := c.tc.Compile("big.c", src, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func program200() string {
	s := "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nstruct node { int key; struct node *next; };\n"
	for i := 0; i < 24; i++ {
		s += "static int f" + itoa(i) + "(int n) {\n" +
			"\tint s = 0, i;\n" +
			"\tfor (i = 0; i < n; i++) {\n" +
			"\t\tif (i % 3 == 0) s += i * 2;\n" +
			"\t\telse s -= i;\n" +
			"\t}\n" +
			"\treturn s;\n}\n"
	}
	s += "int main(void) {\n\tint t = 0;\n"
	for i := 0; i < 24; i++ {
		s += "\tt += f" + itoa(i) + "(" + itoa(i) + ");\n"
	}
	return s + "\tprintf(\"%d\\n\", t);\n\treturn 0;\n}\n"
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
