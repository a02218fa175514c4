package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The views that draw only what changed: each builds its drawing afresh
// off the page and the page keeps its nodes, taking only what changed
// (static/js/patch.js). What a run drawn frame by frame leaves on the page
// must be what one whole drawing of the same state makes.
var patchedViews = []string{"Gantt", "MSC", "Queues", "WaitFor", "IPCView", "Instructions", "PCB"}

// canonJS reads a view's nodes as text: each element with its attributes
// in order of name (a kept node's attributes may stand in another order
// than a new one's), each text node quoted.
const canonJS = `const canon = (n) => {
	if (n.nodeType === 3) return JSON.stringify(n.nodeValue);
	if (n.nodeType !== 1) return "";
	const a = [...n.attributes].map((x) => x.name + "=" + JSON.stringify(x.value)).sort();
	return "<" + n.localName + (a.length ? " " + a.join(" ") : "") + ">" + [...n.childNodes].map(canon).join("") + "</" + n.localName + ">";
};
const elements = (v) => [v.canvas, v.legendEl].filter(Boolean);
const read = (v) => elements(v).map((e) => [...e.childNodes].map(canon).join("\n")).join("\n----\n");
const views = () => osplay.dispatcher.views.filter((v) => %s.includes(v.constructor.name));
`

// tagJS marks every element the views show now, to tell later which
// were kept.
var tagJS = fmt.Sprintf(`(() => { %s
	let n = 0;
	for (const v of views()) for (const e of elements(v)) for (const x of e.querySelectorAll("*")) { x.keptFromEarlier = true; n++; }
	return n;
})()`, fmt.Sprintf(canonJS, jsList(patchedViews)))

// redrawJS reads each view as drawn, then draws it whole into an empty
// element and reads it again; "kept" is how many of the elements drawn
// before tagJS the page still shows.
var redrawJS = fmt.Sprintf(`(() => { %s
	const out = {};
	for (const v of views()) {
		const drawn = read(v);
		let kept = 0, all = 0;
		for (const e of elements(v)) for (const x of e.querySelectorAll("*")) { all++; if (x.keptFromEarlier) kept++; }
		for (const e of elements(v)) e.replaceChildren();
		v.dirty = true;
		v.drawnAt = 0;
		v.render();
		out[v.constructor.name] = {drawn, whole: read(v), kept, all};
	}
	return out;
})()`, fmt.Sprintf(canonJS, jsList(patchedViews)))

func jsList(names []string) string {
	return `["` + strings.Join(names, `", "`) + `"]`
}

type viewDrawing struct {
	Drawn string `json:"drawn"`
	Whole string `json:"whole"`
	Kept  int    `json:"kept"`
	All   int    `json:"all"`
}

// sameAsWhole fails the test for each view whose drawing differs from a
// whole drawing of the same state, and returns the drawings.
func sameAsWhole(t *testing.T, ctx context.Context, when string) map[string]viewDrawing {
	t.Helper()
	got := eval[map[string]viewDrawing](t, ctx, redrawJS)
	for _, name := range patchedViews {
		d, ok := got[name]
		if !ok {
			t.Errorf("%s: view %s not found", when, name)
			continue
		}
		if d.Drawn != d.Whole {
			t.Errorf("%s: %s drawn frame by frame differs from its whole drawing:\n%s", when, name, firstDifference(d.Drawn, d.Whole))
		}
	}
	return got
}

// firstDifference shows where two drawings part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	cut := func(s string) string { return s[from:min(len(s), i+300)] }
	return fmt.Sprintf("at byte %d of %d/%d\nframe by frame: …%s…\nwhole:          …%s…", i, len(a), len(b), cut(a), cut(b))
}

// TestBrowserViewsDrawOnlyWhatChanged: an example run at a speed a
// student follows (every batch drawn, the instructions watched), its
// first process inspected; mid-run the views' elements are marked. At the
// end each view is what a whole drawing of the final state is, and the
// chart, the queues and the other views kept their elements rather than
// drawing anew; moved back to the middle of the run, each view is again
// what a whole drawing is.
func TestBrowserViewsDrawOnlyWhatChanged(t *testing.T) {
	for _, c := range []struct {
		example string
		speed   int    // ticks a batch: the run lasts a few seconds
		midway  int    // a tick well inside the run
		then    string // what is clicked there: the Gantt chart by thread, zoomed in
	}{{"philosophers", 100, 600, `[data-control="gantt-threads"]`}, {"prodcons-shm-msg", 10, 300, `[data-action="gantt-zoom-in"]`},
		{"counter-race", 1000, 6000, ""}} {
		t.Run(c.example, func(t *testing.T) {
			ctx, _ := openPlay(t, fmt.Sprintf("example=%s&speed=%d", c.example, c.speed))
			status := `document.querySelector('[data-show="status"]').dataset.status`
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
			waitFor(t, ctx, "the run", status+` === "running" && osplay.dispatcher.table.firstPID > 0`)
			eval[bool](t, ctx, `(osplay.select(osplay.dispatcher.table.firstPID), true)`)
			pcbShown := `!!document.querySelector('[data-canvas="pcb"] .pcb-fields')`
			waitFor(t, ctx, "the run under way", fmt.Sprintf(`(osplay.dispatcher.snapshot.tick > %d && %s) || `, c.midway, pcbShown)+status+` !== "running"`)
			if eval[string](t, ctx, status) != "running" {
				t.Fatalf("the run ended at tick %v before it could be watched", eval[float64](t, ctx, `osplay.dispatcher.snapshot.tick`))
			}
			if c.then != "" {
				do(t, ctx, chromedp.Click(chromedp.CSS(c.then)))
			}
			if tagged := eval[int](t, ctx, tagJS); tagged == 0 {
				t.Fatal("the views showed nothing mid-run")
			}
			if !eval[bool](t, ctx, pcbShown) {
				t.Error("the PCB shows no process mid-run")
			}
			waitFor(t, ctx, "the run's end", status+` !== "running" && osplay.dispatcher.frame === 0`)
			end := eval[float64](t, ctx, `osplay.dispatcher.snapshot.tick`)
			got := sameAsWhole(t, ctx, fmt.Sprintf("at the end (tick %.0f)", end))
			for _, name := range patchedViews {
				t.Logf("%s: %d of its %d elements kept from mid-run", name, got[name].Kept, got[name].All)
			}
			for _, name := range []string{"Gantt", "Queues"} {
				if d := got[name]; d.Kept == 0 {
					t.Errorf("%s drew all of its %d elements anew (none kept from mid-run)", name, d.All)
				}
			}
			if got["Instructions"].All < 10 {
				t.Errorf("the instructions view showed %d elements: the run was not watched", got["Instructions"].All)
			}
			// Back to the middle of the run.
			mid := int(end) / 2
			eval[bool](t, ctx, fmt.Sprintf(`(osplay.seek(%d), true)`, mid))
			waitFor(t, ctx, "the rewind", fmt.Sprintf(`osplay.dispatcher.snapshot.tick === %d && osplay.dispatcher.frame === 0`, mid))
			back := sameAsWhole(t, ctx, fmt.Sprintf("moved back to tick %d", mid))
			if back["Gantt"].Drawn == got["Gantt"].Drawn {
				t.Errorf("the Gantt chart at tick %d is drawn as at tick %.0f", mid, end)
			}
		})
	}
}

// twoProcessesAtSpeed opens the play page on the two-process loop and runs
// it at the fastest speed past its first million ticks; status reads the
// status the page shows.
func twoProcessesAtSpeed(t *testing.T) (ctx context.Context, status string) {
	ctx, url := openPlay(t, "new=1")
	openTwoProcesses(t, ctx, url, 0)
	status = `document.querySelector('[data-show="status"]').dataset.status`
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the run at speed", status+` === "running" && osplay.dispatcher.snapshot.tick > 1000000`)
	return ctx, status
}

// TestBrowserPauseHoldsTheDrawing: at the fastest speed, a hold (what
// Pause starts) draws none of the batches that come, and lets the drawing
// go on by itself when no answer comes within its second; Pause itself is drawn
// from the server's answer: the views show the paused tick, each as a
// whole drawing of that state would, and nothing is held after it.
func TestBrowserPauseHoldsTheDrawing(t *testing.T) {
	ctx, status := twoProcessesAtSpeed(t)
	// Count the batches and the drawings from the hold on.
	eval[bool](t, ctx, `(() => {
		const d = osplay.dispatcher, h = osplay.conn.handlers, batch = h.batch, drawn = d.onDrawn;
		window.held = {batches: 0, draws: 0, drawnAt: 0, since: performance.now()};
		h.batch = (b) => { held.batches++; batch(b); };
		d.onDrawn = (seq) => { if (!held.draws++) held.drawnAt = performance.now(); drawn(seq); };
		d.hold();
		return true;
	})()`)
	// (The server sends two batches ahead of the page's acknowledgement at
	// most, so that fewer may come.)
	waitFor(t, ctx, "the drawing going on without an answer", `held.draws > 0`)
	if ms := eval[float64](t, ctx, `held.drawnAt - held.since`); ms < 900 {
		t.Errorf("the page drew %.0f ms into the hold, before its second (%d batches came)", ms, eval[int](t, ctx, `held.batches`))
	}
	if eval[string](t, ctx, status) != "running" {
		t.Fatal("the run stopped by itself")
	}
	// Pause: the answer is drawn.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
	waitFor(t, ctx, "the pause, drawn", status+` === "paused" && osplay.dispatcher.frame === 0`)
	if eval[bool](t, ctx, `!!osplay.dispatcher.holding`) {
		t.Error("the page still holds its drawing after the answer")
	}
	tick := eval[float64](t, ctx, `osplay.dispatcher.snapshot.tick`)
	if stats := eval[string](t, ctx, `document.querySelector('[data-show="gantt-stats"]').textContent`); !strings.Contains(stats, fmt.Sprintf(": %.0f ", tick)) {
		t.Errorf("the Gantt chart says %q, the machine paused at tick %.0f", stats, tick)
	}
	sameAsWhole(t, ctx, fmt.Sprintf("paused at tick %.0f", tick))
}

// TestBrowserPauseDrawsWhatFitsFirst: when a fast run stops, the first
// frame draws only the views whose last drawing fits in the frame's share,
// so that a costly view (here the editor's markers, made to take 30 ms)
// does not hold the frame that shows Pause; it follows in a later frame,
// and every view is drawn at the paused state in the end.
func TestBrowserPauseDrawsWhatFitsFirst(t *testing.T) {
	ctx, status := twoProcessesAtSpeed(t)
	// Every drawing logged with the frame it was in and the status it drew;
	// the markers made slow.
	eval[bool](t, ctx, `(() => {
		const d = osplay.dispatcher, drawn = d.onDrawn;
		window.drawings = [];
		window.frames = 0;
		d.onDrawn = (seq) => { frames++; drawn(seq); };
		for (const v of d.views) {
			const render = v.render.bind(v), name = v.name || v.constructor.name;
			v.render = () => {
				if (name === "Markers") for (const until = performance.now() + 30; performance.now() < until;) {}
				drawings.push({frame: frames, name, status: d.snapshot.status});
				render();
			};
		}
		window.markers = d.views.find((v) => v.name === "Markers");
		return true;
	})()`)
	waitFor(t, ctx, "the markers drawn slowly", `osplay.dispatcher.cost.get(markers) >= 30`)
	if eval[bool](t, ctx, `osplay.dispatcher.hidden.has(markers)`) {
		t.Fatal("the editor is out of sight: its markers would be left for later anyway")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
	waitFor(t, ctx, "the pause, drawn", status+` === "paused" && osplay.dispatcher.frame === 0 && !osplay.dispatcher.drawing()`)
	type drawing struct {
		Frame  int
		Name   string
		Status string
	}
	var first []string
	stop, markersAt := -1, -1
	for _, d := range eval[[]drawing](t, ctx, `drawings`) {
		if d.Status != "paused" {
			continue
		}
		if stop < 0 {
			stop = d.Frame
		}
		if d.Frame == stop {
			first = append(first, d.Name)
		}
		if d.Name == "Markers" && markersAt < 0 {
			markersAt = d.Frame
		}
	}
	if stop < 0 {
		t.Fatal("no view drew the paused state")
	}
	t.Logf("the first frame after the pause drew %v; the markers came in frame %d after it", first, markersAt-stop)
	if markersAt == stop {
		t.Errorf("the first frame after the pause drew the markers (30 ms) with %v", first)
	}
	if markersAt < 0 {
		t.Error("the markers were never drawn at the paused state")
	}
	if len(first) < 3 {
		t.Errorf("the first frame after the pause drew only %v", first)
	}
	screenshot(t, ctx, "paused-at-speed")
}
