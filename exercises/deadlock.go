package exercises

import (
	"errors"
	"fmt"
	"strings"

	"osplay/kernel"
)

// The deadlock check: did threads end up waiting in a cycle? A run
// deadlocks when the kernel reports a cycle in its wait-for graph (a
// KindDeadlock event, even while other threads run on) or when it halts
// with no thread able to run again. The check's expect is deadlock (or
// yes) or none (or no); equals, min and max, if given, bound the number of
// threads in the first cycle, which is also what a number question's
// verify measures.

// deadlockExpected reports whether c expects a deadlock.
func (c *Check) deadlockExpected() bool { return c.Expect == "deadlock" || c.Expect == "yes" }

// cycleLen is the number of threads in the run's first cycle, 0 if none.
func (t *trace) cycleLen() int {
	if len(t.cycles) == 0 {
		return 0
	}
	return len(t.cycles[0])
}

func (c *Check) evalDeadlock(t *trace, lang string) (bool, string) {
	if !c.deadlockExpected() {
		if t.deadlock {
			return false, tr(lang, "교착 상태가 일어났습니다. ", "A deadlock happened. ") + t.cycleText(lang)
		}
		return true, tr(lang, "교착 상태 없이 끝났습니다.", "The run ended without a deadlock.")
	}
	if !t.deadlock {
		return false, tr(lang, "교착 상태가 일어나지 않았습니다.", "No deadlock happened.")
	}
	msg := tr(lang, "기대한 대로 교착 상태가 일어났습니다. ", "A deadlock happened, as expected. ") + t.cycleText(lang)
	if c.Equals == nil && c.Min == nil && c.Max == nil {
		return true, msg
	}
	ok, want := c.bounds(float64(t.cycleLen()), lang)
	return ok, msg + tr(lang, fmt.Sprintf(" 순환에 든 스레드: %d개%s.", t.cycleLen(), hide(" (기대: "+want+")")),
		fmt.Sprintf(" Threads in the cycle: %d%s.", t.cycleLen(), hide(" (expected "+want+")")))
}

// cycleText describes the first cycle of waits, a thread at a time, or
// says that every thread waits when the run halted without one.
func (t *trace) cycleText(lang string) string {
	if len(t.cycles) == 0 {
		return tr(lang, "모든 스레드가 기다리고 있고 아무도 깨울 수 없습니다.", "Every thread waits and nothing can wake them.")
	}
	cycle := t.cycles[0]
	parts := make([]string, len(cycle))
	for i, w := range cycle {
		parts[i] = waitText(w, lang)
	}
	return tr(lang, fmt.Sprintf("스레드 %d개가 순환 대기합니다: ", len(cycle)), fmt.Sprintf("%d threads wait in a cycle: ", len(cycle))) +
		strings.Join(parts, "; ") + "."
}

// waitText is one edge of the wait-for graph for people.
func waitText(w kernel.WaitEdge, lang string) string {
	var ko, en string
	switch w.Kind {
	case kernel.WaitJoin:
		ko, en = fmt.Sprintf("스레드 %d: 스레드 %d의 종료 대기", w.TID, w.Holder), fmt.Sprintf("thread %d waits for thread %d to exit", w.TID, w.Holder)
	default:
		ko = fmt.Sprintf("스레드 %d: %s 0x%x 대기 (쥔 스레드: %d)", w.TID, w.Kind, w.Addr, w.Holder)
		en = fmt.Sprintf("thread %d waits for %s 0x%x held by thread %d", w.TID, w.Kind, w.Addr, w.Holder)
	}
	if w.Line > 0 {
		ko += fmt.Sprintf(", %s %d번째 줄", w.File, w.Line)
		en += fmt.Sprintf(" at %s:%d", w.File, w.Line)
	}
	return tr(lang, ko, en)
}

// findSpins lists, after a run stopped at the instruction limit, every
// thread blocked on a lock whose holder can still run (kernel's Spinners).
func findSpins(m *kernel.Machine, err error) []kernel.WaitEdge {
	var le *kernel.LimitError
	if !errors.As(err, &le) || le.Limit != kernel.LimitTicks {
		return nil
	}
	return m.Spinners()
}

// spinText explains the spins found at the instruction limit.
func spinText(spins []kernel.WaitEdge, lang string) string {
	var parts []string
	for _, s := range spins {
		parts = append(parts, tr(lang,
			fmt.Sprintf("스레드 %d: %s 대기 — 그것을 쥔 스레드(%d)는 아무것도 기다리지 않고 계속 실행 중입니다 (락을 쥔 채 바쁜 대기)", s.TID, s.Kind, s.Holder),
			fmt.Sprintf("thread %d waits for a %s that thread %d holds, and thread %d waits for nothing but keeps running (busy waiting while holding the lock)", s.TID, s.Kind, s.Holder, s.Holder)))
	}
	return strings.Join(parts, "; ")
}
