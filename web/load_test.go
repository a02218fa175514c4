package web

// The load benchmark: N WebSocket sessions over loopback, each running a
// two-process program continuously at the default speed, against a server
// in a child process (so that its memory is its own). Every session presses
// Run at the same moment. It reports the time from Run to the first batch
// with events, the batch latency (from when a batch was due to when the
// client has it), and the server's memory: per idle and per loaded
// session, while running, and 10 s after every session has left.
//
//	go test ./web -run '^$' -bench PlaygroundSessions -benchtime 1x -sessions 1000 -load-duration 20s

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"osplay/api"
	"osplay/internal/loadprog"
)

var (
	loadSessions = flag.Int("sessions", 1000, "load benchmark: concurrent WebSocket sessions")
	loadDuration = flag.Duration("load-duration", 15*time.Second, "load benchmark: how long the sessions run")
	hostileEvery = flag.Int("hostile-every", 0, "load benchmark: every Nth session runs a hostile program at full speed (0: none)")
	loadDeltas   = flag.Bool("deltas", true, "load benchmark: the sessions take state deltas (protocol 1.6), as the page does")
)

// hostilePrograms are what a careless or hostile student runs, at full
// speed: an endless loop, a fork bomb, a tree of processes touching all
// the memory they may, and endless library calls over megabytes. The
// sessions that run them are left out of the latency figures.
var hostilePrograms = []string{
	"int main(void) { for (;;) ; }\n",
	"#include <unistd.h>\nint main(void) { for (;;) fork(); }\n",
	"#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\nint main(void) { for (int i = 0; i < 31; i++) if (fork() == 0) break; for (;;) { char *p = malloc(64 << 20); if (p) memset(p, 1, 64 << 20); } }\n",
	"#include <stdlib.h>\n#include <string.h>\nint main(void) { char *p = malloc(32 << 20); for (;;) memset(p, 1, 32 << 20); }\n",
}

// serveForBenchmark is the child process: a server on a loopback port,
// which it prints, serving until its standard input closes.
func serveForBenchmark() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s, err := New(Config{Logger: slog.New(slog.DiscardHandler), DataDir: os.TempDir() + "/osplay-bench",
		Limits: api.Limits{SessionsPerIP: 1 << 20, MaxSessions: 1 << 20, Idle: time.Hour}})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { io.Copy(io.Discard, os.Stdin); cancel() }()
	// $OSPLAY_BENCH_CPUPROFILE: where the server writes its CPU profile.
	if name := os.Getenv("OSPLAY_BENCH_CPUPROFILE"); name != "" {
		if f, err := os.Create(name); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	fmt.Println("listening", ln.Addr().String())
	s.serve(ctx, ln)
}

func init() {
	if os.Getenv("OSPLAY_BENCH_SERVER") == "1" {
		serveForBenchmark()
		os.Exit(0)
	}
}

// startServerProcess runs this test binary as the benchmark's server.
func startServerProcess(b *testing.B) (addr string, stop func()) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "OSPLAY_BENCH_SERVER=1")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "listening ") {
		b.Fatalf("server: %q %v", line, err)
	}
	return strings.TrimSpace(strings.TrimPrefix(line, "listening ")), func() {
		stdin.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	}
}

// serverMemory reads the server's resident memory and Go heap in use.
func serverMemory(b *testing.B, addr string) (rss, heap float64) {
	rss, heap, _ = serverFigures(b, addr)
	return rss, heap
}

// serverFigures reads the server's resident memory, Go heap in use and
// CPU time used so far (seconds).
func serverFigures(b *testing.B, addr string) (rss, heap, cpu float64) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		v, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "process_resident_memory_bytes":
			rss = v
		case "go_memstats_heap_inuse_bytes":
			heap = v
		case "process_cpu_seconds_total":
			cpu = v
		}
	}
	return rss, heap, cpu
}

// loadClient is one session of the benchmark.
type loadClient struct {
	conn      *websocket.Conn
	hostile   bool
	latencies []time.Duration
	batches   int
	ran       time.Time     // when Run was sent
	first     time.Duration // from Run to the first batch with events (0: none came)
	tick      int64         // the machine's tick in the last batch
	buf       []byte        // the last message read
}

// read reads the next message into the client's buffer, which it reuses:
// the clients share the machine with the server, and must cost it little.
func (c *loadClient) read() ([]byte, error) {
	_, r, err := c.conn.NextReader()
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(c.buf[:0])
	_, err = buf.ReadFrom(r)
	c.buf = buf.Bytes()
	return c.buf, err
}

// ownCPU is the CPU time this process (the load's clients) has used, in
// seconds.
func ownCPU() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// number reads the integer after key in a message, without decoding the
// whole message: the client must not compete with the server for the CPU.
func number(data []byte, key string, last bool) int64 {
	i := bytes.Index(data, []byte(key))
	if last {
		i = bytes.LastIndex(data, []byte(key))
	}
	if i < 0 {
		return -1
	}
	rest := data[i+len(key):]
	j := bytes.IndexAny(rest, ",}")
	n, _ := strconv.ParseInt(string(rest[:j]), 10, 64)
	return n
}

// stateTick reads the state's tick, the first field of a delta or not.
func stateTick(data []byte) int64 {
	i := bytes.Index(data, []byte(`"state":{`))
	if i < 0 {
		return -1
	}
	return number(data[i:], `"tick":`, false)
}

// waitBatch reads until a batch comes.
func (c *loadClient) waitBatch() error {
	for {
		data, err := c.read()
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte(`{"type":"batch"`)) {
			return nil
		}
		if bytes.HasPrefix(data, []byte(`{"type":"error"`)) {
			return fmt.Errorf("%s", data)
		}
	}
}

// run reads batches until the deadline, acking each.
func (c *loadClient) run(until time.Time) error {
	c.conn.SetReadDeadline(until)
	var ack []byte
	for {
		data, err := c.read()
		if err != nil {
			if time.Now().After(until.Add(-10 * time.Millisecond)) {
				return nil
			}
			return err
		}
		now := time.Now()
		if !bytes.HasPrefix(data, []byte(`{"type":"batch"`)) {
			continue
		}
		c.batches++
		if c.first == 0 && !bytes.Contains(data, []byte(`"events":[]`)) {
			c.first = now.Sub(c.ran)
		}
		if sent := number(data, `"sent":`, true); sent > 0 {
			c.latencies = append(c.latencies, now.Sub(time.UnixMicro(sent)))
		}
		if t := stateTick(data); t > c.tick {
			c.tick = t
		}
		seq := number(data, `"seq":`, false)
		ack = append(strconv.AppendInt(append(ack[:0], `{"op":"ack","seq":`...), seq, 10), '}')
		if err := c.conn.WriteMessage(websocket.TextMessage, ack); err != nil {
			return err
		}
	}
}

func BenchmarkPlaygroundSessions(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loadOnce(b, *loadSessions, *loadDuration)
	}
}

func loadOnce(b *testing.B, n int, d time.Duration) {
	addr, stop := startServerProcess(b)
	defer stop()
	time.Sleep(300 * time.Millisecond) // the C library compiles at start
	rss0, heap0 := serverMemory(b, addr)

	// Connect, a few at a time.
	clients := make([]*loadClient, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	errs := make(chan error, n)
	dialer := websocket.Dialer{HandshakeTimeout: 30 * time.Second, ReadBufferSize: 4096, WriteBufferSize: 256}
	for i := range clients {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			conn, _, err := dialer.Dial("ws://"+addr+"/api/ws", nil)
			if err != nil {
				errs <- err
				return
			}
			c := &loadClient{conn: conn}
			if _, err := c.read(); err != nil { // hello
				errs <- err
				return
			}
			if *loadDeltas {
				if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"delta"}`)); err != nil {
					errs <- err
					return
				}
			}
			clients[i] = c
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatalf("connect: %v", err)
	}
	defer func() {
		for _, c := range clients {
			c.conn.Close()
		}
	}()
	time.Sleep(500 * time.Millisecond)
	rss1, heap1 := serverMemory(b, addr)

	// Load the program in every session: idle sessions with a machine.
	load := fmt.Sprintf(`{"op":"load","program":{"files":[{"name":"two.c","text":%q}]}}`, loadprog.TwoProcesses)
	hostiles := 0
	for i, c := range clients {
		msg := load
		if *hostileEvery > 0 && i%*hostileEvery == *hostileEvery-1 {
			c.hostile = true
			msg = fmt.Sprintf(`{"op":"load","program":{"files":[{"name":"h.c","text":%q}]}}`, hostilePrograms[hostiles%len(hostilePrograms)])
			hostiles++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c.hostile {
				c.conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"speed","ticks":1000000,"interval":33}`))
			}
			c.conn.WriteMessage(websocket.TextMessage, []byte(msg))
			if err := c.waitBatch(); err != nil {
				b.Errorf("load: %v", err)
			}
		}()
	}
	wg.Wait()
	time.Sleep(500 * time.Millisecond)
	rss2, heap2, cpu2 := serverFigures(b, addr)
	client2 := ownCPU()

	// Run them all at the default speed, every session pressing Run at
	// the same moment.
	b.ResetTimer()
	until := time.Now().Add(d)
	start := make(chan struct{})
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c.ran = time.Now()
			c.conn.WriteMessage(websocket.TextMessage, []byte(`{"op":"run"}`))
			if err := c.run(until); err != nil {
				b.Errorf("run: %v", err)
			}
		}()
	}
	time.Sleep(100 * time.Millisecond) // every goroutine waits at start
	close(start)
	wg.Wait()
	b.StopTimer()
	rss3, _, cpu3 := serverFigures(b, addr)
	client3 := ownCPU()

	// Every session leaves: how much memory the server gives back within
	// 10 s.
	for _, c := range clients {
		c.conn.Close()
	}
	time.Sleep(10 * time.Second)
	rss4, heap4 := serverMemory(b, addr)

	var all, firsts []time.Duration
	batches, silent, ticks := 0, 0, int64(0)
	for _, c := range clients {
		if c.hostile {
			continue
		}
		all = append(all, c.latencies...)
		batches += c.batches
		ticks += c.tick
		if c.first > 0 {
			firsts = append(firsts, c.first)
		} else {
			silent++
		}
	}
	others := n - hostiles
	if silent > 0 {
		b.Errorf("%d sessions had no event after Run", silent)
	}
	slices.Sort(all)
	slices.Sort(firsts)
	pctOf := func(all []time.Duration, p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		return float64(all[min(len(all)-1, int(p*float64(len(all))))]) / float64(time.Millisecond)
	}
	pct := func(p float64) float64 { return pctOf(all, p) }
	mib := float64(1 << 20)
	b.ReportMetric(float64(n), "sessions")
	b.ReportMetric(float64(hostiles), "hostile-sessions")
	b.ReportMetric(float64(batches)/d.Seconds(), "batches/s")
	b.ReportMetric(float64(batches)/d.Seconds()/float64(others), "batches/s/session")
	b.ReportMetric(float64(ticks)/d.Seconds()/float64(others), "ticks/s/session")
	// The server's CPU while the sessions run, per session and second of
	// running (on a shared machine a steadier figure than the latencies).
	b.ReportMetric((cpu3-cpu2)*1000/d.Seconds()/float64(n), "server-cpu-ms/session-s")
	b.ReportMetric((client3-client2)*1000/d.Seconds()/float64(n), "client-cpu-ms/session-s")
	b.ReportMetric(pctOf(firsts, 0.50), "run-first-p50-ms")
	b.ReportMetric(pctOf(firsts, 0.99), "run-first-p99-ms")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
	b.ReportMetric((rss1-rss0)/float64(n)/mib, "MiB-rss/idle-session")
	b.ReportMetric((heap1-heap0)/float64(n)/mib, "MiB-heap/idle-session")
	b.ReportMetric((rss2-rss0)/float64(n)/mib, "MiB-rss/loaded-session")
	b.ReportMetric((heap2-heap0)/float64(n)/mib, "MiB-heap/loaded-session")
	b.ReportMetric(rss0/mib, "MiB-rss-start")
	b.ReportMetric(rss3/mib, "MiB-rss-running")
	b.ReportMetric(rss4/mib, "MiB-rss-after-10s")
	b.ReportMetric(heap4/mib, "MiB-heap-after-10s")
}
