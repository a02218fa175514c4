package kernel

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"osplay/kernel/abi"
)

// Hostile signal programs: each must end as Linux would end it (or at a
// limit), never with a panic of the kernel.

func runSignalProgram(t *testing.T, cfg Config, src string, outside func(m *Machine)) (Result, string, *Machine) {
	t.Helper()
	var out bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &out
	m := startMainArgs(t, cfg, src)
	if outside != nil {
		outside(m)
	}
	res := m.Run()
	return res, out.String(), m
}

func faults(m *Machine) []string {
	var msgs []string
	for _, e := range m.Events() {
		if e.Kind == KindFault {
			msgs = append(msgs, e.Msg.String())
		}
	}
	return msgs
}

// A handler that loops for ever keeps its process running until the tick
// limit; SIGKILL from outside still ends it.
func TestHandlerThatLoops(t *testing.T) {
	src := `#include <signal.h>
static void spin(int sig) { for (;;) ; }
int main(void) { signal(SIGUSR1, spin); raise(SIGUSR1); return 0; }
`
	res, _, _ := runSignalProgram(t, Config{}, src, func(m *Machine) {
		m.RunTo(20000)
		if err := m.Signal(2, abi.SIGKILL); err != nil {
			t.Fatal(err)
		}
	})
	if !res.Signaled || res.Signal != abi.SIGKILL {
		t.Fatalf("result %+v, want killed by SIGKILL", res)
	}
}

// A storm of signals at a child: standard signals merge while pending, so
// the handler runs at least once and at most once per signal sent, and the
// child ends with the SIGTERM that follows.
func TestSignalStorm(t *testing.T) {
	src := `#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
static volatile int n;
static void count(int sig) { n++; }
static void report(int sig) { printf("handled %d\n", n); _exit(0); }
int main(void) {
	signal(SIGUSR1, count);
	signal(SIGTERM, report);
	pid_t c = fork();
	if (c == 0) { for (;;) pause(); }
	for (int i = 0; i < 5000; i++) kill(c, SIGUSR1);
	kill(c, SIGTERM);
	int st;
	waitpid(c, &st, 0);
	printf("child exit %d\n", WEXITSTATUS(st));
	return 0;
}
`
	res, out, _ := runSignalProgram(t, Config{}, src, nil)
	if res.Err != nil || !res.Exited || res.Code != 0 {
		t.Fatalf("result %+v (output %q)", res, out)
	}
	var n int
	if _, err := fmt.Sscanf(out, "handled %d\n", &n); err != nil || n < 1 || n > 5000 {
		t.Fatalf("output %q: want 1 to 5000 handled", out)
	}
	if !strings.HasSuffix(out, "child exit 0\n") {
		t.Errorf("output %q", out)
	}
}

// A handler that never returns, while signals keep coming under
// SA_NODEFER: the frames nest until the kernel refuses one more, and the
// process dies of SIGSEGV as if its stack had overflowed.
func TestHandlerThatNeverReturns(t *testing.T) {
	src := `#include <signal.h>
#include <string.h>
#include <unistd.h>
static void stay(int sig) { for (;;) pause(); }
int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = stay;
	sa.sa_flags = SA_NODEFER;
	sigaction(SIGUSR1, &sa, NULL);
	for (;;) pause();
}
`
	res, _, m := runSignalProgram(t, Config{}, src, func(m *Machine) {
		for i := 0; i < maxSigFrames+5 && !m.halted; i++ {
			m.RunTo(m.Now() + 1000)
			if err := m.Signal(2, abi.SIGUSR1); err != nil {
				break // gone
			}
		}
	})
	if !res.Signaled || res.Signal != abi.SIGSEGV {
		t.Fatalf("result %+v, want killed by SIGSEGV", res)
	}
	if f := faults(m); len(f) != 1 || !strings.Contains(f[0], "nested too deep") {
		t.Errorf("faults %q", f)
	}
}

// A handler that corrupts its signal frame, and a sigreturn made outside
// any handler, fault as SIGSEGV.
func TestCorruptSigreturn(t *testing.T) {
	for name, src := range map[string]string{
		"corrupted frame": `#include <signal.h>
#include <string.h>
static void smash(int sig, siginfo_t *si, void *uc) { ((unsigned long *)uc)[5 + 15] = 0; }
int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = smash;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	return 0;
}
`,
		"no handler": `#include <signal.h>
int main(void) { __osplay_sigreturn(); return 0; }
`,
		"frame freed": `#include <signal.h>
#include <string.h>
static void smash(int sig, siginfo_t *si, void *uc) { memset(uc, 0x41, 300); }
int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = smash;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	return 0;
}
`,
	} {
		t.Run(name, func(t *testing.T) {
			res, _, m := runSignalProgram(t, Config{}, src, nil)
			if !res.Signaled || res.Signal != abi.SIGSEGV {
				t.Fatalf("result %+v, want killed by SIGSEGV", res)
			}
			if f := faults(m); len(f) != 1 || !strings.Contains(f[0], "sigreturn") {
				t.Errorf("faults %q", f)
			}
		})
	}
}

// A handler's frame shows in the events: the handler entered, then its
// return; the PCB's signal state lists what is pending, blocked and
// handled.
func TestSignalEventsAndState(t *testing.T) {
	src := `#include <signal.h>
#include <unistd.h>
static void h(int sig) { }
int main(void) {
	signal(SIGUSR1, h);
	signal(SIGINT, SIG_IGN);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, NULL);
	raise(SIGUSR2);
	raise(SIGUSR1);
	pause();
	return 0;
}
`
	var out bytes.Buffer
	m := startMainArgs(t, Config{Stdout: &out}, src)
	m.RunTo(200000)
	p := m.proc(2)
	if p == nil {
		t.Fatal("pid 2 gone")
	}
	st := p.Signals()
	if !equalInts(st.Pending, []int{abi.SIGUSR2}) || !equalInts(st.Blocked, []int{abi.SIGUSR2}) ||
		!equalInts(st.Handled, []int{abi.SIGUSR1}) || !equalInts(st.Ignored, []int{abi.SIGINT}) {
		t.Errorf("signal state %+v", st)
	}
	var kinds []Kind
	for _, e := range m.Events() {
		if e.Kind == KindHandler || e.Kind == KindSigreturn {
			kinds = append(kinds, e.Kind)
		}
	}
	if len(kinds) != 2 || kinds[0] != KindHandler || kinds[1] != KindSigreturn {
		t.Errorf("handler events %v", kinds)
	}
	if p.State() != StateWaiting {
		t.Errorf("state %v, want waiting in pause", p.State())
	}
	m.Signal(2, abi.SIGSTOP)
	m.RunTo(m.Now() + 10)
	if p.State() != StateStopped || p.State().Letter() != 'T' {
		t.Errorf("after SIGSTOP: state %v", p.State())
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A read of the terminal interrupted by a handler: without SA_RESTART it
// fails with EINTR; with it, it starts over and returns the line typed
// later.
func TestReadInterrupted(t *testing.T) {
	src := `#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
static void h(int sig) { }
int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigaction(SIGALRM, &sa, NULL);
	char buf[32];
	alarm(1);
	ssize_t n = read(0, buf, sizeof buf);
	printf("plain: %d %s\n", (int)n, n < 0 ? strerror(errno) : "");
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	n = read(0, buf, sizeof buf);
	printf("SA_RESTART: %d\n", (int)n);
	return 0;
}
`
	res, out, _ := runSignalProgram(t, Config{}, src, func(m *Machine) {
		m.RunTo(3 * DefaultTicksPerSecond) // past both alarms: the second read waits on
		m.Input([]byte("hello\n"))
	})
	if res.Err != nil || !res.Exited {
		t.Fatalf("result %+v (output %q)", res, out)
	}
	if want := "plain: -1 Interrupted system call\nSA_RESTART: 6\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// A program that waits in pause for the user's Ctrl-C waits for the user
// (it is no deadlock) when no standard input was given; SIGINT from
// outside runs its handler and it goes on. Given a standard input, nobody
// can send it a signal: the wait is a deadlock.
func TestPauseWaitsForTheUser(t *testing.T) {
	src := `#include <stdio.h>
#include <signal.h>
#include <unistd.h>
static void h(int sig) { printf("caught %d\n", sig); }
int main(void) { signal(SIGINT, h); pause(); printf("done\n"); return 0; }
`
	var out bytes.Buffer
	m := startMainArgs(t, Config{Stdout: &out}, src)
	m.RunTo(1 << 40)
	if !m.WaitingForInput() || m.Done() {
		t.Fatalf("waiting for the user %v, done %v (%v)", m.WaitingForInput(), m.Done(), m.Err())
	}
	if err := m.Signal(2, abi.SIGINT); err != nil {
		t.Fatal(err)
	}
	res := m.Run()
	if !res.Exited || out.String() != "caught 2\ndone\n" {
		t.Errorf("result %+v, output %q", res, out.String())
	}

	m = startMainArgs(t, Config{Stdin: strings.NewReader("")}, src)
	m.Run()
	if m.WaitingForInput() || m.Err() == nil {
		t.Errorf("with a standard input: waiting %v, error %v; want a deadlock", m.WaitingForInput(), m.Err())
	}
}

// A SIGSEGV handler that returns runs the faulting instruction again, and
// faults again, for ever, as on Linux: the run ends at its tick limit.
func TestFaultHandlerThatReturns(t *testing.T) {
	src := `#include <signal.h>
static volatile int n;
static void h(int sig) { n++; }
int main(void) { signal(SIGSEGV, h); *(volatile int *)16 = 1; return 0; }
`
	res, _, m := runSignalProgram(t, Config{MaxTicks: 200000}, src, nil)
	if m.Err() == nil || res.Exited {
		t.Fatalf("result %+v, error %v: want the tick limit", res, m.Err())
	}
	if f := faults(m); len(f) < 10 {
		t.Errorf("%d faults, want the fault again and again", len(f))
	}
}
