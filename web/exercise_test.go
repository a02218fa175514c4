package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"osplay/api"
	"osplay/exercises"
)

func post(t *testing.T, u, ctype, body string) response {
	t.Helper()
	req, _ := http.NewRequest("POST", u, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(b)}
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func filesOf(fs []exercises.File) []api.File {
	var out []api.File
	for _, f := range fs {
		out = append(out, api.File{Name: f.Name, Text: f.Text})
	}
	return out
}

func TestExercisePages(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	big := `{"files":[{"name":"a.c","text":"` + strings.Repeat("x", 2<<20) + `"}]}`
	for _, tc := range []struct {
		method, path, body string
		status             int
		want               []string
	}{
		{"GET", "/x", "", 200, []string{"Exercises", `href="/x/nfork-children"`, `id="topic-fork"`, `aria-current="page"`}},
		{"GET", "/x?lang=ko", "", 200, []string{`<html lang="ko"`, "연습 문제", "fork: 프로세스 생성"}},
		{"GET", "/", "", 200, []string{`href="/x"`}},
		{"GET", "/x/nfork-children", "", 200, []string{`data-exercise="nfork-children"`, "how many children?", `data-action="check"`,
			`data-answer="children"`, `"name":"nfork.c"`, `id="osplay-exercise"`, `application/json+oembed`,
			`"checkURL":"/api/exercises/nfork-children/check"`, `data-view="editor"`}},
		{"GET", "/x/nfork-children?lang=ko", "", 200, []string{`<html lang="ko"`, "자식 프로세스는 몇 개?"}},
		{"GET", "/x/nfork-children?sched=fcfs&quantum=4&view=gantt,states", "", 200, []string{`"sched":"fcfs"`, `"quantum":4`, `"views":["gantt","states"]`}},
		{"GET", "/x/nfork-children?cpus=99", "", 200, []string{"A setting in the address was not used"}},
		{"GET", "/x/no-such-exercise", "", 404, []string{"There is no exercise at this address"}},
		{"GET", "/x/u/nosuchexercise1", "", 404, nil},
		{"GET", "/embed/x/nfork-children", "", 200, []string{`class="page-embed"`, "js/embed.js", `id="osplay-embed"`}},
		{"GET", "/embed/x/nope-nope", "", 404, nil},
		{"GET", "/embed/s/nothing123", "", 404, nil},
		{"GET", "/s/nothing123", "", 404, []string{"There is no shared program at this address"}},
		{"GET", "/s/bad!id", "", 404, nil},
		{"GET", "/api/exercises", "", 200, []string{`"slug": "nfork-children"`, `"ko": "nfork.c — 자식 프로세스는 몇 개?"`, `/x/nfork-children"`, `/embed/x/nfork-children"`}},
		{"GET", "/api/exercises/nfork-children?lang=ko", "", 200, []string{`"lang": "ko"`, `"slug": "nfork-children"`}},
		{"GET", "/api/exercises/nope-nope", "", 404, []string{`"error": "not_found"`}},
		{"POST", "/api/exercises/nope-nope/check", `{"files":[]}`, 404, []string{"not_found"}},
		{"POST", "/api/exercises/u/nosuchexercise1/check", `{"files":[]}`, 404, []string{"not_found"}},
		{"POST", "/api/exercises/nfork-children/check", `{"files":`, 400, []string{"bad_request"}},
		{"POST", "/api/exercises/nfork-children/check", big, 413, []string{"too_large"}},
		{"POST", "/api/exercises/nfork-children/check", `{"answers":{"children":"3"},"lang":"en"}`, 200, []string{`"id": "children"`, `"passed": true`, "Correct."}},
		{"POST", "/api/shares", big, 413, []string{"too_large"}},
		{"POST", "/api/shares", `{"files":[]}`, 400, []string{"invalid"}},
		{"POST", "/api/shares", `{"files":[{"name":"a.c","text":"` + strings.Repeat("x", 100<<10) + `"}]}`, 413, []string{"too_large"}},
		{"GET", "/api/shares/nothing123", "", 404, []string{"not_found"}},
		{"GET", "/oembed?url=" + url.QueryEscape("/x/nfork-children") + "&format=json", "", 200, []string{`"type": "rich"`, `"version": "1.0"`, `<iframe src=\"http://127.0.0.1`, `/embed/x/nfork-children`}},
		{"GET", "/oembed?url=" + url.QueryEscape("/x/nfork-children") + "&format=xml", "", 501, nil},
		{"GET", "/oembed?url=" + url.QueryEscape("/x/nope-nope"), "", 404, nil},
		{"GET", "/oembed?url=" + url.QueryEscape("https://elsewhere.example/x/nfork-children"), "", 404, nil},
		{"GET", "/oembed?url=" + url.QueryEscape("/play"), "", 404, nil},
		{"GET", "/oembed", "", 400, nil},
		{"GET", "/x/u/new", "", 200, []string{`action="/x/u/new"`, `name="titleKo"`, `name="check0"`}},
		{"GET", "/x/u/new?from=nothing123", "", 404, nil},
	} {
		var r response
		if tc.method == "POST" {
			r = post(t, srv.URL+tc.path, "application/json", tc.body)
		} else {
			r = get(t, srv.URL+tc.path, nil)
		}
		if r.status != tc.status {
			t.Errorf("%s %s: status %d, want %d\n%.300s", tc.method, tc.path, r.status, tc.status, r.body)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s %s: no %q in\n%.400s", tc.method, tc.path, w, r.body)
			}
		}
	}
}

func TestExerciseCheckEvaluates(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	x := exercises.Get("onetwo-getpid")
	check := func(files []exercises.File, answers map[string]string) exercises.Report {
		r := post(t, srv.URL+"/api/exercises/onetwo-getpid/check", "application/json",
			jsonBody(t, api.ExerciseCheck{Files: filesOf(files), Answers: answers, Lang: "en"}))
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		var rep exercises.Report
		if err := json.Unmarshal([]byte(r.body), &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := check(x.Files, nil); rep.Passed {
		t.Errorf("the starter passes: %+v", rep)
	}
	if rep := check(x.SolutionFiles(), x.Answers()); !rep.Passed || rep.Score != rep.Total {
		t.Errorf("the solution fails: %+v", rep)
	}
	broken := []exercises.File{{Name: x.MainFile(), Text: "int main() {\n  return y;\n}\n"}}
	rep := check(broken, nil)
	if len(rep.Compile) == 0 || rep.Compile[0].Line != 2 || rep.Compile[0].Col == 0 {
		t.Errorf("compile errors: %+v", rep.Compile)
	}
}

func TestExerciseCheckBusy(t *testing.T) {
	s, srv := testServer(t, api.Limits{Workers: 1, RunQueue: 1, QueueWait: 50 * time.Millisecond})
	job, no := s.api.StartJob(context.Background()) // the only worker
	if no != nil {
		t.Fatalf("the first job is refused: %+v", no)
	}
	r := post(t, srv.URL+"/api/exercises/nfork-children/check", "application/json", `{"lang":"ko"}`)
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, `"busy"`) || !strings.Contains(r.body, "다시 시도") {
		t.Errorf("status %d: %s", r.status, r.body)
	}
	if r.header.Get("Retry-After") != "1" {
		t.Errorf("Retry-After %q, want 1", r.header.Get("Retry-After"))
	}
	job.Done()
	r = post(t, srv.URL+"/api/exercises/nfork-children/check", "application/json", `{"lang":"ko"}`)
	if r.status != http.StatusOK {
		t.Errorf("once the worker is free: status %d: %s", r.status, r.body)
	}
}

// A check is a headless run: a program that forks for ever is stopped at
// the deadline, and the report says so in the student's language.
func TestExerciseCheckStopsAtTheDeadline(t *testing.T) {
	_, srv := testServer(t, api.Limits{RunTimeout: 200 * time.Millisecond})
	forks := "#include <sys/wait.h>\n#include <unistd.h>\nint main(void) { for (;;) { if (fork() == 0) _exit(0); wait(NULL); } }\n"
	x := exercises.Get("nfork-children")
	for _, tc := range []struct{ lang, want string }{
		{"en", "took longer than the server allows"},
		{"ko", "허용하는 시간을 넘겨"},
	} {
		start := time.Now()
		r := post(t, srv.URL+"/api/exercises/nfork-children/check", "application/json",
			jsonBody(t, api.ExerciseCheck{Files: []api.File{{Name: x.MainFile(), Text: forks}}, Lang: tc.lang}))
		var rep exercises.Report
		if err := json.Unmarshal([]byte(r.body), &rep); err != nil || r.status != 200 {
			t.Fatalf("%s: status %d: %s", tc.lang, r.status, r.body)
		}
		if !strings.Contains(rep.Error, tc.want) || rep.Passed {
			t.Errorf("%s: report error %q, passed %v", tc.lang, rep.Error, rep.Passed)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: answered after %v", tc.lang, took)
		}
	}
}

func TestShareRoundTrip(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	req := api.ShareRequest{Program: api.Program{Files: []api.File{{Name: "main.c", Text: "int main(void) { return 3; }\n"}},
		Main: "main.c", Argv: []string{"a"}, Settings: api.Settings{Sched: "fcfs", Quantum: 3, CPUs: 2}}}
	r := post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, req))
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var res api.ShareResponse
	json.Unmarshal([]byte(r.body), &res)
	if !strings.HasSuffix(res.URL, "/s/"+res.ID) || !strings.HasSuffix(res.Embed, "/embed/s/"+res.ID) {
		t.Errorf("addresses %+v", res)
	}
	// The same program is the same snapshot.
	var again api.ShareResponse
	json.Unmarshal([]byte(post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, req)).body), &again)
	if again.ID != res.ID {
		t.Errorf("ids %s and %s for the same program", res.ID, again.ID)
	}
	page := get(t, srv.URL+"/s/"+res.ID, nil)
	for _, w := range []string{`return 3;`, `"sched":"fcfs"`, `"quantum":3`, `"cpus":2`, `"argv":["a"]`, `<option value="fcfs" selected>`, "application/json+oembed"} {
		if !strings.Contains(page.body, w) {
			t.Errorf("/s/%s: no %q", res.ID, w)
		}
	}
	if e := get(t, srv.URL+"/embed/s/"+res.ID, nil); e.status != 200 || !strings.Contains(e.body, "js/embed.js") {
		t.Errorf("/embed/s: %d", e.status)
	}
	if o := get(t, srv.URL+"/oembed?url="+url.QueryEscape(res.URL), nil); o.status != 200 || !strings.Contains(o.body, "/embed/s/"+res.ID) {
		t.Errorf("oembed of a share: %d %s", o.status, o.body)
	}
	// A share made on an exercise reopens on the exercise's page.
	req.Exercise, req.Files = "nfork-children", []api.File{{Name: "nfork.c", Text: "int main() { return 0; } /* mine */\n"}}
	json.Unmarshal([]byte(post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, req)).body), &res)
	page = get(t, srv.URL+"/s/"+res.ID, nil)
	for _, w := range []string{`data-exercise="nfork-children"`, `/* mine */`, "A shared attempt"} {
		if !strings.Contains(page.body, w) {
			t.Errorf("/s/%s on an exercise: no %q", res.ID, w)
		}
	}
}

// authorForm is a filled authoring form.
// The long- and medium-term schedulers' settings travel with a share: in
// its JSON and in the page that reopens it.
func TestShareKeepsMultiprogramming(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	req := api.ShareRequest{Program: api.Program{Files: []api.File{{Name: "main.c", Text: "int main(void) { return 0; }\n"}},
		Settings: api.Settings{Sched: "rr", Multiprogramming: 2, Resident: 1}}}
	r := post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, req))
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var res api.ShareResponse
	json.Unmarshal([]byte(r.body), &res)
	var snap api.ShareRequest
	if g := get(t, srv.URL+"/api/shares/"+res.ID, nil); g.status != 200 || json.Unmarshal([]byte(g.body), &snap) != nil {
		t.Fatalf("/api/shares/%s: %d %s", res.ID, g.status, g.body)
	}
	if snap.Settings != req.Settings {
		t.Errorf("shared settings %+v, want %+v", snap.Settings, req.Settings)
	}
	page := get(t, srv.URL+"/s/"+res.ID, nil)
	for _, w := range []string{`"multiprogramming":2`, `"resident":1`} {
		if !strings.Contains(page.body, w) {
			t.Errorf("/s/%s: no %q", res.ID, w)
		}
	}
	// Without them the program is another snapshot.
	req.Settings.Multiprogramming, req.Settings.Resident = 0, 0
	var plain api.ShareResponse
	json.Unmarshal([]byte(post(t, srv.URL+"/api/shares", "application/json", jsonBody(t, req)).body), &plain)
	if plain.ID == "" || plain.ID == res.ID {
		t.Errorf("ids %q and %q for different settings", plain.ID, res.ID)
	}
}

// Opening the edit page checks the token without rewriting the exercise.
func TestAuthorEditKeepsVersion(t *testing.T) {
	s, srv := testServer(t, api.Limits{})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := postForm(noRedirect, srv.URL, "/x/u/new", authorForm("Hello", "Say hello."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d", resp.StatusCode)
	}
	loc, _ := url.Parse(resp.Header.Get("Location"))
	id, token := strings.TrimSuffix(strings.TrimPrefix(loc.Path, "/x/u/"), "/edit"), loc.Query().Get("token")
	ctx := context.Background()
	before, err := s.store.Exercise(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if g := get(t, srv.URL+"/x/u/"+id+"/edit?token="+url.QueryEscape(token), nil); g.status != 200 {
			t.Fatalf("edit page, opening %d: %d", i+1, g.status)
		}
	}
	if g := get(t, srv.URL+"/x/u/"+id+"/edit?token=wrong", nil); g.status != http.StatusForbidden {
		t.Errorf("edit page with a wrong token: %d", g.status)
	}
	after, err := s.store.Exercise(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if after.Version != before.Version || !after.Updated.Equal(before.Updated) {
		t.Errorf("after opening the edit page twice: version %d (updated %v), want %d (%v)",
			after.Version, after.Updated, before.Version, before.Updated)
	}
}

func authorForm(title, text string) url.Values {
	return url.Values{
		"titleKo": {title}, "titleEn": {title}, "textKo": {text}, "textEn": {""}, "topic": {"fork"},
		"file0": {"main.c"}, "main": {"main.c"},
		"starter0":  {"#include <stdio.h>\nint main(void) { return 0; }\n"},
		"solution0": {"#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n"},
		"sched":     {"rr"}, "quantum": {"4"}, "locked": {"1"},
		"check0": {"output-contains"}, "value0": {"hello"},
		"check1": {"question-number"}, "value1": {"1"}, "askKo1": {"프로세스 수?"}, "askEn1": {"How many processes?"},
		"check2": {""}, "value2": {""},
		"hintsEn": {"Use printf."},
	}
}

func TestAuthoring(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	submit := func(path string, form url.Values) *http.Response {
		resp, err := postForm(noRedirect, srv.URL, path, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := submit("/x/u/new", authorForm("Print <script>alert(1)</script>", "Say **hello**.\n\n<script>alert('x')</script>"))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d", resp.StatusCode)
	}
	loc, _ := url.Parse(resp.Header.Get("Location"))
	token := loc.Query().Get("token")
	id := strings.TrimSuffix(strings.TrimPrefix(loc.Path, "/x/u/"), "/edit")
	if token == "" || id == "" {
		t.Fatalf("redirect to %s", loc)
	}
	// The student's page: the same component as a built-in exercise, the
	// author's Markdown rendered safely.
	page := get(t, srv.URL+"/x/u/"+id, nil)
	if page.status != 200 {
		t.Fatalf("/x/u/%s: %d", id, page.status)
	}
	for _, w := range []string{`data-exercise="u/` + id + `"`, "<strong>hello</strong>", "&lt;script&gt;alert(", `"locked":["sched","quantum","cpus","seed","ctxswitch","childFirst","monitor"]`,
		`"checkURL":"/api/exercises/u/` + id + `/check"`, `data-answer="c2"`} {
		if !strings.Contains(page.body, w) {
			t.Errorf("authored page: no %q", w)
		}
	}
	if strings.Contains(page.body, "<script>alert") {
		t.Errorf("the author's script is in the page")
	}
	// The solution is not in the student's page.
	if strings.Contains(page.body, `printf(\"hello`) || strings.Contains(page.body, `printf("hello`) {
		t.Errorf("the reference program leaks into the student's page")
	}
	// It checks like a built-in one.
	r := post(t, srv.URL+"/api/exercises/u/"+id+"/check", "application/json",
		`{"files":[{"name":"main.c","text":"#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n"}],"answers":{"c2":"1"}}`)
	if r.status != 200 || !strings.Contains(r.body, `"passed": true,
  "score": 2`) {
		t.Errorf("check: %d %s", r.status, r.body)
	}
	// The edit page needs the token.
	if g := get(t, srv.URL+"/x/u/"+id+"/edit?token="+url.QueryEscape(token)+"&saved=1", nil); g.status != 200 ||
		!strings.Contains(g.body, "/x/u/"+id+"/edit?token=") || !strings.Contains(g.body, `printf(&#34;hello`) {
		t.Errorf("edit page: %d", g.status)
	}
	if g := get(t, srv.URL+"/x/u/"+id+"/edit?token=wrong", nil); g.status != http.StatusForbidden || strings.Contains(g.body, "hello") {
		t.Errorf("edit page with a wrong token: %d", g.status)
	}
	if g := get(t, srv.URL+"/x/u/nosuchexercise1/edit?token=x", nil); g.status != http.StatusNotFound {
		t.Errorf("edit page of nothing: %d", g.status)
	}
	form := authorForm("Changed", "New text.")
	form.Set("token", "wrong")
	if resp := submit("/x/u/"+id+"/edit", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("update with a wrong token: %d", resp.StatusCode)
	}
	form.Set("token", token)
	if resp := submit("/x/u/"+id+"/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("update: %d", resp.StatusCode)
	}
	if page := get(t, srv.URL+"/x/u/"+id, nil); !strings.Contains(page.body, "Changed") {
		t.Errorf("the update is not shown")
	}
	// A reference program that fails its own checks is refused, with why.
	bad := authorForm("Bad", "Text")
	bad.Set("value0", "goodbye")
	if resp := submit("/x/u/new", bad); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a failing reference program: %d", resp.StatusCode)
	}
	huge := authorForm("Huge", strings.Repeat("x", 3<<20))
	if resp := submit("/x/u/new", huge); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a huge form: %d", resp.StatusCode)
	}
}

// The embeddable pages take the operator's frame-ancestors; every other
// page is framed by this site only, in both headers.
func TestFrameAncestorsPerPage(t *testing.T) {
	for _, operator := range []string{"https://course.example", "*", "'self'"} {
		s, err := New(Config{Examples: os.DirFS("../examples"), Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir(),
			FrameAncestors: operator})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close(context.Background())
		for _, tc := range []struct {
			path     string
			embedded bool
		}{
			{"/embed/x/nfork-children", true},
			{"/embed/x/u/none", true},
			{"/embed/s/none", true},
			{"/s/none", true},
			{"/", false},
			{"/play", false},
			{"/x", false},
			{"/x/nfork-children", false},
			{"/x/u/new", false},
			{"/x/u/none/edit", false},
			{"/nowhere", false},
		} {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("GET", tc.path, nil))
			want, xfo := "frame-ancestors 'self'", "SAMEORIGIN"
			if tc.embedded {
				want, xfo = "frame-ancestors "+operator, map[string]string{"'self'": "SAMEORIGIN"}[operator]
			}
			if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp+";", want+";") {
				t.Errorf("%s (operator %s): CSP %q, want %s", tc.path, operator, csp, want)
			}
			if got := w.Header().Get("X-Frame-Options"); got != xfo {
				t.Errorf("%s (operator %s): X-Frame-Options %q, want %q", tc.path, operator, got, xfo)
			}
		}
	}
}
