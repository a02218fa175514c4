package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// Three children share the CPU a tick at a time: a long run of short
// turns.
const roundRobinJobs = `#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int i, k;

	for (k = 0; k < 3; k++) {
		if (fork() == 0) {
			volatile int n = 0;
			for (i = 0; i < 200; i++)
				n++;
			exit(0);
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
`

// The Gantt chart shows the whole run at first, zooms by its buttons and
// by +, − and 0 on the chart, names its axis, has a legend of the
// processes that ran, and draws a long run of short turns as spans in the
// colour of the process that ran most of each, with each turn drawn again
// once zoomed in far enough.
// It runs at 10,000 ticks a batch, the fastest speed at which every turn
// still comes (above it the server thins the scheduler's routine out).
func TestBrowserGanttZoomLegendLongRun(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&sched=rr&quantum=1&speed=10000&lang=en"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", statusIs+`"paused"`)
	typeProgram(t, ctx, roundRobinJobs)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", statusIs+`"done"`)
	drawn(t, ctx)
	chart := `document.querySelector('[data-canvas="gantt"] svg.gantt')`
	canvas := `document.querySelector('[data-canvas="gantt"]')`
	end := eval[int](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`)
	if end < 1000 {
		t.Fatalf("the run is %d ticks long, too short for the test", end)
	}
	if !eval[bool](t, ctx, canvas+`.scrollWidth <= `+canvas+`.clientWidth + 1`) {
		t.Errorf("the whole run does not fit at first")
	}
	last := eval[int](t, ctx, `Math.max(...[...`+chart+`.querySelectorAll(".seg")].map(g => +g.dataset.end))`)
	if last != end {
		t.Errorf("the chart ends at tick %d, the run at %d", last, end)
	}
	busy := eval[int](t, ctx, chart+`.querySelectorAll('.seg[data-what="busy"]').length`)
	runs := eval[int](t, ctx, chart+`.querySelectorAll('.seg[data-what="run"]').length`)
	if busy == 0 || runs != 0 {
		t.Errorf("the long run at first: %d spans, %d single turns; want spans only", busy, runs)
	}
	if pids := eval[string](t, ctx, `[...new Set([...`+chart+`.querySelectorAll('.seg[data-what="busy"]')].map(g => g.dataset.pid))].sort().join()`); pids != "3,4,5" && pids != "2,3,4,5" {
		t.Errorf("the spans are coloured by pids %s, want the children's", pids)
	}
	if ax := eval[string](t, ctx, chart+`.querySelector(".axis-title").textContent`); ax != "tick" {
		t.Errorf("the axis is named %q", ax)
	}
	// The axis's last number is inside the chart.
	if !eval[bool](t, ctx, `(() => { const c = `+chart+`.getBoundingClientRect(); return [...`+chart+`.querySelectorAll(".axis-label")].every(l => { const r = l.getBoundingClientRect(); return r.left >= c.left - 1 && r.right <= c.right + 1 }) })()`) {
		t.Errorf("an axis label is cut off")
	}
	legend := eval[string](t, ctx, `document.querySelector('[data-show="gantt-legend"]').textContent`)
	for _, want := range []string{"pid 3", "pid 4", "pid 5", "idle", "ran most"} {
		if !strings.Contains(legend, want) {
			t.Errorf("the legend %q lacks %q", legend, want)
		}
	}
	viewShot(t, ctx, "gantt", "gantt-long-run-whole")

	// The buttons zoom in and out.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="gantt-zoom-in"]`)))
	if z := eval[string](t, ctx, chart+`.dataset.zoom`); z != "2" {
		t.Errorf("zoomed in once: zoom %s", z)
	}
	if !eval[bool](t, ctx, canvas+`.scrollWidth > `+canvas+`.clientWidth * 1.5`) {
		t.Errorf("zoomed in, the chart is no wider than the view")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="gantt-zoom-out"]`)))
	if z := eval[string](t, ctx, chart+`.dataset.zoom`); z != "1" {
		t.Errorf("zoomed out again: zoom %s", z)
	}
	// The keys on the chart: + until each turn is drawn, 0 back to the whole run.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-canvas="gantt"]`)))
	for range 12 {
		do(t, ctx, chromedp.KeyEvent("+"))
	}
	if z := eval[int](t, ctx, `+`+chart+`.dataset.zoom`); z < 8 {
		t.Errorf("after + on the chart: zoom %d", z)
	}
	if eval[int](t, ctx, chart+`.querySelectorAll('.seg[data-what="run"]').length`) < 100 || eval[int](t, ctx, chart+`.querySelectorAll('.seg[data-what="busy"]').length`) != 0 {
		t.Errorf("zoomed in as far as it goes, the turns are not drawn one by one")
	}
	if !eval[bool](t, ctx, `document.querySelector('[data-action="gantt-zoom-in"]').disabled`) {
		t.Errorf("zoomed in as far as it goes, + is still offered")
	}
	// Scrolled, the lane's name stays in sight.
	if !eval[bool](t, ctx, `(() => { const c = `+canvas+`; c.scrollLeft = c.scrollWidth / 2; c.dispatchEvent(new Event("scroll")); const l = c.querySelector(".cpu-label").getBoundingClientRect(), r = c.getBoundingClientRect(); return c.scrollLeft > 0 && l.left >= r.left - 1 && l.right <= r.right })()`) {
		t.Errorf("scrolled, the lane's name is out of sight")
	}
	viewShot(t, ctx, "gantt", "gantt-long-run-zoomed")
	do(t, ctx, chromedp.KeyEvent("0"))
	if z := eval[string](t, ctx, chart+`.dataset.zoom`); z != "1" {
		t.Errorf("after 0 on the chart: zoom %s", z)
	}
	do(t, ctx, chromedp.KeyEvent("-"))
	if z := eval[string](t, ctx, chart+`.dataset.zoom`); z != "1" {
		t.Errorf("− below the whole run: zoom %s", z)
	}
}
