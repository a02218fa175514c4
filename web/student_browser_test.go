package web

// Real-browser tests of what a student meets in an hour with the
// playground: notices that speak of the program at hand, the end of a run
// stopped at a limit, the terminal's Ctrl-C.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

const noticeEl = `document.querySelector('[data-show="notice"]')`

// A compile error is said once, in the page's language, beside the code;
// a later run that compiles leaves no notice of it.
func TestBrowserCompileErrorHasNoStaleNotice(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&lang=ko"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, "int main() {\n  return x;\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the error list", `!document.querySelector('[data-show="errors"]').hidden`)
	// Run again, unchanged: the server refuses run for want of a program.
	// Its refusal is held until Step has sent the program again (and
	// Step's own answers after it), as on a server slow to answer: it is
	// still of the program that did not compile.
	eval[bool](t, ctx, `(() => {
		const h = osplay.conn.handlers, error = h.error;
		window.held = {on: true, all: false, errors: [], error};
		h.error = (e) => { if (held.on && (held.all || e.code === "no_program")) held.errors.push(e); else error(e); };
		return true;
	})()`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "Run's refusal", `held.errors.length > 0`)
	eval[bool](t, ctx, `(held.all = true)`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step"]`)))
	eval[bool](t, ctx, `(held.on = false, held.errors.forEach((e) => held.error(e)), true)`)
	// A round trip after the refusals: the status of a fresh step.
	typeProgram(t, ctx, "#include <stdio.h>\nint main() {\n  printf(\"fine\\n\");\n  return 0;\n}\n")
	if !eval[bool](t, ctx, noticeEl+`.hidden`) {
		t.Errorf("beside the compile error, a notice: %q", eval[string](t, ctx, noticeEl+`.textContent`))
	}
	screenshot(t, ctx, "compile-error-ko")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the output", consoleText+`.includes("fine")`)
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	if !eval[bool](t, ctx, noticeEl+`.hidden`) {
		t.Errorf("after a run that compiled, a notice: %q", eval[string](t, ctx, noticeEl+`.textContent`))
	}
	if !eval[bool](t, ctx, `document.querySelector('[data-show="errors"]').hidden`) {
		t.Errorf("the compile errors stay after a run that compiled")
	}
}

const twoLoopers = `#include <unistd.h>
int main(void)
{
	fork();
	for (;;)
		;
}
`

// Ctrl-C reaches both processes of the foreground group; the console
// echoes it once.
func TestBrowserCtrlCEchoesOnce(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, twoLoopers)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the child", `document.querySelectorAll('[data-view="proctree"] [data-pid="3"]').length === 1`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-view="console"] [data-action="interrupt"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	if n := strings.Count(eval[string](t, ctx, consoleText), "^C"); n != 1 {
		t.Errorf("the console shows ^C %d times: %q", n, eval[string](t, ctx, consoleText))
	}
}

// A run stopped at its limit leaves no process "running".
func TestBrowserLimitStopsTheRunning(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{MaxTicks: 3000})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, twoLoopers)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the stopped processes", `document.querySelectorAll('[data-view="proctree"] [data-halted="true"]').length > 0`)
	labels := eval[string](t, ctx, `[...document.querySelectorAll('[data-view="proctree"] .state')].map(e => e.textContent).join("|")`)
	if strings.Contains(labels, "running") {
		t.Errorf("after the limit the tree says %q", labels)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="queues"] .cpu.busy').length`); n != 0 {
		t.Errorf("after the limit %d CPUs are busy", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="states"] [data-state="running"] .token:not([data-halted])').length`); n != 0 {
		t.Errorf("after the limit %d tokens run", n)
	}
	screenshot(t, ctx, "limit-stopped")
}

// An edit of a lecture's example is kept in the browser: it survives a
// reload and a new visit, is marked modified, and "back to the lecture's
// version" restores the lecture's code (and can be undone).
func TestBrowserDraftSurvivesAndReverts(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	open := func(url string) {
		t.Helper()
		do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
		waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	}
	mainText := `osplay.program.file(osplay.program.main).text`
	open(srv.URL + "/play?example=onetwo")
	lecture := eval[string](t, ctx, mainText)
	if !eval[bool](t, ctx, `document.querySelector('[data-show="work"]').hidden`) {
		t.Errorf("the lecture's own code is marked")
	}
	edit := "int main(void) { return 3; }\n"
	typeProgram(t, ctx, edit)
	waitFor(t, ctx, "the modified mark", `!!document.querySelector('[data-show="work"]:not([hidden]) [data-show="modified"]')`)
	waitFor(t, ctx, "the kept edit", `localStorage.getItem("osplay:work:example:onetwo") !== null`)
	// A new visit, in another tab (no draft of its own), opens the edit.
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	ctx = tab
	open(srv.URL + "/play?example=onetwo&lang=ko")
	if got := eval[string](t, ctx, mainText); got != edit {
		t.Fatalf("after a new visit the editor holds %q", got)
	}
	if !eval[bool](t, ctx, `!!document.querySelector('[data-show="modified"]')`) {
		t.Errorf("the kept edit is not marked modified")
	}
	screenshot(t, ctx, "draft-modified-ko")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="revert"]`)))
	if got := eval[string](t, ctx, mainText); got != lecture {
		t.Errorf("back to the lecture's version, the editor holds %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('.cm-content').innerText`); !strings.Contains(got, "fork") {
		t.Errorf("the editor shows %q", got)
	}
	// The revert can be undone, once.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="restore-draft"]`)))
	if got := eval[string](t, ctx, mainText); got != edit {
		t.Errorf("undoing the revert gives %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="revert"]`)))
	waitFor(t, ctx, "the kept copy dropped", `localStorage.getItem("osplay:work:example:onetwo") === null`)
	open(srv.URL + "/play?example=onetwo")
	if got := eval[string](t, ctx, mainText); got != lecture {
		t.Errorf("after the revert a reload opens %q", got)
	}
}

// An exercise page offers the last draft instead of opening it unasked;
// /x marks the exercise tried.
func TestBrowserExerciseOffersDraft(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	mainText := `osplay.program.file(osplay.program.main).text`
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/nfork-exit"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	starter := eval[string](t, ctx, mainText)
	typeProgram(t, ctx, "int main(void) { return 0; }\n")
	waitFor(t, ctx, "the kept draft", `localStorage.getItem("osplay:work:x:nfork-exit") !== null`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", xSummary+`.dataset.kind === "failed"`)
	// A new visit: a new tab of the same browser.
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	do(t, tab, chromedp.Navigate(srv.URL+"/x/nfork-exit"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	if got := eval[string](t, tab, mainText); got != starter {
		t.Errorf("the exercise opened %q, not its starter", got)
	}
	waitFor(t, tab, "the offer", `!!document.querySelector('[data-action="restore-draft"]')`)
	screenshot(t, tab, "exercise-draft-offer")
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-action="restore-draft"]`)))
	if got := eval[string](t, tab, mainText); got != "int main(void) { return 0; }\n" {
		t.Errorf("the restored draft is %q", got)
	}
	do(t, tab, chromedp.Navigate(srv.URL+"/x"), chromedp.WaitVisible(chromedp.CSS(`li[data-exercise="nfork-exit"]`)))
	waitFor(t, tab, "the mark", `document.querySelector('li[data-exercise="nfork-exit"]').dataset.progress === "tried"`)
	if n := eval[int](t, tab, `document.querySelectorAll('li[data-progress]').length`); n != 1 {
		t.Errorf("%d exercises marked, want the one tried", n)
	}
}

// A Korean page breaks lines between words, and what the kernel and the
// views say after a run (a deadlock's waits among them) chooses each
// particle for its word.
func TestBrowserKoreanReadsNaturally(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=philosophers&lang=ko&speed=100000"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if wb := eval[string](t, ctx, `getComputedStyle(document.querySelector('.view p, .help')).wordBreak`); wb != "keep-all" {
		t.Errorf("word-break: %s", wb)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "a while of the run", `["done", "stalled"].includes(document.querySelector('[data-show="status"]').dataset.status) || +document.querySelector('[data-show="tick"]').textContent > 3000`)
	text := eval[string](t, ctx, `document.body.innerText + [...document.querySelectorAll("[aria-label],[title]")].map(e => (e.getAttribute("aria-label") || "") + (e.getAttribute("title") || "")).join(" ")`)
	if m := genericParticle.FindAllString(text, 5); len(m) > 0 {
		i := genericParticle.FindStringIndex(text)
		t.Errorf("generic particles %v: …%s…", m, text[max(0, i[0]-120):min(len(text), i[1]+20)])
	}
	screenshot(t, ctx, "philosophers-ko")
}

// A comparison names its policies in words, not as specs.
func TestBrowserPoliciesInWords(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?ostep=sched&args=-l+5,10,15&sched=fcfs&sched="+"rr:q=4"))
	waitFor(t, ctx, "two runs", `document.querySelectorAll('.compare-run').length === 2`)
	heads := eval[[]string](t, ctx, `[...document.querySelectorAll('.compare-run h2')].map(h => h.textContent)`)
	if strings.Join(heads, "|") != "First come, first served (FCFS)|Round robin (RR), quantum 4" {
		t.Errorf("the runs are headed %q", heads)
	}
	if body := eval[string](t, ctx, `document.body.innerText`); strings.Contains(body, "rr:q=4") {
		t.Errorf("the page shows the spec rr:q=4")
	}
	screenshot(t, ctx, "compare-policies-in-words")
}
