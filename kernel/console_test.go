package kernel

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestStdinReader(t *testing.T) {
	cfg := Config{Stdin: strings.NewReader("hello\nworld\nagain\n")}
	r := runTestdata(t, cfg, "upper")
	if want := "HELLO\nWORLD\nAGAIN\nbye\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	// A terminal hands out one line per read.
	reads := r.count(KindSysret, func(e Event) bool { return e.Name == "read" && e.Result > 0 })
	if reads != 3 {
		t.Errorf("%d reads returned data, want one per line (3)", reads)
	}
}

func TestInputFromTheUser(t *testing.T) {
	m, out := startTestdata(t, Config{}, "upper")
	m.Run()
	if m.Done() || !m.WaitingForInput() {
		t.Fatalf("done %v, waiting for input %v: want the reader blocked", m.Done(), m.WaitingForInput())
	}
	p := findProc(m, 2)
	if p.State != StateWaiting || p.WaitOn != "tty" {
		t.Errorf("reader is %v on %q, want waiting on tty", p.State, p.WaitOn)
	}
	m.Input([]byte("abc\n"))
	m.Run()
	if got := out.String(); got != "ABC\n" {
		t.Errorf("after one line: %q", got)
	}
	reads := func() int {
		n := 0
		for _, e := range m.Events() {
			if e.Kind == KindSysret && e.Name == "read" {
				n++
			}
		}
		return n
	}
	before := reads()
	m.Input([]byte("x"))
	m.Run()
	if reads() != before || !m.WaitingForInput() {
		t.Errorf("a read returned before the line was complete")
	}
	m.Input([]byte("y\n"))
	m.CloseInput()
	m.Run()
	if !m.Done() || m.Err() != nil {
		t.Fatalf("done %v, err %v after end of input", m.Done(), m.Err())
	}
	if got := out.String(); got != "ABC\nXY\nbye\n" {
		t.Errorf("output %q", got)
	}
}

func TestProcessTableSnapshot(t *testing.T) {
	r := runTestdata(t, Config{}, "procs")
	if r.stdout != "3 processes\nS init (init)\nR procs (me)\nZ procs (my child)\n" {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestDirectories(t *testing.T) {
	r := runTestdata(t, Config{}, "ls")
	for _, line := range []string{". ls.c\n", ". ls*\n", ". onetwo*\n", ". onetwo.c\n"} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("listing lacks %q:\n%s", line, r.stdout)
		}
	}
	for _, name := range builtinNames() {
		if !strings.Contains(r.stdout, "/bin "+name+"*\n") {
			t.Errorf("/bin lacks %s:\n%s", name, r.stdout)
		}
	}
	if r.stderr != "/nowhere: No such file or directory\n" {
		t.Errorf("stderr %q", r.stderr)
	}
}

func TestExecCompileError(t *testing.T) {
	r := runTestdata(t, Config{}, "execbad")
	if r.stdout != "exec: Exec format error\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "badprog.c:4:") || !strings.Contains(r.stderr, "undefined_variable") {
		t.Errorf("stderr %q, want the compiler's message", r.stderr)
	}
}

func TestStartCompileError(t *testing.T) {
	m := New(Config{Files: testdataFiles(t)})
	err := m.Start([]string{"badprog.c"})
	if err == nil || !strings.Contains(err.Error(), "badprog.c:4:") {
		t.Errorf("Start error %v, want the compiler's message", err)
	}
	if err := New(Config{Files: testdataFiles(t)}).Start([]string{"missing.c"}); err == nil || !strings.Contains(err.Error(), "No such file") {
		t.Errorf("Start of a missing program: %v", err)
	}
}

func TestSignalFromOutside(t *testing.T) {
	m, out := startTestdata(t, Config{}, "sleeper")
	if !m.RunUntil(func(e Event) bool { return e.Kind == KindState && e.To == StateWaiting && e.PID == 2 }) {
		t.Fatal("never went to sleep")
	}
	if err := m.Signal(2, 9); err != nil {
		t.Fatal(err)
	}
	res := m.Run()
	if !res.Signaled || res.Signal != 9 || res.Core {
		t.Errorf("result %+v, want killed by SIGKILL", res)
	}
	if out.String() != "sleeping\n" {
		t.Errorf("output %q", out.String())
	}
	if res.Ticks >= 100*DefaultTicksPerSecond {
		t.Errorf("the machine ran to %d ticks: the sleeper was not killed at once", res.Ticks)
	}
	if err := m.Signal(2, 9); err == nil {
		t.Error("signal to a finished machine succeeded")
	}
}

func TestBinPrograms(t *testing.T) {
	if _, ok := builtinSource("echo"); !ok {
		t.Fatal("libc has no /bin/echo")
	}
	r := runTestdata(t, Config{}, "echo")
	if r.stdout != "hello from echo\nvia PATH\n" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	if n := r.count(KindExec, func(e Event) bool { return e.Name == "/bin/echo" }); n != 2 {
		t.Errorf("%d execs of /bin/echo, want 2", n)
	}
}

func TestNativeBinaryIsReplaced(t *testing.T) {
	files := testdataFiles(t)
	files["onetwo"] = &fstest.MapFile{Data: []byte("\x7fELF native binary")}
	r := runFS(t, Config{}, files, "onetwo.c")
	if r.stdout != "one\ntwo\ntwo\n" {
		t.Errorf("stdout %q", r.stdout)
	}
}
