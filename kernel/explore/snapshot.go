package explore

import (
	"bytes"
	"io"
	"maps"
	"math"
	"slices"
	"time"

	"osplay/kernel"
)

// A search's runs share their beginning: until the first scheduling point
// with a choice (two threads that could run), every schedule is the
// default one. So the beginning is run once, and each run starts from a
// clone of the machine stopped just before that point (kernel.Machine.Clone)
// rather than from a fresh machine that loads the program, starts it and
// runs it there again.
//
// A run from the snapshot is the run from a fresh machine, event for
// event: its controller starts with the snapshot's count of points, its
// strategy is shown the points of the beginning (a PCT run draws the
// priorities of the threads it meets there), and the events and output of
// the beginning are handed to the run as if it had made them. The search
// checks this once, on the default schedule, and explores from fresh
// machines if the two ever differ, or if a clone costs more than a fresh
// start run to the same point (measured once). A replay (Machine) always
// starts fresh.

// snapshots says whether a search starts its runs from a snapshot: when
// cheaper (the default), or, for the benchmarks, always or never.
var snapshots = snapshotsAuto

const (
	snapshotsAuto = iota
	snapshotsOn
	snapshotsOff
)

// snapshot is a machine stopped before its first choice, and what the
// beginning did.
type snapshot struct {
	m              *kernel.Machine
	points         []point // the beginning's points, for a strategy to see
	n, last        int     // the controller's count of points and the thread that ran last
	steps          map[int]int
	threads        map[int]bool
	events         []kernel.Event
	stdout, stderr []byte
}

// recorder is the beginning's strategy: the default, and a note of every
// point.
type recorder struct{ points []point }

func (r *recorder) choose(p point) int {
	p.Options = slices.Clone(p.Options)
	r.points = append(r.points, p)
	return 0
}

// takeSnapshot runs target to just before its first choice, which first,
// its run under the default schedule, met, and checks that the default
// schedule run from there is the one run from a fresh machine. It returns nil when the program has no choice to make,
// when the beginning cannot be stopped there, or when the two runs differ:
// the search then runs every schedule from a fresh machine.
func takeSnapshot(target Target, first Outcome) *snapshot {
	if first.firstChoice < 0 {
		return nil
	}
	target.Config.OnEvent = nil // the checks' runs are the search's own
	fresh, err := runOnce(target, defaults{}, true)
	if err != nil {
		return nil
	}

	// The beginning, stopped there.
	sn := &snapshot{}
	rec := &recorder{}
	var out, errb bytes.Buffer
	cfg := Config(target)
	cfg.Stdout, cfg.Stderr = &out, &errb
	cfg.OnEvent = func(e kernel.Event) { sn.events = append(sn.events, e) }
	m, c := newMachine(cfg, rec)
	if err := m.Start(target.Argv); err != nil {
		return nil
	}
	m.RunTo(first.firstTick)
	if m.Done() || c.firstChoice >= 0 || c.n != first.firstChoice || c.streak != 0 || len(c.switches) > 0 {
		return nil
	}
	sn.m, sn.points = m, rec.points
	sn.n, sn.last, sn.steps, sn.threads = c.n, c.last, c.steps, c.threads
	sn.stdout, sn.stderr = out.Bytes(), errb.Bytes()

	// The default schedule from there must be the fresh one.
	target.snap = sn
	again, err := runOnce(target, defaults{}, true)
	if err != nil || !sameRun(again, fresh) {
		return nil
	}
	return sn
}

// cheaper reports whether a run's machine is made sooner by cloning the
// snapshot than by starting a fresh machine, the best of three each. A
// short beginning (a program that starts its threads first thing) can
// cost less to run again than its machine's objects to copy; a long one
// (a program that computes, or reads its input, before its threads
// start) costs more.
func cheaper(sn *snapshot, target Target) bool {
	best := func(f func()) time.Duration {
		d := time.Duration(math.MaxInt64)
		for range 3 {
			start := time.Now()
			f()
			d = min(d, time.Since(start))
		}
		return d
	}
	clone := best(func() { sn.m.Clone(kernel.Attach{}) })
	fresh := best(func() {
		cfg := Config(target)
		cfg.OnEvent, cfg.Stdout, cfg.Stderr = func(kernel.Event) {}, io.Discard, io.Discard
		m, _ := newMachine(cfg, &recorder{})
		if m.Start(target.Argv) == nil {
			m.RunTo(sn.m.Now())
		}
	})
	return clone < fresh
}

// sameRun reports whether two runs did the same, event for event.
func sameRun(a, b Outcome) bool {
	return a.Stream == b.Stream && a.Events == b.Events && bytes.Equal(a.Stdout, b.Stdout) && bytes.Equal(a.Stderr, b.Stderr) &&
		a.Points == b.Points && a.Threads == b.Threads && slices.Equal(a.Switches, b.Switches) &&
		a.Result.Status == b.Result.Status && a.Result.Ticks == b.Result.Ticks && a.Result.CPUTicks == b.Result.CPUTicks &&
		errText(a.Result.Err) == errText(b.Result.Err)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// start makes the machine of a run under s from the snapshot: a clone
// with a controller that has seen the beginning, out and errb holding
// its output and onEvent its events.
func (sn *snapshot) start(s strategy, out, errb *bytes.Buffer, onEvent func(kernel.Event)) (*kernel.Machine, *controller, error) {
	c := newController(s)
	for _, p := range sn.points {
		s.choose(p)
	}
	c.n, c.last = sn.n, sn.last
	c.steps, c.threads = maps.Clone(sn.steps), maps.Clone(sn.threads)
	out.Write(sn.stdout)
	errb.Write(sn.stderr)
	for _, e := range sn.events {
		onEvent(e)
	}
	m, err := sn.m.Clone(kernel.Attach{Stdout: out, Stderr: errb, OnEvent: onEvent, Chooser: c})
	if err != nil {
		return nil, nil, err
	}
	c.m = m
	return m, c, nil
}
