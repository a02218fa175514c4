package cc

import "testing"

const fibSrc = `#include <mini.h>
int fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
int main(void) { puti(fib(32)); return 0; }`

// BenchmarkFib32 runs fib(32) in C on the VM (about 7 million calls).
func BenchmarkFib32(b *testing.B) {
	tc := miniToolchain(b)
	for i := 0; i < b.N; i++ {
		out, _, fault := runMini(b, tc, fibSrc)
		if fault != nil || out != "2178309\n" {
			b.Fatalf("got %q %v", out, fault)
		}
	}
}
