package explore

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"
)

// Strategy names.
const (
	PCT        = "pct"
	Exhaustive = "exhaustive"
	Random     = "random"
)

// Defaults of Options.
const (
	DefaultRuns        = 1000
	DefaultDepth       = 2
	DefaultPreemptions = 2
	DefaultMaxRuns     = 100_000 // exhaustive: the bound on runs however many schedules remain
	MaxDepth           = 10
	maxShrinkRuns      = 400
)

// Options configure a search. The zero value of every field means its
// default.
type Options struct {
	Strategy string // PCT (default), Exhaustive or Random
	Runs     int    // PCT, random: schedules to try (DefaultRuns); exhaustive: at most this many (DefaultMaxRuns)
	// Depth is, for PCT, the priority change points of a run, 1 to
	// MaxDepth (DefaultDepth); -1 for none. A run with D change points
	// may preempt D times and finds a bug that needs D preemptions (of
	// depth D+1 in the PCT paper's terms) with probability at least
	// 1/(n·k^D).
	Depth       int
	Preemptions int   // exhaustive: K, preemptions per schedule (DefaultPreemptions); -1 for none
	Seed        int64 // the first run's seed; run i uses Seed+i
	Workers     int   // runs at once (GOMAXPROCS); exhaustive runs one at a time
	// Expect is what a run must do; nil: what the run under the default
	// schedule does, unless that run fails itself.
	Expect *Expected
	// Check, if set, judges a run that did what was expected: a failing
	// exercise check, say.
	Check func(Outcome) *Failure
	// Progress, if set, is called now and then (every ProgressEvery) and
	// once at the end, from Explore's goroutine.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress is how far a search has come.
type Progress struct {
	Strategy    string
	Runs        int // schedules run
	Elapsed     time.Duration
	PerSecond   float64 // runs per second of host time
	Depth       int     // PCT: change points per run
	Preemptions int     // exhaustive: the bound
	// Bound is, for PCT, the probability that the runs so far found a bug
	// that needs at most Depth preemptions if there is one:
	// 1 − (1 − p)^Runs with p = 1/(n·k^Depth) for n threads and k steps;
	// for exhaustive, 1 once every schedule within the bound ran. 0 for
	// random, which promises nothing.
	Bound     float64
	Threads   int // n
	Steps     int // k
	Exhausted bool
}

// Report is the result of a search.
type Report struct {
	Progress
	Expected Expected
	// Counterexample is the first failing schedule found, shortened, or
	// nil when none failed within the bound.
	Counterexample *Counterexample
	Stopped        bool // the context ended the search early
}

// Counterexample is a failing run: its schedule (shortened to the fewest
// switches that still fail), why it fails, and what it did.
type Counterexample struct {
	Schedule Schedule
	Found    Schedule // the schedule as the search found it, before shortening
	Run      int      // the run that found it, from 1
	Failure  Failure
	Outcome  Outcome // of the shortened schedule, with its event stream's hash
}

// Explore searches target's schedules for one that fails.
func Explore(ctx context.Context, target Target, opt Options) (Report, error) {
	opt = opt.withDefaults()
	r := Report{Progress: Progress{Strategy: opt.Strategy, Depth: opt.Depth, Preemptions: opt.Preemptions}}
	if opt.Strategy != PCT || opt.Depth < 0 {
		r.Depth = 0
	}
	if opt.Strategy != Exhaustive {
		r.Preemptions = 0
	}
	start := time.Now()
	first, err := runOnce(target, defaults{}, false)
	if err != nil {
		return r, err
	}
	r.Runs = 1
	if snapshots != snapshotsOff {
		if sn := takeSnapshot(target, first); sn != nil && (snapshots == snapshotsOn || cheaper(sn, target)) {
			target.snap = sn
		}
	}
	r.Threads, r.Steps = max(first.Threads, 1), max(first.Points, 1)
	if opt.Expect != nil {
		r.Expected = *opt.Expect
	} else {
		r.Expected = Expected{Stdout: string(first.Stdout), ExitCode: first.Result.ExitCode()}
	}
	s := &search{target: target, opt: opt, report: &r, start: start, lastProgress: start}
	if f := judge(first, r.Expected, opt.Check); f != nil {
		s.found(1, Schedule{Strategy: opt.Strategy}, *f)
	} else {
		switch opt.Strategy {
		case Exhaustive:
			err = s.exhaustive(ctx)
		default:
			err = s.sample(ctx)
		}
	}
	if ctx.Err() != nil && r.Counterexample == nil && !r.Exhausted {
		r.Stopped = true
	}
	s.progress(true)
	if s.frozen && opt.Progress != nil {
		opt.Progress(r.Progress)
	}
	return r, err
}

func (o Options) withDefaults() Options {
	if o.Strategy == "" {
		o.Strategy = PCT
	}
	if o.Depth == 0 {
		o.Depth = DefaultDepth
	}
	o.Depth = min(max(o.Depth, -1), MaxDepth)
	if o.Preemptions == 0 {
		o.Preemptions = DefaultPreemptions
	}
	o.Preemptions = max(o.Preemptions, 0)
	if o.Runs <= 0 {
		o.Runs = DefaultRuns
		if o.Strategy == Exhaustive {
			o.Runs = DefaultMaxRuns
		}
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 200 * time.Millisecond
	}
	return o
}

// CheckOptions reports what is wrong with opt's strategy and bounds.
func CheckOptions(opt Options) error {
	switch opt.Strategy {
	case "", PCT, Exhaustive, Random:
	default:
		return fmt.Errorf("unknown strategy %q (choose pct, exhaustive or random)", opt.Strategy)
	}
	if opt.Depth < -1 || opt.Depth > MaxDepth {
		return fmt.Errorf("depth %d: choose 0 to %d", opt.Depth, MaxDepth)
	}
	if opt.Runs < 0 {
		return fmt.Errorf("runs %d: choose 1 or more", opt.Runs)
	}
	return nil
}

// search is one Explore in progress.
type search struct {
	target       Target
	opt          Options
	report       *Report
	start        time.Time
	lastProgress time.Time
	frozen       bool // a failure was found: the figures stay those of the search
}

func (s *search) progress(final bool) {
	r := s.report
	now := time.Now()
	if s.frozen {
		return
	}
	r.Elapsed = now.Sub(s.start)
	if r.Elapsed > 0 {
		r.PerSecond = float64(r.Runs) / r.Elapsed.Seconds()
	}
	if s.opt.Strategy == PCT {
		p := 1 / (float64(r.Threads) * math.Pow(float64(r.Steps), float64(r.Depth)))
		r.Bound = 1 - math.Pow(1-p, float64(r.Runs-1))
	}
	if s.opt.Progress != nil && (final || now.Sub(s.lastProgress) >= s.opt.ProgressEvery) {
		s.lastProgress = now
		s.opt.Progress(r.Progress)
	}
}

// sample runs PCT or random schedules, Workers at once; the failure
// reported is the one of the lowest run number, whatever order the runs
// end in, so that a search is a function of its options.
func (s *search) sample(ctx context.Context) error {
	type result struct {
		i   int
		o   Outcome
		err error
	}
	n := s.opt.Runs
	jobs := make(chan int)
	results := make(chan result)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for w := 0; w < s.opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				o, err := runOnce(s.target, s.strategyFor(i), false)
				select {
				case results <- result{i, o, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := 1; i < n; i++ {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	done := map[int]result{}
	next := 1
	for res := range results {
		done[res.i] = res
		for {
			d, ok := done[next]
			if !ok {
				break
			}
			delete(done, next)
			next++
			s.report.Runs++
			if d.err != nil {
				return d.err
			}
			if f := judge(d.o, s.report.Expected, s.opt.Check); f != nil {
				cancel()
				sched := Schedule{Strategy: s.opt.Strategy, Seed: s.opt.Seed + int64(d.i), Switches: d.o.Switches}
				if s.opt.Strategy == PCT {
					sched.Depth = s.report.Depth
				}
				s.found(s.report.Runs, sched, *f)
				return nil
			}
			s.progress(false)
		}
	}
	return nil
}

// strategyFor is run i's strategy.
func (s *search) strategyFor(i int) strategy {
	seed := s.opt.Seed + int64(i)
	if s.opt.Strategy == Random {
		return newRandom(seed)
	}
	return newPCT(seed, s.report.Depth, s.report.Steps)
}

// found shortens the failing schedule and reports it.
func (s *search) found(run int, sched Schedule, f Failure) {
	s.progress(true)
	s.frozen = true
	fails := func(o Outcome) bool { return judge(o, s.report.Expected, s.opt.Check) != nil }
	short := shortest(s.target, shrink(s.target, sched.Switches, fails), fails)
	o, err := runOnce(s.target, newFollow(short), true)
	final := f
	if err == nil {
		if g := judge(o, s.report.Expected, s.opt.Check); g != nil {
			final = *g
		}
	}
	out := sched
	out.Switches = o.Switches
	if err != nil {
		// The replay was stopped (Target.Drive): the schedule as found
		// still fails.
		out.Switches = sched.Switches
	}
	s.report.Counterexample = &Counterexample{Schedule: out, Found: sched, Run: run, Failure: final, Outcome: o}
}
