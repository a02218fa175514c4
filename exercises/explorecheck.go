package exercises

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"osplay/kernel"
	"osplay/kernel/explore"
	"osplay/kernel/msg"
)

// The checks of concurrency: the schedule explorer (kernel/explore) and
// the race detector (Config.DetectRaces).
//
//	- id: correct                 no failing schedule within the bound;
//	  type: explore               expect: fails passes when one is found
//	  strategy: exhaustive        exhaustive (default), pct or random
//	  preemptions: 2              exhaustive: K (default 2)
//	  runs: 500                   schedules at most (maxExploreRuns)
//	  depth: 2                    pct: the bug depth
//	  races: true                 a data race fails a run
//	  lines: |                    the expected output (exit status 0);
//	    total 4                   default: the output of the run under the
//	                              explorer's default schedule
//	- id: clean                   races: expect none (default) or race,
//	  type: races                 with var naming the variable a race must
//	  expect: race                be reported on
//	  var: counter
//	- id: balance-lock            the lock held at every access of var by
//	  type: guards                the threads that shared it (none: no lock
//	  var: balance                was held at every access)
//	  lock: m1
//
// An explore check runs the program many times; it is bounded like a run:
// each schedule by exploreMaxTicks (or the exercise's maxTicks, if less)
// and the exercise's process and memory limits, the search by
// maxExploreRuns schedules and exploreTime of host time. A question's
// verify may measure an explore check: the number of distinct outputs
// over every schedule within the bound; and a choice question's verify a
// guards check: its answer is the lock's name, or none.

// Bounds of an explore check.
const (
	maxExploreRuns  = 5_000
	exploreMaxTicks = 200_000
	exploreTime     = 20 * time.Second
	// maxOutputsKept bounds the distinct outputs an explore verify counts.
	maxOutputsKept = 1_000
)

// exploreTimeLimit is exploreTime; the tests shorten it.
var exploreTimeLimit = exploreTime

func (c *Check) validateExplore(verify bool, bad func(field, format string, args ...any)) {
	switch c.Type {
	case CheckExplore:
		if !slices.Contains([]string{"", "passes", "fails"}, c.Expect) {
			bad("expect", "%q: use passes (no failing schedule, the default) or fails", c.Expect)
		}
		if !slices.Contains([]string{"", explore.Exhaustive, explore.PCT, explore.Random}, c.Strategy) {
			bad("strategy", "%q: use exhaustive, pct or random", c.Strategy)
		}
		if c.Preemptions < 0 || c.Preemptions > 3 {
			bad("preemptions", "%d: choose 0 to 3 (0: the default, 2)", c.Preemptions)
		}
		if c.Preemptions != 0 && c.Strategy != "" && c.Strategy != explore.Exhaustive {
			bad("preemptions", "bounds only the exhaustive search")
		}
		if c.Runs < 0 || c.Runs > maxExploreRuns {
			bad("runs", "%d: choose 1 to %d", c.Runs, maxExploreRuns)
		}
		if c.Depth < 0 || c.Depth > 3 {
			bad("depth", "%d: choose 1 to 3", c.Depth)
		}
		if c.Depth != 0 && c.Strategy != explore.PCT {
			bad("depth", "is the depth of strategy pct")
		}
		if verify && (c.Expect != "" || len(c.Lines) > 0) {
			bad("expect", "a verify measurement counts every output: no expect, no lines")
		}
	case CheckRaces:
		if verify {
			bad("type", "a verify measurement must be a number or a lock")
		}
		if !slices.Contains([]string{"", "none", "race"}, c.Expect) {
			bad("expect", "%q: use none (no race, the default) or race", c.Expect)
		}
		if c.Var != "" && c.Expect != "race" {
			bad("var", "names the variable a race is expected on: needs expect: race")
		}
	case CheckGuards:
		if c.Var == "" {
			bad("var", "name the shared variable")
		}
		if verify && c.Lock != "" {
			bad("lock", "a verify measurement has no lock: the question's answer is the lock")
		}
		if !verify && c.Lock == "" {
			bad("lock", "name the lock that protects var, or none")
		}
	}
}

// detectsRaces reports whether x's run needs the race detector.
func (x *Exercise) detectsRaces() bool {
	for _, c := range x.Checks {
		if c.Type == CheckRaces || c.Type == CheckGuards || c.Verify != nil && c.Verify.Type == CheckGuards {
			return true
		}
	}
	return false
}

// raceHit is a data race the detector reported: the process and address.
type raceHit struct {
	pid  int
	addr uint64
	text msg.Text
}

const maxRacesKept = 64

// target is the program of run t for the explorer, under the limits of a
// check run.
func (t *trace) target(races bool) explore.Target {
	fsys := fstest.MapFS{}
	for _, f := range t.files {
		fsys[f.Name] = &fstest.MapFile{Data: []byte(f.Text), Mode: 0644}
	}
	r := t.settings
	ticks := int64(exploreMaxTicks)
	if r.MaxTicks > 0 {
		ticks = min(ticks, r.MaxTicks)
	}
	maxProcs := r.MaxProcs
	if maxProcs == 0 {
		maxProcs = checkMaxProcs
	}
	cfg := kernel.Config{
		Files: fsys, Seed: r.Seed, ContextSwitch: r.CtxSwitch, ChildFirst: r.ChildFirst, Monitor: r.Monitor,
		MaxProcs: maxProcs, MaxTicks: ticks, MaxMemory: checkMaxMemory, MaxTotalMemory: checkMaxTotalMemory,
		MaxOutput: checkMaxOutput, DetectRaces: races,
	}
	return explore.Target{Config: cfg, Argv: append([]string{t.main}, r.Argv...), Stdin: r.Stdin}
}

// options are c's explorer options.
func (c *Check) options() explore.Options {
	opt := explore.Options{Strategy: c.Strategy, Preemptions: c.Preemptions, Runs: c.Runs, Depth: c.Depth, Workers: 1}
	if opt.Strategy == "" {
		opt.Strategy = explore.Exhaustive
	}
	if opt.Runs == 0 {
		opt.Runs = maxExploreRuns
	}
	if len(c.Lines) > 0 {
		opt.Expect = &explore.Expected{Stdout: strings.Join(c.Lines, "\n") + "\n"}
	}
	return opt
}

// explored runs the explorer with c's options on run t's program. A
// search that ended within its bounds is a function of the program and
// the options, and is remembered: the same program checked again (in the
// other language, say) is not explored again.
// The search ends at the sooner of exploreTimeLimit and the end of the
// evaluation's context (the request's deadline), so that it never outlives
// the request that asked for it; the limit it had is returned with it.
func (c *Check) explored(t *trace, opt explore.Options) (explore.Report, time.Duration, error) {
	key := exploreKey(t, c.Races, opt)
	if key != "" {
		exploreCache.Lock()
		r, ok := exploreCache.m[key]
		exploreCache.Unlock()
		if ok {
			return r, 0, nil
		}
	}
	parent := t.ctx
	if parent == nil {
		parent = context.Background()
	}
	limit := exploreTimeLimit
	if d, ok := parent.Deadline(); ok && time.Until(d) < limit {
		limit = max(time.Until(d), time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(parent, exploreTimeLimit)
	defer cancel()
	r, err := explore.Explore(ctx, t.target(c.Races), opt)
	timedOut := ctx.Err() != nil
	if err == nil && !timedOut && !r.Stopped && key != "" {
		exploreCache.Lock()
		if len(exploreCache.m) >= maxExploresKept {
			clear(exploreCache.m)
		}
		exploreCache.m[key] = r
		exploreCache.Unlock()
	}
	if !timedOut {
		limit = 0
	}
	return r, limit, err
}

// maxExploresKept bounds the searches remembered.
const maxExploresKept = 64

var exploreCache = struct {
	sync.Mutex
	m map[string]explore.Report
}{m: map[string]explore.Report{}}

// exploreKey names a search by its program, settings and options; "" for
// one that is not remembered (a Check function cannot be compared).
func exploreKey(t *trace, races bool, opt explore.Options) string {
	if opt.Check != nil {
		return ""
	}
	h := sha256.New()
	for _, f := range t.files {
		fmt.Fprintf(h, "%q %q\n", f.Name, f.Text)
	}
	r := t.settings
	fmt.Fprintf(h, "%q %q %q %d %d %v %q %d %d %v %v\n", t.main, r.Argv, r.Stdin, r.Seed, r.CtxSwitch, r.ChildFirst, r.Monitor, r.MaxProcs, r.MaxTicks, races, exploreTimeLimit)
	fmt.Fprintf(h, "%q %d %d %d", opt.Strategy, opt.Preemptions, opt.Runs, opt.Depth)
	if opt.Expect != nil {
		fmt.Fprintf(h, " %q %d %v", opt.Expect.Stdout, opt.Expect.ExitCode, opt.Expect.Any)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Check) bound(lang string, r explore.Report) string {
	switch r.Strategy {
	case explore.Exhaustive:
		return tr(lang, fmt.Sprintf("선점 %d번 이하의 모든 스케줄, 실행 %d번", r.Preemptions, r.Runs),
			fmt.Sprintf("every schedule with at most %s, %d runs", preemptions(r.Preemptions), r.Runs))
	case explore.PCT:
		return tr(lang, fmt.Sprintf("PCT 깊이 %d, 실행 %d번", r.Depth, r.Runs), fmt.Sprintf("PCT depth %d, %d runs", r.Depth, r.Runs))
	}
	return tr(lang, fmt.Sprintf("무작위 스케줄 %d개", r.Runs), fmt.Sprintf("%d random schedules", r.Runs))
}

func (c *Check) evalExplore(t *trace, lang string) (bool, string) {
	opt := c.options()
	r, limit, err := c.explored(t, opt)
	timedOut := limit > 0
	if r.Stopped && !timedOut {
		limit = exploreTimeLimit
	}
	if err != nil {
		return false, tr(lang, "스케줄을 탐색할 수 없습니다: ", "The schedules cannot be explored: ") + err.Error()
	}
	cx := r.Counterexample
	fails := c.Expect == "fails"
	if cx == nil {
		switch {
		case timedOut || r.Stopped:
			return false, tr(lang, fmt.Sprintf("탐색이 시간 제한(%s)에 걸려 멈췄습니다: 실행 %d번까지 실패한 스케줄이 없었지만 모두 확인하지는 못했습니다. 프로그램이 더 빨리 끝나도록(반복을 줄이도록) 고치세요.", limit.Round(time.Millisecond), r.Runs),
				fmt.Sprintf("The search stopped at its time limit (%s): no failing schedule in %d runs, but not every schedule was tried. Make the program finish sooner (fewer iterations).", limit.Round(time.Millisecond), r.Runs))
		case r.Strategy == explore.Exhaustive && !r.Exhausted:
			return false, tr(lang, fmt.Sprintf("실행 %d번의 한도 안에서 모든 스케줄을 확인하지 못했습니다. 프로그램의 반복을 줄이세요.", r.Runs),
				fmt.Sprintf("Not every schedule could be tried within %d runs. Make the program loop less.", r.Runs))
		case fails:
			return false, tr(lang, "실패하는 스케줄을 찾지 못했습니다 ("+c.bound(Korean, r)+").", "No failing schedule was found ("+c.bound(English, r)+").")
		}
		return true, tr(lang, "실패하는 스케줄이 없습니다 ("+c.bound(Korean, r)+").", "No schedule fails ("+c.bound(English, r)+").")
	}
	why := cx.Failure.Why.In(lang)
	if !strings.HasSuffix(why, ".") {
		why += "."
	}
	if cx.Failure.Why.Code == msg.ExploreLimit && cx.Run == 1 {
		why += tr(lang, " 기본 스케줄에서 이미 한도에 걸립니다: 끝나지 않는 반복이나 너무 많은 일을 찾아보세요.",
			" The default schedule already reaches the limit: look for an endless loop or too much work.")
	}
	var waits []string
	for _, w := range cx.Failure.Deadlock {
		waits = append(waits, w.Text().In(lang))
	}
	if len(waits) > 0 {
		why += " " + strings.Join(waits, "; ") + "."
	}
	replay, link := c.replay(t, cx), c.link(cx)
	sched := tr(lang, fmt.Sprintf("실패하는 스케줄을 %d번째 실행에서 찾았습니다 (선점 %d번): %s. %s 다시 보기: %s (플레이그라운드에서는 링크 매개변수 %s)", cx.Run, cx.Schedule.Preemptions(), cx.Schedule, why, replay, link),
		fmt.Sprintf("A failing schedule was found at run %d (%s): %s. %s Replay it: %s (in the playground, the link parameters %s)", cx.Run, preemptions(cx.Schedule.Preemptions()), cx.Schedule, why, replay, link))
	if fails {
		return true, sched
	}
	return false, sched
}

// replay is the command line that replays counterexample cx.
func (c *Check) replay(t *trace, cx *explore.Counterexample) string {
	args := []string{"osplay", "run", "--schedule", cx.Schedule.String()}
	if cx.Failure.Why.Code == msg.ExploreLimit {
		args = append(args, "--max-ticks", fmt.Sprint(t.target(false).Config.MaxTicks))
	}
	if c.Races {
		args = append(args, "--races")
	}
	args = append(args, t.main)
	return strings.Join(append(args, t.settings.Argv...), " ")
}

// link is the playground's link parameters that open counterexample cx.
func (c *Check) link(cx *explore.Counterexample) string {
	q := url.Values{"schedule": {cx.Schedule.String()}}
	if c.Races {
		q.Set("races", "1")
	}
	return "?" + q.Encode()
}

// measureExplore counts the distinct outputs of the schedules within c's
// bound: every output passes, only a crash, a deadlock or a limit ends the
// search early (and the measurement fails).
func (c *Check) measureExplore(t *trace) (float64, bool) {
	seen, ok := c.outputs(t)
	return float64(len(seen)), ok
}

// outputs are the distinct outputs of the schedules within c's bound (at
// most maxOutputsKept), and whether the search covered them all.
func (c *Check) outputs(t *trace) (map[string]bool, bool) {
	if !t.ran() {
		return nil, false
	}
	var mu sync.Mutex
	seen := map[string]bool{}
	opt := c.options()
	opt.Expect = &explore.Expected{Any: true}
	opt.Check = func(o explore.Outcome) *explore.Failure {
		mu.Lock()
		defer mu.Unlock()
		if len(seen) < maxOutputsKept {
			seen[string(o.Stdout)] = true
		}
		return nil
	}
	r, limit, err := c.explored(t, opt)
	if err != nil || limit > 0 || r.Counterexample != nil || r.Strategy == explore.Exhaustive && !r.Exhausted {
		return nil, false
	}
	return seen, true
}

// raceVar is the name of the variable race h was on, or its address.
func (t *trace) raceVar(h raceHit) string {
	for _, v := range t.shared {
		if v.PID == h.pid && v.Addr == h.addr && v.Var != "" {
			return v.Var
		}
	}
	if a, ok := h.text.Arg("var"); ok {
		if a.Text != nil {
			return a.Text.In(English)
		}
		if a.Name != "" {
			return a.Name
		}
	}
	return fmt.Sprintf("0x%x", h.addr)
}

func (c *Check) evalRaces(t *trace, lang string) (bool, string) {
	if c.Expect != "race" {
		if len(t.races) == 0 {
			return true, tr(lang, "경쟁 탐지기가 데이터 경쟁을 찾지 못했습니다.", "The race detector found no data race.")
		}
		return false, tr(lang, fmt.Sprintf("데이터 경쟁 %d개가 보고되었습니다. 처음 것: ", len(t.races)), fmt.Sprintf("%d data races were reported. The first: ", len(t.races))) +
			t.races[0].text.In(lang)
	}
	for _, h := range t.races {
		if c.Var == "" || t.raceVar(h) == c.Var {
			return true, tr(lang, "기대한 대로 데이터 경쟁이 보고되었습니다: ", "A data race was reported, as expected: ") + h.text.In(lang)
		}
	}
	if len(t.races) == 0 {
		return false, tr(lang, "데이터 경쟁이 보고되지 않았습니다.", "No data race was reported.")
	}
	return false, tr(lang, "보고된 데이터 경쟁이 "+hide(c.Var+"의 것이 ")+"아닙니다: ", "The races reported are not "+hide("on "+c.Var+": ")) + t.races[0].text.In(lang)
}

// guardOf is the lock that protects variable name in run t: the name of
// the lock held at every access, "none" when none was, and false when the
// threads did not share the variable.
func (t *trace) guardOf(name string) (kernel.SharedVar, string, bool) {
	for _, v := range t.shared {
		if v.Var != name {
			continue
		}
		for _, l := range v.Locks {
			if l.Held == v.Accesses && l.Name != "" {
				return v, l.Name, true
			}
		}
		return v, "none", true
	}
	return kernel.SharedVar{}, "", false
}

func (c *Check) evalGuards(t *trace, lang string) (bool, string) {
	v, lock, ok := t.guardOf(c.Var)
	if !ok {
		return false, tr(lang, fmt.Sprintf("스레드들이 %s%s 함께 쓰지 않았습니다.", c.Var, msg.Particle(c.Var, "을")),
			fmt.Sprintf("The threads did not share %s.", c.Var))
	}
	var held []string
	for _, l := range v.Locks {
		held = append(held, fmt.Sprintf("%s %d/%d", l.Name, l.Held, v.Accesses))
	}
	detail := strings.Join(held, ", ")
	if detail == "" {
		detail = tr(lang, "없음", "none")
	}
	ko := fmt.Sprintf("%s: 접근 %d번, 스레드 %d개; 접근할 때 쥐고 있던 락: %s.", c.Var, v.Accesses, len(v.Threads), detail)
	en := fmt.Sprintf("%s: %d accesses by %d threads; locks held at them: %s.", c.Var, v.Accesses, len(v.Threads), detail)
	return lock == c.Lock, tr(lang, ko, en)
}

// measureGuard is the answer a choice question verified by guards check c
// must have in run t.
func (c *Check) measureGuard(t *trace) (string, bool) {
	_, lock, ok := t.guardOf(c.Var)
	return lock, ok
}

// settings are the exercise's run settings with the race detector on
// when a check needs it.
func (x *Exercise) settings() Run {
	r := x.Run
	r.races = x.detectsRaces()
	return r
}

// preemptions is "1 preemption", "2 preemptions".
func preemptions(n int) string {
	if n == 1 {
		return "1 preemption"
	}
	return fmt.Sprintf("%d preemptions", n)
}
