package exercises

import (
	"fmt"
	"slices"
	"strings"

	"osplay/kernel"
	"osplay/kernel/msg"
)

// The checks of interprocess communication: what the event stream says of
// signals and system calls, and what the threads still waited for when the
// run ended.
const (
	CheckSignals  = "signals"  // signals sent, or caught by a handler
	CheckSyscalls = "syscalls" // returns of a system call, those failing with an errno
	CheckBlocked  = "blocked"  // threads still waiting when the run ended (on a pipe, a child…)
)

// signalTrace is a signal and a process it was sent to, or that caught it
// in a handler, as a trace counts them.
type signalTrace struct {
	pid int
	sig int
}

// callTrace is the returns of a system call in a process with one errno
// (0: those that succeeded), as a trace counts them.
type callTrace struct {
	pid   int
	name  string
	errno int
}

// signal actions a signals check counts.
var signalActions = []string{"handled", "sent"}

// waitKinds are the names of what a blocked check may ask about, as the
// kernel names the kinds of waits.
var waitKinds = func() []string {
	var out []string
	for k := kernel.WaitChild; k.String() != fmt.Sprintf("WaitKind(%d)", int(k)); k++ {
		out = append(out, k.String())
	}
	return out
}()

func errnoNumber(name string) int {
	for e := 1; e < 200; e++ {
		if kernel.ErrnoName(e) == strings.ToUpper(name) {
			return e
		}
	}
	return 0
}

// validateIPC checks the parameters of the IPC checks.
func (c *Check) validateIPC(verify bool, bad func(field, format string, args ...any), numeric func()) {
	switch c.Type {
	case CheckSignals:
		if c.Signal != "" && signalNumber(c.Signal) == 0 {
			bad("signal", "unknown signal %q (as SIGUSR1, SIGCHLD)", c.Signal)
		}
		if c.Action != "" && !slices.Contains(signalActions, c.Action) {
			bad("action", "%q: use handled (a handler caught it, the default) or sent", c.Action)
		}
	case CheckSyscalls:
		if c.Call == "" {
			bad("call", "name the system call (read, write, msgrcv…)")
		} else if !idPattern().MatchString(strings.ReplaceAll(c.Call, "_", "-")) {
			bad("call", "%q is not the name of a system call", c.Call)
		}
		if c.Errno != "" && errnoNumber(c.Errno) == 0 {
			bad("errno", "unknown error %q (as EAGAIN, EINTR, EPIPE)", c.Errno)
		}
	case CheckBlocked:
		if c.On != "" && !slices.Contains(waitKinds, c.On) {
			bad("on", "%q: use one of %s, or leave it out for any wait", c.On, strings.Join(waitKinds, ", "))
		}
	}
	numeric()
}

// of reports whether process pid is one that Of names.
func (t *trace) of(of string, pid int) bool {
	for _, p := range t.selected(of) {
		if p.pid == pid {
			return true
		}
	}
	return false
}

// countSignals counts the signals c names in run t.
func (c *Check) countSignals(t *trace) int {
	list := t.handled
	if c.Action == "sent" {
		list = t.sent
	}
	n := 0
	for s, times := range list {
		if (c.Signal == "" || s.sig == signalNumber(c.Signal)) && (c.Of == "" || t.of(c.Of, s.pid)) {
			n += times
		}
	}
	return n
}

// countCalls counts the returns of the system call c names.
func (c *Check) countCalls(t *trace) int {
	n := 0
	want := errnoNumber(c.Errno)
	for call, times := range t.calls {
		if call.name == c.Call && (c.Errno == "" || call.errno == want) && (c.Of == "" || t.of(c.Of, call.pid)) {
			n += times
		}
	}
	return n
}

// blockedAtEnd lists the waits c names among those of the run's end.
func (c *Check) blockedAtEnd(t *trace) []kernel.WaitEdge {
	var out []kernel.WaitEdge
	for _, w := range t.waitsAtEnd {
		if w.PID == 1 {
			continue // init waits for its children as long as the machine runs
		}
		if c.On == "" || w.Kind.String() == c.On {
			out = append(out, w)
		}
	}
	return out
}

func (c *Check) signalText(lang string) string {
	sig := tr(lang, "시그널", "signals")
	if c.Signal != "" {
		sig = strings.ToUpper(c.Signal)
	}
	if c.Action == "sent" {
		return tr(lang, sig+msg.Particle(sig, "을")+" 보낸 횟수", "Times "+sig+" was sent")
	}
	return tr(lang, "핸들러가 "+sig+msg.Particle(sig, "을")+" 받은 횟수", "Times a handler caught "+sig)
}

func (c *Check) callText(lang string) string {
	if c.Errno != "" {
		e := strings.ToUpper(c.Errno)
		return tr(lang, fmt.Sprintf("%s%s %s%s 실패한 횟수", c.Call, msg.Particle(c.Call, "이"), e, msg.Particle(e, "으로")), fmt.Sprintf("Times %s failed with %s", c.Call, e))
	}
	return tr(lang, c.Call+" 시스템 호출 횟수", "Calls of "+c.Call)
}

func (c *Check) blockedText(lang string) string {
	if c.On == "" {
		return tr(lang, "실행이 끝날 때 아직 기다리는 스레드", "Threads still waiting when the run ended")
	}
	return tr(lang, fmt.Sprintf("실행이 끝날 때 %s에서 기다리는 스레드", c.On), fmt.Sprintf("Threads still waiting on a %s when the run ended", c.On))
}

// evalIPC evaluates the IPC checks.
func (c *Check) evalIPC(t *trace, lang string) (bool, string) {
	switch c.Type {
	case CheckSignals:
		n := float64(c.countSignals(t))
		ok, want := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("%s: %s번%s.", c.signalText(Korean), num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("%s: %s%s.", c.signalText(English), num(n), hide(" (expected "+want+")")))
	case CheckSyscalls:
		n := float64(c.countCalls(t))
		ok, want := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("%s: %s번%s.", c.callText(Korean), num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("%s: %s%s.", c.callText(English), num(n), hide(" (expected "+want+")")))
	case CheckBlocked:
		waits := c.blockedAtEnd(t)
		ok, want := c.bounds(float64(len(waits)), lang)
		if len(waits) == 0 {
			return ok, tr(lang, "실행이 끝날 때 그렇게 기다리는 스레드가 없었습니다"+hide(" (기대: "+want+")")+".",
				"No thread was waiting so when the run ended"+hide(" (expected "+want+")")+".")
		}
		var list []string
		for _, w := range waits[:min(len(waits), 3)] {
			list = append(list, w.Text().In(lang))
		}
		if len(waits) > 3 {
			list = append(list, fmt.Sprintf("… (+%d)", len(waits)-3))
		}
		return ok, tr(lang, fmt.Sprintf("실행이 끝날 때 기다리던 스레드 %d개%s: %s.", len(waits), hide(" (기대: "+want+")"), strings.Join(list, "; ")),
			fmt.Sprintf("Threads still waiting when the run ended: %d%s — %s.", len(waits), hide(" (expected "+want+")"), strings.Join(list, "; ")))
	}
	return false, "unsupported check " + c.Type
}

// measureIPC is the number an IPC check measures, for a question's verify.
func (c *Check) measureIPC(t *trace) float64 {
	switch c.Type {
	case CheckSignals:
		return float64(c.countSignals(t))
	case CheckSyscalls:
		return float64(c.countCalls(t))
	}
	return float64(len(c.blockedAtEnd(t)))
}
