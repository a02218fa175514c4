package web

import (
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
	"osplay/internal/loadprog"
)

// canonicalState is a page function that writes a state as JSON with its
// keys sorted and the per-batch fields left out, so that two states that
// hold the same compare equal whatever order their keys came in.
const canonicalState = `(s) => {
	const c = (v) => Array.isArray(v) ? v.map(c) : v && typeof v === "object" ?
		Object.fromEntries(Object.keys(v).sort().map((k) => [k, c(v[k])])) : v;
	const o = Object.assign({}, s);
	delete o.instructions; delete o.lostUpdate;
	return JSON.stringify(c(o));
}`

// TestBrowserMergesDeltas: the page takes the state's changes only
// (protocol 1.6) and merges them. While a two-process program runs at
// the default speed with a PCB open and then closed (a field that comes
// and goes), the views show what the merged state says; once paused, the
// merged state is the whole state the server sends next.
func TestBrowserMergesDeltas(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, loadprog.TwoProcesses)
	eval[bool](t, ctx, `window.__canon = `+canonicalState+`; window.__batches = 0;
		window.osplayHooks = {batch(b) { window.__batches++; window.__state = b.state; }}; true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "pid 3 in the tree", `document.querySelector('[data-view="proctree"] [data-pid="3"]') !== null`)
	eval[bool](t, ctx, `window.osplay.select(2), true`)
	waitFor(t, ctx, "the PCB of pid 2 in the state", `window.__state.pcb && window.__state.pcb.pid === 2`)
	waitFor(t, ctx, "deltas", `window.osplay.deltas() > 20`)
	eval[bool](t, ctx, `window.osplay.select(0), true`)
	waitFor(t, ctx, "the PCB gone from the state", `window.__state.status === "running" && !("pcb" in window.__state)`)
	waitFor(t, ctx, "more deltas", `window.osplay.deltas() > 40`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
	waitFor(t, ctx, "paused", `document.querySelector('[data-show="status"]').dataset.status === "paused" && !window.__state.running`)
	// The views show the merged state.
	if got := eval[string](t, ctx, `document.querySelector('[data-show="tick"]').textContent + " " +
		window.__state.procs.map((p) => document.querySelector('[data-view="proctree"] [data-pid="' + p.pid + '"]') ? p.pid : -p.pid).join(",")`); got != eval[string](t, ctx, `window.__state.tick + " 1,2,3"`) {
		t.Errorf("the views show %q, the merged state %s", got, eval[string](t, ctx, `window.__canon(window.__state)`))
	}
	merged := eval[string](t, ctx, `window.__merged = window.__canon(window.__state); window.__n = window.__batches; window.__d = window.osplay.deltas();
		window.osplay.conn.send({op: "inspect", pid: 0}); window.__merged`)
	waitFor(t, ctx, "the whole state", `window.__batches > window.__n`)
	if d := eval[bool](t, ctx, `window.osplay.deltas() === window.__d`); !d {
		t.Fatalf("the batch after the pause came as a delta")
	}
	if whole := eval[string](t, ctx, `window.__canon(window.__state)`); whole != merged {
		t.Errorf("merged state\n%s\nwhole state\n%s", merged, whole)
	}
}
