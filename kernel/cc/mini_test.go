package cc

import (
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// A minimal library and headers, so the compiler and VM are tested without
// the kernel: write and _exit are served by the test itself.
var miniHeaders = fstest.MapFS{
	"mini.h": {Data: []byte(`
typedef unsigned long size_t;
long write(int fd, const void *buf, size_t n);
void _exit(int status);
void puti(long v);
void puts_(const char *s);
`)},
}

const miniLib = `
#include <mini.h>
void __libc_start(int argc, char **argv, char **envp, int (*main)(int, char **, char **)) {
	_exit(main(argc, argv, envp));
}
void puts_(const char *s) {
	size_t n = 0;
	while (s[n]) n++;
	write(1, s, n);
}
void puti(long v) {
	char buf[32];
	int i = 31, neg = v < 0;
	unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
	buf[i--] = '\n';
	do { buf[i--] = '0' + u % 10; u /= 10; } while (u);
	if (neg) buf[i--] = '-';
	write(1, buf + i + 1, 31 - i);
}
`

func miniToolchain(t testing.TB) *Toolchain {
	tc, err := NewToolchain(miniHeaders, []Source{{Name: "mini.c", Text: miniLib}})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// runMini runs a program to completion, serving write and _exit.
func runMini(t testing.TB, tc *Toolchain, src string) (string, int, *vm.Stop) {
	p, err := tc.Compile("t.c", []byte(src), nil)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	ctx, err := vm.NewContext(p, []string{"t"}, nil, vm.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return runContextStop(t, ctx)
}

// runContext runs a started program to its end: its output and exit code.
func runContext(t testing.TB, ctx *vm.Context) (string, int) {
	out, code, stop := runContextStop(t, ctx)
	if stop != nil {
		t.Fatalf("fault: %+v", *stop)
	}
	return out, code
}

func runContextStop(t testing.TB, ctx *vm.Context) (string, int, *vm.Stop) {
	var out strings.Builder
	for {
		_, stop := ctx.Run(1 << 40)
		switch stop.Kind {
		case vm.StopFault:
			return out.String(), -1, &stop
		case vm.StopSyscall:
			args := ctx.SyscallArgs()
			switch stop.Sys {
			case abi.SysExit:
				return out.String(), int(int32(args[0])), nil
			case abi.SysWrite:
				b := make([]byte, args[2])
				if err := ctx.Mem().Read(args[1], b); err != nil {
					t.Fatal(err)
				}
				out.Write(b)
				ctx.Return(args[2])
			default:
				t.Fatalf("unexpected syscall %v", stop.Sys)
			}
		}
	}
}

func TestMiniPrograms(t *testing.T) {
	tc := miniToolchain(t)
	cases := []struct{ name, src, want string }{
		{"fib", `#include <mini.h>
int fib(int n) { return n < 2 ? n : fib(n-1) + fib(n-2); }
int main() { puti(fib(20)); return 3; }`, "6765\n"},
		{"loops", `#include <mini.h>
int main(void) { int s = 0, i; for (i = 0; i < 10; i++) { if (i == 3) continue; if (i == 8) break; s += i; } puti(s);
 int j = 0; do { j += 2; } while (j < 7); puti(j); while (j--) s++; puti(s); return 0; }`, "25\n8\n33\n"},
		{"wrap", `#include <mini.h>
int main(void) { int x = 2147483647; x++; puti(x); unsigned u = 0; u--; puti(u); char c = 127; c++; puti(c);
 unsigned char uc = 255; uc++; puti(uc); short s = -1; puti((unsigned short)s); long l = -5; puti(l / 2); puti(l % 3);
 puti(-7 >> 1); puti(1u << 31); puti((unsigned)-1 >> 28); return 0; }`,
			"-2147483648\n4294967295\n-128\n0\n65535\n-2\n-2\n-4\n2147483648\n15\n"},
		{"arrays", `#include <mini.h>
int g[5] = {1, 2, 3}; char msg[] = "hi there\n"; const char *p = "ptr\n";
struct pt { char c; int x; long y; } pts[2] = {{'a', 1, 2}, {'b', 3, 4}};
int main(void) { int a[4]; int i; for (i = 0; i < 4; i++) a[i] = i * i; puti(a[3] + g[2] + g[4]);
 puts_(msg); puts_(p); puti(sizeof(struct pt)); puti(pts[1].x + pts[0].y); struct pt q = pts[1]; q.c++; puti(q.c);
 int *ip = a; ip += 2; puti(*ip); puti(ip - a); int m[2][3] = {{1,2,3},{4,5,6}}; puti(m[1][2]); return 0; }`,
			"12\nhi there\nptr\n16\n5\n99\n4\n2\n6\n"},
		{"funcptr", `#include <mini.h>
static int add(int a, int b) { return a + b; } static int mul(int a, int b) { return a * b; }
int (*ops[])(int, int) = {add, mul};
struct s { int a, b; }; struct s mk(int x) { struct s r; r.a = x; r.b = x * 2; return r; }
int main(void) { int i; for (i = 0; i < 2; i++) puti(ops[i](6, 7)); struct s v = mk(5); puti(v.b); puti(mk(9).a); return 0; }`,
			"13\n42\n10\n9\n"},
		{"double", `#include <mini.h>
int main(void) { double d = 1.5; float f = 2.25f; d = d * 4 + f; puti((long)d); puti((int)(f * 10)); puti(d > f); puti((long)(7 / 2.0 * 100));
 unsigned long big = 18446744073709551615UL; puti((long)(double)(big >> 12)); return 0; }`, "8\n22\n1\n350\n4503599627370495\n"},
		{"switch", `#include <mini.h>
int f(int x) { switch (x) { case 1: return 10; case 2: case 3: x += 100; break; default: x = -1; case 9: x *= 2; } return x; }
int main(void) { puti(f(1)); puti(f(3)); puti(f(9)); puti(f(5)); return 0; }`, "10\n103\n18\n-2\n"},
		{"bitfield", `#include <mini.h>
struct bits { unsigned a : 3; unsigned b : 5; unsigned c : 9; int d : 4; };
struct bits g = {5, 17, 400, -3};
int main(void) { struct bits l = {1, 2, 3, -2}; puti(g.a + g.b * 10 + g.c * 1000); puti(g.d); puti(l.a + l.b * 10 + l.c * 100); puti(l.d);
 struct bits bf = {0}; bf.a = 9; bf.b = 31; bf.c = 300; bf.d = 7; bf.d++; puti(bf.a); puti(bf.b); puti(bf.c); puti(bf.d);
 puti(sizeof bf); puti(bf.b++); puti(bf.b); puti(bf.c += 250); int n = 5, vla[n]; int i; for (i = 0; i < n; i++) vla[i] = i * i; puti(sizeof vla); puti(vla[4]); return 0; }`,
			"400175\n-3\n321\n-2\n1\n31\n300\n-8\n4\n31\n0\n38\n20\n16\n"},
		{"fordecl", `#include <mini.h>
int main(void) { int s = 0; for (int i = 0; i < 5; i++) s += i; for (int j = 3; j; j--) { if (j == 2) continue; s += 100; } puti(s); return 0; }`, "210\n"},
		{"goto", `#include <mini.h>
int main(void) { int i = 0; again: i++; if (i < 5) goto again; puti(i); return 0; }`, "5\n"},
		{"static", `#include <mini.h>
int counter(void) { static int n = 10; return n++; }
int main(void) { counter(); counter(); puti(counter()); return 0; }`, "12\n"},
		{"__func__", `#include <mini.h>
char big[1 << 20] = {1};
static void f(void) { puts_(__func__); }
int main(void) { f(); puts_(__func__); puti(sizeof __func__); return big[0]; }`, "fmain5\n"},
		{"logic", `#include <mini.h>
int calls; int t(int v) { calls++; return v; }
int main(void) { int r = t(0) && t(1); r += t(1) || t(0); r += !t(5); puti(r); puti(calls); int x = 5; x <<= 2; x |= 1; x ^= 3; puti(x);
 int *p = 0; puti(p == 0); puti(p ? 1 : 2); return 0; }`, "1\n3\n22\n1\n2\n"},
	}
	for _, tc2 := range cases {
		t.Run(tc2.name, func(t *testing.T) {
			out, _, fault := runMini(t, tc, tc2.src)
			if fault != nil {
				t.Fatalf("fault %+v; output %q", fault, out)
			}
			if out != tc2.want {
				t.Errorf("got %q, want %q", out, tc2.want)
			}
		})
	}
}

func TestFaults(t *testing.T) {
	tc := miniToolchain(t)
	cases := []struct {
		name, src string
		sig       int
	}{
		{"null", `int main(void) { int *p = 0; *p = 1; return 0; }`, abi.SIGSEGV},
		{"div0", `int z; int main(void) { return 5 / z; }`, abi.SIGFPE},
		{"overflow", `int f(int n) { char buf[256]; buf[0] = n; return f(n + 1) + buf[0]; } int main(void) { return f(0); }`, abi.SIGSEGV},
		{"rodata", `int main(void) { char *s = "abc"; s[0] = 'x'; return 0; }`, abi.SIGSEGV},
		{"intmin", `int main(void) { volatile int a = -2147483647 - 1, b = -1; return a / b; }`, abi.SIGFPE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, fault := runMini(t, tc, c.src)
			if fault == nil || fault.Signal != c.sig {
				t.Fatalf("got %+v, want signal %d", fault, c.sig)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tc := miniToolchain(t)
	cases := []struct{ src, want string }{
		{"int main(void) { return x; }", "t.c:1:25: 'x' undeclared"},
		{"int main(void) { nosuch(); return 0; }", "undefined reference to `nosuch'"},
		{"int main(void) { int a[2]; return a +; }", "t.c:1:"},
	}
	for _, c := range cases {
		_, err := tc.Compile("t.c", []byte(c.src), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.src, err, c.want)
		}
	}
}
