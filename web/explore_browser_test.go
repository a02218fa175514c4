package web

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

func counterSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../kernel/testdata/race/counter.c")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// Explore on the unlocked counter: the page shows the failing schedule and
// why, opens it as the run, whose preemption is marked on the Gantt chart,
// and the link the page shares carries the schedule.
func TestBrowserExploresTheCounter(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, counterSource(t))
	eval[bool](t, ctx, `(() => {
		const set = (sel, v) => { const el = document.querySelector(sel); el.value = v; el.dispatchEvent(new Event("input")); };
		set('[data-control="explore-depth"]', "1");
		set('[data-control="explore-runs"]', "100");
		return true;
	})()`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="explore"]`)))
	waitFor(t, ctx, "a failing schedule", `document.querySelector('[data-view="explore"]').dataset.state === "found"`)
	why := eval[string](t, ctx, `document.querySelector('[data-show="explore-why"]').textContent`)
	if !strings.Contains(why, `expected "counter 10"`) {
		t.Errorf("why: %q", why)
	}
	progress := eval[string](t, ctx, `document.querySelector('[data-show="explore-progress"]').textContent`)
	for _, want := range []string{"pct", "depth 1", "runs/s", "probability ≥"} {
		if !strings.Contains(progress, want) {
			t.Errorf("progress %q lacks %q", progress, want)
		}
	}
	schedule := eval[string](t, ctx, `document.querySelector('[data-setting="schedule"]').value`)
	if !strings.Contains(schedule, "@") {
		t.Fatalf("the schedule field holds %q", schedule)
	}
	// The counterexample opens in the playground where its schedule
	// departs from the default one (its preemption), then runs on to its
	// lost update.
	waitFor(t, ctx, "the run paused at its preemption", `document.querySelector('[data-show="status"]').dataset.status === "paused" && document.querySelectorAll('[data-view="gantt"] .preempt-mark').length === 1`)
	mark := eval[float64](t, ctx, `+document.querySelector('[data-view="gantt"] .preempt-mark').dataset.preempt`)
	if tick := eval[float64](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`); tick != mark+1 {
		t.Errorf("opened at tick %v, the preemption is at %v: want the tick just after it", tick, mark)
	}
	screenshot(t, ctx, "explore-departure")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the failing run to end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	out := eval[string](t, ctx, consoleText)
	if !strings.Contains(out, "counter ") || strings.Contains(out, "counter 10") {
		t.Errorf("the failing run printed %q", out)
	}
	waitFor(t, ctx, "the preemption on the Gantt chart", `document.querySelectorAll('[data-view="gantt"] .preempt-mark').length === 1`)
	// The sequence chart marks it too, at the same tick: a ▼ on the
	// preempted thread's line, an arrow to the thread run instead, a row
	// the keyboard reaches that says so in words.
	msc := `document.querySelector('[data-view="msc"]')`
	waitFor(t, ctx, "the preemption on the sequence chart", msc+`.querySelectorAll('.msc-row.k-preempt').length === 1`)
	row := msc + `.querySelector('.msc-row.k-preempt')`
	if got := eval[float64](t, ctx, `+`+row+`.dataset.tick`); got != mark {
		t.Errorf("the chart's preemption is at tick %v, the Gantt chart's at %v", got, mark)
	}
	if !eval[bool](t, ctx, row+`.querySelector('path.mark.preempt-tri') !== null && `+row+`.querySelector('path.a-preempt') !== null && `+row+`.getAttribute("tabindex") === "0"`) {
		t.Errorf("the preemption's row: %s", eval[string](t, ctx, row+`.outerHTML`))
	}
	label := eval[string](t, ctx, row+`.getAttribute("aria-label")`)
	if !strings.Contains(label, "preempted by the schedule") || !strings.Contains(label, "T") {
		t.Errorf("the preemption's words: %q", label)
	}
	// Enter on it moves the timeline to its tick.
	eval[bool](t, ctx, row+`.focus(), true`)
	do(t, ctx, chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the timeline at the preemption", `+document.querySelector('[data-show="tick"]').textContent === `+strconv.FormatFloat(mark+1, 'f', -1, 64))
	screenshot(t, ctx, "explore-msc")
	link := eval[string](t, ctx, `window.osplay.program.shareURL()`)
	if !strings.Contains(link, "schedule="+strings.ReplaceAll(strings.ReplaceAll(schedule, "@", "%40"), ":", "%3A")) {
		t.Errorf("the shared link %q lacks the schedule %s", link, schedule)
	}
	screenshot(t, ctx, "explore-counter")

	// The link opens the same run: the schedule in the settings, the
	// same output.
	u := strings.Replace(link, "http://"+strings.TrimPrefix(srv.URL, "http://"), srv.URL, 1)
	do(t, ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if got := eval[string](t, ctx, `document.querySelector('[data-setting="schedule"]').value`); got != schedule {
		t.Errorf("the link's schedule field: %q, want %q", got, schedule)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the replay to end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	if again := eval[string](t, ctx, consoleText); again != out {
		t.Errorf("the link's run printed %q, the counterexample %q", again, out)
	}
}

// Explore on the mutex counter finds nothing and says so, with the bound.
func TestBrowserExploreFindsNothing(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	src, _ := os.ReadFile("../kernel/testdata/race/counter_mutex.c")
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&lang=ko"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, string(src))
	eval[bool](t, ctx, `(() => { const el = document.querySelector('[data-control="explore-runs"]'); el.value = "60"; return true; })()`)
	// X, outside the editor, explores.
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	do(t, ctx, chromedp.KeyEvent("x"))
	waitFor(t, ctx, "the search's end", `document.querySelector('[data-view="explore"]').dataset.state === "passed"`)
	res := eval[string](t, ctx, `document.querySelector('[data-show="explore-result"]').textContent`)
	if !strings.Contains(res, "✓") || !strings.Contains(res, "60번 실행에서 실패한 스케줄이 없습니다") {
		t.Errorf("result %q", res)
	}
	if p := eval[string](t, ctx, `document.querySelector('[data-show="explore-progress"]').textContent`); !strings.Contains(p, "확률") {
		t.Errorf("progress %q", p)
	}
	screenshot(t, ctx, "explore-none-ko")
}

// With the race detector on, the page lists the counter's race in words
// and marks both lines in the editor.
func TestBrowserShowsRaces(t *testing.T) {
	ctx := runTyped(t, "/play?new=1&races=1", counterSource(t))
	waitFor(t, ctx, "the run to end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the races view", `!document.querySelector('[data-view="races"]').hidden`)
	text := eval[string](t, ctx, `document.querySelector('[data-view="races"] .race-text').textContent`)
	if !strings.Contains(text, "counter") || !strings.Contains(text, "main.c:13") {
		t.Errorf("race: %q", text)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.cm-lint-marker-warning').length`); n < 1 {
		t.Errorf("%d warning markers in the editor's gutter", n)
	}
	screenshot(t, ctx, "races-counter")
}

// Prediction mode (?predict=1): a step first asks; the answer is taken
// with the keyboard, the step revealed, and the answer scored.
func TestBrowserPredicts(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&predict=1"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if !eval[bool](t, ctx, `document.querySelector('[data-control="predict"]').checked && !document.querySelector('[data-view="predict"]').hidden`) {
		t.Fatal("?predict=1 did not turn the prediction mode on")
	}
	before := eval[float64](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step-event"]`)))
	waitFor(t, ctx, "a question", `document.querySelector('[data-view="predict"]').dataset.state === "asking"`)
	q := eval[string](t, ctx, `document.querySelector('[data-show="predict-question"]').textContent`)
	if q == "" || eval[int](t, ctx, `document.querySelectorAll('[data-show="predict-choices"] input').length`) < 2 {
		t.Fatalf("question %q without choices", q)
	}
	if after := eval[float64](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`); after != before {
		t.Errorf("the step was revealed before the answer: tick %v → %v", before, after)
	}
	screenshot(t, ctx, "predict-asking")
	// The keyboard: 2 picks the second choice, Enter answers.
	eval[bool](t, ctx, `document.querySelector('[data-show="predict-choices"] input').focus(), true`)
	do(t, ctx, chromedp.KeyEvent("2"))
	if !eval[bool](t, ctx, `document.querySelectorAll('[data-show="predict-choices"] input')[1].checked`) {
		t.Error("key 2 did not pick the second choice")
	}
	do(t, ctx, chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the answer taken", `document.querySelector('[data-view="predict"]').dataset.state !== "asking"`)
	verdictJS := `document.querySelector('[data-show="predict-verdict"]').textContent`
	// The answer is settled, and counted in the score, by the first batch
	// that shows it; until then each step's batch is awaited before the
	// next step. (A step taken just as the verdict came would ask the next
	// question and clear the verdict; the score keeps the count.)
	scoreJS := `document.querySelector('[data-show="predict-score"]').textContent`
	scored := scoreJS + `.includes(" of 1 right")`
	for i := 0; !eval[bool](t, ctx, scored); i++ {
		if i == 50 {
			t.Fatalf("not scored after %d steps: prediction panel %q, score %q", i,
				eval[string](t, ctx, `document.querySelector('[data-view="predict"]').dataset.state`), eval[string](t, ctx, scoreJS))
		}
		seq := eval[float64](t, ctx, `window.osplay.dispatcher.seq`)
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step-event"]`)))
		waitFor(t, ctx, "the step's batch", `window.osplay.dispatcher.seq !== `+strconv.FormatFloat(seq, 'f', -1, 64)+` || `+scored+` || document.querySelector('[data-show="status"]').dataset.status !== "paused"`)
	}
	score := eval[string](t, ctx, scoreJS)
	if !strings.HasPrefix(score, "Predictions: 0 of 1 right") && !strings.HasPrefix(score, "Predictions: 1 of 1 right") {
		t.Fatalf("score %q", score)
	}
	verdict := eval[string](t, ctx, verdictJS)
	if verdict != "" {
		want := "✗"
		if strings.HasPrefix(score, "Predictions: 1 ") {
			want = "✓"
		}
		if !strings.HasPrefix(verdict, want) {
			t.Errorf("verdict %q with score %q", verdict, score)
		}
	}
	screenshot(t, ctx, "predict-scored")
}

// Stepping through the fork program in prediction mode asks how many
// processes exist after the fork, and which line prints, and keeps the
// count of every answer.
func TestBrowserPredictsForkAndOutput(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&predict=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	asked := map[string]bool{}
	answers := 0
	for i := 0; i < 80; i++ {
		state := eval[string](t, ctx, `document.querySelector('[data-view="predict"]').dataset.state || ""`)
		if eval[string](t, ctx, `document.querySelector('[data-show="status"]').dataset.status`) == "done" {
			break
		}
		// Each click is made only if the run is not over, in the same
		// script that looks (a batch cannot come in between): a step or an
		// answer's step after the end starts the program afresh, and a
		// fresh run's score starts at nothing.
		clickUnlessDone := func(action string) bool {
			return eval[bool](t, ctx, `document.querySelector('[data-show="status"]').dataset.status !== "done" && (document.querySelector('[data-action="`+action+`"]').click(), true)`)
		}
		if state == "asking" {
			asked[eval[string](t, ctx, `document.querySelector('[data-show="predict-question"]').textContent`)] = true
			if !clickUnlessDone("predict-answer") {
				break
			}
			answers++
			continue
		}
		tick := eval[string](t, ctx, `document.querySelector('[data-show="tick"]').textContent`)
		if !clickUnlessDone("step-event") {
			break
		}
		waitFor(t, ctx, "the step or a question", `document.querySelector('[data-view="predict"]').dataset.state === "asking" || document.querySelector('[data-show="tick"]').textContent !== "`+tick+`" || document.querySelector('[data-show="status"]').dataset.status === "done"`)
	}
	for _, q := range []string{"How many processes exist after this fork?", "Which line prints next?"} {
		if !asked[q] {
			t.Errorf("never asked %q; asked %v", q, asked)
		}
	}
	// The last answer's verdict is scored with the batch after it, which
	// may come after the status says the run is done.
	waitFor(t, ctx, "the score", `document.querySelector('[data-show="predict-score"]').textContent.includes(" of ")`)
	score := eval[string](t, ctx, `document.querySelector('[data-show="predict-score"]').textContent`)
	if !strings.Contains(score, " of ") || answers < 3 {
		t.Errorf("score %q after %d answers", score, answers)
	}
	t.Logf("%d answers: %s; %v", answers, score, asked)
}
