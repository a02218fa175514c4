package exercises

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

var predictExercises = []string{"predict-fork-interleaving", "predict-thread-interleaving"}

func predictCheck(t *testing.T, x *Exercise) *Check {
	t.Helper()
	for i := range x.Checks {
		if x.Checks[i].Type == CheckPredict {
			return &x.Checks[i]
		}
	}
	t.Fatalf("%s has no predict check", x.Slug)
	return nil
}

// The right predictions pass; one wrong prediction fails the check and
// says at which tick, without the answer until it is revealed; none at
// all fails too. The server measures each answer in its own run.
func TestPredictionsAreScoredByTheServer(t *testing.T) {
	for _, slug := range predictExercises {
		x := Get(slug)
		if x == nil {
			t.Fatalf("no exercise %s", slug)
		}
		c := predictCheck(t, x)
		right := x.Answers()
		for _, lang := range []string{English, Korean} {
			rep := x.Evaluate(nil, right, lang)
			if !rep.Passed {
				t.Errorf("%s %s: the right predictions fail: %+v", slug, lang, rep.Checks)
			}
		}
		for i, p := range c.Predictions {
			answers := strings.Split(c.predictAnswers(), "\n")
			wrong := "999"
			if p.Measure == "output" {
				for _, ch := range p.Choices {
					if ch != p.Answer {
						wrong = ch
						break
					}
				}
			}
			answers[i] = wrong
			rep := x.Evaluate(nil, map[string]string{c.ID: strings.Join(answers, "\n")}, English)
			r := rep.Checks[slices.IndexFunc(rep.Checks, func(r CheckResult) bool { return r.ID == c.ID })]
			if r.Passed {
				t.Errorf("%s: prediction %d answered %q passes", slug, i, wrong)
				continue
			}
			if !strings.Contains(r.Message, "Not right: tick ") || !strings.Contains(r.Message, wrong) {
				t.Errorf("%s: prediction %d: message %q", slug, i, r.Message)
			}
			if strings.Contains(r.Message, "it was "+p.Answer) {
				t.Errorf("%s: the message gives the answer away: %q", slug, r.Message)
			}
			if !strings.Contains(r.Expected, "it was "+p.Answer) {
				t.Errorf("%s: what was expected, on request: %q", slug, r.Expected)
			}
		}
		rep := x.Evaluate(nil, nil, Korean)
		if rep.Passed || !hasHangul(rep.Checks[0].Message) {
			t.Errorf("%s: no predictions: %+v", slug, rep.Checks[0])
		}
	}
}

// The page's view of a predict check holds the questions and their
// ticks, never an answer: no answer field, the choices sorted (not in
// the author's order, which might put the answer first).
func TestPredictionsDoNotLeakIntoThePage(t *testing.T) {
	for _, slug := range predictExercises {
		x := Get(slug)
		c := predictCheck(t, x)
		for _, lang := range []string{English, Korean} {
			page := x.Render(lang)
			var v *CheckView
			for i := range page.Checks {
				if page.Checks[i].ID == c.ID {
					v = &page.Checks[i]
				}
			}
			if v == nil || len(v.Predictions) != len(c.Predictions) {
				t.Fatalf("%s: the page's check %+v", slug, v)
			}
			js, _ := json.Marshal(v)
			if strings.Contains(string(js), `"answer"`) {
				t.Errorf("%s: the page's check carries an answer: %s", slug, js)
			}
			for i, p := range v.Predictions {
				src := c.Predictions[i]
				if p.Tick != src.Tick || p.Ask != src.Ask.In(lang) || p.Measure != src.Measure || !slices.IsSorted(p.Choices) {
					t.Errorf("%s: prediction %d as the page asks it: %+v", slug, i, p)
				}
				if p.Measure != "output" && strings.Contains(p.Ask, src.Answer) {
					t.Errorf("%s: the question %q holds its answer %s", slug, p.Ask, src.Answer)
				}
			}
		}
	}
}

// A predict check's run ends with the request.
func TestPredictionsEndWithTheRequest(t *testing.T) {
	x := Get(predictExercises[0])
	c := predictCheck(t, x)
	tr := x.settings().run(x.Files, x.MainFile(), false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tr.ctx = ctx
	if ok, m := c.evaluate(tr, c.predictAnswers(), English); ok || !strings.Contains(m, "time limit") {
		t.Errorf("a request gone: passed %v, %q", ok, m)
	}
}

func TestPredictCheckValidation(t *testing.T) {
	ask := Text{Ko: "다음 줄은?", En: "Which line next?"}
	for _, tc := range []struct {
		name string
		p    []Prediction
		want string
	}{
		{"none", nil, "give 1 to 10 predictions"},
		{"ticks down", []Prediction{{Tick: 9, Ask: ask, Measure: "procs", Answer: "1"}, {Tick: 3, Ask: ask, Measure: "procs", Answer: "1"}}, "ticks go up"},
		{"not a choice", []Prediction{{Tick: 3, Ask: ask, Measure: "output", Choices: []string{"a", "b"}, Answer: "c"}}, "is not one of the choices"},
		{"one choice", []Prediction{{Tick: 3, Ask: ask, Measure: "output", Choices: []string{"a"}, Answer: "a"}}, "give 2 to 8 lines"},
		{"no var", []Prediction{{Tick: 3, Ask: ask, Measure: "var", At: 5, Answer: "1"}}, "is not the name of a C variable"},
		{"now", []Prediction{{Tick: 3, Ask: ask, Measure: "procs", At: 3, Answer: "1"}}, "the tick measured comes after the tick asked"},
		{"output at", []Prediction{{Tick: 3, Ask: ask, Measure: "output", At: 9, Choices: []string{"a", "b"}, Answer: "a"}}, "no at"},
		{"not a number", []Prediction{{Tick: 3, Ask: ask, Measure: "var", Var: "n", Answer: "x"}}, "is not a whole number"},
		{"measure", []Prediction{{Tick: 3, Ask: ask, Measure: "state", Answer: "1"}}, `"state": use one of output, var, procs`},
		{"english", []Prediction{{Tick: 3, Ask: Text{Ko: "?"}, Measure: "procs", Answer: "1"}}, "the English text is missing"},
	} {
		c := Check{ID: "p", Type: CheckPredict, Predictions: tc.p}
		errs := c.validate("checks[0]", false)
		var all []string
		for _, e := range errs {
			all = append(all, e.Error())
		}
		if !strings.Contains(strings.Join(all, "\n"), tc.want) {
			t.Errorf("%s: errors %q, want %q", tc.name, all, tc.want)
		}
	}
}
