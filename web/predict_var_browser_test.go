package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// counterSteps changes a global between system calls, so that stepping
// event by event stops between its assignments.
const counterSteps = `#include <stdio.h>
#include <unistd.h>
int counter = 5;
int main(void)
{
	getpid();
	getpid();
	counter = counter + 10;
	getpid();
	counter++;
	getpid();
	printf("counter %d\n", counter);
	return 0;
}
`

// TestBrowserPredictsAVariable: prediction mode asks for the value of a
// global the next lines assign, offers its plausible values, takes the
// answer and scores it against the value the server's snapshot has after
// the step — ✓ when they agree, ✗ when not — and keeps the count.
func TestBrowserPredictsAVariable(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&predict=1"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, counterSteps)
	const (
		state    = `document.querySelector('[data-view="predict"]').dataset.state || ""`
		question = `document.querySelector('[data-show="predict-question"]').textContent`
		status   = `document.querySelector('[data-show="status"]').dataset.status`
		verdict  = `document.querySelector('[data-show="predict-verdict"]').textContent`
		score    = `document.querySelector('[data-show="predict-score"]').textContent`
		truth    = `(() => { const g = (window.osplay.dispatcher.snapshot.globals || []).find((x) => x.var === "counter"); return g ? g.value : -1; })()`
	)
	asked, right, wrong := 0, 0, 0
	for i := 0; i < 200 && eval[string](t, ctx, status) != "done"; i++ {
		if eval[string](t, ctx, state) != "asking" {
			seq := eval[float64](t, ctx, `window.osplay.dispatcher.seq`)
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step-event"]`)))
			waitFor(t, ctx, "a question or the step", `document.querySelector('[data-view="predict"]').dataset.state === "asking" || window.osplay.dispatcher.seq !== `+strconv.FormatFloat(seq, 'f', -1, 64)+` || `+status+` === "done"`)
			continue
		}
		q := eval[string](t, ctx, question)
		if !strings.Contains(q, "value of counter") {
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="predict-skip"]`)))
			continue
		}
		// The choices are values of counter, and "another value"; the
		// answer is not marked before it is given.
		labels := eval[string](t, ctx, `[...document.querySelectorAll('[data-show="predict-choices"] label')].map((l) => l.textContent + "|" + (l.dataset.mark || "")).join(";")`)
		if !strings.Contains(labels, "counter = ") || !strings.Contains(labels, "another value") || strings.Contains(labels, "|answer") {
			t.Fatalf("choices %q", labels)
		}
		if !eval[bool](t, ctx, `(() => { const i = document.querySelector('[data-show="predict-choices"] input[data-choice="15"]'); if (!i) return false; i.checked = true; i.focus(); return true; })()`) {
			t.Fatalf("no choice 15 among %q", labels)
		}
		do(t, ctx, chromedp.KeyEvent("\r"))
		asked++
		waitFor(t, ctx, "the verdict", `["right", "wrong"].includes(document.querySelector('[data-view="predict"]').dataset.state) || `+score+`.includes(" of `+strconv.Itoa(asked)+` right")`)
		v := eval[float64](t, ctx, truth)
		got := eval[string](t, ctx, verdict)
		if v == 15 {
			right++
			if !strings.HasPrefix(got, "✓") || !strings.Contains(got, "counter = 15") {
				t.Errorf("counter is 15 after the step, the verdict %q", got)
			}
		} else {
			wrong++
			if !strings.HasPrefix(got, "✗") || (v >= 0 && !strings.Contains(got, "counter = "+strconv.Itoa(int(v)))) {
				t.Errorf("counter is %v after the step, the verdict %q", v, got)
			}
		}
		want := "Predictions: " + strconv.Itoa(right) + " of " + strconv.Itoa(asked) + " right"
		if s := eval[string](t, ctx, score); !strings.HasPrefix(s, want) {
			t.Errorf("score %q, want %q", s, want)
		}
		if right > 0 && wrong > 0 {
			screenshot(t, ctx, "predict-variable")
			break
		}
	}
	if right == 0 || wrong == 0 {
		t.Errorf("answered %d questions on counter: %d right, %d wrong; want both kinds", asked, right, wrong)
	}
}
