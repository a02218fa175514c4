package web

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5"

	"osplay/api"
)

// A replica for the scale-out test: this test binary run again as a
// server on a loopback port, with the PostgreSQL of OSPLAY_REPLICA_DB,
// printing its address and serving until killed.
func init() {
	if os.Getenv("OSPLAY_REPLICA") != "1" {
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s, err := New(Config{Logger: slog.New(slog.DiscardHandler), DatabaseURL: os.Getenv("OSPLAY_REPLICA_DB"),
		Limits: api.Limits{Idle: time.Hour}})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("listening", ln.Addr().String())
	s.serve(context.Background(), ln)
	os.Exit(0)
}

// postgresForReplicas returns the URL of a reachable PostgreSQL, or skips
// the test; under CI (CI=true, .ci/run starts PostgreSQL) it fails instead.
func postgresForReplicas(t *testing.T) string {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, url)
		if err == nil {
			conn.Close(context.Background())
			return url
		}
		t.Fatalf("DATABASE_URL is set but PostgreSQL does not answer: %v", err)
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("PostgreSQL is not available (DATABASE_URL is empty); .ci/run starts one")
	}
	t.Skip("the scale-out test needs PostgreSQL: set DATABASE_URL")
	return ""
}

// startReplica starts a server process sharing the database at url; kill
// ends it at once, as a machine or a container that dies.
func startReplica(t *testing.T, url string) (addr string, kill func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "OSPLAY_REPLICA=1", "OSPLAY_REPLICA_DB="+url)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	kill = func() {
		cmd.Process.Kill()
		cmd.Wait()
	}
	t.Cleanup(kill)
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "listening ") {
		t.Fatalf("replica: %q %v", line, err)
	}
	go io.Copy(io.Discard, stdout)
	return strings.TrimSpace(strings.TrimPrefix(line, "listening ")), kill
}

// replicaSource reads a line, forks, and both processes compute and print
// for a while.
const replicaSource = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main() {
	char line[64];
	if (!fgets(line, sizeof line, stdin)) return 1;
	int pid = fork();
	int sum = 0;
	for (int i = 0; i < 1500; i++) {
		sum += i;
		if (i % 300 == 0) printf("%d %d %s", getpid(), i, line);
	}
	if (pid > 0) { wait(0); printf("sum %d\n", sum); }
	return 0;
}
`

var replicaProgram = api.Program{Files: []api.File{{Name: "replica.c", Text: replicaSource}}}

// pageClient speaks the page's protocol (static/js/play.js): it keeps the
// program it loaded, the input log as batches tell it, the last snapshot
// and the events, and resumes with them after the connection drops.
type pageClient struct {
	t      *testing.T
	conn   *websocket.Conn
	log    []api.LoggedInput
	state  api.Snapshot
	events map[int64]api.Event
}

func (p *pageClient) dial(addr string) {
	p.t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial("ws://"+addr+"/api/ws", nil)
	if err != nil {
		p.t.Fatalf("dial %s: %v", addr, err)
	}
	p.conn = conn
	p.t.Cleanup(func() { conn.Close() })
	if typ, _ := p.read(); typ != "hello" {
		p.t.Fatalf("first message %q, want hello", typ)
	}
}

func (p *pageClient) send(v any) {
	p.t.Helper()
	if err := p.conn.WriteJSON(v); err != nil {
		p.t.Fatalf("send: %v", err)
	}
}

// read reads one message, keeps what a batch says and acks it; an error
// message fails the test. It returns "" when the connection dropped.
func (p *pageClient) read() (typ string, err error) {
	p.t.Helper()
	p.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, raw, err := p.conn.ReadMessage()
	if err != nil {
		return "", err
	}
	var head struct{ Type string }
	json.Unmarshal(raw, &head)
	switch head.Type {
	case "error":
		p.t.Fatalf("error: %s", raw)
	case "batch":
		var b api.Batch
		json.Unmarshal(raw, &b)
		if b.Dropped+b.Skipped > 0 {
			p.t.Fatalf("batch %d left events out", b.Seq)
		}
		for _, e := range b.Events {
			if _, dup := p.events[e.N]; dup {
				p.t.Fatalf("event %d sent twice", e.N)
			}
			p.events[e.N] = e
		}
		p.state = b.State
		if b.Log != nil {
			p.log = append(p.log[:b.Log.From], b.Log.Inputs...)
		}
		p.conn.WriteJSON(map[string]any{"op": "ack", "seq": b.Seq})
	}
	return head.Type, nil
}

// until reads until a batch's state satisfies ok, or the connection drops
// (it then reports false).
func (p *pageClient) until(ok func(api.Snapshot) bool) bool {
	p.t.Helper()
	for range 100000 {
		typ, err := p.read()
		if err != nil {
			return false
		}
		if typ == "batch" && ok(p.state) {
			return true
		}
	}
	p.t.Fatal("the state never came")
	return false
}

// start loads the program, types a line when it asks, and runs it.
func (p *pageClient) start() {
	p.send(map[string]any{"op": "speed", "ticks": 1000, "interval": 33})
	p.send(map[string]any{"op": "load", "program": replicaProgram})
	p.until(func(api.Snapshot) bool { return true })
	// Steps stop at the same tick in every run, a running machine may
	// idle a few ticks more or less before the line comes: step to where
	// the program waits, so that the line is typed at the same tick.
	for p.state.Status != api.StatusInput {
		p.send(map[string]any{"op": "step", "by": "event"})
		p.until(func(api.Snapshot) bool { return true })
	}
	p.send(map[string]any{"op": "input", "data": "hello\n"})
	p.send(map[string]any{"op": "run"})
}

// stream is the events in order, numbered without a gap, and their hash.
func (p *pageClient) stream() (n int, hash string) {
	p.t.Helper()
	h := sha256.New()
	for i := range int64(len(p.events)) {
		e, ok := p.events[i]
		if !ok {
			p.t.Fatalf("event %d of %d missing", i, len(p.events))
		}
		data, _ := json.Marshal(e)
		h.Write(data)
	}
	return len(p.events), hex.EncodeToString(h.Sum(nil))
}

func TestReplicaDiesAndThePageResumesOnAnother(t *testing.T) {
	url := postgresForReplicas(t)
	first, killFirst := startReplica(t, url)
	second, _ := startReplica(t, url)

	// The stream of an uninterrupted run, as the reference.
	whole := &pageClient{t: t, events: map[int64]api.Event{}}
	whole.dial(first)
	whole.start()
	whole.until(func(st api.Snapshot) bool { return st.Status == api.StatusDone })
	wantN, wantHash := whole.stream()
	whole.conn.Close()

	// A share made on the first replica is found on the second: they share
	// the database.
	resp, err := http.Post("http://"+first+"/api/shares", "application/json",
		strings.NewReader(`{"files":[{"name":"a.c","text":"int main() { return 0; }"}],"settings":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	var share api.ShareResponse
	json.NewDecoder(resp.Body).Decode(&share)
	resp.Body.Close()

	// The same run; its replica dies in the middle of it.
	page := &pageClient{t: t, events: map[int64]api.Event{}}
	page.dial(first)
	page.start()
	page.until(func(st api.Snapshot) bool { return st.Events > int64(wantN)/2 })
	killFirst()
	for page.until(func(api.Snapshot) bool { return false }) {
	}
	kept, cutTick := len(page.events), page.state.Tick

	// The page reconnects (the load balancer sends it to the second
	// replica) and resumes from what it kept.
	page.dial(second)
	page.send(map[string]any{"op": "resume", "program": replicaProgram, "inputs": page.log,
		"tick": page.state.Tick, "events": page.state.Events, "horizon": page.state.Horizon,
		"speed": page.state.Speed, "running": page.state.Running})
	if !page.until(func(st api.Snapshot) bool { return st.Status == api.StatusDone }) {
		t.Fatal("the second replica dropped the connection")
	}
	gotN, gotHash := page.stream()
	if kept == 0 || kept >= gotN {
		t.Fatalf("%d of %d events before the replica died: not in the middle", kept, gotN)
	}
	if gotN != wantN || gotHash != wantHash {
		for i := range int64(min(gotN, wantN)) {
			if g, w := fmt.Sprint(page.events[i]), fmt.Sprint(whole.events[i]); g != w {
				t.Errorf("first difference, event %d (%d kept before the cut, resumed at tick %d):\n%s\n%s", i, kept, cutTick, g, w)
				break
			}
		}
		t.Errorf("resumed stream: %d events, hash %s; uninterrupted: %d, %s", gotN, gotHash, wantN, wantHash)
	}
	if page.state.Tick != whole.state.Tick {
		t.Errorf("ended at tick %d, want %d", page.state.Tick, whole.state.Tick)
	}

	resp, err = http.Get("http://" + second + "/api/shares/" + share.ID)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if share.ID == "" || resp.StatusCode != http.StatusOK {
		t.Errorf("share %q made on the first replica: %d on the second", share.ID, resp.StatusCode)
	}
}
