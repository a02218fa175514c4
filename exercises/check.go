package exercises

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"osplay/kernel"
)

// The types of checks.
const (
	CheckOutput    = "output"    // the output lines: exact, as a multiset, by regular expression, counted
	CheckExit      = "exit"      // exit statuses: a code or a signal
	CheckProcesses = "processes" // how many processes the run created
	CheckExec      = "exec"      // programs run with exec, with their argument vectors
	CheckTree      = "tree"      // the shape of the process tree
	CheckZombies   = "zombies"   // no zombie left behind, or a zombie present for a while
	CheckOrphans   = "orphans"   // how many processes were orphaned and adopted by init
	CheckStates    = "states"    // how many state transitions (from → to) happened
	CheckMetric    = "metric"    // a scheduling metric: turnaround, waiting, response, switches…
	CheckDeadlock  = "deadlock"  // no deadlock, or a deadlock expected
	CheckGlobals   = "globals"   // an expression over the globals of the processes, as they ended
	CheckQuestion  = "question"  // a question the student answers: number, choice or short text
	CheckExplore   = "explore"   // the schedule explorer finds no failing schedule within its bound (or finds one)
	CheckRaces     = "races"     // the race detector reports no data race (or a race on a variable)
	CheckGuards    = "guards"    // which lock protects a shared variable, as the race detector saw it
	CheckPredict   = "predict"   // predictions asked at chosen ticks of the run, all right
)

// Check is one thing the evaluation verifies. Type says which; the other
// fields are the type's parameters (each type uses the ones listed in
// checkFields, and validation rejects the rest).
//
// Numeric checks (processes, orphans, states, metric, output with match
// count, exec) compare a number measured in the run with Equals, Min and
// Max (at least one). A question's Verify is such a check without bounds:
// the test suite measures it on the reference run and requires the
// question's Answer to equal it, so an answer never disagrees with what the
// playground shows.
//
// A globals check (globals.go) evaluates Expr over the Globals of the
// processes Process names, read from their memory as they terminated.
type Check struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Title Text   `json:"title,omitzero"` // what is checked; a title is made from the parameters if empty
	Pass  Text   `json:"pass,omitzero"`  // explanation shown when the check passes
	Fail  Text   `json:"fail,omitzero"`  // explanation shown when it fails (a hint, not the answer)

	// output
	Stream  string `json:"stream,omitempty"`  // stdout (default) or stderr
	Match   string `json:"match,omitempty"`   // exact, multiset, contains, regexp, count
	Lines   Lines  `json:"lines,omitempty"`   // expected lines (exact, multiset, contains) or patterns (regexp)
	Pattern string `json:"pattern,omitempty"` // count: the regular expression whose matching lines are counted

	// numeric bounds
	Equals    *float64 `json:"equals,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	Tolerance float64  `json:"tolerance,omitempty"` // metric, number questions: allowed difference

	// exit, metric, states, processes: which processes
	Of     string `json:"of,omitempty"`
	Code   *int   `json:"code,omitempty"`   // exit: the exit code
	Signal string `json:"signal,omitempty"` // exit: the signal that killed it ("SIGSEGV")

	// exec
	Path string   `json:"path,omitempty"` // "/bin/ls"
	Argv []string `json:"argv,omitempty"` // the argument vector, argv[0] included

	// tree
	Shape string `json:"shape,omitempty"` // "onetwo(onetwo)", "*(*(*) *)"

	// zombies, deadlock
	Expect string `json:"expect,omitempty"` // zombies: none-left, present; deadlock: none or no, deadlock or yes
	Ticks  int64  `json:"ticks,omitempty"`  // zombies present: for at least this many ticks (1); none-left: and none for this many or more

	// states
	From string `json:"from,omitempty"` // new, ready, running, waiting, terminated; empty: any
	To   string `json:"to,omitempty"`

	// metric
	Metric string `json:"metric,omitempty"` // see Metrics
	Agg    string `json:"agg,omitempty"`    // avg (default), sum, min, max over the processes

	// globals
	Expr    string  `json:"expr,omitempty"`    // "count == 0 && in == out"
	Globals Globals `json:"globals,omitempty"` // the variables Expr reads, with their C types
	Process string  `json:"process,omitempty"` // first (default), all, any

	// signals, syscalls, blocked
	Action string `json:"action,omitempty"` // signals: handled (default) or sent
	Call   string `json:"call,omitempty"`   // syscalls: the system call's name ("read")
	Errno  string `json:"errno,omitempty"`  // syscalls: count only the calls failing with it ("EAGAIN")
	On     string `json:"on,omitempty"`     // blocked: the kind of wait (pipe, child, signal…); empty: any

	// explore (explorecheck.go); expect: passes (default) or fails
	Strategy    string `json:"strategy,omitempty"`    // exhaustive (default), pct or random
	Preemptions int    `json:"preemptions,omitempty"` // exhaustive: K (2)
	Runs        int    `json:"runs,omitempty"`        // schedules at most (exhaustive: all within K, up to maxExploreRuns)
	Depth       int    `json:"depth,omitempty"`       // pct: the bug depth d
	Races       bool   `json:"races,omitempty"`       // explore: a data race fails a run

	// races, guards
	Var  string `json:"var,omitempty"`  // the shared variable ("balance")
	Lock string `json:"lock,omitempty"` // guards: the lock that protects Var ("m1"), or none

	// question
	Ask     Text     `json:"ask,omitzero"`
	Format  string   `json:"format,omitempty"`  // number, choice, text
	Answer  string   `json:"answer,omitempty"`  // the expected answer (a choice's id)
	Accept  []string `json:"accept,omitempty"`  // text: other accepted answers
	Choices []Choice `json:"choices,omitempty"` // choice
	Verify  *Check   `json:"verify,omitempty"`  // number: what the answer must equal in the reference run

	// predict (predictcheck.go)
	Predictions []Prediction `json:"predictions,omitempty"`
}

// Choice is one answer of a multiple-choice question.
type Choice struct {
	ID   string `json:"id"`
	Text Text   `json:"text"`
}

// Lines are expected output lines: in the front matter a literal block
// (one line per line) or a list.
type Lines []string

func (l *Lines) unmarshalNode(n *node, path string) error {
	switch n.kind {
	case scalarNode:
		s := strings.TrimSuffix(n.value, "\n")
		if s == "" && !n.block {
			*l = nil
			return nil
		}
		*l = strings.Split(s, "\n")
		return nil
	case sequenceNode:
		out := make(Lines, len(n.items))
		for i, item := range n.items {
			if item.kind != scalarNode {
				return kindError(item, fmt.Sprintf("%s[%d]", path, i), scalarNode)
			}
			out[i] = item.value
		}
		*l = out
		return nil
	}
	return kindError(n, path, scalarNode)
}

// Match modes of output checks.
var matchModes = []string{"exact", "multiset", "contains", "regexp", "count"}

// Metrics are the scheduling metrics a metric check can measure, as the
// kernel's Meter computes them. The per-process ones are aggregated over
// the processes Of names.
var Metrics = map[string]string{
	"turnaround":  "per process: ticks from creation to termination",
	"waiting":     "per process: ticks spent ready, waiting for a CPU",
	"response":    "per process: ticks from creation to its first dispatch",
	"cpu":         "per process: ticks it ran on a CPU",
	"blocked":     "per process: ticks it waited for an event (I/O, a child, a timer)",
	"switches":    "context switches: dispatches of another process than the one the CPU ran last",
	"switchTicks": "ticks the CPUs spent switching context",
	"preemptions": "times a running process was taken off its CPU while still runnable",
	"dispatches":  "times a process was put to work on a CPU",
	"ticks":       "the time the run covers (the makespan)",
	"cpuTicks":    "ticks the CPUs spent running processes",
	"utilisation": "cpuTicks / (ticks × CPUs), from 0 to 1",
	"throughput":  "processes completed per tick",
}

func perProcessMetric(name string) bool {
	switch name {
	case "turnaround", "waiting", "response", "cpu", "blocked":
		return true
	}
	return false
}

// checkFields lists the parameters each type of check uses, besides id,
// type, title, pass and fail.
var checkFields = map[string][]string{
	CheckOutput:    {"stream", "match", "lines", "pattern", "equals", "min", "max"},
	CheckExit:      {"of", "code", "signal"},
	CheckProcesses: {"of", "equals", "min", "max"},
	CheckExec:      {"path", "argv", "equals", "min", "max"},
	CheckTree:      {"shape"},
	CheckZombies:   {"expect", "ticks"},
	CheckOrphans:   {"equals", "min", "max"},
	CheckStates:    {"of", "from", "to", "equals", "min", "max"},
	CheckMetric:    {"metric", "of", "agg", "equals", "min", "max", "tolerance"},
	CheckDeadlock:  {"expect", "equals", "min", "max"},
	CheckGlobals:   {"expr", "globals", "process"},
	CheckSignals:   {"signal", "action", "of", "equals", "min", "max"},
	CheckSyscalls:  {"call", "errno", "of", "equals", "min", "max"},
	CheckBlocked:   {"on", "equals", "min", "max"},
	CheckQuestion:  {"ask", "format", "answer", "accept", "choices", "verify", "tolerance"},
	CheckExplore:   {"expect", "strategy", "preemptions", "runs", "depth", "races", "lines"},
	CheckRaces:     {"expect", "var"},
	CheckGuards:    {"var", "lock"},
	CheckPredict:   {"predictions"},
}

var commonFields = []string{"id", "type", "title", "pass", "fail"}

var checkTypes = func() []string {
	var out []string
	for t := range checkFields {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}()

var idPattern = lazyRegexp(`^[a-z0-9][a-z0-9-]{0,39}$`)

// validate reports what is wrong with check c at path; verify is true for
// a question's Verify, which has no bounds and no id.
func (c *Check) validate(path string, verify bool) []*fieldError {
	var errs []*fieldError
	bad := func(field, format string, args ...any) {
		errs = append(errs, &fieldError{field: join(path, field), reason: fmt.Sprintf(format, args...)})
	}
	if !verify {
		if c.ID == "" {
			bad("id", "every check needs an id (lower-case letters, digits and '-')")
		} else if !idPattern().MatchString(c.ID) {
			bad("id", "%q: use lower-case letters, digits and '-' (at most 40)", c.ID)
		}
	}
	allowed, ok := checkFields[c.Type]
	if !ok {
		if c.Type == "" {
			bad("type", "missing (one of %s)", strings.Join(checkTypes, ", "))
		} else {
			bad("type", "unknown type %q (one of %s)", c.Type, strings.Join(checkTypes, ", "))
		}
		return errs
	}
	// Parameters of other types are mistakes, not silently ignored.
	v := reflect.ValueOf(*c)
	for name, i := range structFields(v.Type()) {
		if slices.Contains(commonFields, name) || slices.Contains(allowed, name) || v.Field(i).IsZero() {
			continue
		}
		bad(name, "not used by checks of type %s (they use: %s)", c.Type, strings.Join(allowed, ", "))
	}
	if verify {
		if !c.Title.IsZero() || !c.Pass.IsZero() || !c.Fail.IsZero() || c.ID != "" {
			bad("", "a verify measurement has no id, title, pass or fail")
		}
	} else {
		errs = append(errs, checkText(path, "title", c.Title, false)...)
		errs = append(errs, checkText(path, "pass", c.Pass, false)...)
		errs = append(errs, checkText(path, "fail", c.Fail, false)...)
	}
	numeric := func() {
		if verify {
			if c.Equals != nil || c.Min != nil || c.Max != nil {
				bad("", "a verify measurement takes no equals, min or max: the question's answer is the expected value")
			}
			return
		}
		if c.Equals == nil && c.Min == nil && c.Max == nil {
			bad("equals", "give equals, min or max")
		}
		if c.Equals != nil && (c.Min != nil || c.Max != nil) {
			bad("equals", "give either equals or min/max, not both")
		}
		if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
			bad("min", "min %v is larger than max %v", *c.Min, *c.Max)
		}
	}
	switch c.Type {
	case CheckOutput:
		if c.Stream != "" && c.Stream != "stdout" && c.Stream != "stderr" {
			bad("stream", "%q: use stdout or stderr", c.Stream)
		}
		switch c.Match {
		case "exact", "multiset", "contains":
			if c.Equals != nil || c.Min != nil || c.Max != nil || c.Pattern != "" {
				bad("match", "match %s compares lines: equals, min, max and pattern belong to match count", c.Match)
			}
			if verify {
				bad("match", "a verify measurement must be a number: use match count")
			}
		case "regexp":
			if len(c.Lines) == 0 {
				bad("lines", "give one regular expression per expected line")
			}
			for i, l := range c.Lines {
				if _, err := regexp.Compile(l); err != nil {
					bad(fmt.Sprintf("lines[%d]", i), "bad regular expression: %v", err)
				}
			}
			if verify {
				bad("match", "a verify measurement must be a number: use match count")
			}
		case "count":
			if len(c.Lines) > 0 {
				bad("lines", "match count counts the lines matching pattern: give pattern, not lines")
			}
			if _, err := regexp.Compile(c.Pattern); err != nil {
				bad("pattern", "bad regular expression: %v", err)
			}
			numeric()
		case "":
			bad("match", "missing (one of %s)", strings.Join(matchModes, ", "))
		default:
			bad("match", "unknown match %q (one of %s)", c.Match, strings.Join(matchModes, ", "))
		}
	case CheckExit:
		if !verify && c.Code == nil && c.Signal == "" {
			bad("code", "give the expected exit code or signal")
		}
		if c.Code != nil && c.Signal != "" {
			bad("code", "give an exit code or a signal, not both")
		}
		if c.Code != nil && (*c.Code < 0 || *c.Code > 255) {
			bad("code", "%d: an exit code is 0 to 255", *c.Code)
		}
		if c.Signal != "" && signalNumber(c.Signal) == 0 {
			bad("signal", "unknown signal %q (as SIGSEGV, SIGKILL)", c.Signal)
		}
		if !slices.Contains([]string{"", "main", "every", "children", "any"}, c.Of) {
			bad("of", "%q: use main, every, children or any", c.Of)
		}
		if verify && (c.Of != "" && c.Of != "main") {
			bad("of", "a verify measurement of exit is the main process's exit code")
		}
	case CheckProcesses:
		if c.Of != "" && c.Of != "all" && c.Of != "children" {
			bad("of", "%q: use all (every process, the first included) or children (all but the first)", c.Of)
		}
		numeric()
	case CheckOrphans:
		numeric()
	case CheckExec:
		if c.Path == "" && len(c.Argv) == 0 {
			bad("path", "give the program's path, its argv, or both")
		}
		numeric()
	case CheckTree:
		if verify {
			bad("type", "a verify measurement must be a number")
		}
		if _, err := parseShape(c.Shape); err != nil {
			bad("shape", "%v", err)
		}
	case CheckZombies:
		switch c.Expect {
		case "none-left":
			if c.Ticks < 0 {
				bad("ticks", "must not be negative")
			}
		case "present":
			if c.Ticks < 0 {
				bad("ticks", "must not be negative")
			}
		default:
			if !verify || c.Expect != "" {
				bad("expect", "%q: use none-left or present", c.Expect)
			}
		}
		if verify {
			bad("type", "a verify measurement must be a number: count zombies with a question of its own")
		}
	case CheckStates:
		for _, f := range []struct{ name, v string }{{"from", c.From}, {"to", c.To}} {
			if f.v != "" && stateNumber(f.v) < 0 {
				bad(f.name, "unknown state %q (new, ready, running, waiting, terminated)", f.v)
			}
		}
		if c.From == "" && c.To == "" {
			bad("to", "give from, to or both")
		}
		numeric()
	case CheckMetric:
		if _, ok := Metrics[c.Metric]; !ok {
			bad("metric", "unknown metric %q (one of %s)", c.Metric, strings.Join(sortedKeys(Metrics), ", "))
		} else if !perProcessMetric(c.Metric) && (c.Of != "" || c.Agg != "") {
			bad("of", "metric %s is about the whole run: of and agg do not apply", c.Metric)
		}
		if !slices.Contains([]string{"", "avg", "sum", "min", "max"}, c.Agg) {
			bad("agg", "%q: use avg, sum, min or max", c.Agg)
		}
		if c.Tolerance < 0 {
			bad("tolerance", "must not be negative")
		}
		numeric()
	case CheckDeadlock:
		switch {
		case verify:
			if c.Expect != "" || c.Equals != nil || c.Min != nil || c.Max != nil {
				bad("expect", "a verify measurement of the cycle's threads has no expect and no bounds")
			}
		case !slices.Contains([]string{"none", "no", "deadlock", "yes"}, c.Expect):
			bad("expect", "%q: use deadlock (or yes) or none (or no)", c.Expect)
		case !c.deadlockExpected() && (c.Equals != nil || c.Min != nil || c.Max != nil):
			bad("equals", "bounds on the threads of the cycle need expect: deadlock")
		}
	case CheckGlobals:
		c.validateGlobals(verify, bad)
	case CheckSignals, CheckSyscalls, CheckBlocked:
		c.validateIPC(verify, bad, numeric)
	case CheckExplore, CheckRaces, CheckGuards:
		c.validateExplore(verify, bad)
	case CheckQuestion:
		if verify {
			bad("type", "a question cannot verify a question")
			break
		}
		errs = append(errs, checkText(path, "ask", c.Ask, true)...)
		c.validateQuestion(path, bad)
	case CheckPredict:
		errs = append(errs, c.validatePredict(path, verify, bad)...)
	}
	return errs
}

func (c *Check) validateQuestion(path string, bad func(field, format string, args ...any)) {
	if c.Answer == "" {
		bad("answer", "a question needs its expected answer")
	}
	switch c.Format {
	case "number":
		if _, err := parseNumber(c.Answer); c.Answer != "" && err != nil {
			bad("answer", "%q is not a number", c.Answer)
		}
		if len(c.Choices) > 0 || len(c.Accept) > 0 {
			bad("choices", "a number question has no choices and no accept list")
		}
		if c.Verify != nil {
			for _, e := range c.Verify.validate(join(path, "verify"), true) {
				bad(strings.TrimPrefix(strings.TrimPrefix(e.field, path), "."), "%s", e.reason)
			}
		}
	case "choice":
		if len(c.Choices) < 2 {
			bad("choices", "a choice question needs at least two choices")
		}
		seen := map[string]bool{}
		for i, ch := range c.Choices {
			if !idPattern().MatchString(ch.ID) {
				bad(fmt.Sprintf("choices[%d].id", i), "%q: use lower-case letters, digits and '-'", ch.ID)
			}
			if seen[ch.ID] {
				bad(fmt.Sprintf("choices[%d].id", i), "%q appears twice", ch.ID)
			}
			seen[ch.ID] = true
			if ch.Text.Ko == "" || ch.Text.En == "" {
				bad(fmt.Sprintf("choices[%d].text", i), "needs both ko and en")
			}
		}
		if c.Answer != "" && !seen[c.Answer] {
			bad("answer", "%q is not the id of a choice", c.Answer)
		}
		if len(c.Accept) > 0 || c.Tolerance != 0 {
			bad("accept", "a choice question has no accept list or tolerance")
		}
		if c.Verify != nil {
			if c.Verify.Type != CheckGuards {
				bad("verify", "a choice question verifies only with type guards (its answer is the lock's name, or none)")
			} else {
				for _, e := range c.Verify.validate(join(path, "verify"), true) {
					bad(strings.TrimPrefix(strings.TrimPrefix(e.field, path), "."), "%s", e.reason)
				}
			}
		}
	case "text":
		if len(c.Choices) > 0 || c.Verify != nil || c.Tolerance != 0 {
			bad("choices", "a text question has no choices, verify or tolerance")
		}
	case "":
		bad("format", "missing (number, choice or text)")
	default:
		bad("format", "unknown format %q (number, choice or text)", c.Format)
	}
}

// checkText requires both languages of a text that is given (or required).
func checkText(path, field string, t Text, required bool) []*fieldError {
	switch {
	case t.IsZero() && !required:
		return nil
	case t.Ko == "" && t.En == "":
		return []*fieldError{{field: join(path, field), reason: "missing: give ko and en"}}
	case t.Ko == "":
		return []*fieldError{{field: join(path, field+".ko"), reason: "the Korean text is missing"}}
	case t.En == "":
		return []*fieldError{{field: join(path, field+".en"), reason: "the English text is missing"}}
	}
	return nil
}

func parseNumber(s string) (float64, error) {
	return strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), 64)
}

func signalNumber(name string) int {
	for sig := 1; sig < 32; sig++ {
		if kernel.SignalName(sig) == strings.ToUpper(name) {
			return sig
		}
	}
	return 0
}

var stateNames = []string{"new", "ready", "running", "waiting", "terminated"}

func stateNumber(name string) int { return slices.Index(stateNames, name) }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
