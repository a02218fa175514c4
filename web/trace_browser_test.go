package web

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTraceFollowsAFastRunByItsTail: while a run goes on too fast
// to read and the list of events follows its end, the list holds only its
// last lines (trace.js: TAIL), each the tail of the events taken; scrolled
// up, it holds the last KEEP again, and when the run stops it holds the
// last KEEP events in order, as a whole drawing would.
func TestBrowserTraceFollowsAFastRunByItsTail(t *testing.T) {
	ctx, url := openPlay(t, "new=1")
	openTwoProcesses(t, ctx, url, 1) // 300,000 ticks a second: the run lasts seconds
	status := `document.querySelector('[data-show="status"]').dataset.status`
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the run at speed", status+` === "running" && osplay.dispatcher.snapshot.tick > 20000`)

	// lines is what the list shows: each line's event number, -1 for a
	// gap; events is the same of the events the view took, newest last.
	const lines = `[...document.querySelectorAll('[data-view="trace"] ol.trace li')].map((li) => li.dataset.n === undefined ? -1 : +li.dataset.n)`
	const trace = `osplay.dispatcher.views.find((v) => v.constructor.name === "Trace")`
	const events = trace + `.events.map((e) => e.n)`
	// In sight: a view out of sight is not drawn while a run goes on
	// fast (and a click scrolls the page to its button).
	inSight := func() {
		eval[bool](t, ctx, `(document.querySelector('[data-canvas="trace"]').scrollIntoView({block: "center"}), true)`)
		waitFor(t, ctx, "the list in sight", `!osplay.dispatcher.hidden.has(`+trace+`)`)
	}
	inSight()
	waitFor(t, ctx, "the list drawn at speed", lines+`.length > 0`)
	for i := 0; i < 5; i++ {
		n := eval[int](t, ctx, lines+`.length`)
		if n > 60 {
			t.Fatalf("the list holds %d lines while it follows a fast run (at most 60)", n)
		}
		waitFor(t, ctx, "another drawing", fmt.Sprintf(`%s.length !== %d || %s[0] !== %d`, lines, n, lines, eval[int](t, ctx, lines+`[0]`)))
	}

	// Scrolled up, it holds more to scroll through.
	eval[bool](t, ctx, `(() => { const box = document.querySelector('[data-canvas="trace"]'); box.scrollTop = 0; box.dispatchEvent(new Event("scroll")); return true; })()`)
	waitFor(t, ctx, "the list filled up while the reader scrolls", lines+`.length > 60 || `+status+` !== "running"`)

	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
	waitFor(t, ctx, "the pause drawn", status+` === "paused" && !osplay.dispatcher.drawing()`)
	got, want := eval[[]int](t, ctx, lines), eval[[]int](t, ctx, events+`.slice(-400)`)
	if len(want) < 400 {
		t.Fatalf("the run took only %d events", len(want))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after the pause the list shows %d lines, not the last 400 events in order:\n got  %v…\n want %v…", len(got), got[:min(len(got), 8)], want[:8])
	}

	// Back to the end: following again, a run at speed shows its tail.
	eval[bool](t, ctx, `(() => { const box = document.querySelector('[data-canvas="trace"]'); box.scrollTop = box.scrollHeight; box.dispatchEvent(new Event("scroll")); return true; })()`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	inSight()
	waitFor(t, ctx, "the tail again", status+` === "running" && `+lines+`.length <= 60 && `+lines+`.length > 0`)
}
