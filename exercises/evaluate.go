package exercises

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// Report is the outcome of an evaluation, in the student's language.
type Report struct {
	Slug    string        `json:"slug"`
	Lang    string        `json:"lang"`
	Passed  bool          `json:"passed"` // every check passed
	Score   int           `json:"score"`  // checks passed
	Total   int           `json:"total"`  // checks
	Compile []Diagnostic  `json:"compile,omitempty"`
	Error   string        `json:"error,omitempty"` // why the program did not run, or stopped early
	Checks  []CheckResult `json:"checks"`
	Run     RunSummary    `json:"run"`
	// Sched is the run's metrics table, for a scheduling exercise once
	// every question on its page has an answer.
	Sched *SchedTable `json:"sched,omitempty"`
}

// CheckResult is one check's verdict with its explanation.
type CheckResult struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Title   string `json:"title"`
	Passed  bool   `json:"passed"`
	Message string `json:"message"` // what happened, or the author's explanation; never what a question asks
	// Hint says where to look in the playground, when the check failed.
	Hint string `json:"hint,omitempty"`
	// Expected is the message with what the check expected (a question's
	// answer, once answered), for the student who asks after an attempt.
	// A server leaves it out unless asked.
	Expected string `json:"expected,omitempty"`
}

// RunSummary is what the checked run did.
type RunSummary struct {
	Stdout    string `json:"stdout"`
	Stderr    string `json:"stderr"`
	Exit      int    `json:"exit"`      // the first process's status as a shell's $? shows it
	Processes int    `json:"processes"` // processes created, init left out
	Ticks     int64  `json:"ticks"`
}

// Evaluate runs the student's program with the exercise's settings on a
// fresh deterministic machine and checks it. files are the student's
// files by name: they replace the starter files of the same name (a
// starter file not given stays as it was); nil means the starter code.
// answers are the student's answers to the questions, by check id. lang
// is the language of the explanations. A program that does not compile
// is a report too: Compile lists the errors with line and column, and
// the checks that need a run fail.
func (x *Exercise) Evaluate(files map[string]string, answers map[string]string, lang string) Report {
	return x.EvaluateWith(nil, files, answers, lang)
}

// EvaluateWith is Evaluate with the run's machine driven by drive (the
// server's deadline, memory budget and CPU share).
func (x *Exercise) EvaluateWith(drive Drive, files map[string]string, answers map[string]string, lang string) Report {
	return x.EvaluateContext(context.Background(), drive, files, answers, lang)
}

// EvaluateContext is EvaluateWith within ctx: a check that runs the
// program again (an explore check) stops when ctx ends (the request's
// deadline, or the request gone), if not sooner at its own limit.
func (x *Exercise) EvaluateContext(ctx context.Context, drive Drive, files map[string]string, answers map[string]string, lang string) Report {
	lang = Lang(lang)
	rep := Report{Slug: x.Slug, Lang: lang}
	program := cloneFiles(x.Files)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	var given []File
	for _, name := range names {
		given = append(given, File{Name: name, Text: files[name]})
	}
	program = mergeFiles(program, given)
	if errs := validateFiles("files", program); len(errs) > 0 || len(program) > MaxFiles {
		msg := fmt.Sprintf("too many files: %d (at most %d)", len(program), MaxFiles)
		if len(errs) > 0 {
			msg = strings.TrimPrefix(errs[0].field, "files.") + ": " + errs[0].reason
		}
		rep.Error = tr(lang, "프로그램을 실행할 수 없습니다: "+msg, "The program cannot run: "+msg)
		return x.judge(rep, &trace{startErr: msg, ctx: ctx}, answers)
	}
	t := x.settings().runWith(drive, program, x.MainFile(), x.keepsMemory())
	t.ctx = ctx
	return x.judge(rep, t, answers)
}

// judge evaluates every check against trace t.
func (x *Exercise) judge(rep Report, t *trace, answers map[string]string) Report {
	lang := rep.Lang
	t.finish()
	rep.Compile = t.compile
	switch {
	case len(t.compile) > 0:
		rep.Error = tr(lang, "컴파일 오류가 있습니다. 먼저 오류를 고치세요.", "The program does not compile: fix the errors first.")
	case t.startErr != "" && rep.Error == "":
		rep.Error = tr(lang, "프로그램을 시작할 수 없습니다: ", "The program could not start: ") + t.startErr
	case t.stopped == StopDeadline:
		rep.Error = tr(lang, "서버가 채점 한 번에 허용하는 시간을 넘겨 실행을 멈췄습니다. 프로그램이 더 빨리 끝나도록 고친 뒤 다시 채점하세요.",
			"The run took longer than the server allows for one check and was stopped: make the program finish sooner, then check again.")
	case t.stopped == StopMemory:
		rep.Error = tr(lang, "프로세스들이 함께 쓰는 메모리가 채점 한 번에 허용되는 양을 넘어 실행을 멈췄습니다. 메모리를 덜 쓰도록 고친 뒤 다시 채점하세요.",
			"The processes used more memory together than one check allows, and the run was stopped: use less memory, then check again.")
	case t.deadlock && strings.HasPrefix(t.halt, "deadlock"):
		rep.Error = tr(lang, "교착 상태: 모든 프로세스가 기다리고 있고 아무도 깨울 수 없습니다.", "Deadlock: every process is waiting and nothing can wake them.")
		if len(t.cycles) > 0 {
			rep.Error += " " + t.cycleText(lang)
		}
	case t.halt != "":
		rep.Error = tr(lang, "실행이 중간에 멈췄습니다: ", "The run stopped early: ") + t.halt
		if len(t.spins) > 0 {
			rep.Error += " " + spinText(t.spins, lang) + "."
		}
	}
	rep.Run = RunSummary{Stdout: t.stdout, Stderr: t.stderr, Exit: t.result.ExitCode(), Processes: len(t.order), Ticks: t.result.Ticks}
	for i := range x.Checks {
		c := &x.Checks[i]
		r := CheckResult{ID: c.ID, Type: c.Type, Title: c.title(lang)}
		if c.Type != CheckQuestion && !t.ran() {
			r.Message = tr(lang, "프로그램이 실행되지 않아 확인할 수 없습니다.", "The program did not run, so this cannot be checked.")
		} else {
			r.Passed, r.Message = c.evaluate(t, answers[c.ID], lang)
		}
		if r.Passed && !c.Pass.IsZero() {
			r.Message = joinSentences(c.Pass.In(lang), r.Message)
		}
		if !r.Passed && !c.Fail.IsZero() {
			r.Message = joinSentences(r.Message, c.Fail.In(lang))
		}
		if r.Passed {
			rep.Score++
		}
		rep.Checks = append(rep.Checks, r)
	}
	rep.Total = len(x.Checks)
	rep.Passed = rep.Score == rep.Total
	x.teach(&rep, t, answers)
	rep.Sched = x.schedTable(t, answers)
	return rep
}

func joinSentences(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// tr picks the Korean or the English text.
func tr(lang, ko, en string) string {
	if lang == Korean {
		return ko
	}
	return en
}

// evaluate checks c against the run; answer is the student's answer to a
// question.
func (c *Check) evaluate(t *trace, answer, lang string) (bool, string) {
	switch c.Type {
	case CheckOutput:
		return c.evalOutput(t, lang)
	case CheckExit:
		return c.evalExit(t, lang)
	case CheckProcesses:
		n := float64(len(t.selected(c.Of)))
		ok, want := c.bounds(n, lang)
		if c.Of == "children" {
			return ok, tr(lang, fmt.Sprintf("생성된 자식 프로세스(손자 포함): %s개%s.", num(n), hide(" (기대: "+want+")")),
				fmt.Sprintf("Child processes created (grandchildren included): %s%s.", num(n), hide(" (expected "+want+")")))
		}
		return ok, tr(lang, fmt.Sprintf("생성된 프로세스: %s개%s.", num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("Processes created: %s%s.", num(n), hide(" (expected "+want+")")))
	case CheckOrphans:
		n := 0.0
		for _, pid := range t.order {
			if t.procs[pid].adopted {
				n++
			}
		}
		ok, want := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("init에 입양된 고아 프로세스: %s개%s.", num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("Orphans adopted by init: %s%s.", num(n), hide(" (expected "+want+")")))
	case CheckExec:
		n := float64(c.countExecs(t))
		ok, want := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("%s 실행 횟수: %s번%s.", c.execText(), num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("Times %s was executed: %s%s.", c.execText(), num(n), hide(" (expected "+want+")")))
	case CheckTree:
		want, _ := parseShape(c.Shape)
		got := t.tree()
		if got == nil {
			return false, tr(lang, "프로세스가 만들어지지 않았습니다.", "No process was created.")
		}
		ok := want.matches(got)
		return ok, tr(lang, fmt.Sprintf("프로세스 트리: %s%s.", got, hide(fmt.Sprintf(" (기대: %s)", want))), fmt.Sprintf("Process tree: %s%s.", got, hide(fmt.Sprintf(" (expected %s)", want))))
	case CheckZombies:
		return c.evalZombies(t, lang)
	case CheckStates:
		n := float64(c.countTransitions(t))
		ok, want := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("%s 상태 전이: %s번%s.", c.transitionText(Korean), num(n), hide(" (기대: "+want+")")),
			fmt.Sprintf("%s transitions: %s%s.", c.transitionText(English), num(n), hide(" (expected "+want+")")))
	case CheckMetric:
		v, ok := c.metric(t)
		if !ok {
			return false, tr(lang, "측정할 프로세스가 없습니다.", "There is no process to measure.")
		}
		pass, want := c.bounds(v, lang)
		return pass, tr(lang, fmt.Sprintf("%s: %s%s.", c.metricText(Korean), num(v), hide(" (기대: "+want+")")),
			fmt.Sprintf("%s: %s%s.", c.metricText(English), num(v), hide(" (expected "+want+")")))
	case CheckDeadlock:
		return c.evalDeadlock(t, lang)
	case CheckGlobals:
		return c.evalGlobals(t, lang)
	case CheckSignals, CheckSyscalls, CheckBlocked:
		return c.evalIPC(t, lang)
	case CheckExplore:
		return c.evalExplore(t, lang)
	case CheckRaces:
		return c.evalRaces(t, lang)
	case CheckGuards:
		return c.evalGuards(t, lang)
	case CheckQuestion:
		return c.evalQuestion(answer, lang)
	case CheckPredict:
		return c.evalPredict(t, answer, lang)
	}
	return false, "unsupported check " + c.Type
}

// bounds compares v with Equals, Min and Max; want describes them.
func (c *Check) bounds(v float64, lang string) (bool, string) {
	tol := c.Tolerance + 1e-9
	switch {
	case c.Equals != nil:
		return math.Abs(v-*c.Equals) <= tol, num(*c.Equals)
	case c.Min != nil && c.Max != nil:
		return v >= *c.Min-tol && v <= *c.Max+tol, tr(lang, fmt.Sprintf("%s 이상 %s 이하", num(*c.Min), num(*c.Max)), fmt.Sprintf("%s to %s", num(*c.Min), num(*c.Max)))
	case c.Min != nil:
		return v >= *c.Min-tol, tr(lang, num(*c.Min)+" 이상", "at least "+num(*c.Min))
	case c.Max != nil:
		return v <= *c.Max+tol, tr(lang, num(*c.Max)+" 이하", "at most "+num(*c.Max))
	}
	return true, ""
}

// num formats a measured number: whole numbers without decimals.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// outputLines splits output into lines; a final newline ends the last line.
func outputLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func (c *Check) evalOutput(t *trace, lang string) (bool, string) {
	out, stream := t.stdout, "stdout"
	if c.Stream == "stderr" {
		out, stream = t.stderr, "stderr"
	}
	got := outputLines(out)
	want := []string(c.Lines)
	switch c.Match {
	case "exact":
		for i := 0; i < max(len(got), len(want)); i++ {
			switch {
			case i >= len(got):
				return false, tr(lang, fmt.Sprintf("%s 출력이 %d줄에서 끝났습니다. %d번째 줄이 더 있어야 합니다%s.", stream, len(got), i+1, hide(fmt.Sprintf(": %q", want[i]))),
					fmt.Sprintf("The %s output ends after %d lines; line %d is missing%s.", stream, len(got), i+1, hide(fmt.Sprintf(" (it should be %q)", want[i]))))
			case i >= len(want):
				return false, tr(lang, fmt.Sprintf("%s 출력이 너무 깁니다. 나오지 않아야 할 %d번째 줄: %q", stream, i+1, got[i]),
					fmt.Sprintf("The %s output is too long: line %d, %q, should not be there.", stream, i+1, got[i]))
			case got[i] != want[i]:
				return false, tr(lang, fmt.Sprintf("%s의 %d번째 줄이 다릅니다. 실제: %q%s", stream, i+1, got[i], hide(fmt.Sprintf(", 기대: %q", want[i]))),
					fmt.Sprintf("Line %d of %s is not the expected one: got %q%s.", i+1, stream, got[i], hide(fmt.Sprintf(", expected %q", want[i]))))
			}
		}
		return true, tr(lang, fmt.Sprintf("%s 출력 %d줄이 모두 순서대로 일치합니다.", stream, len(want)), fmt.Sprintf("All %d lines of %s match, in order.", len(want), stream))
	case "multiset", "contains":
		missing, extra := lineDiff(want, got)
		if c.Match == "contains" {
			extra = nil
		}
		if len(missing) == 0 && len(extra) == 0 {
			if c.Match == "contains" {
				return true, tr(lang, fmt.Sprintf("기대한 줄 %d개가 모두 %s에 나왔습니다.", len(want), stream), fmt.Sprintf("All %d expected lines appear in %s.", len(want), stream))
			}
			return true, tr(lang, fmt.Sprintf("%s의 줄들이 (순서와 상관없이) 모두 일치합니다.", stream), fmt.Sprintf("The lines of %s match (in any order).", stream))
		}
		var ko, en []string
		if len(missing) > 0 {
			ko = append(ko, fmt.Sprintf("나와야 하는데 없는 줄 %d개", len(missing))+hide(": "+quoteLines(missing)))
			en = append(en, fmt.Sprintf("%d expected lines missing", len(missing))+hide(": "+quoteLines(missing)))
		}
		if len(extra) > 0 {
			ko = append(ko, "나오지 않아야 할 줄: "+quoteLines(extra))
			en = append(en, "unexpected: "+quoteLines(extra))
		}
		return false, tr(lang, stream+" — "+strings.Join(ko, "; ")+".", stream+" — "+strings.Join(en, "; ")+".")
	case "regexp":
		if len(got) != len(want) {
			return false, tr(lang, fmt.Sprintf("%s 출력이 %d줄입니다. 기대한 줄 수가 아닙니다%s.", stream, len(got), hide(fmt.Sprintf(" (%d줄이어야 합니다)", len(want)))),
				fmt.Sprintf("The %s output has %d lines, not the number expected%s.", stream, len(got), hide(fmt.Sprintf(" (%d)", len(want)))))
		}
		for i, pat := range want {
			if !fullMatch(pat, got[i]) {
				return false, tr(lang, fmt.Sprintf("%s의 %d번째 줄이 기대한 형식%s과 맞지 않습니다: %q", stream, i+1, hide(" /"+pat+"/"), got[i]),
					fmt.Sprintf("Line %d of %s, %q, does not have the expected form%s.", i+1, stream, got[i], hide(" ("+pat+")")))
			}
		}
		return true, tr(lang, fmt.Sprintf("%s의 %d줄이 모두 기대한 형식과 맞습니다.", stream, len(want)), fmt.Sprintf("All %d lines of %s have the expected form.", len(want), stream))
	case "count":
		n := float64(countMatching(c.Pattern, got))
		ok, wantN := c.bounds(n, lang)
		return ok, tr(lang, fmt.Sprintf("%s에서 /%s/ 형식에 맞는 줄: %s개%s.", stream, c.Pattern, num(n), hide(" (기대: "+wantN+")")),
			fmt.Sprintf("Lines of %s matching /%s/: %s%s.", stream, c.Pattern, num(n), hide(" (expected "+wantN+")")))
	}
	return false, "unknown match " + c.Match
}

func fullMatch(pattern, s string) bool {
	re, err := regexp.Compile(`^(?:` + pattern + `)$`)
	return err == nil && re.MatchString(s)
}

func countMatching(pattern string, lines []string) int {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return 0
	}
	n := 0
	for _, l := range lines {
		if re.MatchString(l) {
			n++
		}
	}
	return n
}

// lineDiff is the lines of want not in got and of got not in want,
// counting repeats.
func lineDiff(want, got []string) (missing, extra []string) {
	count := map[string]int{}
	for _, l := range got {
		count[l]++
	}
	for _, l := range want {
		if count[l] > 0 {
			count[l]--
		} else {
			missing = append(missing, l)
		}
	}
	for _, l := range got {
		if count[l] > 0 {
			count[l]--
			extra = append(extra, l)
		}
	}
	return missing, extra
}

func quoteLines(lines []string) string {
	const most = 3
	var q []string
	for i, l := range lines {
		if i == most {
			q = append(q, fmt.Sprintf("… (+%d)", len(lines)-most))
			break
		}
		q = append(q, strconv.Quote(l))
	}
	return strings.Join(q, ", ")
}

// statusText describes a wait status.
func statusText(st int, lang string) string {
	if sig := st & 0x7f; sig != 0 {
		return tr(lang, kernel.SignalName(sig)+" 시그널로 종료", "killed by "+kernel.SignalName(sig))
	}
	return tr(lang, fmt.Sprintf("종료 코드 %d", st>>8&0xff), fmt.Sprintf("exit code %d", st>>8&0xff))
}

func (c *Check) wantStatus(st int) bool {
	if c.Signal != "" {
		return st&0x7f == signalNumber(c.Signal)
	}
	return st&0x7f == 0 && st>>8&0xff == *c.Code
}

func (c *Check) evalExit(t *trace, lang string) (bool, string) {
	want := ""
	if c.Signal != "" {
		want = tr(lang, strings.ToUpper(c.Signal)+" 시그널로 종료", "killed by "+strings.ToUpper(c.Signal))
	} else {
		want = tr(lang, fmt.Sprintf("종료 코드 %d", *c.Code), fmt.Sprintf("exit code %d", *c.Code))
	}
	var procs []*procTrace
	switch c.Of {
	case "", "main":
		if p := t.mainProc(); p != nil {
			procs = append(procs, p)
		}
	case "children":
		for _, pid := range t.order[min(1, len(t.order)):] {
			procs = append(procs, t.procs[pid])
		}
	default:
		for _, pid := range t.order {
			procs = append(procs, t.procs[pid])
		}
	}
	if len(procs) == 0 {
		return false, tr(lang, "해당하는 프로세스가 없습니다.", "There is no such process.")
	}
	var good, bad []*procTrace
	for _, p := range procs {
		if p.exited && c.wantStatus(p.status) {
			good = append(good, p)
		} else {
			bad = append(bad, p)
		}
	}
	describe := func(p *procTrace) string {
		if !p.exited {
			return tr(lang, fmt.Sprintf("PID %d 프로세스(%s)는 끝나지 않았습니다", p.pid, p.name), fmt.Sprintf("process %d (%s) did not end", p.pid, p.name))
		}
		return tr(lang, fmt.Sprintf("PID %d 프로세스(%s): %s", p.pid, p.name, statusText(p.status, Korean)),
			fmt.Sprintf("process %d (%s): %s", p.pid, p.name, statusText(p.status, English)))
	}
	switch c.Of {
	case "", "main":
		return len(bad) == 0, describe(procs[0]) + hide(tr(lang, fmt.Sprintf(" (기대: %s)", want), fmt.Sprintf(" (expected %s)", want))) + "."
	case "any":
		if len(good) > 0 {
			return true, describe(good[0]) + "."
		}
		return false, tr(lang, fmt.Sprintf("기대한 종료 상태%s로 끝난 프로세스가 없습니다.", hide("("+want+")")), fmt.Sprintf("No process ended with the expected status%s.", hide(" ("+want+")")))
	}
	if len(bad) == 0 {
		return true, tr(lang, fmt.Sprintf("프로세스 %d개가 모두 기대대로 끝났습니다 (%s).", len(good), want), fmt.Sprintf("All %d processes: %s.", len(good), want))
	}
	return false, describe(bad[0]) + hide(tr(lang, fmt.Sprintf(" (기대: %s)", want), fmt.Sprintf(" (expected %s)", want))) + "."
}

func (c *Check) countExecs(t *trace) int {
	n := 0
	for _, e := range t.execs {
		if c.Path != "" && e.path != c.Path {
			continue
		}
		if len(c.Argv) > 0 && !slices.Equal(e.argv, c.Argv) {
			continue
		}
		n++
	}
	return n
}

func (c *Check) execText() string {
	var parts []string
	if c.Path != "" {
		parts = append(parts, c.Path)
	}
	if len(c.Argv) > 0 {
		q := make([]string, len(c.Argv))
		for i, a := range c.Argv {
			q[i] = strconv.Quote(a)
		}
		parts = append(parts, "{"+strings.Join(q, ", ")+"}")
	}
	return strings.Join(parts, " ")
}

func (c *Check) evalZombies(t *trace, lang string) (bool, string) {
	if c.Expect == "none-left" {
		for _, pid := range t.order {
			if p := t.procs[pid]; p.zombieLeft {
				return false, tr(lang, fmt.Sprintf("PID %d 프로세스(%s)는 부모가 wait로 거두지 않아 부모가 끝날 때까지 좀비로 남았습니다.", p.pid, p.name),
					fmt.Sprintf("Process %d (%s) was left a zombie: its parent never reaped it with wait before ending.", p.pid, p.name))
			}
		}
		for _, pid := range t.order {
			if p := t.procs[pid]; c.Ticks > 0 && p.exited && p.reaped >= 0 && p.reaped-p.ended >= c.Ticks {
				return false, tr(lang, fmt.Sprintf("PID %d 프로세스(%s)는 끝난 뒤 %d틱 동안 좀비로 있다가 거두어졌습니다%s.", p.pid, p.name, p.reaped-p.ended, hide(fmt.Sprintf(" (%d틱 안에 거두어야 합니다)", c.Ticks))),
					fmt.Sprintf("Process %d (%s) stayed a zombie for %d ticks before it was reaped%s.", p.pid, p.name, p.reaped-p.ended, hide(fmt.Sprintf(" (it must be reaped within %d)", c.Ticks))))
			}
		}
		if c.Ticks > 0 {
			return true, tr(lang, fmt.Sprintf("모든 자식 프로세스가 끝나자마자(%d틱 안에) 거두어졌습니다.", c.Ticks), fmt.Sprintf("Every child was reaped soon after it ended (within %d ticks).", c.Ticks))
		}
		return true, tr(lang, "모든 자식 프로세스를 부모가 wait로 거두었습니다. 남은 좀비가 없습니다.", "Every child was reaped by its parent with wait: no zombie was left behind.")
	}
	need := max(c.Ticks, 1)
	for _, pid := range t.order {
		p := t.procs[pid]
		if !p.exited {
			continue
		}
		if p.zombieLeft || p.reaped < 0 || p.reaped-p.ended >= need {
			d := p.reaped - p.ended
			if p.reaped < 0 {
				d = t.result.Ticks - p.ended
			}
			return true, tr(lang, fmt.Sprintf("PID %d 프로세스(%s)가 %d틱 동안 좀비(종료되었지만 아직 거두어지지 않은 상태)였습니다.", p.pid, p.name, d),
				fmt.Sprintf("Process %d (%s) was a zombie (terminated, not yet reaped) for %d ticks.", p.pid, p.name, d))
		}
	}
	return false, tr(lang, fmt.Sprintf("%d틱 이상 좀비로 남은 프로세스가 없습니다.", need), fmt.Sprintf("No process stayed a zombie for %d ticks or more.", need))
}

// selected lists the processes that Of names: all (default), main,
// children, or those with a command name.
func (t *trace) selected(of string) []*procTrace {
	var out []*procTrace
	for i, pid := range t.order {
		p := t.procs[pid]
		switch of {
		case "", "all":
		case "main":
			if i != 0 {
				continue
			}
		case "children":
			if i == 0 {
				continue
			}
		default:
			if p.name != of {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

func (c *Check) countTransitions(t *trace) int {
	n := 0
	for _, p := range t.selected(c.Of) {
		for k, v := range p.transitions {
			if (c.From == "" || stateNumber(c.From) == int(k[0])) && (c.To == "" || stateNumber(c.To) == int(k[1])) {
				n += v
			}
		}
	}
	return n
}

func (c *Check) transitionText(lang string) string {
	from, to := c.From, c.To
	if from == "" {
		from = tr(lang, "아무 상태", "any")
	}
	if to == "" {
		to = tr(lang, "아무 상태", "any")
	}
	return from + " → " + to
}

// metric measures c.Metric in the run, with the kernel's figures; ok is
// false when no process is there to measure.
func (c *Check) metric(t *trace) (float64, bool) {
	m := t.metrics
	switch c.Metric {
	case "switches":
		return float64(m.ContextSwitches), true
	case "switchTicks":
		return float64(m.SwitchTicks), true
	case "preemptions":
		return float64(m.Preemptions), true
	case "dispatches":
		return float64(m.Dispatches), true
	case "ticks":
		return float64(m.Ticks), true
	case "cpuTicks":
		return float64(m.Busy), true
	case "utilisation":
		return m.Utilisation, true
	case "throughput":
		return m.Throughput, true
	}
	byPID := map[int]analysis.ProcMetrics{}
	for _, p := range m.Procs {
		byPID[p.PID] = p
	}
	var vals []float64
	for _, p := range t.selected(c.Of) {
		pm, ok := byPID[p.pid]
		if !ok {
			continue
		}
		switch c.Metric {
		case "turnaround":
			if pm.Turnaround >= 0 {
				vals = append(vals, float64(pm.Turnaround))
			}
		case "response":
			if pm.Response >= 0 {
				vals = append(vals, float64(pm.Response))
			}
		case "waiting":
			vals = append(vals, float64(pm.Waiting))
		case "cpu":
			vals = append(vals, float64(pm.CPU))
		case "blocked":
			vals = append(vals, float64(pm.Blocked))
		}
	}
	if len(vals) == 0 {
		return 0, false
	}
	switch c.Agg {
	case "sum":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s, true
	case "min":
		return slices.Min(vals), true
	case "max":
		return slices.Max(vals), true
	}
	s := 0.0
	for _, v := range vals {
		s += v
	}
	return s / float64(len(vals)), true
}

func (c *Check) metricText(lang string) string {
	w, ok := metricWords[c.Metric]
	if !ok {
		return c.Metric
	}
	name := tr(lang, w[0], w[1])
	if !perProcessMetric(c.Metric) {
		return name
	}
	agg := aggWords[c.Agg]
	if c.Agg == "" {
		agg = aggWords["avg"]
	}
	of := tr(lang, "모든 프로세스", "all processes")
	if c.Of == "children" {
		of = tr(lang, "자식 프로세스", "the children")
	}
	return tr(lang, fmt.Sprintf("%s의 %s %s", of, w[0], agg[0]), fmt.Sprintf("%s %s of %s", agg[1], w[1], of))
}

// metricWords are the metrics' names as the lecture says them, in
// Korean and English.
var metricWords = map[string][2]string{
	"turnaround": {"반환 시간", "turnaround time"}, "waiting": {"대기 시간", "waiting time"},
	"response": {"응답 시간", "response time"}, "cpu": {"CPU 사용 시간", "CPU time"},
	"blocked": {"사건 대기 시간", "time blocked"}, "switches": {"문맥 교환 횟수", "context switches"},
	"switchTicks": {"문맥 교환에 쓴 틱", "ticks spent switching"}, "preemptions": {"선점 횟수", "preemptions"},
	"dispatches": {"디스패치 횟수", "dispatches"}, "ticks": {"전체 실행 시간", "length of the run"},
	"cpuTicks": {"CPU가 일한 틱", "CPU busy ticks"}, "utilisation": {"CPU 이용률", "CPU utilisation"},
	"throughput": {"처리량", "throughput"},
}

var aggWords = map[string][2]string{
	"avg": {"평균", "average"}, "sum": {"합", "total"}, "min": {"최솟값", "smallest"}, "max": {"최댓값", "largest"},
}

// measure is the number a question's Verify names, in run t.
func (c *Check) measure(t *trace) (float64, bool) {
	switch c.Type {
	case CheckProcesses:
		return float64(len(t.selected(c.Of))), true
	case CheckOrphans:
		n := 0
		for _, pid := range t.order {
			if t.procs[pid].adopted {
				n++
			}
		}
		return float64(n), true
	case CheckExec:
		return float64(c.countExecs(t)), true
	case CheckStates:
		return float64(c.countTransitions(t)), true
	case CheckMetric:
		return c.metric(t)
	case CheckDeadlock:
		return float64(t.cycleLen()), true
	case CheckSignals, CheckSyscalls, CheckBlocked:
		return c.measureIPC(t), true
	case CheckExplore:
		return c.measureExplore(t)
	case CheckOutput:
		return float64(countMatching(c.Pattern, outputLines(map[bool]string{true: t.stderr, false: t.stdout}[c.Stream == "stderr"]))), true
	case CheckExit:
		if p := t.mainProc(); p != nil && p.exited {
			if c.Signal != "" || p.status&0x7f != 0 {
				return float64(p.status & 0x7f), true
			}
			return float64(p.status >> 8 & 0xff), true
		}
	}
	return 0, false
}

var leadingNumber = lazyRegexp(`^[-+]?(\d[\d,]*)?(\.\d+)?`)

// normalize prepares a text answer for comparison: case, spaces and a
// final full stop do not matter.
func normalize(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".。")
}

func (c *Check) evalQuestion(answer, lang string) (bool, string) {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return false, tr(lang, "아직 답하지 않았습니다.", "Not answered yet.")
	}
	switch c.Format {
	case "number":
		lead := leadingNumber().FindString(answer)
		got, err := parseNumber(lead)
		if lead == "" || err != nil {
			return false, tr(lang, fmt.Sprintf("숫자가 아닙니다: %q", answer), fmt.Sprintf("%q is not a number.", answer))
		}
		want, _ := parseNumber(c.Answer)
		if math.Abs(got-want) <= c.Tolerance+1e-9 {
			return true, tr(lang, "정답입니다.", "Correct.")
		}
		return false, tr(lang, fmt.Sprintf("정답이 아닙니다: %s", num(got)), fmt.Sprintf("%s is not right.", num(got)))
	case "choice":
		if answer == c.Answer {
			return true, tr(lang, "정답입니다.", "Correct.")
		}
		for _, ch := range c.Choices {
			if ch.ID == answer {
				return false, tr(lang, fmt.Sprintf("정답이 아닙니다: %q", ch.Text.Ko), fmt.Sprintf("%q is not right.", ch.Text.En))
			}
		}
		return false, tr(lang, "보기 중에서 고르세요.", "Pick one of the choices.")
	}
	got := normalize(answer)
	for _, ok := range append([]string{c.Answer}, c.Accept...) {
		if got == normalize(ok) {
			return true, tr(lang, "정답입니다.", "Correct.")
		}
	}
	return false, tr(lang, fmt.Sprintf("정답이 아닙니다: %q", answer), fmt.Sprintf("%q is not right.", answer))
}
