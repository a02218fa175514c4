package exercises

import (
	"regexp"
	"strings"
	"testing"
)

// answerIn reports whether text shows answer: a number standing alone
// (not a digit of a longer number), a text as whole words, ignoring case.
func answerIn(text, answer string, number bool) bool {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return false
	}
	if number {
		return regexp.MustCompile(`(^|[^\d.])` + regexp.QuoteMeta(answer) + `($|[^\d]|\.(\D|$))`).MatchString(text)
	}
	return regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(answer) + `($|[^\p{L}\p{N}])`).MatchString(text)
}

// No built-in exercise's checks give a question's answer away before it is
// answered: not in a check's title, message or hint, with the starter code
// or with the reference solution, in either language; no check reports
// what it expected until asked (Expected); and the run's metrics table
// waits until every question is answered.
func TestChecksKeepAnswers(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	questions := 0
	for _, x := range list {
		type asked struct {
			id, answer string
			number     bool
			choice     Text
		}
		var qs []asked
		for _, c := range x.Checks {
			if c.Type != CheckQuestion {
				continue
			}
			q := asked{id: c.ID, number: c.Format == "number"}
			if c.Format != "choice" {
				q.answer = c.Answer // a choice's id is no text of the page
			}
			for _, ch := range c.Choices {
				if ch.ID == c.Answer {
					q.choice = ch.Text
				}
			}
			qs = append(qs, q)
		}
		if len(qs) == 0 {
			continue
		}
		questions += len(qs)
		programs := map[string]map[string]string{"starter": nil, "solution": x.solutionMap()}
		for name, files := range programs {
			for _, lang := range []string{Korean, English} {
				rep := x.Evaluate(files, nil, lang)
				if rep.Sched != nil {
					t.Errorf("%s %s %s: the metrics table comes before the questions are answered", x.Slug, name, lang)
				}
				for _, r := range rep.Checks {
					if strings.ContainsAny(r.Message+r.Title+r.Hint, hideOpen+hideClose) {
						t.Errorf("%s %s %s: %s: a marker left in %q", x.Slug, name, lang, r.ID, r.Message)
					}
					if r.Type == CheckQuestion {
						if r.Expected != "" {
							t.Errorf("%s %s %s: the unanswered question %s shows its answer %q", x.Slug, name, lang, r.ID, r.Expected)
						}
						continue
					}
					for _, q := range qs {
						for _, s := range []string{r.Title, r.Message, r.Hint, r.Expected} {
							if answerIn(s, q.answer, q.number) || (!q.choice.IsZero() && answerIn(s, q.choice.In(lang), false)) {
								t.Errorf("%s %s %s: check %s shows the answer %q of question %s: %q", x.Slug, name, lang, r.ID, q.answer, q.id, s)
							}
						}
					}
				}
			}
		}
	}
	if questions < 20 {
		t.Fatalf("only %d questions among the exercises", questions)
	}
}

// A failed check says what happened and where to look, not what it
// expected; the expected result is kept apart. A question answered right
// frees its number for the other checks.
func TestFeedbackTeaches(t *testing.T) {
	x := Get("sched-rr")
	rep := x.Evaluate(nil, nil, English)
	byID := map[string]CheckResult{}
	for _, r := range rep.Checks {
		byID[r.ID] = r
	}
	if m := byID["preempted"].Message; !strings.Contains(m, "▢") || strings.Contains(m, "22") {
		t.Errorf("before the question is answered the metric check says %q", m)
	}
	rep = x.Evaluate(nil, map[string]string{"preemptions": "22"}, English)
	for _, r := range rep.Checks {
		switch r.ID {
		case "preempted":
			if !strings.Contains(r.Message, "preemptions: 22") || strings.Contains(r.Message, "expected") || !strings.Contains(r.Expected, "at least 10") {
				t.Errorf("after the right answer: message %q, expected %q", r.Message, r.Expected)
			}
		case "preemptions":
			if !r.Passed || r.Expected != "22" {
				t.Errorf("the question: %+v", r)
			}
		}
	}
	x = Get("nfork-exit")
	rep = x.Evaluate(nil, nil, Korean)
	for _, r := range rep.Checks {
		if r.ID == "tree" {
			if r.Passed || strings.Contains(r.Message, "nfork(nfork nfork)") || r.Hint == "" || !strings.Contains(r.Expected, "기대") {
				t.Errorf("the starter's tree check: %+v", r)
			}
		}
	}
}

func (x *Exercise) solutionMap() map[string]string {
	m := map[string]string{}
	for _, f := range x.SolutionFiles() {
		m[f.Name] = f.Text
	}
	return m
}

// A metric check is titled in words, not by the metric's name in the
// format.
func TestMetricTitlesInWords(t *testing.T) {
	c := Check{Type: CheckMetric, Metric: "waiting", Of: "children"}
	if got := c.title(English); got != "Scheduling metric: average waiting time of the children" {
		t.Errorf("English title %q", got)
	}
	if got := c.title(Korean); got != "스케줄링 지표: 자식 프로세스의 대기 시간 평균" {
		t.Errorf("Korean title %q", got)
	}
	for name := range Metrics {
		if _, ok := metricWords[name]; !ok {
			t.Errorf("the metric %s has no words", name)
		}
	}
}

// A scheduling exercise's report carries the run's metrics table once every
// question is answered, right or wrong, and not while one is unanswered;
// the table's figures are the ones the checks measure.
func TestSchedTableAfterAnswers(t *testing.T) {
	x := Get("sched-rr")
	if x == nil {
		t.Fatal("no exercise sched-rr")
	}
	all := x.Answers()
	some := map[string]string{}
	for id, a := range all {
		some[id] = a
		break
	}
	if rep := x.Evaluate(nil, some, English); rep.Sched != nil {
		t.Errorf("with %d of %d questions answered the table is there", len(some), len(all))
	}
	wrong := map[string]string{}
	for id := range all {
		wrong[id] = "1"
	}
	rep := x.Evaluate(nil, wrong, English)
	if rep.Sched == nil {
		t.Fatal("no table once every question is answered")
	}
	m := rep.Sched
	children := 0
	var response int64
	for _, p := range m.Procs {
		if p.Name == "jobs" && p.Arrival == 0 {
			continue // the parent
		}
		children++
		response += p.Response
	}
	if children != 3 {
		t.Fatalf("%d children in the table, want 3: %+v", children, m.Procs)
	}
	if avg := float64(response) / 3; avg < 69 || avg > 71 {
		t.Errorf("the children's average response in the table is %.2f, the question's answer is 70±1", avg)
	}
	if c := m.Children; c == nil || c.Count != 3 || c.AvgResponse < 69 || c.AvgResponse > 71 {
		t.Errorf("the table's averages of the children: %+v, want 3 with a response of 70±1", c)
	}
	if m.Preemptions != 22 {
		t.Errorf("%d preemptions in the table, the question's answer is 22", m.Preemptions)
	}
	if fcfs := Get("sched-fcfs"); fcfs != nil {
		if rep := fcfs.Evaluate(nil, fcfs.Answers(), English); rep.Sched == nil || len(rep.Sched.Procs) == 0 {
			t.Errorf("sched-fcfs answered: no table")
		}
	}
	if fork := Get("fork-loop"); fork != nil {
		if rep := fork.Evaluate(nil, fork.Answers(), English); rep.Sched != nil {
			t.Errorf("fork-loop is no scheduling exercise, yet its report has a table")
		}
	}
}
