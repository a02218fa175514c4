package web

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
	"osplay/kernel/msg"
)

// The page renders the kernel's texts from the catalogue it carries, the
// same templates the command line renders (kernel/msg). These tests run
// in chromium.

const forkThenWait = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	if (fork() == 0) {
		printf("child\n");
		return 0;
	}
	wait(NULL);
	printf("parent\n");
	return 0;
}
`

const threadsAndMutex = `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void *work(void *arg)
{
	pthread_mutex_lock(&m);
	usleep(1000);
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, work, NULL);
	pthread_create(&b, NULL, work, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("done\n");
	return 0;
}
`

// koreanTrace runs src to its end on the Korean page under RR with a
// quantum of 2 and returns the trace's lines: kind, the kind as shown, the
// text.
func koreanTrace(t *testing.T, src, screenshotName string) [][]string {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&lang=ko&sched=rr&quantum=2"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, src)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="speed"]`), "10"))
	eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').dispatchEvent(new Event("input")), true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the halt in the trace", `!!document.querySelector('[data-view="trace"] li.ev-halt')`)
	screenshot(t, ctx, screenshotName)
	rows := eval[[][]string](t, ctx, `[...document.querySelectorAll('[data-view="trace"] li.ev')].map(li =>
		[li.querySelector(".k").dataset.kind, li.querySelector(".k").textContent, li.querySelector(".d").textContent])`)
	if len(rows) < 20 {
		t.Fatalf("the trace has %d lines", len(rows))
	}
	return rows
}

// noEnglish fails for an English word left in the trace's lines whose
// text is the kernel's (system calls and output are C and the program's
// own text): only the names the lecture writes as they are may stay.
func noEnglish(t *testing.T, rows [][]string) {
	t.Helper()
	word := regexp.MustCompile(`[A-Za-z]{2,}`)
	allowed := map[string]bool{"pid": true, "cpu": true, "RR": true, "waitpid": true, "init": true, "exit": true,
		"sbin": true, "main": true, "pthread_join": true, "pthread": true, "join": true, "usleep": true, "NULL": true,
		"IPC": true} // as Korean writes it: "IPC 전달"
	for _, r := range rows {
		switch r[0] {
		case "syscall", "sysret", "exec", "output", "input":
			continue
		}
		for _, s := range []string{r[1], r[2]} {
			for _, w := range word.FindAllString(s, -1) {
				if !allowed[w] {
					t.Errorf("English %q left in the %s line %q %q", w, r[0], r[1], r[2])
				}
			}
		}
	}
}

// The Korean page shows a scheduling run's causes in Korean, and no
// English is left in its trace: only the names the lecture writes as they
// are (pid, cpu, RR, system calls, the program's own output).
func TestBrowserTraceInKorean(t *testing.T) {
	rows := koreanTrace(t, forkThenWait, "trace-ko")
	has := func(kind, text string) bool {
		return slices.ContainsFunc(rows, func(r []string) bool { return r[0] == kind && r[2] == text })
	}
	for _, want := range [][2]string{
		{"preempt", "RR: 타임 퀀텀 2틱 만료"},
		{"state", "생성 → 준비: 승인됨"},
		{"state", "실행 → 대기: waitpid: 자식 프로세스의 종료를 기다림"},
		{"halt", "모든 프로세스가 끝남"},
	} {
		if !has(want[0], want[1]) {
			t.Errorf("no %s line %q in the trace:\n%v", want[0], want[1], rows)
		}
	}
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return r[0] == "state" && strings.HasSuffix(r[2], "자식 프로세스 3 종료")
	}) {
		t.Errorf("the parent's wakeup is not in Korean:\n%v", rows)
	}
	noEnglish(t, rows)
}

// The same for threads: their creation, their waits for a mutex its
// holder named, their joins and exits.
func TestBrowserThreadTraceInKorean(t *testing.T) {
	rows := koreanTrace(t, threadsAndMutex, "trace-threads-ko")
	waitsForMutex := regexp.MustCompile(`^대기 → 준비: 스레드 \d+[이가] 뮤텍스 0x[0-9a-f]+[을를] 풂$|^실행 → 대기: 스레드 \d+[이가] 잡고 있는 뮤텍스 0x[0-9a-f]+[을를] 기다림$`)
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r[0]] = true
		if r[0] == "state" && waitsForMutex.MatchString(r[2]) {
			seen["mutex"] = true
		}
	}
	for _, k := range []string{"thread", "texit", "join", "mutex"} {
		if !seen[k] {
			t.Errorf("no %s line in the trace:\n%v", k, rows)
		}
	}
	noEnglish(t, rows)
}

// kernelTextSample is a text of code with an argument of each declared
// type, varied by i so that the particles after numbers, addresses, Hangul
// and parentheses all get exercised.
func kernelTextSample(code msg.Code, i int) msg.Text {
	keys, types, _ := msg.Params(code)
	t := msg.New(code)
	for j, k := range keys {
		n := i + j
		switch types[j] {
		case msg.TypeInt:
			t.Args = append(t.Args, msg.Int(k, n%13))
		case msg.TypeNum:
			t.Args = append(t.Args, msg.Num(k, float64(n%7)+0.5*float64(n%2)))
		case msg.TypeAddr:
			t.Args = append(t.Args, msg.Addr(k, 0x601040+uint64(n%16)))
		case msg.TypeName:
			t.Args = append(t.Args, msg.Name(k, []string{"disk", "sem", "SIGSEGV", "세마포어"}[n%4]))
		case msg.TypeTask:
			t.Args = append(t.Args, msg.Task(k, 5, []int{5, 7, 0}[n%3]))
		case msg.TypeText:
			sub := msg.New(msg.ObjHeld, msg.Sub("obj", msg.New(msg.ObjMutex, msg.Addr("addr", 0x601040+uint64(n)))), msg.Int("tid", n%10))
			if n%2 == 1 {
				sub = msg.New(msg.WhoThread, msg.Int("pid", 2), msg.Int("tid", n%10))
			}
			t.Args = append(t.Args, msg.Sub(k, sub))
		}
	}
	return t
}

// The page's renderer (static/js/kerneltext.js) gives, for every code of
// the catalogue in both languages, exactly what the kernel's renderer
// gives: one catalogue, rendered alike on both sides.
func TestBrowserRendersTheCatalogueAsTheKernel(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&lang=ko"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	var samples []*api.Text
	var want []string
	for _, lang := range msg.Languages() {
		for i, c := range msg.Codes() {
			for v := range 3 {
				x := kernelTextSample(c, i+v)
				samples = append(samples, api.WireText(x))
				want = append(want, x.In(lang))
			}
		}
	}
	js, err := json.Marshal(samples)
	if err != nil {
		t.Fatal(err)
	}
	n := len(samples) / 2
	got := eval[[]string](t, ctx, `(async () => {
		const kt = await import("/static/js/kerneltext.js?catalogue-test");
		const samples = `+string(js)+`;
		const out = [];
		for (const lang of ["en", "ko"]) {
			kt.setTexts(await (await fetch("/api/texts?lang=" + lang)).json());
			for (const s of lang === "en" ? samples.slice(0, `+strconv.Itoa(n)+`) : samples.slice(`+strconv.Itoa(n)+`)) out.push(kt.kernelText(s));
		}
		return out;
	})()`, chromedp.EvalAwaitPromise)
	if len(got) != len(want) {
		t.Fatalf("the page rendered %d texts of %d", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			bad++
			if bad <= 20 {
				t.Errorf("%s: the page renders %q, the kernel %q", samples[i].Code, got[i], want[i])
			}
		}
	}
	// The page's own table renders the same: its boot carries the
	// catalogue in the page's language.
	if got := eval[string](t, ctx, `JSON.parse(document.getElementById("osplay-boot").textContent).texts["rr.quantum_expired"].text`); got != "RR: 타임 퀀텀 {q}틱 만료" {
		t.Errorf("the Korean page carries %q for rr.quantum_expired", got)
	}
}
