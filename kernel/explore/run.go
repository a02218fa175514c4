package explore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"osplay/kernel"
	"osplay/kernel/msg"
)

// Target is the program to explore: the machine's configuration (its
// files, limits, options) and the command line. The explorer sets the
// scheduler (the manual policy, answered by its chooser), one CPU, and the
// console; everything else is the target's. Config.OnEvent sees only the
// counterexample's final run (and a replay's), never the search's runs,
// which several goroutines make at once.
type Target struct {
	Config kernel.Config
	Argv   []string
	Stdin  string // standard input of every run (then end of file)
	// Drive, if set, runs a started machine as far as Run would: a server
	// runs it a slice at a time on its CPU share, under a deadline. An
	// error ends the search with that error.
	Drive func(m *kernel.Machine) error

	snap *snapshot // the runs' common beginning, when a search took it
}

// DefaultMaxTicks bounds one run when the target sets no tick limit: a
// schedule that makes a program spin for longer is reported as a failure.
const DefaultMaxTicks = 2_000_000

// Machine returns a machine for target that runs schedule s: the
// switches of s where they apply, the default schedule elsewhere. Start
// it with target.Argv. It is how a counterexample is replayed.
func Machine(target Target, s Schedule) *kernel.Machine {
	m, _ := newMachine(Config(target), newFollow(s.Switches))
	return m
}

// Config is the configuration the explorer gives target's runs, without
// the chooser.
func Config(target Target) kernel.Config {
	cfg := target.Config
	cfg.Sched, cfg.CPUs, cfg.Quantum = "manual", 1, 0
	if cfg.MaxTicks <= 0 {
		cfg.MaxTicks = DefaultMaxTicks
	}
	if cfg.Stdin == nil {
		cfg.Stdin = strings.NewReader(target.Stdin)
	}
	return cfg
}

func newMachine(cfg kernel.Config, s strategy) (*kernel.Machine, *controller) {
	c := newController(s)
	cfg.Chooser = c
	m := kernel.New(cfg)
	c.m = m
	return m, c
}

// Outcome is what one run did.
type Outcome struct {
	Stdout, Stderr []byte
	Result         kernel.Result
	Points         int           // scheduling points
	Threads        int           // threads seen at them
	Switches       []Switch      // the switches it made
	Deadlock       *kernel.Event // the first cycle the kernel reported
	Crash          *kernel.Event // the first process killed by a signal
	Race           *kernel.Event // the first data race (Config.DetectRaces)
	Stream         string        // hash of the event stream, when recorded
	Events         int           // events in it

	// The first point with a choice: its number (-1: none) and tick.
	firstChoice int
	firstTick   int64
}

// runOnce runs target under s. With record, it hashes the event stream
// as the kernel's pinned streams are hashed (each event's String, one a
// line).
func runOnce(target Target, s strategy, record bool) (Outcome, error) {
	var out, errb bytes.Buffer
	var o Outcome
	h := sha256.New()
	onEvent := target.Config.OnEvent
	setup := func(e kernel.Event) {
		switch e.Kind {
		case kernel.KindDeadlock:
			if o.Deadlock == nil {
				ev := e
				o.Deadlock = &ev
			}
		case kernel.KindRace:
			if o.Race == nil {
				ev := e
				o.Race = &ev
			}
		case kernel.KindExit:
			if e.Status&0x7f != 0 && o.Crash == nil {
				ev := e
				o.Crash = &ev
			}
		}
		if record {
			h.Write([]byte(e.String()))
			h.Write([]byte{'\n'})
			o.Events++
		}
		if onEvent != nil && record {
			onEvent(e)
		}
	}
	var m *kernel.Machine
	var c *controller
	if target.snap != nil {
		var err error
		if m, c, err = target.snap.start(s, &out, &errb, setup); err != nil {
			return o, err
		}
	} else {
		cfg := Config(target)
		cfg.Stdout, cfg.Stderr, cfg.OnEvent = &out, &errb, setup
		m, c = newMachine(cfg, s)
		if err := m.Start(target.Argv); err != nil {
			return o, err
		}
	}
	if target.Drive != nil {
		if err := target.Drive(m); err != nil {
			return o, err
		}
		o.Result = m.Result()
	} else {
		o.Result = m.Run()
	}
	o.Stdout, o.Stderr = out.Bytes(), errb.Bytes()
	o.Points, o.Threads, o.Switches = c.n, len(c.threads), c.switches
	o.firstChoice, o.firstTick = c.firstChoice, c.firstTickAt
	if record {
		o.Stream = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return o, nil
}

// Expected is what a run must do to pass.
type Expected struct {
	Stdout   string
	ExitCode int // as a shell's $? shows it
	// Any: every output and exit status passes; only a crash, a
	// deadlock, a limit, a race (when looked for) or Check fails a run.
	// It is how every output of a program is collected.
	Any bool
}

// Failure says why a run failed: a code of the catalogue with its
// arguments (msg.Explore*, or msg.RaceFound when the target looks for data
// races: a race fails the run).
type Failure struct {
	Why msg.Text
	// Deadlock is the cycle when Why is a deadlock.
	Deadlock []kernel.WaitEdge
}

// judge is why o fails against want, or nil when it passes.
func judge(o Outcome, want Expected, check func(Outcome) *Failure) *Failure {
	if o.Deadlock != nil {
		return &Failure{Why: msg.New(msg.ExploreDeadlock), Deadlock: o.Deadlock.Waits}
	}
	var de *kernel.DeadlockError
	if errors.As(o.Result.Err, &de) {
		return &Failure{Why: msg.New(msg.ExploreDeadlock), Deadlock: de.Waits}
	}
	if o.Crash != nil {
		return &Failure{Why: msg.New(msg.ExploreCrash, msg.Task("who", o.Crash.PID, o.Crash.TID), msg.Name("sig", kernel.SignalName(o.Crash.Status&0x7f)))}
	}
	if o.Race != nil {
		return &Failure{Why: o.Race.Msg}
	}
	var le *kernel.LimitError
	if errors.As(o.Result.Err, &le) {
		return &Failure{Why: msg.New(msg.ExploreLimit, msg.Int("ticks", le.Value))}
	}
	if o.Result.Err != nil {
		return &Failure{Why: msg.New(msg.HaltInternal, msg.Name("err", o.Result.Err.Error()))}
	}
	if want.Any {
		if check != nil {
			return check(o)
		}
		return nil
	}
	if got := o.Result.ExitCode(); got != want.ExitCode {
		return &Failure{Why: msg.New(msg.ExploreStatus, msg.Int("got", got), msg.Int("want", want.ExitCode))}
	}
	if got := string(o.Stdout); got != want.Stdout {
		line, g, w := firstDifference(got, want.Stdout)
		return &Failure{Why: msg.New(msg.ExploreOutput, msg.Int("line", line), msg.Name("got", g), msg.Name("want", w))}
	}
	if check != nil {
		return check(o)
	}
	return nil
}

// firstDifference is the first line where got and want differ (from 1),
// each quoted; a missing line reads "end of output".
func firstDifference(got, want string) (int, string, string) {
	g, w := strings.SplitAfter(got, "\n"), strings.SplitAfter(want, "\n")
	for i := 0; ; i++ {
		gl, wl := "end of output", "end of output"
		if i < len(g) && g[i] != "" {
			gl = quote(g[i])
		}
		if i < len(w) && w[i] != "" {
			wl = quote(w[i])
		}
		if gl != wl || i >= len(g) && i >= len(w) {
			return i + 1, gl, wl
		}
	}
}

func quote(line string) string {
	line = strings.TrimSuffix(line, "\n")
	if len(line) > 80 {
		line = line[:77] + "..."
	}
	return "\"" + line + "\""
}
