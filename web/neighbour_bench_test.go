package web

// The neighbour benchmark: L sessions run an endless loop at the highest
// speed (a new run whenever one reaches the tick limit) while one more
// session, the neighbour, steps a small program one tick at a time. It
// reports how long the neighbour waits for the answer to each step, from
// sending the command to reading the batch, against a server in a child
// process. With -loopers 0 it is the unloaded figure.
//
//	go test ./web -run '^$' -bench NeighbourSteps -benchtime 1x -loopers 20 -steps 400

import (
	"bytes"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

var (
	loopers = flag.Int("loopers", 20, "neighbour benchmark: sessions running an endless loop")
	steps   = flag.Int("steps", 400, "neighbour benchmark: steps the neighbour takes")
)

const endlessLoop = "int main(void) { for (;;) ; }\n"

// smallProgram is the neighbour's: it forks, prints and waits, for ever.
const smallProgram = `#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	for (int n = 0;; n++) {
		if (fork() == 0) {
			printf("child %d\n", n);
			return 0;
		}
		wait(NULL);
	}
}
`

func loadMessage(name, text string) []byte {
	return fmt.Appendf(nil, `{"op":"load","program":{"files":[{"name":%q,"text":%q}]}}`, name, text)
}

// loop keeps a session running an endless loop at the highest speed until
// stop is closed, acking every batch and starting again when a run ends.
func loop(conn *websocket.Conn, stop <-chan struct{}) {
	conn.WriteMessage(websocket.TextMessage, loadMessage("loop.c", endlessLoop))
	conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"speed","ticks":1000000,"interval":33}`))
	conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"run"}`))
	for {
		select {
		case <-stop:
			return
		default:
		}
		_, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if !bytes.HasPrefix(data, []byte(`{"type":"batch"`)) {
			continue
		}
		seq := number(data, `"seq":`, false)
		conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"ack","seq":`+strconv.FormatInt(seq, 10)+`}`))
		if bytes.Contains(data, []byte(`"status":"done"`)) {
			conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"run"}`))
		}
	}
}

// neighbourSteps steps the small program n times and returns how long each
// step took to be answered.
func neighbourSteps(conn *websocket.Conn, n int) ([]time.Duration, error) {
	conn.WriteMessage(websocket.TextMessage, loadMessage("small.c", smallProgram))
	c := &loadClient{conn: conn}
	if err := c.waitBatch(); err != nil {
		return nil, err
	}
	var out []time.Duration
	for range n {
		start := time.Now()
		conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"step","by":"tick"}`))
		if err := c.waitBatch(); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}

func BenchmarkNeighbourSteps(b *testing.B) {
	for i := 0; i < b.N; i++ {
		neighbourOnce(b, *loopers, *steps)
	}
}

func neighbourOnce(b *testing.B, loopers, steps int) {
	addr, stopServer := startServerProcess(b)
	defer stopServer()
	dial := func() *websocket.Conn {
		conn, _, err := websocket.DefaultDialer.Dial("ws://"+addr+"/api/ws", nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := conn.ReadMessage(); err != nil { // hello
			b.Fatal(err)
		}
		return conn
	}
	stop := make(chan struct{})
	for range loopers {
		conn := dial()
		defer conn.Close()
		go loop(conn, stop)
	}
	neighbour := dial()
	defer neighbour.Close()
	// Let the loopers reach full speed before measuring.
	time.Sleep(time.Second)
	b.ResetTimer()
	lat, err := neighbourSteps(neighbour, steps)
	b.StopTimer()
	close(stop)
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(float64(loopers), "loopers")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
}
