package api

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestSameOrigin(t *testing.T) {
	for _, tc := range []struct {
		from, host string
		tls        bool
		proto      string // X-Forwarded-Proto
		trust      bool
		want       bool
	}{
		{"http://osplay.example", "osplay.example", false, "", false, true},
		{"http://osplay.example/x/fork-loop", "osplay.example", false, "", false, true}, // a Referer
		{"http://OSPLAY.example:80", "osplay.example", false, "", false, true},
		{"https://osplay.example", "osplay.example", true, "", false, true},
		{"https://osplay.example", "osplay.example:443", true, "", false, true},
		{"http://localhost:8080", "localhost:8080", false, "", false, true},
		{"https://osplay.example", "osplay.example", false, "", false, false}, // the scheme differs
		{"http://osplay.example", "osplay.example", true, "", false, false},
		{"https://osplay.example", "osplay.example", false, "https", false, false}, // an untrusted proxy header
		{"https://osplay.example", "osplay.example", false, "https", true, true},
		{"https://osplay.example", "osplay.example", false, "https, http", true, true},
		{"http://osplay.example", "osplay.example", false, "https", true, false},
		{"http://localhost:8081", "localhost:8080", false, "", false, false},
		{"http://evil.example", "osplay.example", false, "", false, false},
		{"http://osplay.example.evil.example", "osplay.example", false, "", false, false},
		{"null", "osplay.example", false, "", false, false},
		{"osplay.example", "osplay.example", false, "", false, false},
		{"://", "osplay.example", false, "", false, false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tc.host
		if tc.tls {
			r.TLS = &tls.ConnectionState{}
		}
		if tc.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tc.proto)
		}
		if got := SameOrigin(tc.from, r, tc.trust); got != tc.want {
			t.Errorf("%q to %s (tls %v, proto %q, trusted %v): %v, want %v", tc.from, tc.host, tc.tls, tc.proto, tc.trust, got, tc.want)
		}
	}
}

// wsServer serves the WebSocket over loopback with the given options.
func wsServer(t *testing.T, o Options) string {
	t.Helper()
	a := New(o)
	srv := httptest.NewServer(http.HandlerFunc(a.ServeWS))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		a.Close(ctx)
		srv.Close()
	})
	return srv.URL
}

// A page of the http site is not the https site (and behind a trusted
// proxy the scheme is the proxy's word).
func TestWebSocketOriginScheme(t *testing.T) {
	for _, tc := range []struct {
		name   string
		trust  bool
		origin func(host string) string
		proto  string
		ok     bool
	}{
		{"same scheme", false, func(h string) string { return "http://" + h }, "", true},
		{"https page to http site", false, func(h string) string { return "https://" + h }, "", false},
		{"another port", false, func(h string) string { return "http://" + h + "1" }, "", false},
		{"no Origin", false, func(string) string { return "" }, "", true},
		{"proxy says https", true, func(h string) string { return "https://" + h }, "https", true},
		{"proxy says https, page http", true, func(h string) string { return "http://" + h }, "https", false},
		{"untrusted proxy header", false, func(h string) string { return "https://" + h }, "https", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := wsServer(t, Options{TrustProxy: tc.trust})
			host := strings.TrimPrefix(base, "http://")
			h := http.Header{}
			if o := tc.origin(host); o != "" {
				h.Set("Origin", o)
			}
			if tc.proto != "" {
				h.Set("X-Forwarded-Proto", tc.proto)
			}
			conn, resp, err := websocket.DefaultDialer.Dial("ws://"+host+"/", h)
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				conn.Close()
				return
			}
			if err == nil {
				conn.Close()
				t.Fatal("accepted")
			}
			if resp == nil || resp.StatusCode != http.StatusForbidden {
				t.Fatalf("refused with %v, want 403", err)
			}
		})
	}
}

// A text frame that is not UTF-8 fails the connection with 1007.
func TestWebSocketInvalidUTF8(t *testing.T) {
	base := wsServer(t, Options{})
	conn, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := &client{t: t, conn: conn}
	c.next() // hello
	c.sendRaw(`{"type":"run","main":"int main(void){return 0;}` + "\xff\xfe" + `"}`)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := conn.ReadMessage()
		if err == nil {
			continue
		}
		if !websocket.IsCloseError(err, websocket.CloseInvalidFramePayloadData) {
			t.Fatalf("%v, want close 1007", err)
		}
		return
	}
}
