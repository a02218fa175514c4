package web

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

const handlerLoop = `#include <stdio.h>
#include <signal.h>
#include <unistd.h>
static void h(int sig) { printf("got %d\n", sig); }
int main(void) {
	signal(SIGUSR1, h);
	printf("ready\n");
	for (;;)
		usleep(100000);
}
`

// TestBrowserSendsSignals: from the PCB a student sends SIGUSR1 (the
// handler prints), SIGSTOP (the state diagram shows the process stopped),
// SIGCONT (it leaves the stopped state) and, from the list of every
// signal, SIGTERM (it ends). The PCB lists the caught signal.
func TestBrowserSendsSignals(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, handlerLoop)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "ready in the console", consoleText+`.includes("ready")`)
	// The tree is redrawn as the program runs: the click is dispatched to
	// the node as it is now.
	waitFor(t, ctx, "pid 2 in the tree", `document.querySelector('[data-view="proctree"] [data-pid="2"]') !== null`)
	eval[bool](t, ctx, `document.querySelector('[data-view="proctree"] [data-pid="2"]').dispatchEvent(new MouseEvent("click", {bubbles: true})), true`)
	pcb := `document.querySelector('[data-canvas="pcb"]').textContent`
	waitFor(t, ctx, "the caught signal in the PCB", pcb+`.includes("signals caught") && `+pcb+`.includes("SIGUSR1")`)

	clickUntil(t, ctx, `[data-view="pcb"] [data-signal="SIGUSR1"]`, "the handler's line", consoleText+`.includes("got 10")`)

	clickUntil(t, ctx, `[data-view="pcb"] [data-signal="SIGSTOP"]`, "the stopped token", `document.querySelector('[data-view="states"] .state-stopped [data-pid="2"]') !== null`)
	screenshot(t, ctx, "signal-stopped")
	clickUntil(t, ctx, `[data-view="pcb"] [data-signal="SIGCONT"]`, "the continue", `document.querySelector('[data-view="states"] [data-transition="stopped>ready"][data-count="1"]') !== null`)

	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-view="pcb"] [data-field="signal"]`), "SIGTERM"),
		chromedp.Click(chromedp.CSS(`[data-view="pcb"] [data-action="signal-other"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitEval(t, ctx, "pid 2 terminated in the tree", `document.querySelector('[data-view="proctree"] [data-pid="2"]').dataset.state === "terminated"`)
}

// clickUntil clicks the button at selector, as it is in the page now (the
// PCB is redrawn as the program runs, and a click on a button being
// replaced is lost), until the JavaScript predicate holds: a signal sent
// twice where once was lost changes nothing the test looks at.
func clickUntil(t *testing.T, ctx context.Context, selector, what, js string) {
	t.Helper()
	click := `(() => { const b = document.querySelector(` + strconv.Quote(selector) + `); if (b) b.click(); return !!b })()`
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		eval[bool](t, ctx, click)
		for again := time.Now().Add(2 * time.Second); time.Now().Before(again); time.Sleep(50 * time.Millisecond) {
			if eval[bool](t, ctx, js) {
				return
			}
		}
	}
	t.Fatalf("waiting for %s (%s) after clicking %s: timeout", what, js, selector)
}

// waitEval waits until the JavaScript predicate holds, evaluating it from
// here every 50 ms: a page with nothing more to draw (a stopped process)
// may not run the page's own polling.
func waitEval(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if eval[bool](t, ctx, js) {
			return
		}
	}
	t.Fatalf("waiting for %s (%s): timeout", what, js)
}
