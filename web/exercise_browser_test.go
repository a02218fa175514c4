package web

// Real-browser tests of exercises, sharing and embedding, in the style of
// browser_test.go.

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"osplay/api"
	"osplay/exercises"
)

const xSummary = `document.querySelector('[data-show="x-summary"]')`

func TestBrowserExerciseCheckPasses(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	x := exercises.Get("onetwo-getpid")
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/"+x.Slug), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if got := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); got != x.Files[0].Text {
		t.Fatalf("the editor holds %q, not the starter", got)
	}
	// The starter fails.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", xSummary+`.dataset.kind === "failed"`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.x-check[data-result="failed"]').length`); n == 0 {
		t.Errorf("no check fails with the starter")
	}
	msg := eval[string](t, ctx, `document.querySelector('.x-check[data-result="failed"] [data-show="message"]').textContent`)
	if msg == "" {
		t.Errorf("a failed check has no explanation")
	}
	screenshot(t, ctx, "exercise-starter-fails")
	// A hint, one at a time.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="hint"]`)))
	if eval[bool](t, ctx, `document.querySelector('[data-hint="0"]').hidden`) {
		t.Errorf("the hint is still hidden")
	}
	// Fixed: the reference solution typed in the editor, the question answered.
	typeProgram(t, ctx, x.SolutionFiles()[0].Text)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-answer="child-pid"]`), x.Answers()["child-pid"]))
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "all checks passing", xSummary+`.dataset.kind === "passed"`)
	passed := eval[int](t, ctx, `document.querySelectorAll('.x-check[data-result="passed"]').length`)
	if passed != len(x.Checks) {
		t.Errorf("%d of %d checks pass", passed, len(x.Checks))
	}
	if mark := eval[string](t, ctx, `document.querySelector('.x-check .x-mark').textContent`); mark != "✓" {
		t.Errorf("a passed check is marked %q", mark)
	}
	screenshot(t, ctx, "exercise-all-pass")
	// A compile error is marked in the editor. The check is answered
	// (passed, failed, or the server too busy for it, which a loaded
	// machine may say and which is pressed again) before the error list
	// is looked at, so that a failure says what the page said.
	bad := "int main() {\n  return y;\n}\n"
	typeProgram(t, ctx, bad)
	for try := 0; ; try++ {
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
		waitFor(t, ctx, "the check's answer", xSummary+`.dataset.kind !== "busy"`)
		if kind := eval[string](t, ctx, xSummary+`.dataset.kind`); kind != "error" || try == 2 {
			break
		}
	}
	if eval[bool](t, ctx, `document.querySelector('[data-show="errors"]').hidden`) {
		t.Fatalf("no error list after the check; the page says %q", eval[string](t, ctx, xSummary+`.textContent`))
	}
	if text := eval[string](t, ctx, `document.querySelector('[data-show="errors"]').textContent`); !strings.Contains(text, "onetwo.c:2:") {
		t.Errorf("compile errors: %q", text)
	}
}

func TestBrowserEmbedPostsChecks(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	// A course page on another origin (localhost, not 127.0.0.1) embeds
	// the exercise, presses Check by message, and records what it hears.
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	embed := "http://127.0.0.1:" + port + "/embed/x/nfork-children?lang=en"
	course := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Course</title></head><body><h1>OS course, week 3</h1>
<iframe id="lab" src="%s" width="1200" height="900"></iframe>
<script>
window.msgs = [];
window.addEventListener("message", (ev) => {
  window.msgs.push({origin: ev.origin, data: ev.data});
  if (ev.data.type === "osplay:ready") document.getElementById("lab").contentWindow.postMessage({type: "osplay:check"}, "*");
});
</script></body></html>`, embed)
	}))
	defer course.Close()
	_, cport, _ := net.SplitHostPort(strings.TrimPrefix(course.URL, "http://"))
	do(t, ctx, chromedp.Navigate("http://localhost:"+cport+"/"))
	waitFor(t, ctx, "osplay:ready", `window.msgs.some(m => m.data.type === "osplay:ready")`)
	waitFor(t, ctx, "osplay:checks", `window.msgs.some(m => m.data.type === "osplay:checks")`)
	origin := eval[string](t, ctx, `window.msgs.find(m => m.data.type === "osplay:checks").origin`)
	if origin != "http://127.0.0.1:"+port {
		t.Errorf("the message came from %s", origin)
	}
	total := eval[int](t, ctx, `window.msgs.find(m => m.data.type === "osplay:checks").data.total`)
	ids := eval[[]string](t, ctx, `window.msgs.find(m => m.data.type === "osplay:checks").data.checks.map(c => c.id)`)
	if x := exercises.Get("nfork-children"); total != len(x.Checks) || len(ids) != total {
		t.Errorf("osplay:checks: %d checks %v, want %d", total, ids, len(x.Checks))
	}
	screenshot(t, ctx, "embedded-exercise")
}

func TestBrowserShareReopens(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&sched=fcfs&cpus=2"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	src := "#include <stdio.h>\nint main(void) { printf(\"shared\\n\"); return 0; }\n"
	typeProgram(t, ctx, src)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="argv"]`), "a b"))
	eval[bool](t, ctx, `document.querySelector('[data-control="argv"]').dispatchEvent(new Event("input")), true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="share"]`)))
	waitFor(t, ctx, "the link", `(document.querySelector('[data-show="share-url"]') || {}).value`)
	waitFor(t, ctx, "the embed HTML", `(document.querySelector('[data-show="share-embed"]') || {}).value`)
	link := eval[string](t, ctx, `document.querySelector('[data-show="share-url"]').value`)
	if !strings.Contains(link, "/s/") {
		t.Fatalf("share link %q", link)
	}
	if e := eval[string](t, ctx, `document.querySelector('[data-show="share-embed"]').value`); !strings.Contains(e, "<iframe") || !strings.Contains(e, "/embed/s/") {
		t.Errorf("embed HTML %q", e)
	}
	if l := eval[string](t, ctx, `document.querySelector('[data-show="share-long"]').value`); !strings.Contains(l, "#code=") {
		t.Errorf("long link %q", l)
	}
	screenshot(t, ctx, "share-dialog")
	do(t, ctx, chromedp.Navigate(link))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if got := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); got != src {
		t.Errorf("the shared program is %q", got)
	}
	if s := eval[string](t, ctx, `document.querySelector('[data-setting="sched"]').value`); s != "fcfs" {
		t.Errorf("scheduler %q", s)
	}
	if s := eval[string](t, ctx, `document.querySelector('[data-setting="cpus"]').value`); s != "2" {
		t.Errorf("cpus %q", s)
	}
	if s := eval[string](t, ctx, `document.querySelector('[data-control="argv"]').value`); s != "a b" {
		t.Errorf("argv %q", s)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the output", consoleText+`.includes("shared")`)
}

// An author saves a new exercise, then an edit of it, from the pages
// themselves: the browser's form posts pass the cross-site check (the
// pages' Referrer-Policy must leave the browser's Origin on them).
func TestBrowserAuthorsAndEdits(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	fill := func(values map[string][]string) {
		t.Helper()
		js := `(() => { const f = document.querySelector('form[method="post"]'); const v = ` + jsonBody(t, values) + `;
			for (const [k, [x]] of Object.entries(v)) { const e = f.elements[k]; if (!e) continue;
				if (e.type === "checkbox") e.checked = x !== ""; else e.value = x; }
			window.leftByTest = true; f.submit(); return true })()`
		eval[bool](t, ctx, js)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/u/new"))
	fill(authorForm("Hello", "Say hello."))
	// landed waits for the page after a form's navigation (not the page
	// that submitted it, which fill marks) where js holds.
	landed := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.leftByTest && document.readyState === "complete" && !!document.body && (`+js+`)`))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
				t.Fatalf("waiting for %s: at %s (%v)", what, loc, err)
			}
			time.Sleep(50 * time.Millisecond) // polling a navigation, which no event of the page announces
		}
	}
	landed("the edit page", `location.pathname.endsWith("/edit") && location.search.includes("token=")`)
	edited := authorForm("Hello again", "Say hello again.")
	edited["token"] = []string{eval[string](t, ctx, `new URLSearchParams(location.search).get("token")`)}
	fill(edited)
	landed("the saved edit", `document.querySelector('[name="titleEn"]')?.value === "Hello again" || !document.querySelector('[name="titleEn"]')`)
	if body := eval[string](t, ctx, `document.body.innerText`); strings.Contains(body, "cross_origin") || strings.Contains(body, "another site") {
		t.Fatalf("the edit was refused: %.300s", body)
	}
	if v := eval[string](t, ctx, `document.querySelector('[name="titleEn"]').value`); v != "Hello again" {
		t.Errorf("after the edit the title is %q", v)
	}
}

// On /x/sched-rr the metric check does not print the number a question
// asks; the expected results come only on request, after a Check.
func TestBrowserChecksKeepAnswers(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/sched-rr?lang=en"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	if eval[string](t, ctx, `getComputedStyle(document.querySelector('[data-action="reveal"]')).display`) != "none" {
		t.Errorf("the expected results are offered before any attempt")
	}
	message := `document.querySelector('[data-check="preempted"] [data-show="message"]').textContent`
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", xSummary+`.dataset.kind === "failed"`)
	if m := eval[string](t, ctx, message); strings.Contains(m, "22") || !strings.Contains(m, "preemptions") {
		t.Errorf("before the question is answered the metric check says %q", m)
	}
	if body := eval[string](t, ctx, `document.querySelector('[data-control="checks"]').textContent`); strings.Contains(body, "22") {
		t.Errorf("the checks show 22 before it is answered: %q", body)
	}
	screenshot(t, ctx, "exercise-checks-keep-answers")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-answer="preemptions"]`), "21"))
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the verdict", `document.querySelector('[data-check="preemptions"] [data-show="message"]').textContent.includes("21") && !document.querySelector('[data-action="reveal"]').disabled`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="reveal"]`)))
	waitFor(t, ctx, "the expected answer", `!document.querySelector('[data-check="preemptions"] [data-show="expected"]').hidden`)
	if e := eval[string](t, ctx, `document.querySelector('[data-check="preemptions"] [data-show="expected"]').textContent`); !strings.Contains(e, "22") {
		t.Errorf("asked after an attempt, the question shows %q", e)
	}
	if e := eval[string](t, ctx, `document.querySelector('[data-check="response"] [data-show="expected"]').textContent`); e != "" {
		t.Errorf("the unanswered question shows %q", e)
	}
	screenshot(t, ctx, "exercise-expected-revealed")
}

// A scheduling exercise's metrics table comes with the report once every
// question is answered, and not before (it shows what they ask).
func TestBrowserMetricsTableAfterAnswers(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/sched-rr?lang=en"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	table := `document.querySelector('[data-view="x-metrics"] table.metrics')`
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-answer="preemptions"]`), "21"))
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", xSummary+`.dataset.kind === "failed"`)
	if eval[bool](t, ctx, table+` !== null`) {
		t.Fatalf("the metrics table is shown with two questions unanswered")
	}
	if eval[bool](t, ctx, `document.querySelector('[data-show="x-metrics-note"]').hidden`) {
		t.Errorf("no word of when the table comes")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-answer="first"][value="a"]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-answer="response"]`), "5"),
		chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the metrics table", table+` !== null`)
	rows := eval[int](t, ctx, table+`.querySelectorAll("tbody tr").length`)
	if rows != 4 {
		t.Errorf("%d processes in the table, want the parent and three jobs", rows)
	}
	head := eval[string](t, ctx, table+`.querySelector("thead").textContent`)
	for _, col := range []string{"arrival", "waiting", "turnaround", "response"} {
		if !strings.Contains(strings.ToLower(head), col) {
			t.Errorf("no %s column in %q", col, head)
		}
	}
	if r := eval[string](t, ctx, table+`.querySelector('[data-of="children"] [data-avg="response"]').textContent`); r != "70.00" {
		t.Errorf("the children's average response in the table is %q", r)
	}
	if !eval[bool](t, ctx, `document.querySelector('[data-show="x-metrics-note"]').hidden`) {
		t.Errorf("the note that the table comes later stays beside it")
	}
	viewShot(t, ctx, "x-metrics", "exercise-metrics-table")
}
