// Package linuxtest runs C programs natively, compiled with gcc, as the oracle
// for the simulated machine, and compares their output with the simulator's.
// It is used only by tests.
//
// Linux is the oracle: whatever a real system prints for a C program, the
// simulator must print too, pids and addresses aside. Native compiles and
// runs a program folder the way a student does on the lab machine; Mask
// hides what legitimately differs between two machines (pids, addresses,
// the sizes and dates in an ls -l listing); SameLines and SameOrder compare
// two outputs the way concurrent processes allow. Cases lists every program
// of the repository that has a Linux answer.
package linuxtest

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Timeout bounds one native run, including the children it leaves behind.
var Timeout = 30 * time.Second

// Result is what a native run produced.
type Result struct {
	Stdout string
	Stderr string
	// Exit is the status as a shell reports it: the exit code, or 128+signal
	// for a process killed by a signal.
	Exit int
	// Status is the raw wait status of the main process, as wait(&status)
	// returns it (exit code in bits 8–15, signal in bits 0–6, core in bit 7).
	Status int
	// PID is the process id of the main program (after exec, stdbuf and the
	// shell wrapper exec in place, so it is the program's own getpid()).
	PID int
}

// CFlags are the flags every program is compiled with: warnings off,
// because the lecture's programs are old-style C that gcc accepts with
// warnings (implicit int, implicit declarations).
var CFlags = []string{"-w", "-std=gnu99", "-O0"}

// Native copies the program folder dir to a fresh temporary directory,
// compiles every X.c in it to ./X (so programs can exec each other by name,
// as on the lab machine), and runs ./main with args and stdin there.
//
// The run is as close to a student's terminal as a test can make it:
//   - stdout is line-buffered and stderr unbuffered (stdbuf -oL -e0), as
//     glibc buffers them on a terminal. The setting reaches every program
//     of the run, even one whose stdout was redirected to a file (which
//     glibc would buffer fully): a test program must not depend
//     on stdout's buffering once fd 1 is not the terminal (file streams it
//     opens itself are buffered as usual);
//   - the environment is small and fixed: PATH=/usr/local/bin:/usr/bin:/bin
//     (no "."), HOME is the working directory, LC_ALL=C (ls sorts bytewise,
//     dates in English), TZ=UTC;
//   - core dumps are enabled (ulimit -c unlimited, when the hard limit allows)
//     so that a death by SIGABRT, SIGSEGV or SIGFPE sets the core bit 0x80 in
//     the wait status, as on a system with core dumps on, and as the
//     simulator reports it. Core files land in the temporary directory;
//   - the stack is limited to 8 MB (Linux's usual default and the
//     simulator's), so unbounded recursion ends in SIGSEGV instead of
//     exhausting memory.
//
// Native waits until every process of the run has closed its output (an
// orphan that prints after its parent died is captured), at most Timeout.
// Markdown files (the folder's README) are not copied: they describe the
// program, they are not part of its world; Files lists what is.
//
// When gcc or stdbuf is missing, Native skips the test, or fails it when
// the CI environment variable is set.
func Native(t testing.TB, dir string, main string, args []string, stdin string) Result {
	t.Helper()
	requireTools(t)
	work := t.TempDir()
	files, err := Files(dir)
	if err != nil {
		t.Fatalf("linuxtest: %v", err)
	}
	for name, data := range files {
		mode := os.FileMode(0o644)
		if err := os.WriteFile(filepath.Join(work, name), data, mode); err != nil {
			t.Fatalf("linuxtest: %v", err)
		}
	}
	for _, prog := range Programs(files) {
		compile(t, work, prog)
	}
	if _, ok := files[main+".c"]; !ok {
		t.Fatalf("linuxtest: %s has no %s.c", dir, main)
	}
	return run(t, work, main, args, stdin)
}

// Files returns the files of a program folder that Native copies into the
// working directory, by name: every regular file at the top of dir except
// Markdown notes. The simulator's test gives its process the same files.
func Files(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	if len(files) == 0 {
		return nil, &fs.PathError{Op: "read", Path: dir, Err: errors.New("no program files")}
	}
	return files, nil
}

// Programs returns, sorted, the names of the programs Native compiles from
// files: X for every X.c. After compiling, the working directory holds the
// files and these programs, which is what `ls` in the run lists.
func Programs(files map[string][]byte) []string {
	var progs []string
	for name := range files {
		if base, ok := strings.CutSuffix(name, ".c"); ok {
			progs = append(progs, base)
		}
	}
	sort.Strings(progs)
	return progs
}

// requireTools skips (or, under CI, fails) a test that cannot run natively.
func requireTools(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"gcc", "stdbuf", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("linuxtest: %s is required to run C programs natively (install gcc and coreutils): %v", tool, err)
			}
			t.Skipf("linuxtest: %s not found; install gcc and coreutils to compare with Linux", tool)
		}
	}
}

func compile(t testing.TB, work, prog string) {
	t.Helper()
	// The teaching headers written in portable C (<osplay/rpc.h>) are found
	// after glibc's own: a header glibc has is always glibc's.
	include := filepath.Join(Root(t), "kernel", "libc", "include")
	args := append(append([]string{}, CFlags...), "-idirafter", include, "-o", prog, prog+".c", "-lm")
	cmd := exec.Command("gcc", args...)
	cmd.Dir = work
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("linuxtest: gcc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// wrapper sets the core-file and stack limits and execs the program under
// stdbuf; each exec keeps the pid, so the program runs as the process Go
// started.
const wrapper = `ulimit -c unlimited 2>/dev/null; ulimit -s 8192 2>/dev/null; exec stdbuf -oL -e0 "$@"`

func run(t testing.TB, work, main string, args []string, stdin string) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	argv := append([]string{"-c", wrapper, "sh", "./" + main}, args...)
	cmd := exec.CommandContext(ctx, "sh", argv...)
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=/usr/local/bin:/usr/bin:/bin",
		"HOME=" + work,
		"LC_ALL=C",
		"TZ=UTC",
	}
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// The program and everything it forks share one process group, so a
	// timeout kills them all.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = Timeout
	// One native program at a time on the host, across test processes
	// (go test runs packages side by side): programs that use the host's
	// named IPC objects (POSIX message queues and shared memory, System V
	// keys, named semaphores) would otherwise meet each other's.
	unlock := hostLock(t)
	defer unlock()
	err := cmd.Start()
	if err != nil {
		t.Fatalf("linuxtest: start %s: %v", main, err)
	}
	pid := cmd.Process.Pid
	err = cmd.Wait()
	// Orphans that outlived the output pipes (none should) go too.
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	if ctx.Err() != nil {
		t.Fatalf("linuxtest: %s did not finish within %v\nstdout:\n%s\nstderr:\n%s", main, Timeout, stdout.String(), stderr.String())
	}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("linuxtest: run %s: %v", main, err)
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	res := Result{Stdout: stdout.String(), Stderr: stderr.String(), Status: int(ws), PID: pid}
	if ws.Signaled() {
		res.Exit = 128 + int(ws.Signal())
	} else {
		res.Exit = ws.ExitStatus()
	}
	return res
}

// hostLock takes the host-wide lock of native runs (a file lock in the
// temporary folder) and returns its release.
func hostLock(t testing.TB) func() {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "osplay-native-run.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("linuxtest: the native runs' lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("linuxtest: the native runs' lock: %v", err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}
