package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// postRun posts a program to /api/run and decodes the answer.
func postRun(t *testing.T, srv *httptest.Server, req RunRequest) (*http.Response, RunResponse) {
	t.Helper()
	body, _ := json.Marshal(req)
	resp, err := http.Post(srv.URL+"/api/run", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r RunResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return resp, r
}

func program(name, text string) Program {
	return Program{Files: []File{{Name: name, Text: text}}}
}

const hello = "#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n"

// checkHealthy fails unless a small program still runs.
func checkHealthy(t *testing.T, srv *httptest.Server) {
	t.Helper()
	resp, r := postRun(t, srv, RunRequest{Program: program("hello.c", hello)})
	if resp.StatusCode != 200 || r.Stdout != "hello\n" {
		t.Errorf("afterwards, a small program: %d %q %+v", resp.StatusCode, r.Stdout, r.Error)
	}
}

// forkLoop forks, exits and reaps for ever: real time runs much faster
// than ticks, and the answer lists the first processes only.
const forkLoop = `#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	for (;;) {
		if (fork() == 0)
			_exit(0);
		wait(NULL);
	}
}
`

// bigMemset spends its time in one library call: memset over 32 MiB.
const bigMemset = `#include <stdlib.h>
#include <string.h>
int main(void)
{
	char *p = malloc(32 << 20);
	for (;;)
		memset(p, 1, 32 << 20);
}
`

// POST /api/run answers within ~100 ms of its RunTimeout, whatever the
// program does.
func TestRunStopsAtItsDeadline(t *testing.T) {
	const timeout = 200 * time.Millisecond
	_, srv := server(t, Limits{RunTimeout: timeout, MaxTicks: 1 << 50, MaxRunProcesses: 100})
	for _, tc := range []struct{ name, text string }{
		{"loop.c", "int main(void) { for (;;) ; }\n"},
		{"forks.c", forkLoop},
		{"bomb.c", "#include <unistd.h>\nint main(void) { for (;;) fork(); }\n"},
		{"memset.c", bigMemset}, // stopped inside memset: needs the kernel's interrupts in library calls
	} {
		// A first run compiles the program: what is timed is the run. The
		// quickest of three runs is held to the bound, so that a moment of
		// load from outside the server does not decide; a deadline that
		// does not interrupt the machine misses it every time.
		postRun(t, srv, RunRequest{Program: program(tc.name, tc.text)})
		var r RunResponse
		took := time.Hour
		for range 3 {
			start := time.Now()
			resp, answer := postRun(t, srv, RunRequest{Program: program(tc.name, tc.text)})
			took = min(took, time.Since(start))
			if resp.StatusCode != 200 || answer.HaltCode != codeDeadline || !strings.Contains(answer.Halt, "server time") {
				t.Errorf("%s: %d, halt %q (%s)", tc.name, resp.StatusCode, answer.Halt, answer.HaltCode)
			}
			r = answer
		}
		if took > timeout+100*time.Millisecond {
			t.Errorf("%s: answered after %v, want within 100 ms of %v", tc.name, took, timeout)
		}
		if len(r.Processes) > 100 || r.ProcessesTruncated != (r.Metrics.Processes > 100) {
			t.Errorf("%s: %d processes listed of %d, truncated %v", tc.name, len(r.Processes), r.Metrics.Processes, r.ProcessesTruncated)
		}
	}
	checkHealthy(t, srv)
}

// "events": true returns at most MaxRunEvents events, the first ones, and
// says how many there were.
func TestRunEventsAreCapped(t *testing.T) {
	_, srv := server(t, Limits{MaxRunEvents: 1000, MaxTicks: 200_000})
	src := "#include <sys/wait.h>\n#include <unistd.h>\nint main(void) { for (int i = 0; i < 300; i++) { if (fork() == 0) _exit(0); wait(NULL); } return 0; }\n"
	_, r := postRun(t, srv, RunRequest{Program: program("forks.c", src), Events: true})
	if !r.OK || len(r.Events) != 1000 || !r.EventsTruncated || r.EventsTotal <= 1000 || r.EventsTotal != r.Metrics.Events {
		t.Fatalf("%d events, truncated %v, total %d (metrics %d)", len(r.Events), r.EventsTruncated, r.EventsTotal, r.Metrics.Events)
	}
	for i, e := range r.Events {
		if e.N != int64(i) {
			t.Fatalf("event %d numbered %d: the first ones must come back", i, e.N)
		}
	}
	_, r = postRun(t, srv, RunRequest{Program: program("hello.c", hello), Events: true})
	if r.EventsTruncated || r.EventsTotal != int64(len(r.Events)) || len(r.Events) == 0 {
		t.Errorf("a small run: %d events, truncated %v, total %d", len(r.Events), r.EventsTruncated, r.EventsTotal)
	}
}

// Forty runs at once: the workers take two, four wait, the others are told
// at once to come back (503, busy, Retry-After); every request is answered,
// and a neighbour's small run meanwhile is answered within the line's wait
// and a run's time.
func TestRunsBeyondTheWorkersAreTurnedAway(t *testing.T) {
	lim := Limits{Workers: 2, RunQueue: 4, QueueWait: 2 * time.Second, RunTimeout: 300 * time.Millisecond, MaxTicks: 1 << 50}
	_, srv := server(t, lim)
	const n = 40
	type answer struct {
		status int
		retry  string
		code   string
	}
	answers := make(chan answer, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, r := postRun(t, srv, RunRequest{Program: program("loop.c", "int main(void) { for (;;) ; }\n")})
			a := answer{status: resp.StatusCode, retry: resp.Header.Get("Retry-After")}
			if r.Error != nil {
				a.code = r.Error.Code
			}
			answers <- a
		}()
	}
	// The neighbour comes once the first refusal shows the line is full.
	first := <-answers
	start := time.Now()
	resp, r := postRun(t, srv, RunRequest{Program: program("hello.c", hello)})
	took := time.Since(start)
	if bound := lim.QueueWait + lim.RunTimeout + 500*time.Millisecond; took > bound {
		t.Errorf("the neighbour waited %v, want at most %v", took, bound)
	}
	switch {
	case resp.StatusCode == 200 && r.Stdout == "hello\n":
	case resp.StatusCode == 503 && r.Error != nil && r.Error.Code == codeBusy:
	default:
		t.Errorf("the neighbour: %d %+v %q", resp.StatusCode, r.Error, r.Stdout)
	}
	t.Logf("the neighbour: %d after %v", resp.StatusCode, took)
	wg.Wait()
	close(answers)
	ran, busy := 0, 0
	all := []answer{first}
	for a := range answers {
		all = append(all, a)
	}
	for _, a := range all {
		switch {
		case a.status == 200:
			ran++
		case a.status == 503 && a.code == codeBusy && a.retry == "1":
			busy++
		default:
			t.Errorf("an answer: %+v", a)
		}
	}
	if ran < 2 || busy == 0 || ran+busy != n {
		t.Errorf("%d ran, %d turned away, of %d", ran, busy, n)
	}
	checkHealthy(t, srv)
}
