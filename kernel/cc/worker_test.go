package cc

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"osplay/kernel/libc"
)

// libcToolchain is the real library and headers, compiled once per test
// binary.
var libcToolchain = sync.OnceValues(func() (*Toolchain, error) {
	var lib []Source
	for _, f := range libc.Sources() {
		lib = append(lib, Source{Name: f.Name, Text: f.Text})
	}
	return NewToolchain(libc.Headers(), lib)
})

// TestWorkerCompilesAsInProcess: a program compiled by a worker links to
// exactly the program an in-process compile gives, for every lecture and
// Linux-comparison program.
func TestWorkerCompilesAsInProcess(t *testing.T) {
	tc, err := libcToolchain()
	if err != nil {
		t.Fatal(err)
	}
	p := newPool(2)
	defer p.close()
	worker := tc.WithLimits(Limits{})
	worker.pool = p
	here := tc.inProcessCopy()

	files, _ := filepath.Glob("../testdata/linux/*/*.c")
	examples, _ := filepath.Glob("../../examples/*/*.c")
	files = append(files, examples...)
	if len(files) < 10 {
		t.Fatalf("found only %d programs", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dir := os.DirFS(filepath.Dir(f))
		name := filepath.Base(f)
		want, err := here.Compile(name, src, dir)
		if err != nil {
			t.Errorf("%s in process: %v", f, err)
			continue
		}
		got, err := worker.Compile(name, src, dir)
		if err != nil {
			t.Errorf("%s in a worker: %v", f, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the worker's program differs from the in-process one", f)
		}
	}
}

// TestWorkerLimits: a compile stuck past its deadline, or over its memory
// budget, fails with its own message, in bounded time; the worker is
// replaced and the next compile succeeds.
func TestWorkerLimits(t *testing.T) {
	tc := miniToolchain(t)
	p := newPool(1)
	defer p.close()
	tc.pool = p
	const ok = "int main(void) { return 0; }"
	cases := []struct {
		name   string
		limits Limits
		src    string
		want   string
		within time.Duration
	}{
		{"stuck compile", Limits{Deadline: 300 * time.Millisecond, stall: true}, ok,
			"t.c: compile stopped after 300ms: the program is too complex to compile (or the compiler is stuck on it); simplify it",
			slow*300*time.Millisecond + grace},
		{"memory budget", Limits{CompilerMemory: 32 << 20}, "char g[48<<20] = {1}; int main(void) { return g[0]; }",
			"t.c: compile stopped: the compiler needed more than 32 MiB of memory for this program; simplify it",
			slow * 3 * time.Second},
		{"runaway recursion", Limits{Deadline: slow * 20 * time.Second}, "int x = " + strings.Repeat("(", 300000) + "1" + strings.Repeat(")", 300000) + ";",
			"t.c: compile stopped: the program nests too deeply (parentheses, blocks or declarators) for the compiler; simplify it",
			slow * 20 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := tc.Compile("t.c", []byte(ok), nil); err != nil {
				t.Fatal(err)
			}
			before := p.idlePID()
			start := time.Now()
			_, err := tc.WithLimits(c.limits).Compile("t.c", []byte(c.src), nil)
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
			if d := time.Since(start); d > c.within {
				t.Errorf("took %v, want at most %v", d, c.within)
			}
			if _, err := tc.Compile("t.c", []byte(ok), nil); err != nil {
				t.Errorf("the next compile: %v", err)
			}
			if after := p.idlePID(); after == before {
				t.Errorf("the worker (pid %d) was not replaced", before)
			}
		})
	}
}

// TestIdleWorkerKilled: a worker killed while idle is replaced, and the
// next compile does not notice.
func TestIdleWorkerKilled(t *testing.T) {
	tc := miniToolchain(t)
	p := newPool(1)
	defer p.close()
	tc.pool = p
	if _, err := tc.Compile("t.c", []byte(fibSrc), nil); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	w := p.idle[0]
	p.mu.Unlock()
	w.cmd.Process.Kill()
	<-w.done
	if _, err := tc.Compile("t.c", []byte(fibSrc), nil); err != nil {
		t.Errorf("after the idle worker was killed: %v", err)
	}
}

// TestWorkerConcurrency: more compiles than workers all complete; a
// compile that waits too long for a busy worker gives up.
func TestWorkerConcurrency(t *testing.T) {
	tc := miniToolchain(t)
	p := newPool(2)
	defer p.close()
	tc.pool = p
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = tc.Compile("t.c", []byte(fibSrc), nil)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("compile %d: %v", i, err)
		}
	}

	before := LimitsReached()
	stuck := tc.WithLimits(Limits{Deadline: 2 * time.Second, stall: true})
	stuck.pool = p
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stuck.Compile("t.c", []byte(fibSrc), nil)
		}()
	}
	for len(p.slots) < cap(p.slots) { // until both stuck compiles hold a worker
		runtime.Gosched()
	}
	start := time.Now()
	impatient := tc.WithLimits(Limits{Wait: 200 * time.Millisecond})
	impatient.pool = p
	_, err := impatient.Compile("t.c", []byte(fibSrc), nil)
	if err == nil || !strings.Contains(err.Error(), "compile waited 200ms for a free compiler") || !errors.Is(err, ErrBusy) {
		t.Errorf("got %v", err)
	}
	if d := time.Since(start); d > slow*time.Second {
		t.Errorf("gave up after %v", d)
	}
	wg.Wait()
	// The metrics count each limit (other tests may add to the counts).
	if after := LimitsReached(); after.Busy < before.Busy+1 || after.Deadline < before.Deadline+2 {
		t.Errorf("limits counted: before %+v, after %+v; want one more busy, two more deadlines", before, after)
	}
}

// TestInProcessFallback: without workers, compiles run in this process and
// a stuck one is still cut off at its deadline.
func TestInProcessFallback(t *testing.T) {
	defer func(f func() (string, error)) { workerExecutable = f }(workerExecutable)
	workerExecutable = func() (string, error) { return "", os.ErrNotExist }
	tc := miniToolchain(t)
	tc.pool = newPool(1)
	if _, err := tc.Compile("t.c", []byte(fibSrc), nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := tc.WithLimits(Limits{Deadline: 100 * time.Millisecond, stall: true}).Compile("t.c", []byte(fibSrc), nil)
	if err == nil || !strings.Contains(err.Error(), "compile stopped after 100ms") {
		t.Errorf("got %v", err)
	}
	if d := time.Since(start); d > slow*time.Second {
		t.Errorf("took %v", d)
	}
}

// idlePID is the process id of the pool's idle worker, or 0.
func (p *pool) idlePID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 {
		return 0
	}
	return p.idle[len(p.idle)-1].cmd.Process.Pid
}

// TestCompileInProcess: with CompileInProcess (the command line), a
// program compiles without a worker, under its deadline all the same.
func TestCompileInProcess(t *testing.T) {
	defer func(f func() (string, error)) { workerExecutable = f }(workerExecutable)
	workerExecutable = func() (string, error) {
		t.Error("a worker was started")
		return "", os.ErrNotExist
	}
	defer func(b bool) { CompileInProcess = b }(CompileInProcess)
	CompileInProcess = true
	tc := miniToolchain(t)
	tc.pool = newPool(1)
	if out, code, _ := runMini(t, tc, "#include <mini.h>\nint main(void) { puti(6 * 7); return 3; }"); out != "42\n" || code != 3 {
		t.Errorf("output %q, exit %d", out, code)
	}
	_, err := tc.WithLimits(Limits{Deadline: 100 * time.Millisecond, stall: true}).Compile("t.c", []byte(fibSrc), nil)
	if err == nil || !strings.Contains(err.Error(), "compile stopped after 100ms") {
		t.Errorf("got %v", err)
	}
}

// TestBuiltinCompilesAsCompile: each /bin program compiled as a built-in
// (in process, kept in the cache) is exactly the program Compile makes of
// it, and so is the one read back from the cache.
func TestBuiltinCompilesAsCompile(t *testing.T) {
	defer func(dir string) { LibraryCache = dir }(LibraryCache)
	LibraryCache = t.TempDir()
	tc, err := libcToolchain()
	if err != nil {
		t.Fatal(err)
	}
	here := tc.inProcessCopy()
	for name, src := range libc.Programs() {
		want, err := here.Compile(name+".c", []byte(src), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, how := range []string{"compiled", "from the cache"} {
			got, err := tc.CompileBuiltin(name+".c", []byte(src))
			if err != nil {
				t.Fatalf("%s %s: %v", name, how, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: differs from Compile's", name, how)
			}
		}
	}
	if entries, _ := filepath.Glob(filepath.Join(LibraryCache, "bin-*.pack")); len(entries) != len(libc.Programs()) {
		t.Errorf("%d entries for %d programs", len(entries), len(libc.Programs()))
	}
}
