package web

// The playground on one screen, on a laptop (1280×800) and a phone
// (390×844), in English and Korean: what a student needs after Run is in
// the window, no page is wider than the screen, the keyboard alone runs,
// steps, pauses and rewinds, and the palette stays distinguishable to a
// reader with deuteranopia.

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"osplay/api"
)

var screens = []struct{ w, h int64 }{{1280, 800}, {390, 844}}

// shotViewport saves what the window shows as NAME.png among the test's
// artifacts (and in $OSPLAY_SCREENSHOTS).
func shotViewport(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	artifact(t, name+".png", png)
}

// inView is JavaScript: whether the element sel names lies wholly in the
// window and is what the window shows at its centre (not under the dock).
func inView(sel string) string {
	return fmt.Sprintf(`(() => {
		const e = document.querySelector(%q);
		if (!e) return false;
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
		const at = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
		return !!at && (e.contains(at) || at.contains(e));
	})()`, sel)
}

func TestBrowserOneScreen(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for _, sc := range screens {
		for _, lang := range []string{"en", "ko"} {
			t.Run(fmt.Sprintf("%dx%d-%s", sc.w, sc.h, lang), func(t *testing.T) {
				ctx := browserTab(t)
				do(t, ctx, chromedp.EmulateViewport(sc.w, sc.h), chromedp.Navigate(srv.URL+"/play?example=onetwo&lang="+lang))
				waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
				do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
				waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
				waitFor(t, ctx, "the output", consoleText+`.includes("two")`)
				if y := eval[float64](t, ctx, `scrollY`); y != 0 {
					t.Errorf("Run scrolled the page by %v px", y)
				}
				for _, sel := range []string{`[data-action="run"]`, `[data-action="step"]`, `.console-out .line:last-child`} {
					if !eval[bool](t, ctx, inView(sel)) {
						t.Errorf("after Run, %s is not in the window", sel)
					}
				}
				if sc.w >= 1280 {
					// Beside them, the first view, with its diagram.
					if !eval[bool](t, ctx, inView(`[data-view="proctree"] svg .node[data-pid="1"]`)) {
						t.Errorf("after Run, the process tree is not in the window")
					}
				}
				// The diagrams are drawn at their size: no word under 12 px (the
				// state, queue and tree diagrams, the Gantt chart, the sequence
				// chart and the IPC view's rings).
				small := eval[[]string](t, ctx, `[...document.querySelectorAll('svg.states text, svg.queues text, svg.proctree text, [data-view="gantt"] svg text, [data-view="msc"] svg text, [data-view="ipc"] svg text')]
					.filter(e => e.textContent.trim() !== "" && e.getBoundingClientRect().width > 0)
					.map(e => [e, parseFloat(getComputedStyle(e).fontSize) * e.ownerSVGElement.getScreenCTM().a])
					.filter(([, px]) => px < 11.95).map(([e, px]) => e.closest("[data-view]")?.dataset.view + "." + e.getAttribute("class") + " " + e.textContent.trim() + ": " + px.toFixed(1) + "px")`)
				if len(small) > 0 {
					t.Errorf("words drawn under 12 px: %v", small)
				}
				shotViewport(t, ctx, fmt.Sprintf("one-screen-%s-%d", lang, sc.w))
				// The controls stay at hand wherever the page is scrolled.
				eval[bool](t, ctx, `scrollTo(0, document.documentElement.scrollHeight), true`)
				waitFor(t, ctx, "the scroll", `scrollY > 0`)
				for _, sel := range []string{`[data-action="run"]`, `[data-action="step"]`} {
					if !eval[bool](t, ctx, inView(sel)) {
						t.Errorf("scrolled down, %s is out of the window", sel)
					}
				}
				if sc.w >= 1280 && !eval[bool](t, ctx, inView(`.console-out .line:last-child`)) {
					t.Errorf("scrolled down, the console is out of the window")
				}
				shotViewport(t, ctx, fmt.Sprintf("one-screen-scrolled-%s-%d", lang, sc.w))
			})
		}
	}
}

// Every page of the site, at both sizes and in both languages, is no
// wider than the window.
func TestBrowserNoPageIsWiderThanTheScreen(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	played := `document.querySelector('[data-show="status"]').dataset.status !== "connecting"`
	// A shared program, for its page and its embedded page.
	share := post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, api.ShareRequest{Program: api.Program{
		Files: []api.File{{Name: "main.c", Text: "int main(void) { return 0; }\n"}}, Main: "main.c"}}))
	var shared api.ShareResponse
	if err := json.Unmarshal([]byte(share.body), &shared); err != nil || shared.ID == "" {
		t.Fatalf("share: %d %s", share.status, share.body)
	}
	pages := []struct{ path, ready string }{
		{"/", `document.querySelector(".cards") !== null`},
		{"/play", played},
		{"/play?example=onetwo", played},
		{"/play?example=philosophers", played},
		{"/x", `document.querySelector(".x-list") !== null`},
		{"/x/sched-rr", played},
		{"/x/nfork-exit", played},
		{"/x/explore-counter", played},
		{"/x/u/new", `document.querySelector(".author-form") !== null`},
		{"/embed/x/sched-rr", played},
		{"/s/" + shared.ID, played},
		{"/embed/s/" + shared.ID, played},
		{"/play?workload=", played},
		{"/play?ostep=sched&args=-p+SJF+-l+5,10,15", played},
		{"/play?workload=&sched=fcfs&sched=sjf&sched=rr", `document.querySelectorAll(".compare-run svg").length === 3`},
	}
	for _, sc := range screens {
		for _, lang := range []string{"en", "ko"} {
			t.Run(fmt.Sprintf("%dx%d-%s", sc.w, sc.h, lang), func(t *testing.T) {
				ctx := browserTab(t)
				do(t, ctx, chromedp.EmulateViewport(sc.w, sc.h))
				for _, p := range pages {
					sep := "?"
					if strings.Contains(p.path, "?") {
						sep = "&"
					}
					do(t, ctx, chromedp.Navigate(srv.URL+p.path+sep+"lang="+lang))
					waitFor(t, ctx, p.path, p.ready)
					if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > int(sc.w) {
						t.Errorf("%s is %d px wide in a window of %d", p.path, w, sc.w)
					}
				}
			})
		}
	}
}

// The keyboard alone: the speed, Run, Pause, Step, Back, the list of
// keys, a view, the choice of views; the editor lets the focus go with
// Escape then Tab.
func TestBrowserKeyboardOnly(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?example=nfork"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	tick := func() int {
		n, err := strconv.Atoi(eval[string](t, ctx, `document.querySelector('[data-show="tick"]').textContent`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	key := func(k string) { do(t, ctx, chromedp.KeyEvent(k)) }
	status := func(s string) string {
		return `document.querySelector('[data-show="status"]').dataset.status === "` + s + `"`
	}

	// The slowest speed, from the slider's keys.
	eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').focus(), true`)
	key(kb.Home)
	if v := eval[string](t, ctx, `document.querySelector('[data-control="speed"]').value`); v != "0" {
		t.Fatalf("the speed slider is at %s after Home", v)
	}
	eval[bool](t, ctx, `document.activeElement.blur(), true`)

	key("s")
	waitFor(t, ctx, "a step by S", `document.querySelector('[data-show="tick"]').textContent !== "0"`)
	key("r")
	waitFor(t, ctx, "a run by R", status("running"))
	key("p")
	waitFor(t, ctx, "a pause by P", status("paused"))
	at := tick()
	// A screen reader hears the pause once, with its tick, not every tick.
	if said := eval[string](t, ctx, `document.querySelector('[data-show="announce"]').textContent`); said != fmt.Sprintf("Paused at tick %d", at) {
		t.Errorf("the live region says %q after the pause", said)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.toolbar [aria-live]:not([data-show="announce"])').length`); n != 0 {
		t.Errorf("%d other live regions in the toolbar", n)
	}
	key("b")
	waitFor(t, ctx, "a tick back by B", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d"`, at-1))
	key("s")
	waitFor(t, ctx, "the step again", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d"`, at))
	// The timeline by T, then its arrow keys.
	key("t")
	if a := eval[string](t, ctx, `document.activeElement.dataset.control || ""`); a != "timeline" {
		t.Fatalf("T focused %q, not the timeline", a)
	}
	key(kb.ArrowLeft)
	waitFor(t, ctx, "a tick back by ←", fmt.Sprintf(`document.querySelector('[data-show="tick"]').textContent === "%d"`, at-1))
	eval[bool](t, ctx, `document.activeElement.blur(), true`)

	// The list of keys: "?" opens it, Escape closes it.
	key("?")
	waitFor(t, ctx, "the list of keys", `document.querySelector('[data-show="keys"]').open`)
	if !eval[bool](t, ctx, inView(`[data-show="keys"] .keys-table`)) {
		t.Errorf("the list of keys is not in the window")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-show="keys"] kbd').length`); n < 12 {
		t.Errorf("the list shows %d keys", n)
	}
	shotViewport(t, ctx, "keys-en-1280")
	key(kb.Escape)
	waitFor(t, ctx, "the list closed", `!document.querySelector('[data-show="keys"]').open`)

	// ] goes to a view; Tab then reaches what is in it.
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	key("]")
	if v := eval[string](t, ctx, `document.activeElement.dataset.view || ""`); v != "proctree" {
		t.Errorf("] focused %q, not the first view", v)
	}
	key("]")
	if v := eval[string](t, ctx, `document.activeElement.dataset.view || ""`); v != "states" {
		t.Errorf("] again focused %q, not the second view", v)
	}

	// V chooses the views: the state diagram off, kept after a reload.
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	key("v")
	waitFor(t, ctx, "the choice of views", `document.querySelector('[data-control="views"]').open`)
	eval[bool](t, ctx, `document.querySelector('[data-view-toggle="states"]').focus(), true`)
	key(" ")
	waitFor(t, ctx, "the states view hidden", `document.querySelector('.views > [data-view="states"]').offsetParent === null`)
	key(kb.Escape)
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the session", status("paused"))
	if eval[bool](t, ctx, `document.querySelector('.views > [data-view="states"]').offsetParent !== null`) {
		t.Errorf("the states view is back after a reload")
	}

	// The editor: Tab indents; Escape then Tab leaves.
	do(t, ctx, chromedp.Click(chromedp.CSS(".cm-content")))
	before := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`)
	key(kb.Escape)
	key(kb.Tab)
	if eval[bool](t, ctx, `!!document.activeElement.closest(".cm-editor")`) {
		t.Errorf("Escape then Tab left the focus in the editor")
	}
	if after := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); after != before {
		t.Errorf("Escape then Tab changed the program")
	}
}

// A program that waits for a line gets the input line focused: the
// student types at once.
func TestBrowserInputTakesTheFocus(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	src := "#include <stdio.h>\nint main(void) { char s[32]; if (fgets(s, 32, stdin)) printf(\"hello, %s\", s); return 0; }\n"
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/play?new=1"))
	code := eval[string](t, ctx, fmt.Sprintf(`btoa(%q).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")`, src))
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?lang=ko#code="+code))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the input line focused", `document.activeElement && document.activeElement.dataset.control === "stdin-line"`)
	if !eval[bool](t, ctx, inView(`[data-control="stdin-line"]`)) {
		t.Errorf("the focused input line is not in the window")
	}
	do(t, ctx, chromedp.KeyEvent("world\r"))
	waitFor(t, ctx, "the answer", consoleText+`.includes("hello, world")`)
	shotViewport(t, ctx, "input-ko-390")
}

// The states' colours and the processes' colours, as the page sets them,
// stay apart for a reader with deuteranopia (Machado, Oliveira and
// Fernandes 2009, full severity): every two differ by ΔE*ab ≥ 10. The
// states also differ by glyph, word and line; the processes by their pid.
func TestBrowserPaletteIsColourBlindSafe(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=onetwo"))
	read := func(names []string) map[string]string {
		out := map[string]string{}
		for _, n := range names {
			out[n] = strings.TrimSpace(eval[string](t, ctx, fmt.Sprintf(`getComputedStyle(document.documentElement).getPropertyValue(%q)`, n)))
		}
		return out
	}
	states := read([]string{"--state-new", "--state-ready", "--state-running", "--state-waiting", "--state-terminated", "--state-stopped"})
	procs := read([]string{"--proc-0", "--proc-1", "--proc-2", "--proc-3", "--proc-4", "--proc-5", "--proc-6", "--proc-7"})
	for what, pal := range map[string]map[string]string{"states": states, "processes": procs} {
		names := make([]string, 0, len(pal))
		for n := range pal {
			names = append(names, n)
		}
		for i, a := range names {
			for _, b := range names[i+1:] {
				ca, err1 := parseHex(pal[a])
				cb, err2 := parseHex(pal[b])
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: %q, %q: not colours", what, pal[a], pal[b])
				}
				if d := deltaE(lab(deuteranopia(ca)), lab(deuteranopia(cb))); d < 10 {
					t.Errorf("%s: %s (%s) and %s (%s) look alike with deuteranopia: ΔE %.1f", what, a, pal[a], b, pal[b], d)
				}
			}
		}
	}
}

// The words that carry a state (the status in the toolbar, a state in
// the PCB) read at a contrast of 4.5:1 or more on the page's background,
// whatever the state's colour.
func TestBrowserStateWordsHaveContrast(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=onetwo"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	colours := eval[map[string]string](t, ctx, `(() => {
		const hex = (c) => "#" + c.match(/\d+/g).slice(0, 3).map((n) => (+n).toString(16).padStart(2, "0")).join("");
		const out = {background: hex(getComputedStyle(document.querySelector(".toolbar")).backgroundColor)};
		const badge = document.querySelector('[data-show="status"]');
		for (const s of ["running", "paused", "input", "done", "compile", "offline", "choose", "stalled"]) {
			badge.dataset.status = s;
			out["status " + s] = hex(getComputedStyle(badge).color);
		}
		for (const s of ["running", "ready", "waiting", "stopped", "new", "zombie"]) {
			const chip = document.createElement("span");
			chip.className = "statechip state-" + s;
			document.querySelector('[data-canvas="pcb"]').appendChild(chip);
			out["chip " + s] = hex(getComputedStyle(chip).color);
			chip.remove();
		}
		return out;
	})()`)
	bg, err := parseHex(colours["background"])
	if err != nil {
		t.Fatal(err)
	}
	for what, c := range colours {
		if what == "background" {
			continue
		}
		fg, err := parseHex(c)
		if err != nil {
			t.Fatal(err)
		}
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("%s: %s on %s, contrast %.2f:1", what, c, colours["background"], r)
		}
	}
}

// contrast is WCAG's contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 { return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2]) }
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func parseHex(s string) ([3]float64, error) {
	var c [3]float64
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return c, fmt.Errorf("not #rrggbb: %q", s)
	}
	for i := range 3 {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return c, err
		}
		c[i] = float64(v) / 255
	}
	return c, nil
}

func linear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// deuteranopia simulates the colour c (sRGB, 0–1) as a deuteranope sees
// it, in linear RGB.
func deuteranopia(c [3]float64) [3]float64 {
	m := [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
	l := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	var out [3]float64
	for i := range 3 {
		out[i] = math.Min(1, math.Max(0, m[i][0]*l[0]+m[i][1]*l[1]+m[i][2]*l[2]))
	}
	return out
}

// lab converts linear RGB to CIE L*a*b* (D65).
func lab(l [3]float64) [3]float64 {
	x := (0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047
	y := 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	z := (0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// wideTree forks twelve children, reaps them, and waits for a line: the
// tree stands wide, the parent alive with its files and memory.
const wideTree = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	for (int i = 0; i < 12; i++) {
		if (fork() == 0) {
			printf("child %d\n", i);
			return 0;
		}
	}
	while (wait(NULL) > 0)
		;
	getchar();
	return 0;
}
`

// A tree wider than its view scrolls so that init and the program's first
// process stay in view; the PCB's open files and memory map are whole.
func TestBrowserWideTreeAndWholePCB(t *testing.T) {
	for _, sc := range screens {
		t.Run(fmt.Sprintf("%dx%d", sc.w, sc.h), func(t *testing.T) {
			ctx := browserTab(t)
			_, srv := testServer(t, api.Limits{})
			do(t, ctx, chromedp.EmulateViewport(sc.w, sc.h), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
				chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
			waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
			typeProgram(t, ctx, wideTree)
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
			waitFor(t, ctx, "the wait for input", `document.querySelector('[data-show="status"]').dataset.status === "input"`)
			waitFor(t, ctx, "the tree", `document.querySelectorAll('[data-view="proctree"] .node').length === 14`)
			if !eval[bool](t, ctx, `(() => { const c = document.querySelector('[data-canvas="proctree"]'); return c.scrollWidth > c.clientWidth })()`) {
				t.Fatalf("the tree of 14 processes is not wider than its view: nothing to test")
			}
			for _, pid := range []string{"1", "2"} {
				seen := eval[bool](t, ctx, `(() => {
					const c = document.querySelector('[data-canvas="proctree"]').getBoundingClientRect();
					const n = document.querySelector('[data-view="proctree"] .node[data-pid="`+pid+`"] .box').getBoundingClientRect();
					return n.left >= c.left - 1 && n.right <= c.right + 1;
				})()`)
				if !seen {
					t.Errorf("pid %s is scrolled out of the tree's view", pid)
				}
			}
			// The parent's PCB: its open files and memory map whole.
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-view="proctree"] .node[data-pid="2"]`)))
			waitFor(t, ctx, "the PCB", `document.querySelector('[data-view="pcb"] table.fds') !== null && document.querySelector('[data-view="pcb"] svg.memmap') !== null`)
			cut := eval[[]string](t, ctx, `(() => {
				const c = document.querySelector('[data-canvas="pcb"]');
				const box = c.getBoundingClientRect();
				const out = [];
				if (c.scrollWidth > c.clientWidth + 1) out.push("the PCB scrolls sideways: " + c.scrollWidth + " > " + c.clientWidth);
				for (const sel of ["table.fds", "svg.memmap"]) {
					const r = c.querySelector(sel).getBoundingClientRect();
					if (r.right > box.right + 1 || r.left < box.left - 1) out.push(sel + " is cut off");
				}
				return out;
			})()`)
			for _, c := range cut {
				t.Error(c)
			}
			shotViewport(t, ctx, fmt.Sprintf("wide-tree-%d", sc.w))
		})
	}
}

// On an exercise's page too, Run and Step are in the window from the
// first look, above the exercise's text, and after scrolling to its end.
func TestBrowserExerciseControlsInView(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for _, sc := range screens {
		t.Run(fmt.Sprintf("%dx%d", sc.w, sc.h), func(t *testing.T) {
			ctx := browserTab(t)
			do(t, ctx, chromedp.EmulateViewport(sc.w, sc.h), chromedp.Navigate(srv.URL+"/x/nfork-exit?lang=ko"))
			waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
			for _, at := range []string{"0", "document.documentElement.scrollHeight"} {
				eval[bool](t, ctx, `scrollTo(0, `+at+`), true`)
				for _, sel := range []string{`[data-action="run"]`, `[data-action="step"]`} {
					if !eval[bool](t, ctx, inView(sel)) {
						t.Errorf("scrolled to %s, %s is out of the window", at, sel)
					}
				}
			}
		})
	}
}
