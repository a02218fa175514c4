package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// post sends body to the handler and decodes the answer into out.
func post(t *testing.T, h http.HandlerFunc, body string, out any) int {
	t.Helper()
	rec := httptest.NewRecorder()
	h(rec, httptest.NewRequest("POST", "/", strings.NewReader(body)))
	b, _ := io.ReadAll(rec.Body)
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("%s: answer %q: %v", body, b, err)
	}
	return rec.Code
}

func TestRunWorkload(t *testing.T) {
	a := New(Options{})
	for _, tc := range []struct {
		name, body string
		status     int
		scheds     []string
		avgTurn    []float64 // per run
		err        string
	}{
		{"OSTEP SJF, as scheduler.py -c prints", `{"ostep":{"command":"sched","args":"-p SJF -l 5,10,15"}}`,
			200, []string{"sjf"}, []float64{50.0 / 3}, ""},
		{"OSTEP compared", `{"ostep":{"command":"sched","args":"-l 15,10,5"},"compare":["fcfs","sjf","rr:q=1"]}`,
			200, []string{"fcfs", "sjf", "rr:q=1"}, []float64{(15 + 25 + 30) / 3.0, (5 + 15 + 30) / 3.0, (30 + 25 + 15) / 3.0}, ""},
		{"a workload with I/O", `{"workload":"A 0 5 io:3 2\nB 2 8\n","settings":{"sched":"fcfs"}}`,
			200, []string{"fcfs"}, nil, ""},
		{"options in the spec", `{"workload":"A 0 5\nB 0 5","settings":{"sched":"rr:q=4"}}`,
			200, []string{"rr:q=4"}, []float64{(9 + 10) / 2.0}, ""},
		{"a parse error names the line", `{"workload":"A 0 5\n\nB x 3\n"}`, 200, nil, nil, "workload line 3: job B: arrival"},
		{"unknown policy", `{"workload":"A 0 5","compare":["fcfs","warp"]}`, 400, nil, nil, `scheduler "warp"`},
		{"manual cannot run headless", `{"workload":"A 0 5","compare":["manual"]}`, 400, nil, nil, "manual"},
		{"too many policies", `{"workload":"A 0 5","compare":["fcfs","sjf","rr","stcf","cfs"]}`, 400, nil, nil, "at most 4"},
		{"compare needs a workload", `{"files":[{"name":"a.c","text":"int main(){return 0;}"}],"compare":["fcfs"]}`, 400, nil, nil, "compare works with a workload"},
		{"both", `{"workload":"A 0 5","ostep":{"command":"sched","args":""}}`, 400, nil, nil, "not both"},
		{"bad OSTEP", `{"ostep":{"command":"lottery","args":""}}`, 400, nil, nil, "unknown OSTEP simulator"},
		{"bad OSTEP options", `{"ostep":{"command":"sched","args":"-p WARP"}}`, 200, nil, nil, "sched:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp WorkloadResponse
			if got := post(t, a.ServeRun, tc.body, &resp); got != tc.status {
				t.Fatalf("status %d, want %d (%+v)", got, tc.status, resp.Error)
			}
			if tc.err != "" {
				if resp.Error == nil || !strings.Contains(resp.Error.Message, tc.err) {
					t.Fatalf("error %+v, want %q", resp.Error, tc.err)
				}
				return
			}
			if !resp.OK || resp.Workload == "" || resp.Notes == nil {
				t.Fatalf("response %+v", resp)
			}
			if len(resp.Runs) != len(tc.scheds) {
				t.Fatalf("%d runs, want %d", len(resp.Runs), len(tc.scheds))
			}
			for i, r := range resp.Runs {
				if r.Sched != tc.scheds[i] {
					t.Errorf("run %d under %s, want %s", i, r.Sched, tc.scheds[i])
				}
				if tc.avgTurn != nil && (r.Metrics.AvgTurnaround-tc.avgTurn[i] > 1e-9 || tc.avgTurn[i]-r.Metrics.AvgTurnaround > 1e-9) {
					t.Errorf("%s: average turnaround %v, want %v", r.Sched, r.Metrics.AvgTurnaround, tc.avgTurn[i])
				}
				if len(r.Gantt) != 1 || len(r.Gantt[0]) == 0 || r.Gantt[0][0].What != "run" {
					t.Errorf("%s: Gantt %+v", r.Sched, r.Gantt)
				}
				if len(r.Questions) == 0 || r.Questions[len(r.Questions)-1].Kind != "avg-waiting" {
					t.Errorf("%s: questions %+v", r.Sched, r.Questions)
				}
			}
		})
	}
}

func TestRunWorkloadSendsNoAnswers(t *testing.T) {
	a := New(Options{})
	rec := httptest.NewRecorder()
	a.ServeRun(rec, httptest.NewRequest("POST", "/", strings.NewReader(`{"workload":"A 0 5\nB 1 3","lang":"ko"}`)))
	body := rec.Body.String()
	for _, leak := range []string{"xpected", "orking", "olerance"} {
		if strings.Contains(body, leak) {
			t.Errorf("the answer carries %q: %s", leak, body)
		}
	}
	if !strings.Contains(body, "작업 A의 반환 시간") {
		t.Errorf("no Korean question in %s", body)
	}
}

func TestRunCProgramHasSchedMetrics(t *testing.T) {
	a := New(Options{})
	var resp RunResponse
	post(t, a.ServeRun, `{"files":[{"name":"a.c","text":"#include <unistd.h>\n#include <sys/wait.h>\nint main(void){ if (fork()==0) return 0; wait(0); return 0; }"}],"settings":{"sched":"rr:q=4"}}`, &resp)
	if !resp.OK || resp.Sched == nil || len(resp.Sched.Procs) != 2 || resp.Sched.Completed != 2 {
		t.Fatalf("response %+v, sched %+v", resp, resp.Sched)
	}
}

func TestCheck(t *testing.T) {
	a := New(Options{})
	const sjf = `"ostep":{"command":"sched","args":"-p SJF -l 5,10,15"}`
	for _, tc := range []struct {
		name, body string
		status     int
		ok         bool
		want       string
	}{
		{"right", `{` + sjf + `,"kind":"turnaround","job":"job1","answer":"15"}`, 200, true, "completion 15 − arrival 0 = 15"},
		{"wrong", `{` + sjf + `,"kind":"response","job":"job2","answer":"10"}`, 200, false, "first run 15"},
		{"average as a fraction", `{` + sjf + `,"kind":"avg-turnaround","answer":"50/3"}`, 200, true, "(5 + 15 + 30) / 3"},
		{"average rounded", `{` + sjf + `,"kind":"avg-waiting","answer":"6.67"}`, 200, true, ""},
		{"in Korean", `{` + sjf + `,"kind":"waiting","job":"job2","answer":"3","lang":"ko"}`, 200, false, "틀렸습니다"},
		{"not a number", `{` + sjf + `,"kind":"waiting","job":"job2","answer":"soon"}`, 200, false, "number"},
		{"another policy", `{` + sjf + `,"settings":{"sched":"rr:q=1"},"kind":"completion","job":"job0","answer":"13"}`, 200, true, ""},
		{"a workload", `{"workload":"A 0 5\nB 1 3","settings":{"sched":"fcfs"},"kind":"waiting","job":"B","answer":"4"}`, 200, true, ""},
		{"unknown kind", `{` + sjf + `,"kind":"happiness","answer":"1"}`, 400, false, "unknown question"},
		{"unknown job", `{` + sjf + `,"kind":"turnaround","job":"job9","answer":"1"}`, 400, false, "no job"},
		{"no workload", `{"kind":"turnaround","job":"A","answer":"1"}`, 400, false, "workload"},
		{"unknown field", `{` + sjf + `,"kind":"turnaround","expected":3}`, 400, false, "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp CheckResponse
			if got := post(t, a.ServeCheck, tc.body, &resp); got != tc.status {
				t.Fatalf("status %d, want %d (%+v)", got, tc.status, resp)
			}
			text := resp.Explanation
			if resp.Error != nil {
				text = resp.Error.Message
			}
			if resp.OK != tc.ok || !strings.Contains(text, tc.want) {
				t.Errorf("ok %v %q, want %v %q", resp.OK, text, tc.ok, tc.want)
			}
		})
	}
}

func TestWebSocketRunsAWorkload(t *testing.T) {
	_, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": map[string]any{
		"ostep": map[string]any{"command": "sched", "args": "-p FIFO -l 3,2"}}})
	c.send(map[string]any{"op": "speed", "ticks": 1000})
	c.send(map[string]any{"op": "run"})
	var dispatched []string
	c.until("batch", func(m map[string]any) bool {
		for _, e := range m["events"].([]any) {
			if ev := e.(map[string]any); ev["k"] == "dispatch" {
				dispatched = append(dispatched, ev["cause"].(string))
			}
		}
		return status(m) == StatusDone
	})
	if len(dispatched) != 2 {
		t.Errorf("dispatches %q, want job0 then job1", dispatched)
	}
}

func TestWebSocketAsksWhoRuns(t *testing.T) {
	_, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": map[string]any{"workload": "A 0 3\nB 0 2\n",
		"settings": map[string]any{"sched": "manual"}}})
	c.send(map[string]any{"op": "run"})
	m := c.until("batch", func(m map[string]any) bool { return status(m) == StatusChoose })
	asking := m["state"].(map[string]any)["asking"].([]any)
	ready := asking[0].(map[string]any)["ready"].([]any)
	if len(ready) != 2 {
		t.Fatalf("asking %v", asking)
	}
	c.send(map[string]any{"op": "choose", "pid": ready[1]})
	var first float64
	c.until("batch", func(m map[string]any) bool {
		for _, e := range m["events"].([]any) {
			if ev := e.(map[string]any); ev["k"] == "dispatch" && first == 0 {
				first = ev["pid"].(float64)
			}
		}
		return first != 0
	})
	if first != ready[1] {
		t.Errorf("pid %v ran first, chosen %v", first, ready[1])
	}
}

func TestLoadRejectsABadWorkload(t *testing.T) {
	_, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": map[string]any{"workload": "A 0 io:3 5"}})
	m := c.until("error", nil)
	if !strings.Contains(m["message"].(string), "workload") && !strings.Contains(m["message"].(string), "burst 1") {
		t.Errorf("error %v", m)
	}
}
