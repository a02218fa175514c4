package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
	"osplay/kernel"
	"osplay/kernel/analysis"
)

const statusIs = `document.querySelector('[data-show="status"]').dataset.status === `

// drawn waits until the views have drawn what the page has: the status
// changes with a batch, the views on the next animation frame.
func drawn(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`, chromedp.EvalAwaitPromise)
}

// runSegments are the run segments of a program's headless run as the
// kernel's own Gantt chart (package analysis) cuts them from its events:
// "start-end pid", sorted.
func runSegments(t *testing.T, base, example string) []string {
	t.Helper()
	var ex api.Example
	if err := json.Unmarshal([]byte(get(t, base+"/api/examples/"+example, nil).body), &ex); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(api.RunRequest{Program: ex.Program(), Events: true})
	r := post(t, base+"/api/run", "application/json", string(body))
	var res api.RunResponse
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.status != 200 || res.EventsTruncated {
		t.Fatalf("run %s: %d %v %.300s", example, r.status, err, r.body)
	}
	kinds := map[string]kernel.Kind{"dispatch": kernel.KindDispatch, "switch": kernel.KindSwitch, "idle": kernel.KindIdle, "create": kernel.KindCreate}
	g := analysis.NewGantt()
	ncpu := 0
	for _, e := range res.Events {
		k, ok := kinds[e.Kind]
		if !ok {
			k = kernel.KindSyscall // no mark on the chart, but the run goes on to its tick
		}
		g.Add(kernel.Event{Tick: e.Tick, Kind: k, CPU: e.CPU, PID: e.PID, TID: e.TID, Other: e.Other, OtherTID: e.OtherTID, Name: e.Name})
		ncpu = max(ncpu, e.CPU+1)
	}
	var out []string
	for c := range ncpu {
		for _, s := range g.Segments(c) {
			if s.What == analysis.Running {
				out = append(out, fmt.Sprintf("%d-%d %d", s.Start, s.End, s.PID))
			}
		}
	}
	slices.Sort(out)
	return out
}

// svgBars are the run bars of an exported Gantt chart, "start-end pid",
// sorted; the document must parse as XML.
func svgBars(t *testing.T, doc string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	var bars []string
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the exported SVG does not parse: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = el.Name.Space + " " + el.Name.Local
		}
		a := map[string]string{}
		for _, at := range el.Attr {
			a[at.Name.Local] = at.Value
		}
		if el.Name.Local == "g" && a["data-what"] == "run" && strings.Contains(a["class"], "seg") {
			bars = append(bars, fmt.Sprintf("%s-%s %s", a["data-start"], a["data-end"], a["data-pid"]))
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("the exported document's root is %q", root)
	}
	slices.Sort(bars)
	return bars
}

// The Gantt chart exported as SVG parses and has a bar per run segment of
// the run; its PNG is drawn from it; the events come as CSV with a header
// and a row per event.
func TestBrowserExportsViews(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=onetwo&speed=100000&lang=en"))
	waitFor(t, ctx, "the session", statusIs+`"paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", statusIs+`"done"`)
	drawn(t, ctx)

	doc := eval[string](t, ctx, `osplay.exporter.svgText("gantt")`)
	got, want := svgBars(t, doc), runSegments(t, srv.URL, "onetwo")
	if len(want) < 2 || !slices.Equal(got, want) {
		t.Errorf("the exported Gantt chart's run bars:\n%v\nthe run's segments:\n%v", got, want)
	}
	for _, s := range []string{`fill="rgb(`, `<pattern id="hatch"`, `class="gantt-legend"`, `>tick<`} {
		if !strings.Contains(doc, s) {
			t.Errorf("the exported Gantt chart lacks %s: %.600s", s, doc)
		}
	}
	for _, view := range []string{"proctree", "states", "queues", "waitfor", "ipc", "msc"} {
		svgBars(t, eval[string](t, ctx, fmt.Sprintf(`osplay.exporter.svgText(%q)`, view))) // parses
		data := eval[string](t, ctx, fmt.Sprintf(`osplay.exporter.pngBlob(%q).then(b => new Promise(ok => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(b) }), err => String(err))`, view), chromedp.EvalAwaitPromise)
		b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(data, "data:image/png;base64,"))
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("the %s view's PNG: %.80s", view, data)
			continue
		}
		artifact(t, view+"-exported.png", b)
	}
	artifact(t, "gantt-exported.svg", []byte(doc))
	png := eval[string](t, ctx, `osplay.exporter.pngBlob("gantt").then(b => b.type + " " + b.size)`, chromedp.EvalAwaitPromise)
	data := eval[string](t, ctx, `osplay.exporter.pngBlob("gantt").then(b => new Promise(ok => { const r = new FileReader(); r.onload = () => ok(r.result.split(",")[1]); r.readAsDataURL(b) }))`, chromedp.EvalAwaitPromise)
	if b, err := base64.StdEncoding.DecodeString(data); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("the Gantt chart's PNG is no PNG (%v)", err)
	} else {
		artifact(t, "gantt-exported.png", b)
	}
	if typ, n, _ := strings.Cut(png, " "); typ != "image/png" || len(n) < 4 { // a picture of a kilobyte or more
		t.Errorf("the Gantt chart's PNG: %s", png)
	}

	text := eval[string](t, ctx, `osplay.exporter.eventsCSV()`)
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("the events' CSV: %v", err)
	}
	n := eval[int](t, ctx, `osplay.dispatcher.log.length`)
	if len(rows) != n+1 || strings.Join(rows[0], ",") != "n,t,k,cpu,pid,tid,detail" {
		t.Fatalf("%d rows for %d events, header %v", len(rows), n, rows[0])
	}
	for i, r := range rows[1:] {
		if r[0] != strconv.Itoa(i) || r[2] == "" {
			t.Errorf("row %d: %v", i+1, r)
			break
		}
	}
	var events []map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `osplay.exporter.eventsJSON()`)), &events); err != nil || len(events) != n {
		t.Errorf("the events' JSON: %d events, %v", len(events), err)
	}
	// The menus are in the views.
	if m := eval[int](t, ctx, `document.querySelectorAll('.views [data-export] [data-action="export-svg"]').length`); m != 7 {
		t.Errorf("%d views offer an SVG, want 7", m)
	}
	// The menu opens from the keyboard and Escape closes it.
	menu := `document.querySelector('.views > [data-view="gantt"] .export-menu')`
	do(t, ctx, chromedp.Focus(chromedp.CSS(`.views > [data-view="gantt"] .export-menu > summary`)), chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the menu open", menu+`.open`)
	screenshot(t, ctx, "export-gantt")
	do(t, ctx, chromedp.KeyEvent("\u001b"))
	waitFor(t, ctx, "the menu closed", `!`+menu+`.open && document.activeElement === `+menu+`.querySelector("summary")`)
}

// A link copied at a tick opens the run paused at that tick with the view
// in sight.
func TestBrowserPermalinkOpensAtTick(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=nfork&speed=100000&lang=en"))
	waitFor(t, ctx, "the session", statusIs+`"paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", statusIs+`"done"`)
	drawn(t, ctx)
	end := eval[int](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`)
	at := end / 2
	eval[bool](t, ctx, fmt.Sprintf(`osplay.seek(%d), true`, at))
	waitFor(t, ctx, "the rewind", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d"`, at))
	drawn(t, ctx)
	trees := `[...document.querySelectorAll('[data-view="proctree"] [data-pid]')].map(e => e.dataset.pid + e.dataset.state).join()`
	tree := eval[string](t, ctx, trees)
	link := eval[string](t, ctx, `osplay.exporter.permalink("msc")`)
	u, err := url.Parse(link)
	if err != nil || u.Query().Get("tick") != strconv.Itoa(at) || u.Query().Get("view") != "msc" || !strings.Contains(u.Fragment, "code=") {
		t.Fatalf("the link %s", link)
	}

	tab := browserTab(t)
	do(t, tab, chromedp.Navigate(link))
	waitFor(t, tab, "the run at the tick", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d" && `, at)+statusIs+`"paused"`)
	waitFor(t, tab, "the tree at the tick", trees+` === `+strconv.Quote(tree))
	if !eval[bool](t, tab, `document.querySelector('.views > [data-view="msc"]').dataset.linked === "true"`) {
		t.Errorf("the sequence chart is not the view brought forward")
	}
	waitFor(t, tab, "the view in sight", `(() => { const r = document.querySelector('.views > [data-view="msc"]').getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight })()`)
	if f := eval[string](t, tab, `document.activeElement && document.activeElement.id`); f != "msc-title" {
		t.Errorf("the focus is on %q, not the view's heading", f)
	}
	screenshot(t, tab, "permalink-at-tick")
}

// On an exercise's page a link at a tick opens the exercise there, the view
// named as the exercise names its views (tree for the process tree).
func TestBrowserPermalinkOnExercise(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/x/sched-rr?lang=ko&speed=100000"))
	waitFor(t, ctx, "the session", statusIs+`"paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", statusIs+`"done"`)
	drawn(t, ctx)
	viewShot(t, ctx, "gantt", "gantt-sched-rr-ko")
	at := eval[int](t, ctx, `+document.querySelector('[data-show="tick"]').textContent`) / 3
	eval[bool](t, ctx, fmt.Sprintf(`osplay.seek(%d), true`, at))
	waitFor(t, ctx, "the rewind", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d"`, at))
	link := eval[string](t, ctx, `osplay.exporter.permalink("proctree")`)
	u, err := url.Parse(link)
	if err != nil || u.Path != "/x/sched-rr" || u.Query().Get("view") != "tree" || u.Query().Get("lang") != "ko" {
		t.Fatalf("the link %s", link)
	}
	tab := browserTab(t)
	do(t, tab, chromedp.Navigate(link))
	waitFor(t, tab, "the run at the tick", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d" && `, at)+statusIs+`"paused"`)
	if !eval[bool](t, tab, `document.querySelector('.views > [data-view="proctree"]').dataset.linked === "true"`) {
		t.Errorf("the process tree is not the view brought forward")
	}
	if o := eval[string](t, tab, `document.querySelector('.views > [data-view="proctree"]').style.order`); !strings.HasPrefix(o, "-") {
		t.Errorf("the exercise does not put the tree first (order %q)", o)
	}
}

// A workload (jobs without code) exports too, and its link carries the
// workload in its address.
func TestBrowserExportsWorkload(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?workload="+url.QueryEscape("A 0 3\nB 1 2\n")+"&sched=fcfs&speed=100000"))
	waitFor(t, ctx, "the session", statusIs+`"paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", statusIs+`"done"`)
	drawn(t, ctx)
	link := eval[string](t, ctx, `osplay.exporter.permalink("gantt")`)
	u, err := url.Parse(link)
	if err != nil || u.Query().Get("workload") == "" || u.Query().Get("view") != "gantt" || u.Query().Get("tick") == "" {
		t.Errorf("the link %s", link)
	}
	if n := len(svgBars(t, eval[string](t, ctx, `osplay.exporter.svgText("gantt")`))); n < 2 {
		t.Errorf("the workload's exported chart has %d bars", n)
	}
}
