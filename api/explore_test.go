package api

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// exploreLines posts req to /api/explore and reads its lines: the
// progress lines, then the last one (a result or an error). stop, if set,
// is called with each progress line and ends the request when it returns
// true.
func exploreLines(t *testing.T, srv *httptest.Server, req ExploreRequest, stop func(ExploreProgress) bool) (int, []ExploreProgress, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(req)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hr, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/api/explore", strings.NewReader(string(body)))
	hr.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var progress []ExploreProgress
	var last map[string]any
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p ExploreProgress
		json.Unmarshal(sc.Bytes(), &p)
		if p.Type != "progress" {
			json.Unmarshal(sc.Bytes(), &last)
			continue
		}
		progress = append(progress, p)
		if stop != nil && stop(p) {
			cancel()
			break
		}
	}
	return resp.StatusCode, progress, last
}

func counterProgram(t *testing.T) Program {
	src, err := os.ReadFile("../kernel/testdata/race/counter.c")
	if err != nil {
		t.Fatal(err)
	}
	return program("counter.c", string(src))
}

// The unlocked counter: the search finds a lost update at depth 1, and
// the schedule it reports replays as a run (settings.schedule) with the
// same output and the same number of events.
func TestExploreFindsAndTheRunReplays(t *testing.T) {
	_, srv := server(t, Limits{})
	depth := 1
	status, _, last := exploreLines(t, srv, ExploreRequest{Program: counterProgram(t), Depth: &depth, Runs: 100}, nil)
	if status != 200 || last["type"] != "result" {
		t.Fatalf("%d %v", status, last)
	}
	var res ExploreProgress
	b, _ := json.Marshal(last)
	json.Unmarshal(b, &res)
	cx := res.Counterexample
	if cx == nil || res.Strategy != "pct" || res.Depth != 1 {
		t.Fatalf("result %+v", res)
	}
	if cx.Why == nil || cx.Why.Code != "explore.output" || cx.Preemptions != 1 || cx.Stdout == "counter 10\n" {
		t.Errorf("counterexample %+v", cx)
	}
	if res.Expected == nil || res.Expected.Stdout != "counter 10\n" {
		t.Errorf("expected %+v", res.Expected)
	}
	p := counterProgram(t)
	p.Settings.Schedule = cx.Schedule
	_, r := postRun(t, srv, RunRequest{Program: p, Events: true})
	if r.Stdout != cx.Stdout || r.EventsTotal != int64(cx.Events) {
		t.Errorf("replay of %s: %q with %d events, want %q with %d", cx.Schedule, r.Stdout, r.EventsTotal, cx.Stdout, cx.Events)
	}
	preempts := 0
	for _, e := range r.Events {
		if e.Kind == "preempt" && e.CauseText != nil && e.CauseText.Code == "manual.switch" {
			preempts++
		}
	}
	if preempts != cx.Preemptions {
		t.Errorf("the replay has %d preemptions of the schedule's, want %d", preempts, cx.Preemptions)
	}
	p.Settings.Schedule = "3@x:4"
	if resp, r := postRun(t, srv, RunRequest{Program: p}); resp.StatusCode != 400 || r.Error == nil {
		t.Errorf("a bad schedule: %d %+v", resp.StatusCode, r.Error)
	}
}

// The mutex counter holds within 2 preemptions, exhaustively.
func TestExploreExhaustiveHolds(t *testing.T) {
	// The whole search is one run's time: give it room (the race detector
	// makes it several times slower), since what is checked is its answer.
	_, srv := server(t, Limits{RunTimeout: 2 * time.Minute})
	src, _ := os.ReadFile("../kernel/testdata/race/counter_mutex.c")
	_, _, last := exploreLines(t, srv, ExploreRequest{Program: program("m.c", string(src)), Strategy: "exhaustive"}, nil)
	if last["type"] != "result" || last["counterexample"] != nil || last["exhausted"] != true || last["bound"] != 1.0 {
		t.Errorf("result %v", last)
	}
}

// Hostile programs end at the server's limits: an infinite loop and a
// fork bomb stop at the deadline with haltCode deadline, within the
// deadline and a little; meanwhile a neighbour's run is answered.
func TestExploreStopsAtItsDeadline(t *testing.T) {
	const timeout = 300 * time.Millisecond
	_, srv := server(t, Limits{RunTimeout: timeout, MaxTicks: 1 << 50, Workers: 2})
	for _, tc := range []struct{ name, text string }{
		{"loop.c", "int main(void) { for (;;) ; }\n"},
		{"bomb.c", "#include <unistd.h>\nint main(void) { for (;;) fork(); }\n"},
		{"spin.c", "#include <pthread.h>\nstatic volatile int x;\nstatic void *w(void *a) { for (;;) x++; }\nint main(void) { pthread_t t; pthread_create(&t, 0, w, 0); for (;;) x--; }\n"},
	} {
		postRun(t, srv, RunRequest{Program: program(tc.name, tc.text)}) // compiles it
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkHealthy(t, srv)
		}()
		start := time.Now()
		status, _, last := exploreLines(t, srv, ExploreRequest{Program: program(tc.name, tc.text)}, nil)
		took := time.Since(start)
		<-done
		if status != 200 || last["type"] != "result" || last["haltCode"] != codeDeadline || last["stopped"] != true {
			t.Errorf("%s: %d %v", tc.name, status, last)
		}
		if took > timeout+time.Second {
			t.Errorf("%s: answered after %v, deadline %v", tc.name, took, timeout)
		}
	}
}

// A client that goes away (the page's Stop) ends the search: the worker
// is free for the next request at once.
func TestExploreStops(t *testing.T) {
	a, srv := server(t, Limits{Workers: 1, RunQueue: 1, QueueWait: 2 * time.Second, RunTimeout: time.Minute})
	src, _ := os.ReadFile("../kernel/testdata/race/counter_mutex.c")
	n := 0
	exploreLines(t, srv, ExploreRequest{Program: program("m.c", string(src)), Strategy: "random", Runs: 20_000}, func(p ExploreProgress) bool {
		n++
		return true
	})
	if n != 1 {
		t.Fatalf("%d progress lines", n)
	}
	start := time.Now()
	checkHealthy(t, srv)
	if took := time.Since(start); took > time.Second {
		t.Errorf("the next run waited %v for the worker", took)
	}
	if q := a.workers.queued(); q != 0 {
		t.Errorf("%d waiting", q)
	}
}

func TestExploreRefuses(t *testing.T) {
	_, srv := server(t, Limits{MaxExploreRuns: 500})
	bad := 11
	for _, tc := range []struct {
		req  ExploreRequest
		code string
	}{
		{ExploreRequest{Program: counterProgram(t), Runs: 501}, "bad_request"},
		{ExploreRequest{Program: counterProgram(t), Depth: &bad}, "bad_request"},
		{ExploreRequest{Program: counterProgram(t), Strategy: "dfs"}, "bad_request"},
		{ExploreRequest{Program: Program{Workload: "A 0 5\n"}}, "bad_request"},
		{ExploreRequest{Program: program("x.c", "int main(void) { return y; }\n")}, "compile"},
	} {
		_, _, last := exploreLines(t, srv, tc.req, nil)
		if last["code"] != tc.code || last["message"] == "" {
			t.Errorf("%+v: %v", tc.req.Strategy, last)
		}
	}
}
