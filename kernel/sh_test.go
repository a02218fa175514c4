package kernel

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// /bin/sh read from the terminal: a prompt before each command (on
// stderr, as dash writes it), the command's output, "not found" with its
// line and the shell's name as it was run, and exit's status as the run's.
func TestShInteractive(t *testing.T) {
	r := runFS(t, Config{Stdin: strings.NewReader("echo hi | cat\nfoo\necho $?\nexit 3\necho never\n")},
		fstest.MapFS{}, "/bin/sh")
	if r.stdout != "hi\n127\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	if want := "$ $ /bin/sh: 2: foo: not found\n$ $ "; r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	if !r.res.Exited || r.res.Code != 3 {
		t.Errorf("result %+v, want exit 3", r.res)
	}
}

// A pipeline longer than the machine's process table: the forks that do
// not fit fail, sh says so as dash does, and the run ends by itself
// within its limits, every process reaped.
func TestShPipelineBeyondTheProcessLimit(t *testing.T) {
	cmd := "echo x" + strings.Repeat(" | cat", 200)
	r := runFS(t, Config{MaxProcs: 16}, fstest.MapFS{}, "/bin/sh", "-c", cmd)
	if r.res.Err != nil {
		t.Fatalf("run: %v", r.res.Err)
	}
	if !strings.Contains(r.stderr, "sh: 1: Cannot fork\n") {
		t.Errorf("stderr %q, want sh's fork failure", r.stderr)
	}
	if !r.res.Exited || r.res.Code != 2 && r.res.Code != 0 {
		t.Errorf("result %+v", r.res)
	}
	if n := r.count(KindCreate, func(Event) bool { return true }); n > 200 {
		t.Errorf("%d processes created", n)
	}
}

// A fork bomb written for sh (a script that runs itself twice through a
// pipe) never holds more processes than the limit and ends: by itself or
// at the run's tick limit, with a limit error saying so.
func TestShForkBomb(t *testing.T) {
	files := fstest.MapFS{"bomb": &fstest.MapFile{Data: []byte("sh bomb | sh bomb\n")}}
	r := runFS(t, Config{MaxProcs: 24, MaxTicks: 2_000_000}, files, "/bin/sh", "bomb")
	if !strings.Contains(r.stderr, "Cannot fork") {
		t.Errorf("stderr has no fork failure: %.200q", r.stderr)
	}
	var le *LimitError
	if r.res.Err != nil && !errors.As(r.res.Err, &le) {
		t.Errorf("run: %v, want the end or a limit", r.res.Err)
	}
	alive, most := 0, 0
	for _, e := range r.events {
		switch e.Kind {
		case KindCreate:
			alive++
		case KindReap:
			alive--
		}
		most = max(most, alive)
	}
	if most > 1+24 { // init, and the processes of the limit
		t.Errorf("%d processes at once, limit 24 and init", most)
	}
}

// sh FILE reads its commands from the file: its errors name the script
// and its line, $1 and $# are the arguments after it, and its exit
// status is exit's.
func TestShScript(t *testing.T) {
	files := fstest.MapFS{"script": &fstest.MapFile{Data: []byte("echo from script $1 $#\nfoo\nexit 4\n")}}
	r := runFS(t, Config{}, files, "/bin/sh", "-c", "sh ./script arg; echo $?")
	if r.stdout != "from script arg 1\n4\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	if r.stderr != "./script: 2: foo: not found\n" {
		t.Errorf("stderr %q", r.stderr)
	}
}

// system when no process can be made: -1, as glibc returns when fork
// fails, and the caller's SIGINT action and mask as they were; popen is
// NULL with EAGAIN.
func TestSystemWithoutFork(t *testing.T) {
	src := `#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <signal.h>
int main(void)
{
	int r = system("echo never");
	struct sigaction old;
	sigaction(SIGINT, NULL, &old);
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("system: %d, SIGINT default %d, SIGCHLD blocked %d\n", r, old.sa_handler == SIG_DFL, sigismember(&cur, SIGCHLD));
	FILE *f = popen("echo never", "r");
	printf("popen: %s, EAGAIN %d\n", f == NULL ? "NULL" : "a stream", errno == EAGAIN);
	return 0;
}
`
	r := runFiles(t, Config{MaxProcs: 1}, map[string]string{"s.c": src}, "s.c")
	if want := "system: -1, SIGINT default 1, SIGCHLD blocked 0\npopen: NULL, EAGAIN 1\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
}

// Ctrl-C at an interactive sh: SIGINT to the foreground process group
// ends the command that runs (its default action, given back in the
// child) and not the shell, which ignores it and reads on.
func TestShInteractiveCtrlC(t *testing.T) {
	var out, errb strings.Builder
	m := New(Config{Files: fstest.MapFS{}, Stdin: strings.NewReader("sleep 100\necho after $?\n"), Stdout: &out, Stderr: &errb})
	if err := m.Start([]string{"/bin/sh"}); err != nil {
		t.Fatal(err)
	}
	if !m.RunUntil(func(e Event) bool { return e.Kind == KindExec && e.Name == "/bin/sleep" }) {
		t.Fatal("sleep never ran")
	}
	if !m.RunUntil(func(e Event) bool { return e.Kind == KindState && e.To == StateWaiting && e.PID == 3 }) {
		t.Fatal("sleep never slept")
	}
	if err := m.Signal(-2, 2); err != nil {
		t.Fatal(err)
	}
	res := m.Run()
	if out.String() != "after 130\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errb.String())
	}
	if !res.Exited || res.Code != 0 || res.Ticks >= 100*DefaultTicksPerSecond {
		t.Errorf("result %+v", res)
	}
}

// An endless loop in sh, of built-ins or of programs, ends at the run's
// tick limit with a limit error.
func TestShEndlessLoop(t *testing.T) {
	for _, cmd := range []string{"while true; do :; done", "while :; do /bin/true; done"} {
		r := runFS(t, Config{MaxTicks: 300_000}, fstest.MapFS{}, "/bin/sh", "-c", cmd)
		var le *LimitError
		if !errors.As(r.res.Err, &le) || le.Limit != LimitTicks {
			t.Errorf("%s: run %v, want the tick limit", cmd, r.res.Err)
		}
	}
}
