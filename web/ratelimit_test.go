package web

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Past its burst an address is refused with 429, Retry-After and
// rate_limited, in its language; another address is not.
func TestRateLimits(t *testing.T) {
	once := Rate{N: 1, Per: time.Hour, Burst: 2}
	s, err := New(Config{Examples: os.DirFS("../examples"), Logger: slog.New(slog.DiscardHandler), DataDir: t.TempDir(),
		Rates: Rates{Runs: once, Checks: once, Shares: once, Authoring: once}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(t.Context()) })
	n := 0
	for _, tc := range []struct{ path, body, typ string }{
		{"/api/run", `{}`, "application/json"},
		{"/api/check", `{}`, "application/json"},
		{"/api/exercises/nfork-children/check", `{}`, "application/json"},
		{"/api/exercises/u/none/check", `{}`, "application/json"},
		{"/api/shares", `{}`, "application/json"},
		{"/x/u/new", "titleEn=x", "application/x-www-form-urlencoded"},
		{"/x/u/none/edit", "titleEn=x", "application/x-www-form-urlencoded"},
	} {
		n++
		post := func(ip, lang string) *httptest.ResponseRecorder {
			req := httptest.NewRequest("POST", tc.path, strings.NewReader(tc.body))
			req.RemoteAddr = ip + ":1234"
			req.Header.Set("Content-Type", tc.typ)
			req.Header.Set("Origin", "http://"+req.Host)
			req.Header.Set("Accept-Language", lang)
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)
			return w
		}
		// Each path has its own address: the checks share one limiter.
		ip := fmt.Sprintf("192.0.2.%d", n)
		for i := range 2 {
			if w := post(ip, "en"); w.Code == http.StatusTooManyRequests {
				t.Fatalf("%s: request %d refused within the burst", tc.path, i+1)
			}
		}
		w := post(ip, "ko")
		var body map[string]any
		json.Unmarshal(w.Body.Bytes(), &body)
		code, msg := body["error"], body["message"]
		if m, ok := body["error"].(map[string]any); ok {
			code, msg = m["code"], m["message"]
		}
		if w.Code != http.StatusTooManyRequests || code != "rate_limited" {
			t.Errorf("%s past the burst: %d %v", tc.path, w.Code, body)
		}
		if s, _ := msg.(string); !strings.Contains(s, "요청") {
			t.Errorf("%s: message %q is not in Korean", tc.path, msg)
		}
		if n, err := strconv.Atoi(w.Header().Get("Retry-After")); err != nil || n < 1 || n > 3600 {
			t.Errorf("%s: Retry-After %q", tc.path, w.Header().Get("Retry-After"))
		}
		if w := post(fmt.Sprintf("2001:db8:%d::1", n), "en"); w.Code == http.StatusTooManyRequests {
			t.Errorf("%s: another address refused", tc.path)
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if want := fmt.Sprintf(`osplay_limits_total{limit="rate_limited"} %d`, n); !strings.Contains(w.Body.String(), want) {
		t.Errorf("metrics lack %q", want)
	}
}

func TestRateLimiterRefills(t *testing.T) {
	l := newRateLimiter(Rate{N: 2, Per: time.Second, Burst: 3})
	now := time.Unix(1_000_000, 0)
	for i := range 3 {
		if d := l.wait("a", now); d != 0 {
			t.Fatalf("request %d: wait %s", i+1, d)
		}
	}
	if d := l.wait("a", now); d != 500*time.Millisecond {
		t.Errorf("past the burst: wait %s, want 500ms", d)
	}
	// A refusal takes no token: half a second later one is there.
	if d := l.wait("a", now.Add(500*time.Millisecond)); d != 0 {
		t.Errorf("after waiting: %s", d)
	}
	if newRateLimiter(Rate{N: -1}) != nil {
		t.Error("a negative rate limits")
	}
}

// A flood of addresses leaves the memory bounded: idle addresses are
// forgotten after their refill period, and never more than max are kept.
func TestRateLimiterForgets(t *testing.T) {
	l := newRateLimiter(Rate{N: 1, Per: time.Second, Burst: 5})
	l.max = 1000
	now := time.Unix(1_000_000, 0)
	for i := range 5000 {
		l.wait(fmt.Sprintf("10.0.%d.%d", i/256, i%256), now)
	}
	if n := l.size(); n > 1000 {
		t.Errorf("%d addresses kept, at most 1000", n)
	}
	l.wait("10.1.0.0", now.Add(time.Second))
	if n := l.size(); n != 1001 && n != 1000 {
		t.Errorf("a second later: %d addresses", n)
	}
	l.wait("10.1.0.1", now.Add(6*time.Second))
	if n := l.size(); n > 2 {
		t.Errorf("after the refill period: %d addresses kept, want the fresh ones only", n)
	}
}

func TestRateKey(t *testing.T) {
	for addr, want := range map[string]string{
		"192.0.2.7:5555":             "192.0.2.7",
		"192.0.2.7":                  "192.0.2.7", // RealIP leaves no port
		"[2001:db8:1:2:3:4:5:6]:443": "2001:db8:1:2::",
		"2001:db8:1:2:ffff::1":       "2001:db8:1:2::",
		"not an address":             "not an address",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = addr
		if got := rateKey(r); got != want {
			t.Errorf("%q: %q, want %q", addr, got, want)
		}
	}
}

// Behind a trusted proxy the client's address is the one the proxy
// appended last to X-Forwarded-For: entries the client wrote before it
// cannot choose its rate limiter.
func TestProxiedAddr(t *testing.T) {
	for _, c := range []struct{ xff, real, want string }{
		{"203.0.113.9, 198.51.100.7", "", "198.51.100.7"},
		{"", "198.51.100.8", "198.51.100.8"},
		{"not an address", "", "192.0.2.1"},
		{"", "", "192.0.2.1"},
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = "192.0.2.1:1234"
		if c.xff != "" {
			req.Header.Set("X-Forwarded-For", c.xff)
		}
		if c.real != "" {
			req.Header.Set("X-Real-IP", c.real)
		}
		var got string
		proxiedAddr(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = rateKey(r) })).ServeHTTP(httptest.NewRecorder(), req)
		if got != c.want {
			t.Errorf("X-Forwarded-For %q, X-Real-IP %q: address %q, want %q", c.xff, c.real, got, c.want)
		}
	}
}
