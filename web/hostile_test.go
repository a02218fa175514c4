package web

import (
	"encoding/json"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"osplay/api"
	"osplay/exercises"
)

// The two programs that used to end the server: a 46-byte global of a
// tebibyte (the compiler ran the process out of memory) and an 18-byte
// program whose missing header left the C front end looping for ever.
// Through every door a program comes in — a headless run and an
// exercise's check, all at once — each gets a compile error at its
// line within a bound, memory stays bounded, and a neighbour's program
// still runs afterwards.
func TestServerKillersOverHTTP(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	killers := []struct {
		name, text, want string
	}{
		{"big.c", "char g[1L<<40] = {1}; int main(void){ return g[0]; }", "big.c:1:6: array too large: 1 TiB; a process may use at most 64 MiB"},
		{"hang.c", "#include <x.h>\n*a;", "hang.c:1:10: x.h: No such file or directory"},
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	x := exercises.Get("nfork-children")
	// One run and one check of each at once: as many as the workers and
	// their queue take (more would be answered 503 busy, also an answer).
	var wg sync.WaitGroup
	for _, k := range killers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			start := time.Now()
			r := post(t, srv.URL+"/api/run", "application/json", jsonBody(t, api.RunRequest{Program: api.Program{Files: []api.File{{Name: k.name, Text: k.text}}}}))
			var resp api.RunResponse
			if err := json.Unmarshal([]byte(r.body), &resp); err != nil || r.status != http.StatusOK {
				t.Errorf("run %s: status %d: %s", k.name, r.status, r.body)
				return
			}
			if resp.Error == nil || resp.Error.Code != "compile" || !strings.Contains(resp.Error.Message, k.want) {
				t.Errorf("run %s: %+v, want a compile error %q", k.name, resp.Error, k.want)
			}
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("run %s: answered after %v", k.name, took)
			}
		}()
		go func() {
			defer wg.Done()
			r := post(t, srv.URL+"/api/exercises/nfork-children/check", "application/json",
				jsonBody(t, api.ExerciseCheck{Files: []api.File{{Name: x.MainFile(), Text: k.text}}, Lang: "en"}))
			var rep exercises.Report
			if err := json.Unmarshal([]byte(r.body), &rep); err != nil || r.status != http.StatusOK {
				t.Errorf("check %s: status %d: %s", k.name, r.status, r.body)
				return
			}
			if rep.Passed || rep.Error == "" {
				t.Errorf("check %s: passed %v, error %q: want the compile error", k.name, rep.Passed, rep.Error)
			}
		}()
	}
	wg.Wait()

	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 64<<20 {
		t.Errorf("the server's heap grew by %d MiB", grown>>20)
	}
	// The checks' slots and the compilers are free again: a neighbour's
	// program runs and an honest check answers.
	r := post(t, srv.URL+"/api/run", "application/json", jsonBody(t, api.RunRequest{Program: api.Program{Files: []api.File{{Name: "hi.c",
		Text: "#include <stdio.h>\nint main(void) { printf(\"hi\\n\"); return 0; }\n"}}}}))
	if r.status != http.StatusOK || !strings.Contains(r.body, `"stdout":"hi\n"`) {
		t.Errorf("afterwards, a small program: %d %s", r.status, r.body)
	}
	r = post(t, srv.URL+"/api/exercises/nfork-children/check", "application/json", `{"lang":"en"}`)
	if r.status != http.StatusOK {
		t.Errorf("afterwards, a check: status %d: %s", r.status, r.body)
	}
}
