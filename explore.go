package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"osplay/kernel"
	"osplay/kernel/explore"
	"osplay/kernel/fs/hostdir"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// exploreCmd is "osplay explore": the program runs under many schedules;
// the first that fails is printed with the command that replays it (exit
// 1), or none failed within the bound (exit 0).
func exploreCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("osplay explore", flag.ContinueOnError)
	fl.SetOutput(stderr)
	strategy := fl.String("strategy", explore.PCT, "how to choose schedules: pct, exhaustive or random")
	runs := fl.Int("runs", 0, fmt.Sprintf("schedules to try (pct, random: %d; exhaustive: at most %d)", explore.DefaultRuns, explore.DefaultMaxRuns))
	depth := fl.Int("depth", explore.DefaultDepth, fmt.Sprintf("pct: priority change points per run, 0 to %d: the preemptions a run may insert, so depth D finds a bug that needs D preemptions", explore.MaxDepth))
	preemptions := fl.Int("preemptions", explore.DefaultPreemptions, "exhaustive: preemptions per schedule, K")
	seed := fl.Int64("seed", 0, "seed of the first run (run i uses seed+i)")
	policy := fl.String("sched", "", "the expected output is the program's under this policy (default: under the explorer's default schedule)")
	expectOutput := fl.String("expect-output", "", "file holding the expected standard output (default: the first run's)")
	expectStatus := fl.Int("expect-status", -1, "the expected exit status (default: the first run's)")
	maxTicks := fl.Int64("max-ticks", explore.DefaultMaxTicks, "ticks one run may take; a run that takes longer fails")
	lang := fl.String("lang", langDefault(), "language of the report: en or ko")
	races := fl.Bool("races", false, "a data race fails a run too")
	fl.Usage = func() {
		fmt.Fprint(stderr, "usage: osplay explore [flags] FILE.c [ARGS...]\n\nflags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	if !slices.Contains(msg.Languages(), *lang) {
		fmt.Fprintf(stderr, "osplay: --lang %q: choose one of %s\n", *lang, strings.Join(msg.Languages(), ", "))
		return 2
	}
	opt := explore.Options{Strategy: *strategy, Runs: *runs, Depth: *depth, Preemptions: *preemptions, Seed: *seed}
	if *preemptions == 0 {
		opt.Preemptions = -1 // none, rather than the default
	}
	if *depth == 0 {
		opt.Depth = -1
	}
	if err := explore.CheckOptions(opt); err != nil {
		fmt.Fprintf(stderr, "osplay explore: %v\n", err)
		return 2
	}
	file := fl.Arg(0)
	if !strings.HasSuffix(file, ".c") {
		fmt.Fprintf(stderr, "osplay: %s: not a C file (FILE.c)\n", file)
		return 2
	}
	files, err := hostdir.Read(filepath.Dir(file))
	if err != nil {
		fmt.Fprintf(stderr, "osplay: %v\n", err)
		return 1
	}
	if _, err := files.Stat(filepath.Base(file)); err != nil {
		fmt.Fprintf(stderr, "osplay: %s: no such file\n", file)
		return 1
	}
	argv := append([]string{filepath.Base(file)}, fl.Args()[1:]...)
	target := explore.Target{Config: kernel.Config{Files: files, MaxTicks: *maxTicks, DetectRaces: *races}, Argv: argv}

	if *policy != "" || *expectOutput != "" || *expectStatus >= 0 {
		want, err := expected(target, *policy, *expectOutput, *expectStatus)
		if err != nil {
			fmt.Fprintf(stderr, "osplay explore: %v\n", err)
			return 1
		}
		opt.Expect = &want
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if isTerminal(stderr) {
		opt.Progress = func(p explore.Progress) {
			fmt.Fprintf(stderr, "\r\033[K%s", progressLine(p))
		}
	}
	r, err := explore.Explore(ctx, target, opt)
	if opt.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintf(stderr, "osplay explore: %v\n", err)
		return 1
	}
	how := progressLine(r.Progress)
	cx := r.Counterexample
	if cx == nil {
		switch {
		case r.Stopped:
			fmt.Fprintf(stdout, "stopped: no failing schedule so far (%s)\n", how)
		case r.Exhausted:
			fmt.Fprintf(stdout, "no failing schedule: every schedule with at most %d preemptions passed (%s)\n", r.Preemptions, how)
		default:
			fmt.Fprintf(stdout, "no failing schedule (%s)\n", how)
		}
		return 0
	}
	fmt.Fprintf(stdout, "failing schedule found at run %d (%s)\n", cx.Run, how)
	fmt.Fprintf(stdout, "  %s\n", cx.Failure.Why.In(*lang))
	for _, w := range cx.Failure.Deadlock {
		fmt.Fprintf(stdout, "  %s\n", w.Text().In(*lang))
	}
	fmt.Fprintf(stdout, "  schedule: %s (%s, %s; %s as found)\n", cx.Schedule,
		plural(cx.Schedule.Preemptions(), "preemption"), plural(len(cx.Schedule.Switches), "switch"), plural(len(cx.Found.Switches), "switch"))
	if cx.Run == 1 {
		fmt.Fprintln(stdout, "  the default schedule fails: the running thread runs on, a free CPU takes the head of the ready queue")
	} else if cx.Found.Strategy != explore.Exhaustive {
		fmt.Fprintf(stdout, "  found by %s with seed %d\n", cx.Found.Strategy, cx.Found.Seed)
	}
	fmt.Fprintf(stdout, "  events: %d, their trace hashes to %s (sha256, first 16 digits)\n", cx.Outcome.Events, cx.Outcome.Stream)
	replay := []string{"osplay", "run", "--schedule", cx.Schedule.String()}
	if *maxTicks != explore.DefaultMaxTicks || cx.Failure.Why.Code == msg.ExploreLimit {
		replay = append(replay, "--max-ticks", fmt.Sprint(*maxTicks))
	}
	if *races {
		replay = append(replay, "--races")
	}
	replay = append(replay, file)
	fmt.Fprintf(stdout, "  replay: %s\n", shellQuote(append(replay, fl.Args()[1:]...)))
	return 1
}

// progressLine says how far a search has come.
func progressLine(p explore.Progress) string {
	s := p.Strategy
	switch p.Strategy {
	case explore.PCT:
		s += fmt.Sprintf(" depth %d: %s per run", p.Depth, plural(p.Depth, "change point"))
	case explore.Exhaustive:
		s += fmt.Sprintf(" ≤%d preemptions", p.Preemptions)
	}
	s += fmt.Sprintf(", %d runs, %.0f runs/s", p.Runs, p.PerSecond)
	if p.Strategy == explore.PCT {
		s += fmt.Sprintf(", %d threads, %d steps: a bug that needs %s found with probability ≥ %.3g", p.Threads, p.Steps, plural(p.Depth, "preemption"), p.Bound)
	}
	return s
}

// expected is what a run must do: the output of the file, else of a run
// under policy, else of the default schedule; the status likewise.
func expected(target explore.Target, policy, outputFile string, status int) (explore.Expected, error) {
	var want explore.Expected
	if policy != "" || outputFile == "" || status < 0 {
		var out strings.Builder
		target.Config.Stdout = &out
		m := explore.Machine(target, explore.Schedule{})
		if policy != "" {
			if _, _, err := sched.ParseSpec(policy); err != nil {
				return want, err
			}
			cfg := explore.Config(target)
			cfg.Sched = policy
			m = kernel.New(cfg)
		}
		if err := m.Start(target.Argv); err != nil {
			return want, err
		}
		res := m.Run()
		if res.Err != nil || !m.Done() {
			return want, fmt.Errorf("the reference run did not end: %v", res.Err)
		}
		want = explore.Expected{Stdout: out.String(), ExitCode: res.ExitCode()}
	}
	if outputFile != "" {
		b, err := os.ReadFile(outputFile)
		if err != nil {
			return want, err
		}
		want.Stdout = string(b)
	}
	if status >= 0 {
		want.ExitCode = status
	}
	return want, nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// shellQuote joins args as a shell reads them back.
func shellQuote(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.IndexFunc(a, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./@:,=+", r))
		}) < 0 {
			out[i] = a
		} else {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}

// plural is "1 switch", "2 switches".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "ch") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
