package web

// Real-browser tests: Debian's chromium, driven by chromedp, opens the
// playground as a student would. Screenshots go to the test's artifact
// directory (go test -artifacts keeps them) and, when OSPLAY_SCREENSHOTS
// names a folder, there too.

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"osplay/api"
)

// chromium finds the browser: $CHROMIUM, or Debian's chromium.
func chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: the browser tests need it (apt-get install chromium)")
	}
	t.Skip("chromium is not installed; the browser tests are skipped (CI runs them)")
	return ""
}

var shared struct {
	once    sync.Once
	browser context.Context
	cancel  func()
	err     error
}

// browserTab opens a new tab in a headless chromium shared by the tests.
// Console errors and uncaught exceptions of the page fail the test.
func browserTab(t testing.TB) context.Context {
	t.Helper()
	path := chromium(t)
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "osplay-chromium-")
		if err != nil {
			shared.err = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path),
			chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir), chromedp.NoFirstRun,
			chromedp.WindowSize(1600, 1000),
			chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "en-US"))
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelB := chromedp.NewContext(actx)
		if err := chromedp.Do(bctx); err != nil {
			shared.err = fmt.Errorf("start chromium: %w", err)
		}
		shared.browser = bctx
		shared.cancel = func() { cancelB(); cancelA(); os.RemoveAll(dir) }
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	tab, cancel := chromedp.NewContext(shared.browser, chromedp.WithNewBrowserContext()) // own cookies and storage
	tab, cancelT := context.WithTimeout(tab, 60*time.Second)
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var problems []string
	go func() {
		for m, err := range chromedp.Console(tab) {
			if err != nil {
				return
			}
			// A page whose server has gone (a test's end, a replica
			// killed) reconnects, and the browser logs each refused try:
			// that is the page at work, not a fault of it.
			if m.Type == "error" && strings.Contains(m.String(), "WebSocket connection to") &&
				strings.Contains(m.String(), "ERR_CONNECTION_REFUSED") {
				continue
			}
			if m.Type == "error" || m.IsException() {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		for _, p := range problems {
			t.Errorf("browser console: %s", p)
		}
		mu.Unlock()
		cancelT()
		cancel()
	})
	return tab
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	os.Exit(code)
}

// do runs browser actions, failing the test on error.
func do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates JavaScript in the page.
func eval[T any](t testing.TB, ctx context.Context, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor waits until the JavaScript predicate holds.
//
// Once the run has stopped, it also waits for the page to have drawn the
// run's end in every view (the status changes a frame before the views,
// and views out of sight during a fast run follow frame by frame), so
// that what a test reads next is what the status says.
func waitFor(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	settled := `!(window.osplay && window.osplay.dispatcher && window.osplay.dispatcher.drawing && window.osplay.dispatcher.drawing()) && `
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](settled+"("+js+")", chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, js, err)
	}
}

// screenshot saves the whole page as NAME.png among the test's artifacts.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	artifact(t, name+".png", png)
}

// artifact keeps a file the test made among its artifacts (and in
// $OSPLAY_SCREENSHOTS), to be looked at.
func artifact(t *testing.T, name string, data []byte) {
	t.Helper()
	dirs := []string{t.ArtifactDir()}
	if d := os.Getenv("OSPLAY_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		os.MkdirAll(d, 0o755)
		if err := os.WriteFile(filepath.Join(d, name), data, 0o644); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// typeProgram replaces the editor's text as a student would: select all,
// then type (insert) the program.
func typeProgram(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	// The first line, not the middle of the text: a long program's middle
	// lies outside the editor's window.
	do(t, ctx, chromedp.Click(chromedp.CSS(".cm-content .cm-line")), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("\b"))
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: src}); err != nil {
		t.Fatal(err)
	}
	// The editor reads what was typed from the page a moment later (a
	// mutation observer): a click on Run or Check before then would send
	// the text before it.
	quoted, _ := json.Marshal(src)
	waitFor(t, ctx, "the typed program", `osplay.program.file(osplay.editor.current).text === `+string(quoted))
}

const forkExecWait = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[])
{
	int pid;

	/* fork another process */
	pid = fork();
	if (pid < 0) { /* error occurred */
		fprintf(stderr, "Fork Failed");
		exit(-1);
	}
	else if (pid == 0) { /* child process */
		execlp("/bin/ls", "ls", NULL);
	}
	else { /* parent process */
		wait(NULL);
		printf("child Complete\n");
		exit(0);
	}
}
`

const consoleText = `document.querySelector('[data-view="console"] .console-out').textContent`

func TestBrowserRunsForkExecWait(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, forkExecWait)
	if got := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); got != forkExecWait {
		t.Fatalf("the editor holds %q", got)
	}
	// The fastest speed, so the test does not wait for ls.
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="speed"]`), "10"))
	eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').dispatchEvent(new Event("input")), true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "child Complete in the console", consoleText+`.includes("child Complete")`)
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)

	pids := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="proctree"] [data-pid]')].map(e => e.dataset.pid)`)
	if strings.Join(pids, ",") != "1,2,3" {
		t.Errorf("process tree shows pids %v, want init, the parent and the child", pids)
	}
	states := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="proctree"] [data-pid]:not([data-pid="1"])')].map(e => e.dataset.state)`)
	if len(states) != 2 || states[0] != "terminated" || states[1] != "terminated" {
		t.Errorf("process states %v, want both terminated", states)
	}
	segs := eval[int](t, ctx, `document.querySelectorAll('[data-view="gantt"] .seg.run').length`)
	pidsRun := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll('[data-view="gantt"] .seg.run')].map(e => e.dataset.pid))]`)
	if segs < 2 || len(pidsRun) != 2 {
		t.Errorf("Gantt chart: %d segments of pids %v, want both processes", segs, pidsRun)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="states"] [data-transition="running>terminated"][data-count="2"]').length`); n != 1 {
		t.Errorf("the state diagram does not count two exits")
	}
	screenshot(t, ctx, "fork-exec-wait")
}

func TestBrowserStepsThroughFork(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=onetwo"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="proctree"] [data-pid="3"]').length`); n != 0 {
		t.Fatal("a child before the fork")
	}
	// One instruction at a time until the child appears.
	found := false
	for i := 0; i < 40 && !found; i++ {
		tick := eval[string](t, ctx, `document.querySelector('[data-show="tick"]').textContent`)
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step"]`)))
		waitFor(t, ctx, "the step", `document.querySelector('[data-show="tick"]').textContent !== "`+tick+`"`)
		found = eval[int](t, ctx, `document.querySelectorAll('[data-view="proctree"] [data-pid="3"]').length`) == 1
	}
	if !found {
		t.Fatal("stepping 40 instructions never created the child")
	}
	state := eval[string](t, ctx, `document.querySelector('[data-view="proctree"] [data-pid="3"]').dataset.state`)
	if state != "ready" && state != "new" {
		t.Errorf("the new child is %s, want ready (the parent runs first)", state)
	}
	if eval[string](t, ctx, `document.querySelector('[data-view="proctree"] [data-pid="2"]').dataset.state`) != "running" {
		t.Errorf("the parent is not running after its fork")
	}
	// The editor marks where each process is.
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll('.cm-pid-marker')].map(e => e.textContent)`)
	if len(marks) == 0 {
		t.Errorf("no process marker in the editor")
	}
	// Its PCB, by clicking it.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-view="proctree"] [data-pid="3"]`)))
	waitFor(t, ctx, "the PCB", `document.querySelector('[data-view="pcb"] .pcb-fields') !== null`)
	pcb := eval[string](t, ctx, `document.querySelector('[data-view="pcb"]').textContent`)
	for _, want := range []string{"ppid", "stack", "program counter"} {
		if !strings.Contains(pcb, want) {
			t.Errorf("the PCB lacks %q", want)
		}
	}
	screenshot(t, ctx, "step-through-fork")
}

func TestBrowserSpeaksKorean(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=forkexecl"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	// An edit survives the change of language.
	typeProgram(t, ctx, "int main() { return 7; }\n")
	time.Sleep(500 * time.Millisecond) // the draft is saved after a pause in typing
	do(t, ctx, chromedp.Click(chromedp.CSS(`a[data-lang="ko"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="ko"] [data-action="run"]`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if got := eval[string](t, ctx, `document.querySelector('[data-action="run"]').textContent.trim()`); !strings.Contains(got, "실행") {
		t.Errorf("Run button says %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-show="status"]').textContent`); got != "일시 정지" {
		t.Errorf("status says %q", got)
	}
	if got := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); got != "int main() { return 7; }\n" {
		t.Errorf("the edit was lost: %q", got)
	}
	screenshot(t, ctx, "korean")
	// The choice is remembered.
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "ko" {
		t.Errorf("the home page is in %s after choosing Korean", lang)
	}
}

func TestBrowserCompileErrorIsShown(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, "int main() {\n  return x;\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the error list", `!document.querySelector('[data-show="errors"]').hidden`)
	text := eval[string](t, ctx, `document.querySelector('[data-show="errors"]').textContent`)
	if !strings.Contains(text, "main.c:2:") {
		t.Errorf("errors: %q", text)
	}
	if s := eval[string](t, ctx, `document.querySelector('[data-show="status"]').dataset.status`); s != "compile" {
		t.Errorf("status %s", s)
	}
}

func TestBrowserOpensCodeFromTheAddress(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	src := "#include <stdio.h>\nint main(void) { char s[32]; if (fgets(s, 32, stdin)) printf(\"hello, %s\", s); return 0; }\n"
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"))
	code := eval[string](t, ctx, fmt.Sprintf(`btoa(%q).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")`, src))
	do(t, ctx, chromedp.Navigate(srv.URL+"/play#code="+code))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	if got := eval[string](t, ctx, `osplay.program.file(osplay.program.main).text`); got != src {
		t.Fatalf("the editor holds %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the program waiting for input", `document.querySelector('[data-show="status"]').dataset.status === "input"`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-control="stdin-line"]`), "world\r"))
	waitFor(t, ctx, "the answer", consoleText+`.includes("hello, world")`)
}

func TestBrowserRewinds(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?example=nfork&speed=100000"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	// The views are drawn after the status changes (a fast run's views
	// catch up a frame later): wait for the tree of the end.
	waitFor(t, ctx, "the tree at the end", `document.querySelectorAll('[data-view="proctree"] [data-pid]').length >= 5`)
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="proctree"] [data-pid]').length`); n != 5 {
		t.Errorf("nfork made %d processes with init, want 5", n)
	}
	// Drag the timeline back to the start: only init and the parent remain.
	eval[bool](t, ctx, `(() => { const r = document.querySelector('[data-control="timeline"]'); r.value = "0"; r.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, "the rewind", `document.querySelector('[data-show="tick"]').textContent === "0"`)
	waitFor(t, ctx, "the tree at tick 0", `document.querySelectorAll('[data-view="proctree"] [data-pid]').length === 2`)
	if out := eval[string](t, ctx, consoleText); strings.Contains(out, "Hello") {
		t.Errorf("console after the rewind: %q", out)
	}
	// And it runs again to the same end.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end again", `document.querySelector('[data-show="status"]').dataset.status === "done" && document.querySelectorAll('[data-view="proctree"] [data-pid]').length === 5`)
	screenshot(t, ctx, "rewind")
}

func TestBrowserShowsRefusals(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{SessionsPerIP: 1})
	// The first tab takes the only session of this address…
	other, cancel := chromedp.NewContext(ctx)
	defer cancel()
	do(t, other, chromedp.Navigate(srv.URL+"/play"))
	waitFor(t, other, "the first session", `document.querySelector('[data-show="status"]').dataset.status !== "connecting"`)
	// …so the second is told why it has none.
	do(t, ctx, chromedp.Navigate(srv.URL+"/play"))
	waitFor(t, ctx, "the notice", `!document.querySelector('[data-show="notice"]').hidden`)
	text := eval[string](t, ctx, `document.querySelector('[data-show="notice"]').textContent`)
	if !strings.Contains(text, "Too many playground tabs") {
		t.Errorf("notice: %q", text)
	}
}

// memoryHog forks children that each touch 48 MiB, a page at a time.
const memoryHog = `#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	for (int i = 0; i < 8; i++) {
		if (fork() == 0) {
			char *p = malloc(48 << 20);
			for (long j = 0; p && j < 48 << 20; j += 4096)
				p[j] = 1;
			for (;;)
				;
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
`

// The limits speak the page's language: a server near its memory budget,
// and a run past its own, in Korean.
func TestBrowserShowsLimitsInKorean(t *testing.T) {
	t.Run("server_full", func(t *testing.T) {
		ctx := browserTab(t)
		s, err := New(Config{Examples: os.DirFS("../examples"), Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir(),
			MemoryLimit: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(s)
		defer srv.Close()
		do(t, ctx, chromedp.Navigate(srv.URL+"/play?lang=ko"))
		waitFor(t, ctx, "the notice", `!document.querySelector('[data-show="notice"]').hidden`)
		if text := eval[string](t, ctx, `document.querySelector('[data-show="notice"]').textContent`); !strings.Contains(text, "서버가 가득 찼습니다") {
			t.Errorf("notice: %q", text)
		}
	})
	t.Run("memory_limit", func(t *testing.T) {
		ctx := browserTab(t)
		_, srv := testServer(t, api.Limits{MaxSessionMemory: 4 << 20, MaxTicks: 1 << 40})
		do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&lang=ko"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
		waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
		typeProgram(t, ctx, memoryHog)
		do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="speed"]`), "10"))
		eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').dispatchEvent(new Event("input")), true`)
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
		// The server stops the run (memory_limit), or the kernel's
		// out-of-memory killer ends processes: either is said in Korean.
		notice := `document.querySelector('[data-show="notice"]')`
		trace := `document.querySelector('[data-canvas="trace"]').textContent`
		waitFor(t, ctx, "the limit shown in Korean", `(!`+notice+`.hidden && `+notice+`.textContent.includes("4 MiB를 넘어서")) || `+trace+`.includes("메모리 부족")`)
		screenshot(t, ctx, "memory-limit-ko")
	})
}
