package libc

// The native harness: libc is compiled with the host's gcc but without
// glibc (our headers, no standard library), linked with a small shim that
// makes the simulated system calls real Linux ones, and its programs are
// run next to the same programs built normally with gcc and glibc.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// Flags for compiling against our headers only. -pedantic-errors keeps
// libc to the ISO C99 the simulator's compiler accepts.
var nativeFlags = []string{
	"-nostdinc", "-isystem", "include", "-ffreestanding", "-fno-builtin",
	"-fno-stack-protector", "-fno-pie", "-fcf-protection=none", "-O0", "-g0",
}

var libcFlags = append([]string{"-std=c99", "-pedantic-errors", "-Wall", "-Wno-unused-parameter"}, nativeFlags...)

// workDir holds everything the tests build; TestMain removes it.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "libc-native-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type toolchain struct {
	gcc    string
	libc   string   // libc.a built from src/
	shim   []string // objects from testdata/native
	mu     sync.Mutex
	builds map[string]*build
}

type build struct {
	once sync.Once
	path string
	err  error
}

var (
	tcOnce sync.Once
	tc     *toolchain
	tcErr  error
)

// native returns the toolchain, building libc on first use. Without gcc
// the comparison tests skip, except in CI where they must run.
func native(t *testing.T) *toolchain {
	t.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gcc is required to test libc against glibc: %v", err)
		}
		t.Skip("gcc not found: skipping the comparison with glibc")
	}
	tcOnce.Do(func() { tc, tcErr = buildToolchain(gcc) })
	if tcErr != nil {
		t.Fatal(tcErr)
	}
	return tc
}

func runTool(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out.String())
	}
	return nil
}

func buildToolchain(gcc string) (*toolchain, error) {
	t := &toolchain{gcc: gcc, builds: make(map[string]*build)}
	dir := filepath.Join(workDir, "libc")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	sources, _ := filepath.Glob("src/*.c")
	objects := make([]string, len(sources))
	errs := make([]error, len(sources))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, src := range sources {
		objects[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), ".c")+".o")
		wg.Add(1)
		go func(i int, src string) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			args := append(append([]string{}, libcFlags...), "-c", src, "-o", objects[i])
			errs[i] = runTool(gcc, args...)
		}(i, src)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	t.libc = filepath.Join(dir, "libc.a")
	if err := runTool("ar", append([]string{"rcs", t.libc}, objects...)...); err != nil {
		return nil, err
	}
	shims, _ := filepath.Glob("testdata/native/*.c")
	for _, src := range shims {
		obj := filepath.Join(dir, "native-"+strings.TrimSuffix(filepath.Base(src), ".c")+".o")
		args := append(append([]string{"-std=gnu99", "-msse4.1"}, nativeFlags...), "-c", src, "-o", obj)
		if err := runTool(gcc, args...); err != nil {
			return nil, err
		}
		t.shim = append(t.shim, obj)
	}
	return t, nil
}

// osplay builds a C file against our libc (once per file).
func (t *toolchain) osplay(tb testing.TB, src string) string {
	tb.Helper()
	return t.once(tb, "osplay:"+src, func(out string) error {
		args := append(append([]string{}, nativeFlags...), "-w", "-nostdlib", "-static", "-no-pie", src)
		args = append(args, t.shim...)
		args = append(args, t.libc, "-lgcc", "-o", out)
		return runTool(t.gcc, args...)
	})
}

// glibc builds a C file the ordinary way, with glibc.
func (t *toolchain) glibc(tb testing.TB, src string) string {
	tb.Helper()
	return t.once(tb, "glibc:"+src, func(out string) error {
		return runTool(t.gcc, "-O0", "-w", src, "-o", out, "-lm")
	})
}

func (t *toolchain) once(tb testing.TB, key string, make func(out string) error) string {
	t.mu.Lock()
	b := t.builds[key]
	if b == nil {
		b = &build{}
		t.builds[key] = b
	}
	t.mu.Unlock()
	b.once.Do(func() {
		kind, src, _ := strings.Cut(key, ":")
		b.path = filepath.Join(workDir, "bin", kind+"-"+strings.ReplaceAll(strings.TrimSuffix(src, ".c"), "/", "-"))
		if b.err = os.MkdirAll(filepath.Dir(b.path), 0o755); b.err == nil {
			b.err = make(b.path)
		}
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.path
}

// A run of a program and what it did.
type run struct {
	argv0     string   // argv[0] as the program sees it
	args      []string // the other arguments
	stdin     string
	stdinFile string   // or a file (relative to dir) to redirect from
	env       []string // the whole environment
	dir       string
	combined  bool // stdout and stderr share one pipe
}

type result struct {
	stdout, stderr string
	status         string // "exit N" or "signal N"
}

func (r result) String() string {
	return fmt.Sprintf("%s\n--- stdout:\n%s\n--- stderr:\n%s", r.status, r.stdout, r.stderr)
}

var baseEnv = []string{"PATH=/usr/bin:/bin", "LC_ALL=C", "TZ=UTC", "HOME=/home/user"}

func execute(tb testing.TB, path string, r run) result {
	tb.Helper()
	cmd := exec.Command(path, r.args...)
	cmd.Args[0] = r.argv0
	cmd.Dir = r.dir
	cmd.Env = r.env
	if cmd.Env == nil {
		cmd.Env = baseEnv
	}
	if r.stdinFile != "" {
		f, err := os.Open(filepath.Join(r.dir, r.stdinFile))
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		cmd.Stdin = f
	} else {
		cmd.Stdin = strings.NewReader(r.stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if r.combined {
		cmd.Stderr = &stdout
	}
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String(), status: "exit 0"}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		ws := exitErr.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			res.status = fmt.Sprintf("signal %d", ws.Signal())
		} else {
			res.status = fmt.Sprintf("exit %d", ws.ExitStatus())
		}
	} else if err != nil {
		tb.Fatalf("running %s: %v", path, err)
	}
	return res
}

// compare runs both programs and reports any difference.
func compare(t *testing.T, ours, theirs string, r run) {
	t.Helper()
	got := execute(t, ours, r)
	want := execute(t, theirs, r)
	if got.status != want.status {
		t.Errorf("status: got %s, glibc/Linux %s", got.status, want.status)
	}
	diffText(t, "stdout", got.stdout, want.stdout)
	diffText(t, "stderr", got.stderr, want.stderr)
}

// diffText reports the first lines where two outputs differ.
func diffText(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g := strings.SplitAfter(got, "\n")
	w := strings.SplitAfter(want, "\n")
	shown := 0
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s line %d:\n   got %q\n  want %q", what, i+1, gl, wl)
			if shown++; shown == 10 {
				t.Errorf("%s: more differences follow", what)
				return
			}
		}
	}
}

// tempDir is a fresh directory, filled by setup if given.
func tempDir(t *testing.T, setup func(dir string)) string {
	t.Helper()
	dir := t.TempDir()
	if setup != nil {
		setup(dir)
	}
	return dir
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
