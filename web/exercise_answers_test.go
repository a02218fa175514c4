package web

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"osplay/api"
	"osplay/exercises"
)

// shows reports whether text shows a question's answer: a number standing
// alone, a text as whole words, ignoring case.
func shows(text, answer string, number bool) bool {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return false
	}
	if number {
		return regexp.MustCompile(`(^|[^\d.])` + regexp.QuoteMeta(answer) + `($|[^\d]|\.(\D|$))`).MatchString(text)
	}
	return regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(answer) + `($|[^\p{L}\p{N}])`).MatchString(text)
}

var checkTitle = regexp.MustCompile(`<span class="x-check-title">([^<]*)</span>`)

// No exercise page, as it is first served, shows the answer of one of its
// questions among its checks.
func TestExercisePagesKeepAnswers(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	list, err := exercises.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		for _, lang := range []string{"ko", "en"} {
			r := get(t, srv.URL+"/x/"+x.Slug+"?lang="+lang, nil)
			if r.status != 200 {
				t.Fatalf("%s: %d", x.Slug, r.status)
			}
			titles := checkTitle.FindAllStringSubmatch(r.body, -1)
			if len(titles) == 0 {
				t.Fatalf("%s: no check on the page", x.Slug)
			}
			for _, c := range x.Checks {
				if c.Type != exercises.CheckQuestion {
					continue
				}
				answer, number := c.Answer, c.Format == "number"
				if c.Format == "choice" {
					for _, ch := range c.Choices {
						if ch.ID == c.Answer {
							answer = ch.Text.In(lang)
						}
					}
				}
				for _, m := range titles {
					if title := html.UnescapeString(m[1]); shows(title, answer, number) {
						t.Errorf("%s (%s): the check %q shows the answer %q of question %s", x.Slug, lang, title, answer, c.ID)
					}
				}
			}
		}
	}
}

// A check says what it expected only when asked.
func TestCheckRevealsOnlyOnRequest(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	check := func(body string) exercises.Report {
		t.Helper()
		r := post(t, srv.URL+"/api/exercises/nfork-exit/check", "application/json", body)
		var rep exercises.Report
		if err := json.Unmarshal([]byte(r.body), &rep); err != nil || r.status != 200 {
			t.Fatalf("%d %s", r.status, r.body)
		}
		return rep
	}
	for _, c := range check(`{"files":[],"lang":"en"}`).Checks {
		if c.Expected != "" || strings.Contains(c.Message, "nfork(nfork nfork)") {
			t.Errorf("unasked, check %s says %q / %q", c.ID, c.Message, c.Expected)
		}
		if !c.Passed && c.Type != exercises.CheckQuestion && c.Hint == "" {
			t.Errorf("the failed check %s says nowhere to look", c.ID)
		}
	}
	for _, c := range check(`{"files":[],"lang":"en","reveal":true,"answers":{"children":"3"}}`).Checks {
		switch c.ID {
		case "tree":
			if !strings.Contains(c.Expected, "expected nfork(nfork nfork)") {
				t.Errorf("asked, the tree check says %q", c.Expected)
			}
		case "children":
			if c.Passed || c.Expected != "2" {
				t.Errorf("asked after a wrong answer, the question says %+v", c)
			}
		}
	}
}
