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
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step"]`)))
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
	screenshot(t, ctx, "limit-stopped")
}
