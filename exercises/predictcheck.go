package exercises

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"osplay/kernel"
)

// A predict check asks for predictions during the run, at chosen ticks,
// and passes when every one was right:
//
//	- id: interleaving
//	  type: predict
//	  predictions:
//	    - tick: 40                  asked when the run reaches tick 40
//	      ask: {ko: …, en: Which line is printed next?}
//	      measure: output           the next line stdout gets from here on
//	      choices: ["child: a", "parent: x"]
//	      answer: "child: a"
//	    - tick: 60
//	      ask: {ko: …, en: What will counter be at tick 90?}
//	      measure: var              a global of the first process at tick at
//	      var: counter
//	      at: 90
//	      answer: 2
//	    - tick: 70
//	      measure: procs            the live processes at tick at (init left out)
//	      at: 80
//
// Every measure is of what the page has not been sent when it asks: the
// lines printed from the tick on, the value or the processes at a later
// tick (at), never what the views show at the tick itself.
// The page pauses the run at each tick in order (the session's run
// until a tick) and asks; the answers go with the program to the check,
// newline-separated in the order of the predictions. The server runs the
// program again with the exercise's settings to each tick and measures
// what was asked: the verdict is the server's, and the page never holds
// an answer (the choices of an output prediction are shown sorted). The
// author's answer is what the reference run measures: the test suite
// requires it, as a question's verify.

// Prediction is one question of a predict check.
type Prediction struct {
	Tick    int64    `json:"tick"`
	Ask     Text     `json:"ask"`
	Measure string   `json:"measure"`           // output, var, procs
	Var     string   `json:"var,omitempty"`     // var: the global's name
	At      int64    `json:"at,omitempty"`      // var, procs: the later tick measured
	Choices []string `json:"choices,omitempty"` // output: the lines to choose from
	Answer  string   `json:"answer"`            // what the reference run measures
}

// PredictionView is a prediction as the page asks it: no answer, the
// choices sorted.
type PredictionView struct {
	Tick    int64    `json:"tick"`
	Ask     string   `json:"ask"`
	Measure string   `json:"measure"`
	Var     string   `json:"var,omitempty"`
	At      int64    `json:"at,omitempty"`
	Choices []string `json:"choices,omitempty"`
}

// Bounds of a predict check.
const (
	maxPredictions  = 10
	maxPredictTick  = 200_000
	predictTime     = 10 * time.Second
	maxPredictLines = 8
)

// What a prediction measures.
var predictMeasures = []string{"output", "var", "procs"}

func (c *Check) validatePredict(path string, verify bool, bad func(field, format string, args ...any)) []*fieldError {
	if verify {
		bad("type", "a predict check cannot verify a question")
		return nil
	}
	var errs []*fieldError
	if len(c.Predictions) == 0 || len(c.Predictions) > maxPredictions {
		bad("predictions", "give 1 to %d predictions", maxPredictions)
	}
	last := int64(0)
	for i, p := range c.Predictions {
		at := fmt.Sprintf("predictions[%d]", i)
		field := func(f string) string { return at + "." + f }
		if p.Tick <= last || p.Tick > maxPredictTick {
			bad(field("tick"), "%d: ticks go up, each above the one before, from 1 to %d", p.Tick, maxPredictTick)
		}
		last = p.Tick
		errs = append(errs, checkText(join(path, at), "ask", p.Ask, true)...)
		if p.Answer == "" {
			bad(field("answer"), "give what the reference run measures (the test suite checks it)")
		}
		switch p.Measure {
		case "output":
			if len(p.Choices) < 2 || len(p.Choices) > maxPredictLines {
				bad(field("choices"), "give 2 to %d lines to choose from", maxPredictLines)
			}
			if !slices.Contains(p.Choices, p.Answer) {
				bad(field("answer"), "%q is not one of the choices", p.Answer)
			}
			if p.Var != "" {
				bad(field("var"), "belongs to measure var")
			}
			if p.At != 0 {
				bad(field("at"), "an output prediction is of the lines printed from its tick on: no at")
			}
		case "var", "procs":
			if p.At <= p.Tick || p.At > maxPredictTick {
				bad(field("at"), "%d: the tick measured comes after the tick asked (%d), at most %d — what the page shows when it asks is no prediction", p.At, p.Tick, maxPredictTick)
			}
			if p.Measure == "var" && !cIdentifier().MatchString(p.Var) {
				bad(field("var"), "%q is not the name of a C variable", p.Var)
			}
			if p.Measure == "procs" && p.Var != "" {
				bad(field("var"), "belongs to measure var")
			}
			if len(p.Choices) > 0 {
				bad(field("choices"), "an answer of measure %s is a number: no choices", p.Measure)
			}
			if _, err := strconv.ParseInt(p.Answer, 10, 64); p.Answer != "" && err != nil {
				bad(field("answer"), "%q is not a whole number", p.Answer)
			}
		default:
			bad(field("measure"), "%q: use one of %s", p.Measure, strings.Join(predictMeasures, ", "))
		}
	}
	return errs
}

// views are c's predictions as the page asks them.
func (c *Check) predictionViews(lang string) []PredictionView {
	var out []PredictionView
	for _, p := range c.Predictions {
		v := PredictionView{Tick: p.Tick, Ask: p.Ask.In(lang), Measure: p.Measure, Var: p.Var, At: p.At, Choices: slices.Clone(p.Choices)}
		slices.Sort(v.Choices) // not in the author's order, which could give the answer away
		out = append(out, v)
	}
	return out
}

// predictAnswers are the reference answers, as the page sends them.
func (c *Check) predictAnswers() string {
	parts := make([]string, len(c.Predictions))
	for i, p := range c.Predictions {
		parts[i] = p.Answer
	}
	return strings.Join(parts, "\n")
}

// measured is what the run gave at each prediction's tick: the answer
// text, or why it could not be measured.
type measured struct {
	value string
	err   string
}

// measurePredictions runs t's program again with the exercise's settings
// and measures each prediction at its tick. The run ends by the sooner of
// predictTime and the evaluation's context.
func (c *Check) measurePredictions(t *trace, lang string) ([]measured, string) {
	parent := t.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithTimeout(parent, predictTime)
	defer cancel()
	var stdout, stderr limitedBuffer
	r := t.settings
	cfg := r.kernelConfig(t.files, &stdout, &stderr)
	cfg.MaxTicks = min(cfg.MaxTicks, maxPredictTick+exploreMaxTicks)
	first := 0
	cfg.OnEvent = func(e kernel.Event) {
		if first == 0 && e.Kind == kernel.KindCreate && e.PID != 1 {
			first = e.PID
		}
	}
	m := kernel.New(cfg)
	if err := m.Start(append([]string{t.main}, r.Argv...)); err != nil {
		return nil, tr(lang, "프로그램을 시작할 수 없습니다.", "The program could not start.")
	}
	stop := context.AfterFunc(ctx, m.Interrupt)
	defer stop()
	runTo := func(tick int64) bool {
		for m.Now() < tick && !m.Done() {
			from := m.Now()
			m.RunTo(min(tick, from+1000))
			if ctx.Err() != nil {
				return false
			}
			if m.Now() == from {
				break // it can only wait
			}
		}
		return true
	}
	out := make([]measured, len(c.Predictions))
	offsets := make([]int, len(c.Predictions))
	// Each prediction is measured at its point: an output one at its tick,
	// the others at their later tick; the run goes to each in turn.
	order := make([]int, len(c.Predictions))
	point := func(p Prediction) int64 {
		if p.Measure == "output" {
			return p.Tick
		}
		return p.At
	}
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(point(c.Predictions[a]), point(c.Predictions[b])) })
	for _, i := range order {
		p := c.Predictions[i]
		at := point(p)
		if !runTo(at) {
			return nil, tr(lang, "예측을 확인하는 실행이 시간 제한에 걸렸습니다.", "The run that checks the predictions reached its time limit.")
		}
		if m.Now() < at {
			out[i].err = tr(lang, fmt.Sprintf("실행이 틱 %d에 이르기 전에 끝났습니다.", at), fmt.Sprintf("The run ended before tick %d.", at))
			continue
		}
		switch p.Measure {
		case "output":
			offsets[i] = len(stdout.String())
		case "var":
			out[i].err = tr(lang, "변수 "+p.Var+"를 읽을 수 없습니다.", "Variable "+p.Var+" cannot be read.")
			for _, g := range m.GlobalsNow(first, 1<<10) {
				if g.Name == p.Var {
					out[i] = measured{value: strconv.FormatInt(g.Value, 10)}
				}
			}
		case "procs":
			n := 0
			for _, b := range m.ProcessList() {
				if b.PID != 1 && b.State != kernel.StateTerminated {
					n++
				}
			}
			out[i].value = strconv.Itoa(n)
		}
	}
	needsEnd := slices.ContainsFunc(c.Predictions, func(p Prediction) bool { return p.Measure == "output" })
	if needsEnd && !runTo(m.Now()+exploreMaxTicks) {
		return nil, tr(lang, "예측을 확인하는 실행이 시간 제한에 걸렸습니다.", "The run that checks the predictions reached its time limit.")
	}
	text := stdout.String()
	for i, p := range c.Predictions {
		if p.Measure != "output" || out[i].err != "" {
			continue
		}
		rest := text[offsets[i]:]
		line, _, found := strings.Cut(rest, "\n")
		if !found && line == "" {
			out[i].err = tr(lang, fmt.Sprintf("틱 %d 뒤로는 출력이 없습니다.", p.Tick), fmt.Sprintf("Nothing is printed after tick %d.", p.Tick))
			continue
		}
		out[i].value = line
	}
	return out, ""
}

// evalPredict compares the student's predictions (newline-separated, in
// order) with what the run measures at each tick.
func (c *Check) evalPredict(t *trace, answer, lang string) (bool, string) {
	got := strings.Split(strings.ReplaceAll(answer, "\r", ""), "\n")
	if strings.TrimSpace(answer) == "" {
		return false, tr(lang, "아직 예측하지 않았습니다: 실행(Run)하면 정해진 틱마다 멈추고 묻습니다.",
			"No predictions yet: Run the program, and it stops to ask at each of the chosen ticks.")
	}
	ms, failed := c.measurePredictions(t, lang)
	if failed != "" {
		return false, failed
	}
	right := 0
	var wrong []string
	for i, p := range c.Predictions {
		g := ""
		if i < len(got) {
			g = strings.TrimSpace(got[i])
		}
		m := ms[i]
		ok := m.err == "" && g != "" && g == m.value
		if p.Measure != "output" && m.err == "" && g != "" {
			a, err1 := strconv.ParseInt(g, 10, 64)
			b, err2 := strconv.ParseInt(m.value, 10, 64)
			ok = err1 == nil && err2 == nil && a == b
		}
		if ok {
			right++
			continue
		}
		said := g
		if said == "" {
			said = tr(lang, "답 없음", "no answer")
		}
		why := hide(tr(lang, fmt.Sprintf(" (실제: %s)", m.value), fmt.Sprintf(" (it was %s)", m.value)))
		if m.err != "" {
			why = " " + m.err
		}
		wrong = append(wrong, tr(lang, fmt.Sprintf("틱 %d: %q%s", p.Tick, said, why), fmt.Sprintf("tick %d: %q%s", p.Tick, said, why)))
	}
	n := len(c.Predictions)
	if right == n {
		return true, tr(lang, fmt.Sprintf("예측 %d개가 모두 맞았습니다.", n), fmt.Sprintf("All %d predictions were right.", n))
	}
	return false, tr(lang, fmt.Sprintf("예측 %d개 중 %d개가 맞았습니다. 틀린 예측: %s.", n, right, strings.Join(wrong, "; ")),
		fmt.Sprintf("%d of %d predictions were right. Not right: %s.", right, n, strings.Join(wrong, "; ")))
}
