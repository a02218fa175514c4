package exercises

import (
	"fmt"
	"slices"
	"strconv"

	"osplay/kernel"
	"osplay/kernel/sched"
)

// WithOverrides returns r with settings taken from q — a page's URL query,
// as /x/nfork?sched=fcfs&quantum=4 — applied: sched, quantum, cpus, seed,
// ctxswitch, childFirst and monitor. Other keys (lang, view) are not settings and
// are left alone. A locked setting is not changed but listed in ignored,
// so the page can say why; a bad value is an error for the student.
//
// The checks of an exercise always run with its own settings: an
// override changes what the student explores, never what is graded.
func (r Run) WithOverrides(q map[string]string) (out Run, ignored []string, err error) {
	out = r
	for _, name := range Settings {
		v, ok := q[name]
		if !ok {
			continue
		}
		if r.IsLocked(name) {
			ignored = append(ignored, name)
			continue
		}
		bad := func(want string) error { return fmt.Errorf("%s=%q: %s", name, v, want) }
		switch name {
		case "sched":
			if !slices.Contains(sched.Names(), v) {
				return r, nil, bad(fmt.Sprintf("one of %v", sched.Names()))
			}
			out.Sched = v
		case "quantum", "seed", "ctxswitch":
			n, perr := strconv.ParseInt(v, 10, 64)
			switch {
			case perr != nil:
				return r, nil, bad("a whole number")
			case name == "quantum" && (n < 1 || n > 1_000_000):
				return r, nil, bad("from 1 to 1000000 ticks")
			case name == "ctxswitch" && (n < 0 || n > 10_000):
				return r, nil, bad("from 0 to 10000 ticks")
			}
			switch name {
			case "quantum":
				out.Quantum = n
			case "seed":
				out.Seed = n
			default:
				out.CtxSwitch = n
			}
		case "cpus":
			n, perr := strconv.Atoi(v)
			if perr != nil || n < 1 || n > kernel.MaxCPUs {
				return r, nil, bad(fmt.Sprintf("from 1 to %d", kernel.MaxCPUs))
			}
			out.CPUs = n
		case "childFirst":
			b, perr := strconv.ParseBool(v)
			if perr != nil {
				return r, nil, bad("true or false")
			}
			out.ChildFirst = b
		case "monitor":
			if checkMonitor(v) != nil || v == "" {
				return r, nil, bad("hoare or mesa")
			}
			out.Monitor = v
		}
	}
	return out, ignored, nil
}

// checkMonitor validates a monitor semantics: "" (the kernel's default),
// hoare or mesa.
func checkMonitor(v string) error {
	switch v {
	case "", kernel.MonitorHoare, kernel.MonitorMesa:
		return nil
	}
	return fmt.Errorf("monitor %q: hoare or mesa", v)
}
