package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"osplay/api"
)

func testServer(t testing.TB, lim api.Limits) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(Config{Examples: os.DirFS("../examples"), Logger: slog.New(slog.DiscardHandler), Limits: lim, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.Close(ctx)
		srv.Close()
	})
	return s, srv
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, url string, header map[string]string) response {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(body)}
}

func TestPages(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for _, tc := range []struct {
		path   string
		header map[string]string
		status int
		want   []string
	}{
		{"/", nil, 200, []string{`<html lang="en"`, "Watch the operating system work", `href="/play?example=forkexecl"`,
			`href="/play?example=mystatus"`, "myexit.c", "ls -l"}},
		{"/play?example=forkexecl", nil, 200, []string{`data-action="run"`, `data-action="step"`, `data-action="pause"`,
			`data-view="editor"`, `data-view="console"`, `data-view="proctree"`, `data-view="gantt"`, `data-view="states"`,
			`data-view="queues"`, `id="osplay-boot"`, `execl(\"/bin/ls\"`, `<option value="forkexecl" selected>`}},
		{"/play?example=mystatus", nil, 200, []string{`"name":"myexit.c"`, `"main":"mystatus.c"`}},
		{"/play?example=background", nil, 200, []string{`"argv":["ls","-l"]`}},
		{"/", nil, 200, []string{`href="/play?example=counter-race"`, `href="/play?example=boundedbuffer"`, `href="/play?example=philosophers"`}},
		{"/play?example=philosophers", nil, 200, []string{`<option value="philosophers" selected>`, `"main":"philosophers.c"`, `pthread_mutex_lock`}},
		{"/play?example=counter-race&sched=rr&quantum=3&seed=2", nil, 200, []string{`<option value="counter-race" selected>`, `"quantum":3`, `"seed":2`}},
		{"/play?example=nope", nil, 404, []string{"There is no example of that name", `href="/play?example=onetwo"`}},
		{"/play?lang=ko", nil, 200, []string{`<html lang="ko"`, "실행", "프로세스 트리"}},
		{"/", map[string]string{"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"}, 200, []string{`<html lang="ko"`}},
		{"/", map[string]string{"Accept-Language": "fr, en;q=0.5, ko;q=0.4"}, 200, []string{`<html lang="en"`}},
		{"/", map[string]string{"Cookie": "osplay_lang=ko"}, 200, []string{`<html lang="ko"`}},
		{"/play?sched=fcfs&cpus=2", nil, 200, []string{`<option value="fcfs" selected>`, `"cpus":2`}},
		{"/nowhere", nil, 404, []string{"Page not found"}},
		{"/healthz", nil, 200, []string{`"status": "ok"`}},
		{"/api/examples", nil, 200, []string{`"name": "onetwo"`, `"name": "runls"`}},
		{"/api/examples/nfork", nil, 200, []string{`"main": "nfork.c"`}},
		{"/api/examples/zzz", nil, 404, []string{"no such example"}},
		{"/static/js/play.js", nil, 200, []string{"import"}},
		{"/static/editor/editor.bundle.js", nil, 200, []string{"createEditor"}},
		{"/static/missing.js", nil, 404, nil},
	} {
		r := get(t, srv.URL+tc.path, tc.header)
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, r.status, tc.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s: no %q in the page", tc.path, w)
			}
		}
	}
}

func TestChosenLanguageIsRemembered(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	r := get(t, srv.URL+"/play?lang=ko", nil)
	c := r.header.Get("Set-Cookie")
	if !strings.Contains(c, "osplay_lang=ko") {
		t.Fatalf("no language cookie: %q", c)
	}
	cookie := strings.Split(c, ";")[0]
	if r := get(t, srv.URL+"/", map[string]string{"Cookie": cookie, "Accept-Language": "en"}); !strings.Contains(r.body, `lang="ko"`) {
		t.Errorf("the cookie's language was not used")
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	r := get(t, srv.URL+"/play", nil)
	csp := r.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "'nonce-"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	nonce := csp[strings.Index(csp, "'nonce-")+7:]
	nonce = nonce[:strings.Index(nonce, "'")]
	if !strings.Contains(r.body, `"nonce":"`+nonce+`"`) {
		t.Errorf("the page does not carry its nonce for the editor")
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
		t.Errorf("headers %v", r.header)
	}
	if r.header.Get("X-Request-Id") == "" && r.header.Get("Content-Type") == "" {
		t.Errorf("no content type")
	}
	// No inline script in the page: only JSON data and module files.
	for _, part := range strings.Split(r.body, "<script")[1:] {
		if !strings.Contains(part[:120], `type="application/json"`) && !strings.Contains(part[:120], `src="`) {
			t.Errorf("inline script: <script%.60s", part)
		}
	}
}

func TestStaticFilesAreCached(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	r := get(t, srv.URL+"/static/css/osplay.css", nil)
	etag := r.header.Get("ETag")
	if r.status != 200 || etag == "" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("css: %d %v", r.status, r.header)
	}
	if r := get(t, srv.URL+"/static/css/osplay.css", map[string]string{"If-None-Match": etag}); r.status != 304 {
		t.Errorf("revalidation: %d, want 304", r.status)
	}
	page := get(t, srv.URL+"/play", nil).body
	i := strings.Index(page, "/static/css/osplay.css?v=")
	if i < 0 {
		t.Fatal("the page links no versioned style sheet")
	}
	url := page[i : i+strings.IndexByte(page[i:], '"')]
	if r := get(t, srv.URL+url, nil); !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
		t.Errorf("versioned asset: Cache-Control %q", r.header.Get("Cache-Control"))
	}
	if r := get(t, srv.URL+"/play", map[string]string{"Accept-Encoding": "gzip"}); r.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("pages are not compressed")
	}
}

func TestMetrics(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	resp, err := http.Post(srv.URL+"/api/run", "application/json",
		strings.NewReader(`{"files":[{"name":"a.c","text":"int main(){return 3;}"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	r := get(t, srv.URL+"/metrics", nil)
	for _, want := range []string{"osplay_sessions ", `osplay_runs_total{outcome="ok",where="api"} 1`, "osplay_ticks_total",
		"osplay_ws_messages_total", "go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if r, err := http.Get(url + "/healthz"); err == nil {
			r.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("server did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("shutdown hangs")
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"": "en", "ko": "ko", "ko-KR": "ko", "en-US,ko;q=0.9": "en", "ja, ko;q=0.8, en;q=0.7": "ko",
		"de, fr": "en", "ko;q=0": "en", "en;q=0.5, ko;q=0.6": "ko",
	} {
		if got := acceptLanguage(h); got != want {
			t.Errorf("Accept-Language %q: %s, want %s", h, got, want)
		}
	}
}

// /readyz tells a load balancer when to send visitors: not while the C
// library is still to be compiled, not once the server shuts down; its
// health (/healthz) is another matter.
func TestReadiness(t *testing.T) {
	s, srv := testServer(t, api.Limits{})
	api.Warm(slog.New(slog.DiscardHandler))
	if r := get(t, srv.URL+"/readyz", nil); r.status != 200 || !strings.Contains(r.body, `"ready"`) {
		t.Errorf("warmed: %d %s", r.status, r.body)
	}
	if r := get(t, srv.URL+"/readyz", nil); r.header.Get("Content-Type") == "" {
		t.Error("no content type")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.API().Close(ctx)
	if r := get(t, srv.URL+"/readyz", nil); r.status != 503 || !strings.Contains(r.body, `"shutdown"`) {
		t.Errorf("shutting down: %d %s", r.status, r.body)
	}
	if r := get(t, srv.URL+"/healthz", nil); r.status != 200 {
		t.Errorf("healthz while shutting down: %d", r.status)
	}
}

// TestLimitMetrics: each limit that fires is counted, by name, at /metrics.
func TestLimitMetrics(t *testing.T) {
	_, srv := testServer(t, api.Limits{MaxTicks: 2_000_000, MaxRunEvents: 10, MaxSessionMemory: 3 << 20})
	for _, src := range []string{
		"int main(void){ for(;;); }", // max_ticks
		// Two processes that together touch more than the run's 3 MiB:
		// the OOM killer ends one.
		`#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void){ fork(); char *p = malloc(2<<20); for (int i = 0; i < 2<<20; i += 4096) p[i] = 1; wait(0); return 0; }`,
	} {
		body, _ := json.Marshal(map[string]any{"files": []map[string]string{{"name": "a.c", "text": src}}, "events": true})
		resp, err := http.Post(srv.URL+"/api/run", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	r := get(t, srv.URL+"/metrics", nil)
	for _, want := range []string{`osplay_limits_total{limit="max_ticks"} 1`, `osplay_limits_total{limit="oom_kill"} 1`,
		`osplay_limits_total{limit="events_limit"} 1`, `osplay_limits_total{limit="rate_limited"} 0`,
		`osplay_compile_limits_total{limit="deadline"}`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
