package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// TestBrowserExerciseAsksPredictionsAtTheirTicks: the fork exercise's
// Run stops at each prediction's tick and asks, before the page has
// anything of what follows; the answers go to Check, whose verdict is
// the server's: one wrong prediction fails the check, and after Run again
// with every answer right it passes.
func TestBrowserExerciseAsksPredictionsAtTheirTicks(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/x/predict-fork-interleaving?lang=en"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	// Nothing of the answers is in the page: the boot data has the
	// questions only, the answer field is empty.
	boot := eval[string](t, ctx, `document.getElementById("osplay-exercise").textContent`)
	if !strings.Contains(boot, `"predictions"`) || strings.Contains(boot, `"answer"`) {
		t.Fatalf("the page's exercise data: %s", boot)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-show="x-predictions"] li[data-state="pending"]').length`); n != 4 {
		t.Errorf("%d predictions listed as waiting, want 4", n)
	}
	const (
		box      = `document.querySelector('[data-show="x-predict"]')`
		tick     = `+document.querySelector('[data-show="tick"]').textContent`
		status   = `document.querySelector('[data-show="status"]').dataset.status`
		checkLi  = `document.querySelector('.x-check[data-check="turns"]')`
		asking   = `!document.querySelector('[data-show="x-predict"]').hidden`
		beyondAt = `window.osplay.dispatcher.log.filter((e) => e.t > %d).length`
	)
	// play runs the exercise and answers each prediction as it is asked.
	play := func(answers []string, ticks []int, shot string) {
		t.Helper()
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
		for i, a := range answers {
			waitFor(t, ctx, "prediction "+strconv.Itoa(i+1), asking+` && `+status+` === "paused"`)
			if got := eval[int](t, ctx, tick); got != ticks[i] {
				t.Fatalf("prediction %d asked at tick %d, want %d", i+1, got, ticks[i])
			}
			// Nothing past the tick has reached the page.
			if n := eval[int](t, ctx, strings.Replace(beyondAt, "%d", strconv.Itoa(ticks[i]), 1)); n != 0 {
				t.Errorf("prediction %d: the page has %d events past tick %d before the answer", i+1, n, ticks[i])
			}
			if i == 0 {
				if out := eval[string](t, ctx, consoleText); strings.Contains(out, "child") || strings.Contains(out, "parent") {
					t.Errorf("the console shows %q before the first prediction", out)
				}
				if shot != "" {
					screenshot(t, ctx, shot)
				}
			}
			if eval[bool](t, ctx, box+`.querySelector('[data-show="x-predict-number"]') !== null`) {
				do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-show="x-predict-number"]`), a+"\r"))
			} else {
				if !eval[bool](t, ctx, `(() => { const i = `+box+`.querySelector('input[data-choice="`+a+`"]'); if (!i) return false; i.checked = true; i.focus(); return true; })()`) {
					t.Fatalf("prediction %d: no choice %q in %q", i+1, a, eval[string](t, ctx, box+`.textContent`))
				}
				do(t, ctx, chromedp.KeyEvent("\r"))
			}
			waitFor(t, ctx, "the answer taken", `document.querySelector('[data-show="x-predictions"] li[data-prediction="`+strconv.Itoa(i)+`"]').dataset.state === "answered"`)
		}
		waitFor(t, ctx, "the run's end", status+` === "done"`)
	}
	ticks := []int{3, 12, 14, 17}
	// One prediction wrong: the check fails and says at which tick.
	play([]string{"child: a", "child: b", "1", "parent: y"}, ticks, "x-predict-asking")
	if got := eval[string](t, ctx, `document.querySelector('[data-show="predict-answers"]').value`); got != "child: a\nchild: b\n1\nparent: y" {
		t.Errorf("the answers sent: %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", checkLi+`.dataset.result !== "pending"`)
	msg := eval[string](t, ctx, checkLi+`.querySelector('[data-show="message"]').textContent`)
	if eval[string](t, ctx, checkLi+`.dataset.result`) != "failed" || !strings.Contains(msg, "3 of 4 predictions were right") || !strings.Contains(msg, "tick 12") {
		t.Errorf("one wrong prediction: %q", msg)
	}
	if strings.Contains(msg, "parent: x") {
		t.Errorf("the verdict gives the answer away: %q", msg)
	}
	// Run again: asked again from the start; all right, it passes.
	play([]string{"child: a", "parent: x", "1", "parent: y"}, ticks, "")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	waitFor(t, ctx, "the report", checkLi+`.dataset.result === "passed"`)
	if msg := eval[string](t, ctx, checkLi+`.querySelector('[data-show="message"]').textContent`); !strings.Contains(msg, "All 4 predictions were right") {
		t.Errorf("all right: %q", msg)
	}
	screenshot(t, ctx, "x-predict-passed")
	// A step past a question without its answer leaves it unanswered,
	// said so; Run asks the rest.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the first question again", asking+` && `+tick+` === 3`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step"]`)))
	waitFor(t, ctx, "the question gone", `document.querySelector('[data-show="x-predictions"] li[data-prediction="0"]').dataset.state === "missed" && !(`+asking+`)`)
	if got := eval[string](t, ctx, `document.querySelector('[data-show="predict-answers"]').value`); got != "" {
		t.Errorf("answers after a fresh run with none given: %q", got)
	}
}

// TestBrowserThreadPredictionsPass: the threads exercise, in Korean,
// asked at its ticks and answered right (a number typed for a variable's
// later value), passes the server's check.
func TestBrowserThreadPredictionsPass(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/x/predict-thread-interleaving?lang=ko"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	const (
		box    = `document.querySelector('[data-show="x-predict"]')`
		asking = `!document.querySelector('[data-show="x-predict"]').hidden && document.querySelector('[data-show="status"]').dataset.status === "paused"`
	)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	for i, a := range []string{"A: counter 1", "2", "A: counter 3", "4"} {
		waitFor(t, ctx, "prediction "+strconv.Itoa(i+1), asking)
		if q := eval[string](t, ctx, box+`.textContent`); !strings.Contains(q, "실행이 틱") {
			t.Errorf("the question in Korean: %q", q)
		}
		if eval[bool](t, ctx, box+`.querySelector('[data-show="x-predict-number"]') !== null`) {
			do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-show="x-predict-number"]`), a+"\r"))
		} else {
			eval[bool](t, ctx, `(() => { const i = `+box+`.querySelector('input[data-choice="`+a+`"]'); i.checked = true; i.focus(); return true; })()`)
			do(t, ctx, chromedp.KeyEvent("\r"))
		}
		waitFor(t, ctx, "the answer taken", `document.querySelector('[data-show="x-predictions"] li[data-prediction="`+strconv.Itoa(i)+`"]').dataset.state === "answered"`)
	}
	waitFor(t, ctx, "the run's end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="check"]`)))
	li := `document.querySelector('.x-check[data-check="turns"]')`
	waitFor(t, ctx, "the report", li+`.dataset.result !== "pending"`)
	if r := eval[string](t, ctx, li+`.dataset.result`); r != "passed" {
		t.Errorf("the right predictions: %s, %q", r, eval[string](t, ctx, li+`.querySelector('[data-show="message"]').textContent`))
	}
}
