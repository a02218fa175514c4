// Package web assembles osplay's HTTP server: the chi router and its
// middleware, the pages (rendered with templates), the embedded static
// files, health and metrics, and the API's handlers mounted under /api.
// It owns no simulation: sessions and runs belong to package api.
package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"osplay/api"
	"osplay/api/store"
)

// Config configures the server. The zero value of a field means its default.
type Config struct {
	Addr     string       // address to listen on (":8080")
	Logger   *slog.Logger // structured log (slog.Default())
	Limits   api.Limits   // per-session and per-client limits
	Examples fs.FS        // the lecture programs: one folder per program, as examples/

	// TrustProxy takes the client's address from X-Forwarded-For or
	// X-Real-IP, for the per-address session cap behind a reverse proxy.
	// Leave it off when clients connect directly: they could forge it.
	TrustProxy bool
	// FrameAncestors is the Content-Security-Policy's frame-ancestors: who
	// may embed the pages in an iframe ("*": any course site).
	FrameAncestors string
	// RequestTimeout bounds pages and POST /api/run (30 s); WebSocket
	// sessions have their own limits.
	RequestTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included (20 s), so
	// that a client trickling its body a byte at a time cannot hold a
	// connection and a handler. WriteTimeout bounds a request from the end
	// of its headers to the end of its answer (RequestTimeout + 10 s): it
	// must outlast POST /api/run, which may wait for a worker and then run.
	// WebSockets escape both: the upgrade clears the connection's deadlines
	// and the session sets its own (api.Limits.PongWait, WriteWait).
	// IdleTimeout closes a kept-alive connection with no request (2 min).
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
	// ShutdownTimeout is how long a graceful shutdown waits (10 s).
	ShutdownTimeout time.Duration
	// StaticDir, if set, serves the static files from that folder instead
	// of the embedded copy, read afresh at every request (development).
	StaticDir string
	// DataDir holds the SQLite database of shares and authored exercises
	// ($OSPLAY_DATA, else ./data). DatabaseURL, if set, is a PostgreSQL
	// URL used instead, for several replicas.
	DataDir     string
	DatabaseURL string
	// MemoryLimit is the memory the process may use, in bytes: the
	// server refuses new sessions and runs near it, and Serve sets the Go
	// runtime's soft limit (GOMEMLIMIT) to 90% of it. 0: the container's
	// limit (cgroup), if any (memlimit.go).
	MemoryLimit uint64
	// Rates bound how often one client address may run, check, share and
	// save an authored exercise (ratelimit.go).
	Rates Rates
	// ProgramCache bounds, in bytes, the compiled programs kept for reuse
	// (kernel.SetProgramCacheBudget); 0: the kernel's default.
	ProgramCache int64
}

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.FrameAncestors == "" {
		c.FrameAncestors = "*"
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = 20 * time.Second
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = c.RequestTimeout + 10*time.Second
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = 2 * time.Minute
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 10 * time.Second
	}
	if c.DataDir == "" {
		c.DataDir = os.Getenv("OSPLAY_DATA")
	}
	if c.DataDir == "" {
		c.DataDir = "data"
	}
	c.Limits = c.Limits.WithDefaults()
	c.Rates = c.Rates.withDefaults()
	return c
}

// Server is osplay's HTTP handler with its API and metrics.
type Server struct {
	cfg      Config
	log      *slog.Logger
	api      *api.API
	registry *prometheus.Registry
	examples []api.Example
	assets   *assets
	handler  http.Handler
	store    store.Store // shares and authored exercises

	// Per-address rates of the requests that cost work or storage.
	runs, checks, shares, authoring *rateLimiter
	metrics                         *api.Metrics
}

// New builds the server's handler; it does not listen.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, log: cfg.Logger, registry: prometheus.NewRegistry()}
	s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.metrics = api.NewMetrics(s.registry)
	s.api = api.New(api.Options{Limits: cfg.Limits, Metrics: s.metrics, Log: cfg.Logger,
		MemoryBudget: cfg.MemoryLimit, TrustProxy: cfg.TrustProxy})
	var err error
	if s.examples, err = api.LoadExamples(cfg.Examples); err != nil {
		return nil, fmt.Errorf("examples: %w", err)
	}
	if s.assets, err = newAssets(cfg.StaticDir); err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	if err := s.openStore(); err != nil {
		return nil, err
	}
	s.runs, s.checks = newRateLimiter(cfg.Rates.Runs), newRateLimiter(cfg.Rates.Checks)
	s.shares, s.authoring = newRateLimiter(cfg.Rates.Shares), newRateLimiter(cfg.Rates.Authoring)
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close ends every WebSocket session, telling each the server is going
// away, and waits for them until ctx is done; then it closes the store.
func (s *Server) Close(ctx context.Context) error {
	err := s.api.Close(ctx)
	if cerr := s.store.Close(); err == nil {
		err = cerr
	}
	return err
}

// API is the server's API (sessions, limits).
func (s *Server) API() *api.API { return s.api }

// Serve listens on cfg.Addr and serves until ctx is done, then shuts down
// gracefully: no new connections, requests in progress finish, every
// WebSocket session is told the server is going away.
func Serve(ctx context.Context, cfg Config) error {
	source := applyMemory(&cfg)
	s, err := New(cfg)
	if err != nil {
		return err
	}
	cfg = s.cfg
	s.log.Info("memory budget", "bytes", cfg.MemoryLimit, "from", source, "gomemlimit", debug.SetMemoryLimit(-1))
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	return s.serve(ctx, ln)
}

// serve serves on ln until ctx is done.
func (s *Server) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: min(10*time.Second, s.cfg.ReadTimeout),
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	go api.Warm(s.log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("osplay listening", "addr", ln.Addr().String(), "url", "http://"+displayAddr(ln.Addr())+"/play")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if cerr := s.Close(sctx); err == nil {
		err = cerr
	}
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
	}
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
