package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

func TestWorkloadPages(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	sjf := "/play?ostep=sched&args=" + url.QueryEscape("-p SJF -l 5,10,15")
	for _, tc := range []struct {
		path   string
		want   []string
		refuse []string
	}{
		{sjf, []string{`data-mode="workload"`, `data-view="workload"`, `"ostep":{"command":"sched","args":"-p SJF -l 5,10,15"}`,
			`<code data-show="ostep">sched -p SJF -l 5,10,15</code>`, `"sched":"sjf"`, `<option value="sjf" selected>`,
			`data-view="ask"`, `data-show="run-metrics"`}, []string{`class="compare"`}},
		{"/play?ostep=mlfq&args=" + url.QueryEscape("-l 0,40,5:10,20,0 -n 3 -q 4 -B 50"), []string{`data-mode="workload"`,
			`"sched":"mlfq:`}, nil},
		{"/play?workload=" + url.QueryEscape("A 0 5 io:3 2\nB 2 8\n") + "&sched=" + url.QueryEscape("rr:q=4"),
			[]string{`"workload":"A 0 5 io:3 2\nB 2 8\n"`, `"sched":"rr:q=4"`, `<option value="rr" selected>`, `value="q=4"`}, nil},
		{"/play?workload=", []string{`"workload":"A 0 5 io:3 2\nB 2 8\nC 4 3\n"`}, nil},
		{sjf + "&sched=fcfs&sched=sjf", []string{`class="compare"`, `value="fcfs"`, `value="sjf"`, `"specs":["fcfs","sjf"]`,
			`src="/static/js/compare.js`, "Compare scheduling policies", `data-control="ostep"`}, []string{`data-action="step"`}},
		{"/play?workload=A+0+3&sched=fcfs&sched=sjf&sched=" + url.QueryEscape("rr:q=4") + "&lang=ko",
			[]string{`class="compare"`, "스케줄링 정책 비교", `value="rr:q=4"`, `"workload":"A 0 3"`}, nil},
		{"/play?example=onetwo", []string{`data-mode="program"`, `data-view="ask"`}, []string{`data-view="workload"`}},
	} {
		r := get(t, srv.URL+tc.path, nil)
		if r.status != http.StatusOK {
			t.Errorf("%s: status %d", tc.path, r.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s: no %q in the page", tc.path, w)
			}
		}
		for _, w := range tc.refuse {
			if strings.Contains(r.body, w) {
				t.Errorf("%s: %q in the page", tc.path, w)
			}
		}
	}
}

func TestCheckThroughTheServer(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	resp, err := http.Post(srv.URL+"/api/check", "application/json", strings.NewReader(
		`{"ostep":{"command":"sched","args":"-p SJF -l 5,10,15"},"kind":"avg-turnaround","answer":"16.67","lang":"ko"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got api.CheckResponse
	json.NewDecoder(resp.Body).Decode(&got)
	if resp.StatusCode != 200 || !got.OK || !strings.Contains(got.Explanation, "정답입니다") {
		t.Errorf("status %d, %+v", resp.StatusCode, got)
	}
}

// TestBrowserComparesPolicies opens a comparison as a student would: the
// OSTEP problem of scheduler.py under FCFS and SJF, the averages that
// osplay sched -p SJF -l 5,10,15 -c prints (turnaround 16.67, response
// and wait 6.67), then answers a question.
func TestBrowserComparesPolicies(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?ostep=sched&args=-p+SJF+-l+5,10,15&sched=fcfs&sched=sjf"))
	waitFor(t, ctx, "two runs", `document.querySelectorAll('.compare-run').length === 2`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.compare-run svg.gantt').length`); n != 2 {
		t.Errorf("%d Gantt charts, want 2", n)
	}
	for _, sched := range []string{"fcfs", "sjf"} {
		sel := `document.querySelector('.compare-run[data-sched="` + sched + `"] [data-view="metrics"]')`
		avg := eval[[]string](t, ctx, `[...`+sel+`.querySelectorAll('tfoot [data-avg]')].map(e => e.textContent)`)
		if strings.Join(avg, " ") != "16.67 6.67 6.67" {
			t.Errorf("%s: averages %v, want turnaround 16.67, response 6.67, waiting 6.67", sched, avg)
		}
		rows := eval[[]string](t, ctx, `[...`+sel+`.querySelectorAll('tbody tr')].map(r => r.dataset.name + ":" + r.querySelector('[data-col="turnaround"]').textContent)`)
		if strings.Join(rows, " ") != "job0:5 job1:15 job2:30" {
			t.Errorf("%s: turnarounds %v", sched, rows)
		}
		segs := eval[[]string](t, ctx, `[...document.querySelectorAll('.compare-run[data-sched="`+sched+`"] .seg.run')].map(s => s.dataset.pid + "@" + s.dataset.start)`)
		if strings.Join(segs, " ") != "2@0 3@5 4@15" {
			t.Errorf("%s: Gantt segments %v", sched, segs)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="averages"] tbody tr').length`); n != 2 {
		t.Errorf("the averages table has %d rows", n)
	}
	// A wrong answer, then the right one.
	q := `document.querySelector('.question-list[data-sched="sjf"] .question[data-kind="waiting"][data-job="job2"]')`
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`.question-list[data-sched="sjf"] .question[data-kind="waiting"][data-job="job2"] input`), "10\r"))
	waitFor(t, ctx, "the verdict", q+`.querySelector('.verdict').dataset.ok === "false"`)
	if v := eval[string](t, ctx, q+`.querySelector('.verdict').textContent`); !strings.Contains(v, "15 ticks in the ready queue") {
		t.Errorf("verdict %q", v)
	}
	eval[bool](t, ctx, q+`.querySelector('input').value = "", true`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`.question-list[data-sched="sjf"] .question[data-kind="waiting"][data-job="job2"] input`), "15\r"))
	waitFor(t, ctx, "the right verdict", q+`.querySelector('.verdict').dataset.ok === "true"`)
	screenshot(t, ctx, "compare-ostep")

	// A workload of one's own, three policies, edited in the table.
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?workload="+url.QueryEscape("A 0 8\nB 1 4\nC 2 2\n")+"&sched=fcfs&sched=stcf&sched="+url.QueryEscape("rr:q=2")))
	waitFor(t, ctx, "three runs", `document.querySelectorAll('.compare-run').length === 3`)
	eval[bool](t, ctx, `(() => { const f = document.querySelector('tr[data-line="2"] input[data-field="arrival"]'); f.value = "x"; return f.dispatchEvent(new Event("input")) })()`)
	if got := eval[string](t, ctx, `document.querySelector('[data-control="workload-text"]').value`); got != "A 0 8\nB x 4\nC 2 2\n" {
		t.Errorf("the text after editing the table: %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="compare"]`)))
	waitFor(t, ctx, "the parse error", `!document.querySelector('[data-show="workload-error"]').hidden`)
	if msg := eval[string](t, ctx, `document.querySelector('[data-show="workload-error"]').textContent`); !strings.Contains(msg, "workload line 2: job B: arrival") {
		t.Errorf("error %q", msg)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('tr.invalid[data-line="2"]').length`); n != 1 {
		t.Errorf("the row of line 2 is not marked")
	}
	screenshot(t, ctx, "compare-workload-error")
}

// TestBrowserWorkloadAsksWhoRuns runs a workload live under the manual
// scheduler: the page asks who runs next, the student answers with the
// keyboard, and the metrics of a finished run come with questions.
func TestBrowserWorkloadAsksWhoRuns(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?workload="+url.QueryEscape("A 0 3\nB 0 2\n")+"&sched=manual&speed=1000"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the question", `!document.querySelector('[data-view="ask"]').hidden`)
	choices := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="ask"] [data-action="choose"]')].map(b => b.textContent)`)
	if len(choices) != 2 || !strings.Contains(choices[0], "A") || !strings.Contains(choices[1], "B") {
		t.Fatalf("choices %q", choices)
	}
	if f := eval[string](t, ctx, `document.activeElement.dataset.pid || ""`); f != "2" {
		t.Errorf("the focus is on %q, not the first choice", f)
	}
	screenshot(t, ctx, "workload-manual-ask")
	// A choice the server refuses (no process 99 is ready) brings the
	// question back, with the reason.
	eval[bool](t, ctx, `window.osplay.ask.choose(99), true`)
	waitFor(t, ctx, "the question again", `!document.querySelector('[data-view="ask"]').hidden && document.querySelector('[data-show="notice"]').textContent.includes("99")`)
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="ask"] [data-action="choose"]').length`); n != 2 {
		t.Fatalf("after a refused choice the question shows %d choices", n)
	}
	eval[bool](t, ctx, `document.querySelector('[data-view="ask"] [data-action="choose"]').focus(), true`)
	eval[bool](t, ctx, `document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "2", bubbles: true})), true`) // B runs first
	waitFor(t, ctx, "the end or the next question", `['done', 'choose'].includes(document.querySelector('[data-show="status"]').dataset.status)`)
	for i := 0; i < 5 && eval[string](t, ctx, `document.querySelector('[data-show="status"]').dataset.status`) == "choose"; i++ {
		// The question shown, then its first choice pressed by its element
		// (a question answered a moment ago may leave its buttons behind,
		// hidden, until the next is drawn).
		waitFor(t, ctx, "a choice", `!document.querySelector('[data-view="ask"]').hidden && document.querySelector('[data-view="ask"] [data-action="choose"]') !== null`)
		eval[bool](t, ctx, `(document.querySelector('[data-view="ask"] [data-action="choose"]').click(), true)`)
		waitFor(t, ctx, "the answer taken", `document.querySelector('[data-show="status"]').dataset.status !== "choose" || !document.querySelector('[data-view="ask"]').hidden`)
	}
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the Gantt chart", `document.querySelectorAll('[data-view="gantt"] .seg.run').length >= 2`)
	segs := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="gantt"] .seg.run')].map(s => s.dataset.pid)`)
	if len(segs) == 0 || segs[0] != "3" {
		t.Errorf("Gantt %v: B (pid 3) should run first", segs)
	}
	waitFor(t, ctx, "the note on metrics", `document.querySelector('[data-show="metrics-wait"]').textContent.includes("manual")`)
}

// TestBrowserWorkloadRunsLive opens an OSTEP problem in the playground,
// runs it, and finds its metrics and questions under the views.
func TestBrowserWorkloadRunsLive(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?ostep=sched&args=-p+RR+-q+2+-l+5,3&speed=1000&lang=ko"))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the metrics", `document.querySelector('[data-show="run-metrics"] [data-view="metrics"]') !== null`)
	avg := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-show="run-metrics"] tfoot [data-avg]')].map(e => e.textContent)`)
	// job0 (5) and job1 (3), RR with a quantum of 2: job1 ends at 7, job0 at 8.
	if strings.Join(avg, " ") != "7.50 1.00 3.50" {
		t.Errorf("averages %v", avg)
	}
	if q := eval[string](t, ctx, `document.querySelector('[data-show="run-metrics"] .question .q-text').textContent`); !strings.Contains(q, "반환 시간") {
		t.Errorf("question %q", q)
	}
	screenshot(t, ctx, "workload-live-ko")
}
