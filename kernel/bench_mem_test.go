package kernel

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// BenchmarkMemory compiles and runs, as `osplay run` does, OSTEP's va.c
// (the addresses of code, a 100 MB heap block and the stack) and a
// program that reserves 100 MB and touches 1 MB of it. Each iteration
// compiles afresh: a comment naming the run and the iteration keeps the
// program cache from answering (the C library, compiled once per server,
// is compiled before the clock starts). It reports the memory the
// machine's processes had touched at most (frames-B), which lazy commit
// keeps to what is touched.
func BenchmarkMemory(b *testing.B) {
	for _, bc := range []struct{ name, file, want string }{
		{"va", "va.c", "location of stack: 0x7ff"},
		{"malloc100MB-touch1MB", "touch1mb.c", "touched 245 pages of 100 MB\n"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src, err := os.ReadFile("testdata/bench/" + bc.file)
			if err != nil {
				b.Fatal(err)
			}
			var most uint64
			nonce := time.Now().UnixNano()
			run := func(i int) {
				var out bytes.Buffer
				var m *Machine
				cfg := Config{Stdout: &out, Files: fstest.MapFS{
					bc.file: &fstest.MapFile{Data: fmt.Appendf(bytes.Clone(src), "/* %d %d */\n", nonce, i)},
				}}
				cfg.OnEvent = func(Event) { most = max(most, m.MemoryInUse()) }
				m = New(cfg)
				if err := m.Start([]string{bc.file}); err != nil {
					b.Fatal(err)
				}
				if res := m.Run(); res.Err != nil || res.Code != 0 || !strings.Contains(out.String(), bc.want) {
					b.Fatalf("run: %v, exit %d, output %q", res.Err, res.Code, out.String())
				}
			}
			run(-1) // the C library
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				run(i)
			}
			b.ReportMetric(float64(most), "frames-B")
		})
	}
}
