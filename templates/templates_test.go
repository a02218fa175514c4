package templates

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func has(t *testing.T, html string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(html, w) {
			t.Errorf("no %q in\n%.300s…", w, html)
		}
	}
}

var examples = []ExampleCard{
	{Name: "forkexecl", Title: "forkexecl.c", Source: "Lab 3-3", Summary: "the child becomes `ls -l`", Files: []string{"forkexecl.c"}},
	{Name: "background", Title: "background.c", Summary: "a shell's `&`", Files: []string{"background.c"}, Args: "ls -l"},
}

func TestPlayHasTheTestHooks(t *testing.T) {
	p := Page{Lang: "en", Title: "Playground", Active: "play", Path: "/play", Assets: "abc"}
	html := render(t, Play(p, PlayData{Examples: examples, Selected: "forkexecl", MaxCPUs: 4,
		Schedulers: []Option{{Value: "rr", Label: "Round robin", Selected: true}, {Value: "fcfs", Label: "FCFS"}},
		Boot:       map[string]any{"lang": "en"}}))
	has(t, html,
		`data-action="run"`, `data-action="step"`, `data-action="pause"`, `data-action="step-event"`,
		`data-action="step-syscall"`, `data-action="reset"`, `data-view="editor"`, `data-view="console"`,
		`data-view="proctree"`, `data-view="gantt"`, `data-view="states"`, `data-view="queues"`, `data-view="pcb"`,
		`data-control="speed"`, `data-control="timeline"`, `data-control="argv"`, `data-control="stdin"`,
		`data-setting="sched"`, `data-setting="quantum"`, `data-setting="cpus"`, `data-setting="seed"`,
		`data-setting="ctxswitch"`, `<option value="rr" selected>`, `<option value="forkexecl" selected>`,
		`id="osplay-boot" type="application/json"`, `src="/static/js/play.js?v=abc"`, `max="4"`,
		`aria-current="page"`, `role="log"`, `data-signal="SIGTERM"`)
	if strings.Count(html, `data-action="pause" disabled`) != 1 {
		t.Errorf("Pause is not disabled before anything runs")
	}
}

func TestHomeListsExamples(t *testing.T) {
	p := Page{Lang: "en", Active: "home", Path: "/"}
	html := render(t, Home(p, examples))
	has(t, html, `href="/play?example=forkexecl"`, `<code>ls -l</code>`, `data-example="background"`,
		"Lab 3-3", "Programs from the lectures")
}

func TestKorean(t *testing.T) {
	p := Page{Lang: "ko", Active: "home", Path: "/", Query: url.Values{"example": {"onetwo"}}}
	html := render(t, Home(p, examples))
	has(t, html, `<html lang="ko"`, "강의 예제 프로그램", `href="/?example=onetwo&amp;lang=en"`, `aria-current="true">한국어`)
}

func TestEveryStringHasBothLanguages(t *testing.T) {
	for k, v := range catalog {
		if v.en == "" || v.ko == "" {
			t.Errorf("%s: missing a language (%q, %q)", k, v.en, v.ko)
		}
	}
	if T("xx", "btn.run") != "Run" || T("ko", "btn.run") != "실행" || T("en", "no.such.key") != "no.such.key" {
		t.Errorf("T falls back wrongly")
	}
}

func TestInline(t *testing.T) {
	got := Inline("run `ls -l` now")
	if len(got) != 3 || got[1] != (Span{Text: "ls -l", Code: true}) || got[2].Text != " now" {
		t.Errorf("Inline: %+v", got)
	}
}
