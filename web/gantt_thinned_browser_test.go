package web

import (
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// At the fastest speed the server leaves the scheduler's routine out of
// crowded batches (api/doc.go, "thinned"): the Gantt chart must draw that
// stretch as such, with its own legend entry, not as an idle CPU.
func TestBrowserGanttDrawsAThinnedStretch(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{MaxTicks: 5_000_000})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"))
	openTwoProcesses(t, ctx, srv.URL, 0)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "a fast stretch", `osplay.dispatcher.snapshot && osplay.dispatcher.snapshot.tick > 300000`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
	waitFor(t, ctx, "the pause", `document.querySelector('[data-show="status"]').dataset.status !== "running"`)
	eval[bool](t, ctx, `(document.querySelector('[data-view="gantt"]').scrollIntoView(), true)`)
	waitFor(t, ctx, "a thinned stretch drawn", `document.querySelector('[data-view="gantt"] svg .seg.mixed') !== null`)
	waitFor(t, ctx, "its legend entry", `document.querySelector('.gantt-legend [data-legend="mixed"]') !== null`)
	if idle := eval[bool](t, ctx, `[...document.querySelectorAll('[data-view="gantt"] svg .seg.mixed')].some((g) => g.matches(".idle"))`); idle {
		t.Errorf("a thinned stretch is drawn as idle")
	}
}
