package web

// The page at full speed: a two-process loop run at the fastest speed in
// a real browser, measuring how many ticks a second the page shows and
// how soon Pause takes effect, paused and run on ten times so that the
// later pauses have a long run behind them. Pause is timed from the click
// to the frame after the one that drew the server's answer (pause-ms),
// and from the answer's arrival to that frame (page-ms: the page's part;
// the rest is the server finishing the batch under way and the network).
//
//	go test ./web -run '^$' -bench PageAtFullSpeed -benchtime 1x
//
// OSPLAY_PAGE_SLOWDOWN=4 runs the page's scripts four times slower than
// the machine can (chromium's CPU throttling), as on a slow laptop or a
// machine shared with others. OSPLAY_PAGE_TALL=1 opens the page in a
// window tall enough (1600×5000) that every view is in sight, and so drawn
// while the run goes on; each round logs how long each view took to draw
// over the 1.5-s stretch it measures.

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"osplay/api"
)

// pauseTiming is one Pause as the page measured it (performance marks):
// from the click to the frame after the one that drew the server's
// answer, when the answer came, and how long each view took to draw in
// that time (the dispatcher's "draw <view>" measures).
type pauseTiming struct {
	MS      float64            `json:"ms"`
	Answer  float64            `json:"answer"`
	Views   map[string]float64 `json:"views"`
	Batches [][]any            `json:"batches"` // [ms, status, events] of each batch received meanwhile
	Long    []float64          `json:"long"`    // the long animation frames meanwhile, [start, ms] each
}

const pausePromise = `new Promise((resolve) => {
	const d = osplay.dispatcher;
	performance.clearMarks();
	performance.clearMeasures();
	d.measure = true;
	const h = osplay.conn.handlers, batch = h.batch, batches = [], long = [];
	h.batch = (b) => { batches.push([performance.now() - t0, b.state.status, (b.events || []).length]); batch(b); };
	const loaf = typeof PerformanceObserver !== "undefined" && PerformanceObserver.supportedEntryTypes.includes("long-animation-frame") ?
		new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.startTime + e.duration > t0) long.push(e.startTime - t0, e.duration); }) : null;
	if (loaf) loaf.observe({type: "long-animation-frame", buffered: true});
	const t0 = performance.mark("pause").startTime;
	document.querySelector('[data-action="pause"]').click();
	let answer = 0;
	const look = () => {
		if (document.querySelector('[data-show="status"]').dataset.status !== "paused") {
			requestAnimationFrame(look);
			return;
		}
		answer = performance.measure("answer", "pause").duration;
		requestAnimationFrame(() => {
			const ms = performance.measure("paused", "pause").duration;
			d.measure = false;
			h.batch = batch;
			if (loaf) { for (const e of loaf.takeRecords()) if (e.startTime + e.duration > t0) long.push(e.startTime - t0, e.duration); loaf.disconnect(); }
			const views = {};
			for (const m of performance.getEntriesByType("measure")) {
				if (!m.name.startsWith("draw ")) continue;
				const v = m.name.slice(5);
				views[v] = (views[v] || 0) + m.duration;
			}
			resolve({ms, answer, views, batches, long});
		});
	};
	look();
})`

func BenchmarkPageAtFullSpeed(b *testing.B) {
	ctx := browserTab(b)
	if s := os.Getenv("OSPLAY_PAGE_SLOWDOWN"); s != "" {
		rate, err := strconv.ParseFloat(s, 64)
		if err != nil || rate < 1 {
			b.Fatalf("OSPLAY_PAGE_SLOWDOWN=%q: want a number ≥ 1", s)
		}
		if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
			b.Fatal(err)
		}
	}
	if os.Getenv("OSPLAY_PAGE_TALL") != "" {
		do(b, ctx, chromedp.EmulateViewport(1600, 5000))
	}
	_, srv := testServer(b, api.Limits{MaxTicks: 500_000_000})
	do(b, ctx, chromedp.Navigate(srv.URL+"/play?new=1"))
	openTwoProcesses(b, ctx, srv.URL, 0)

	const status = `document.querySelector('[data-show="status"]').dataset.status`
	const tick = `osplay.dispatcher.snapshot.tick`
	var rates, pauses, pages []float64
	b.ResetTimer()
	for round := 0; round < 10*b.N; round++ {
		do(b, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
		waitFor(b, ctx, "running", status+` === "running"`)
		time.Sleep(300 * time.Millisecond) // past the start
		eval[bool](b, ctx, `(performance.clearMeasures(), osplay.dispatcher.measure = true)`)
		t0, start := eval[float64](b, ctx, tick), time.Now()
		time.Sleep(1500 * time.Millisecond) // (ten rounds fit in the tab's minute on a slowed page)
		t1, took := eval[float64](b, ctx, tick), time.Since(start)
		running := eval[map[string]float64](b, ctx, `(() => {
			osplay.dispatcher.measure = false;
			const views = {};
			for (const m of performance.getEntriesByType("measure")) if (m.name.startsWith("draw ")) views[m.name.slice(5)] = (views[m.name.slice(5)] || 0) + m.duration;
			return views;
		})()`)
		rates = append(rates, (t1-t0)/took.Seconds())
		// Pause, timed in the page, and the tick shown must not move
		// after it.
		p := eval[pauseTiming](b, ctx, pausePromise, chromedp.EvalAwaitPromise)
		pauses = append(pauses, p.MS)
		// The page's part: from the server's answer (the batch that says
		// paused) to the frame after it was drawn.
		for _, b := range p.Batches {
			if len(b) == 3 && b[1] == "paused" {
				pages = append(pages, p.MS-b[0].(float64))
				break
			}
		}
		var views []string
		for v, ms := range p.Views {
			views = append(views, fmt.Sprintf("%s %.0f", v, ms))
		}
		slices.Sort(views)
		var drawing []string
		for v, ms := range running {
			drawing = append(drawing, fmt.Sprintf("%s %.0f", v, ms))
		}
		slices.Sort(drawing)
		b.Logf("at tick %.0f: %.2f M ticks/s (drawing over the stretch (ms): %s); Pause %.0f ms (answer at %.0f ms); drawing (ms): %s; batches (ms, status, events): %v; long frames (start, ms): %v",
			t1, (t1-t0)/took.Seconds()/1e6, strings.Join(drawing, ", "), p.MS, p.Answer, strings.Join(views, ", "), p.Batches, p.Long)
		at := eval[float64](b, ctx, tick)
		time.Sleep(200 * time.Millisecond)
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
	if len(pages) > 0 {
		slices.Sort(pages)
		b.ReportMetric(pages[len(pages)/2], "page-ms")
		b.ReportMetric(pages[len(pages)-1], "max-page-ms")
	}
}
