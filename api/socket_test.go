package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// server serves the API's WebSocket with the given limits.
func server(t testing.TB, lim Limits) (*API, *httptest.Server) {
	t.Helper()
	a := New(Options{Limits: lim})
	mux := http.NewServeMux()
	mux.HandleFunc("/api/ws", a.ServeWS)
	mux.HandleFunc("/api/run", a.ServeRun)
	mux.HandleFunc("/api/explore", a.ServeExplore)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		a.Close(ctx)
		srv.Close()
	})
	return a, srv
}

// client is one WebSocket connection to the test server.
type client struct {
	t    testing.TB
	conn *websocket.Conn
}

func dial(t testing.TB, srv *httptest.Server, header http.Header) *client {
	t.Helper()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/api/ws"
	conn, resp, err := websocket.DefaultDialer.Dial(url, header)
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		t.Fatalf("dial: %v (HTTP %d)", err, status)
	}
	t.Cleanup(func() { conn.Close() })
	return &client{t: t, conn: conn}
}

func (c *client) send(v any) {
	c.t.Helper()
	if err := c.conn.WriteJSON(v); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

func (c *client) sendRaw(s string) {
	c.t.Helper()
	if err := c.conn.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

// next reads the next message as a map, failing after a few seconds.
func (c *client) next() map[string]any {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	var m map[string]any
	if err := c.conn.ReadJSON(&m); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return m
}

// until reads messages until one of type typ satisfies ok.
func (c *client) until(typ string, ok func(map[string]any) bool) map[string]any {
	c.t.Helper()
	for i := 0; i < 10000; i++ {
		m := c.next()
		if m["type"] == "batch" {
			c.send(map[string]any{"op": "ack", "seq": m["seq"]})
		}
		if m["type"] == typ && (ok == nil || ok(m)) {
			return m
		}
	}
	c.t.Fatalf("no %s message", typ)
	return nil
}

func status(m map[string]any) string {
	st, _ := m["state"].(map[string]any)
	s, _ := st["status"].(string)
	return s
}

func TestWebSocketRunsAProgram(t *testing.T) {
	a, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	hello := c.next()
	if hello["type"] != "hello" || hello["v"] != float64(Version) {
		t.Fatalf("first message %v", hello)
	}
	c.send(map[string]any{"op": "load", "program": example(t, "forkexecl")})
	c.send(map[string]any{"op": "speed", "ticks": 100000})
	c.send(map[string]any{"op": "run"})
	var out strings.Builder
	c.until("batch", func(m map[string]any) bool {
		for _, e := range m["events"].([]any) {
			ev := e.(map[string]any)
			if ev["k"] == "output" {
				out.WriteString(ev["data"].(string))
			}
		}
		return status(m) == StatusDone
	})
	if !strings.Contains(out.String(), "child Complete") {
		t.Errorf("console: %q", out.String())
	}
	// Every command was taken up before the batch that ended the run.
	if n := a.cpu.commands.Load(); n != 0 {
		t.Errorf("%d commands still counted as waiting", n)
	}
}

func TestBadMessagesAreAnsweredNotDropped(t *testing.T) {
	_, srv := server(t, Limits{MaxMessage: 1000, MaxFrame: 4000})
	c := dial(t, srv, nil)
	c.next() // hello
	for _, tc := range []struct{ msg, code, want string }{
		{`{"op":"fly"}`, "bad_message", `unknown op "fly"`},
		{`{"op":"run","speed":3}`, "bad_message", `unknown field "speed"`},
		{`{"op":"step","by":"decade"}`, "bad_message", "by must be"},
		{`{"op":"speed","ticks":"fast"}`, "bad_message", "must be a whole number"},
		{`not json`, "bad_message", "one JSON object"},
		{`{"id":7}`, "bad_message", "no op"},
		{`{"op":"signal","pid":2,"signal":"SIGWHAT"}`, "bad_message", "unknown signal"},
		{`{"op":"load","program":{"files":[{"name":"../x.c","text":""}]}}`, "bad_message", "bad file name"},
		{`{"op":"input","data":"` + strings.Repeat("x", 1200) + `"}`, "too_large", "too large"},
		{`{"op":"run"}`, "no_program", "no program"},
	} {
		c.sendRaw(tc.msg)
		m := c.next()
		if m["type"] != "error" || m["code"] != tc.code || !strings.Contains(m["message"].(string), tc.want) {
			t.Errorf("%.40s: got %v, want %s error with %q", tc.msg, m, tc.code, tc.want)
		}
	}
	// The id of a message comes back in its error.
	c.sendRaw(`{"op":"fly","id":42}`)
	if m := c.next(); m["id"] != float64(42) {
		t.Errorf("error without the message's id: %v", m)
	}
	// A binary frame is refused with a message too.
	c.conn.WriteMessage(websocket.BinaryMessage, []byte("{}"))
	if m := c.next(); m["code"] != "bad_message" {
		t.Errorf("binary frame: %v", m)
	}
	// And the session still works.
	c.send(map[string]any{"op": "load", "program": example(t, "onetwo")})
	if m := c.until("batch", nil); status(m) != StatusPaused {
		t.Errorf("after the errors, load gave %v", m)
	}
	// Past the frame limit the connection is closed (1009). The server
	// closes without reading the rest of the frame, so the client may see
	// the connection reset instead of the close frame.
	if err := c.conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"input","data":"`+strings.Repeat("x", 5000)+`"}`)); err != nil {
		return
	}
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		var m map[string]any
		err := c.conn.ReadJSON(&m)
		if err == nil {
			continue
		}
		if !websocket.IsCloseError(err, websocket.CloseMessageTooBig) && !strings.Contains(err.Error(), "reset by peer") {
			t.Errorf("oversized frame: %v, want close 1009", err)
		}
		break
	}
}

func TestOriginMustBeThisHost(t *testing.T) {
	_, srv := server(t, Limits{})
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/api/ws"
	_, resp, err := websocket.DefaultDialer.Dial(url, http.Header{"Origin": {"https://evil.example"}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin dial: err %v, response %v", err, resp)
	}
	c := dial(t, srv, http.Header{"Origin": {srv.URL}})
	if m := c.next(); m["type"] != "hello" {
		t.Errorf("same origin: %v", m)
	}
}

// closed reads until the connection closes and returns the close code and
// the last error message before it.
func closed(t *testing.T, c *client) (code int, errCode string) {
	t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		var m map[string]any
		err := c.conn.ReadJSON(&m)
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok {
				return ce.Code, errCode
			}
			t.Fatalf("read: %v", err)
		}
		if m["type"] == "error" {
			errCode, _ = m["code"].(string)
		}
	}
}

func TestSessionsPerAddressAreCapped(t *testing.T) {
	a, srv := server(t, Limits{SessionsPerIP: 2})
	c1, c2 := dial(t, srv, nil), dial(t, srv, nil)
	c1.next()
	c2.next()
	c3 := dial(t, srv, nil)
	code, errCode := closed(t, c3)
	if code != closeTooMany || errCode != "too_many_sessions" {
		t.Errorf("third session: close %d after %q, want %d after too_many_sessions", code, errCode, closeTooMany)
	}
	// Closing one makes room.
	c1.conn.Close()
	deadline := time.Now().Add(5 * time.Second)
	for a.Sessions() > 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	c4 := dial(t, srv, nil)
	if m := c4.next(); m["type"] != "hello" {
		t.Errorf("after one closed: %v", m)
	}
}

func TestIdleSessionsAreClosed(t *testing.T) {
	_, srv := server(t, Limits{Idle: 300 * time.Millisecond})
	c := dial(t, srv, nil)
	code, errCode := closed(t, c)
	if code != closeIdle || errCode != "idle" {
		t.Errorf("idle session: close %d after %q", code, errCode)
	}
}

func TestSilentClientsAreDropped(t *testing.T) {
	a, srv := server(t, Limits{PingInterval: 50 * time.Millisecond, PongWait: 200 * time.Millisecond})
	c := dial(t, srv, nil)
	c.conn.SetPingHandler(func(string) error { return nil }) // never answers pings
	c.next()
	// The client reads (so it sees the pings) but never answers them.
	go func() {
		for {
			if _, _, err := c.conn.ReadMessage(); err != nil {
				return
			}
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for a.Sessions() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := a.Sessions(); n != 0 {
		t.Errorf("%d sessions still open after the pong deadline", n)
	}
}

func TestShutdownTellsEverySession(t *testing.T) {
	a, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	c.next()
	go a.Close(context.Background())
	code, errCode := closed(t, c)
	if code != closeShutdown || errCode != "shutdown" {
		t.Errorf("shutdown: close %d after %q", code, errCode)
	}
}

func TestPanicInASessionStaysThere(t *testing.T) {
	a := New(Options{})
	r := &recorder{}
	c := &socket{api: a, lim: a.lim}
	c.s = NewSession("x", a.lim, r.send, nil, nil)
	c.guard(func() { panic("boom") })
	errs := r.errors()
	if len(errs) != 1 || errs[0].Code != "machine" || !strings.Contains(errs[0].Message, "boom") {
		t.Errorf("after a panic: %+v", errs)
	}
}

func TestBatchesWaitForAcks(t *testing.T) {
	_, srv := server(t, Limits{})
	c := dial(t, srv, nil)
	c.next()
	src := "int main() { for (;;) ; }"
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "spin.c", Text: src}}}})
	c.next() // the load's batch
	c.send(map[string]any{"op": "run"})
	// Without acks the server sends at most the window, then waits.
	got := 0
	c.conn.SetReadDeadline(time.Now().Add(600 * time.Millisecond))
	for {
		var m map[string]any
		if err := c.conn.ReadJSON(&m); err != nil {
			break
		}
		got++
	}
	if got == 0 || got > window+1 {
		t.Errorf("%d batches without an ack, want 1 to %d", got, window+1)
	}
}

func TestRunEndpoint(t *testing.T) {
	_, srv := server(t, Limits{MaxBody: 64 << 10})
	post := func(body string) (*http.Response, RunResponse) {
		resp, err := http.Post(srv.URL+"/api/run", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r RunResponse
		json.NewDecoder(resp.Body).Decode(&r)
		return resp, r
	}
	prog, _ := json.Marshal(example(t, "mystatus"))
	resp, r := post(string(prog))
	if resp.StatusCode != 200 || !r.OK {
		t.Fatalf("mystatus: %d %+v", resp.StatusCode, r.Error)
	}
	if !strings.Contains(r.Stdout, "terminated with exit code low: 0, high: 0") {
		t.Errorf("stdout %q", r.Stdout)
	}
	if r.Exit == nil || r.Exit.Code == nil || *r.Exit.Code != 0 {
		t.Errorf("exit %+v", r.Exit)
	}
	var pids []int
	for _, p := range r.Processes {
		pids = append(pids, p.PID)
		if p.PID == 3 && (p.Exit == nil || p.Stdout == "") {
			t.Errorf("child: %+v", p)
		}
	}
	if len(pids) < 3 || r.Metrics == nil || r.Metrics.Ticks == 0 {
		t.Errorf("processes %v, metrics %+v", pids, r.Metrics)
	}

	resp, r = post(`{"files":[{"name":"bad.c","text":"int main() {\n  return x;\n}\n"}]}`)
	if resp.StatusCode != 200 || r.OK || r.Error == nil || r.Error.Code != "compile" || len(r.Error.Errors) == 0 || r.Error.Errors[0].Line != 2 {
		t.Errorf("compile error: %d %+v", resp.StatusCode, r.Error)
	}

	for _, tc := range []struct {
		body   string
		status int
		code   string
	}{
		{`{"files":[]}`, 400, "bad_request"},
		{`{"files":[{"name":"a.c","text":""}],"bogus":1}`, 400, "bad_request"},
		{`{"files":[{"name":"a.c","text":"` + strings.Repeat("x", 70<<10) + `"}]}`, 413, "too_large"},
		{`{"files":[{"name":"a.c","text":"int main(){return 0;}"}],"settings":{"sched":"nope"}}`, 400, "bad_request"},
	} {
		resp, r := post(tc.body)
		if resp.StatusCode != tc.status || r.Error == nil || r.Error.Code != tc.code {
			t.Errorf("%.50s: %d %+v, want %d %s", tc.body, resp.StatusCode, r.Error, tc.status, tc.code)
		}
	}
	if resp, err := http.Get(srv.URL + "/api/run"); err != nil || resp.StatusCode != 405 {
		t.Errorf("GET /api/run: %v %v", resp.StatusCode, err)
	}
}

func TestRunWaitsForInputIsReported(t *testing.T) {
	src := "#include <stdio.h>\nint main() { char b[9]; if (fgets(b, 9, stdin)) printf(\"got %s\", b); return 0; }"
	req := &RunRequest{Program: Program{Files: []File{{Name: "in.c", Text: src}}}}
	lim := Limits{}.WithDefaults()
	r := run(req, lim, nil, newJob(lim, nil, nil, nil))
	if !strings.Contains(r.Halt, "waits for input") || r.HaltCode != "input" {
		t.Errorf("without stdin: halt %q", r.Halt)
	}
	req.Stdin = "hello\n"
	r = run(req, lim, nil, newJob(lim, nil, nil, nil))
	if r.Stdout != "got hello\n" {
		t.Errorf("with stdin: %q (halt %q)", r.Stdout, r.Halt)
	}
}

// TestReadMessageReusesBuffer: a message read into the buffer of the one
// before holds only its own bytes, and reading stops at the limit.
func TestReadMessageReusesBuffer(t *testing.T) {
	buf := make([]byte, 0, 8)
	for _, tc := range []struct {
		in    string
		limit int64
		want  string
	}{
		{`{"op":"ack","seq":12345}`, 100, `{"op":"ack","seq":12345}`},
		{`{"op":"run"}`, 100, `{"op":"run"}`},
		{"", 100, ""},
		{strings.Repeat("x", 5000), 4097, strings.Repeat("x", 4097)},
		{`{"op":"pause"}`, 100, `{"op":"pause"}`},
	} {
		got, err := readMessage(strings.NewReader(tc.in), buf[:0], tc.limit)
		if err != nil || string(got) != tc.want {
			t.Fatalf("readMessage(%.20q, limit %d) = %.20q (%d bytes), %v; want %.20q (%d bytes)", tc.in, tc.limit, got, len(got), err, tc.want, len(tc.want))
		}
		buf = got
	}
}

// TestAckWakesSessionAtItsWindow: a running session that has sent as far
// as its window ahead of the client waits for an acknowledgement, and goes
// on when it comes (readLoop leaves other acknowledgements for serve to
// take at the next batch, but not this one).
func TestAckWakesSessionAtItsWindow(t *testing.T) {
	_, srv := server(t, Limits{MaxTicks: 1 << 50})
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": Program{Files: []File{{Name: "loop.c", Text: endlessLoop}}}})
	c.next()
	c.send(map[string]any{"op": "run"})
	var seq float64
	for got := 0; got < window; {
		m := c.next()
		if m["type"] == "batch" {
			seq = m["seq"].(float64)
			got++
		}
	}
	for round := range 20 {
		c.send(map[string]any{"op": "ack", "seq": seq})
		m := c.next() // fails after a few seconds if the session still waits
		if m["type"] != "batch" || m["seq"].(float64) != seq+1 {
			t.Fatalf("round %d: after the ack of batch %v came %v", round, seq, m)
		}
		seq++
	}
}
