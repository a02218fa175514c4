package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"testing"
	"time"
)

// serveOn starts s.serve on a loopback port and returns its address; the
// server stops at the end of the test.
func serveOn(t *testing.T, cfg Config) string {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	cfg.DataDir = t.TempDir()
	cfg.Examples = os.DirFS("../examples")
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

// A client that sends its body a byte a second (slowloris) holds neither
// a connection nor a handler past ReadTimeout.
func TestSlowBodyCutOff(t *testing.T) {
	const readTimeout = 300 * time.Millisecond
	addr := serveOn(t, Config{ReadTimeout: readTimeout})
	for _, path := range []string{"/api/run", "/api/shares", "/x/u/new"} {
		t.Run(path, func(t *testing.T) {
			// The server's clock starts when it accepts the connection:
			// ours starts before we dial, so that it never starts later.
			start := time.Now()
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			io.WriteString(conn, "POST "+path+" HTTP/1.1\r\nHost: "+addr+"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
			stop := make(chan struct{})
			defer close(stop)
			go func() {
				tick := time.NewTicker(time.Second)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						if _, err := conn.Write([]byte(" ")); err != nil {
							return
						}
					}
				}
			}()
			// The server may answer (400) before closing; read to the end.
			conn.SetReadDeadline(start.Add(readTimeout + 2*time.Second))
			_, err = io.Copy(io.Discard, conn)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("connection still open after %s (ReadTimeout %s)", time.Since(start), readTimeout)
			}
			if d := time.Since(start); d < readTimeout {
				t.Errorf("closed after %s, before ReadTimeout %s", d, readTimeout)
			}
		})
	}
}

func TestServerTimeoutDefaults(t *testing.T) {
	c := Config{}.withDefaults()
	if c.ReadTimeout <= 0 || c.IdleTimeout <= 0 {
		t.Errorf("read %s idle %s", c.ReadTimeout, c.IdleTimeout)
	}
	// POST /api/run answers within RunTimeout plus QueueWait; the write
	// deadline must leave room for both.
	if min := c.Limits.RunTimeout + c.Limits.QueueWait; c.WriteTimeout <= min || c.WriteTimeout <= c.RequestTimeout {
		t.Errorf("WriteTimeout %s is not above a run's %s and RequestTimeout %s", c.WriteTimeout, min, c.RequestTimeout)
	}
}
