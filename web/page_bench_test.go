package web

// The page at full speed: a two-process loop run at the fastest speed in
// a real browser, measuring how many ticks a second the page shows and
// how soon Pause takes effect.
//
//	go test ./web -run '^$' -bench PageAtFullSpeed -benchtime 1x

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

func BenchmarkPageAtFullSpeed(b *testing.B) {
	ctx := browserTab(b)
	_, srv := testServer(b, api.Limits{MaxTicks: 200_000_000})
	do(b, ctx, chromedp.Navigate(srv.URL+"/play?new=1"))
	code := eval[string](b, ctx, fmt.Sprintf(`btoa(%q).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")`, twoProcesses))
	do(b, ctx, chromedp.Navigate(srv.URL+"/play#code="+code))
	waitFor(b, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	eval[bool](b, ctx, `(() => { const s = document.querySelector('[data-control="speed"]'); s.value = s.max; s.dispatchEvent(new Event("input")); return true; })()`)

	const status = `document.querySelector('[data-show="status"]').dataset.status`
	const tick = `osplay.dispatcher.snapshot.tick`
	var rates, pauses []float64
	b.ResetTimer()
	for round := 0; round < 3*b.N; round++ {
		do(b, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
		waitFor(b, ctx, "running", status+` === "running"`)
		time.Sleep(500 * time.Millisecond) // past the start
		t0, start := eval[float64](b, ctx, tick), time.Now()
		time.Sleep(2 * time.Second)
		t1, took := eval[float64](b, ctx, tick), time.Since(start)
		rates = append(rates, (t1-t0)/took.Seconds())
		// Pause, timed in the page: from the click to the first frame
		// drawn after the server's answer (status paused), and the tick
		// shown must not move after it.
		ms := eval[float64](b, ctx, `new Promise((resolve) => {
			const t0 = performance.now();
			document.querySelector('[data-action="pause"]').click();
			const look = () => {
				if (document.querySelector('[data-show="status"]').dataset.status === "paused") requestAnimationFrame(() => resolve(performance.now() - t0));
				else requestAnimationFrame(look);
			};
			look();
		})`, chromedp.EvalAwaitPromise)
		pauses = append(pauses, ms)
		at := eval[float64](b, ctx, tick)
		time.Sleep(300 * time.Millisecond)
		if after := eval[float64](b, ctx, tick); after != at {
			b.Errorf("the tick moved from %.0f to %.0f after Pause", at, after)
		}
	}
	b.StopTimer()
	slices.Sort(rates)
	slices.Sort(pauses)
	b.ReportMetric(rates[len(rates)/2], "ticks/s")
	b.ReportMetric(rates[0], "min-ticks/s")
	b.ReportMetric(pauses[len(pauses)/2], "pause-ms")
	b.ReportMetric(pauses[len(pauses)-1], "max-pause-ms")
}
