package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"sync"

	"github.com/gorilla/websocket"

	"osplay/kernel/sched"
)

// Options configure the API.
type Options struct {
	Limits  Limits
	Metrics *Metrics     // nil: count nothing
	Log     *slog.Logger // nil: log nothing
	// MemoryBudget is the memory the whole process may use, in bytes;
	// new sessions and runs are refused near it (memory.go). 0: no budget.
	MemoryBudget uint64
	// TrustProxy believes a reverse proxy's X-Forwarded-Proto when telling
	// a page of this site from another (origin.go).
	TrustProxy bool
}

// API serves POST /api/run and the playground's WebSocket. It counts the
// open sessions, in all and per client address, and closes them all on
// Close.
type API struct {
	lim     Limits
	metrics *Metrics
	log     *slog.Logger
	up      websocket.Upgrader

	trustProxy bool

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	cpu     *cpuShare    // every machine computes on it
	workers *workerPool  // headless runs
	memory  memoryBudget // the process's

	mu    sync.Mutex
	byIP  map[string]int
	total int

	release releaser // memory given back when many sessions leave
}

// New makes the API.
func New(o Options) *API {
	a := &API{lim: o.Limits.WithDefaults(), metrics: o.Metrics, log: o.Log, byIP: map[string]int{},
		trustProxy: o.TrustProxy}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	a.cpu = newCPUShare(a.lim.CPUSlots, a.lim.CPUSlice)
	a.workers = newWorkerPool(a.lim.Workers, a.lim.RunQueue, a.lim.QueueWait)
	a.memory.limit.Store(o.MemoryBudget)
	a.metrics.observe(a)
	a.ctx, a.cancel = context.WithCancel(context.Background())
	a.up = websocket.Upgrader{
		ReadBufferSize:  1024,
		WriteBufferSize: 4096,
		WriteBufferPool: &sync.Pool{},
		CheckOrigin:     a.sameOrigin,
		Error:           refuse,
	}
	return a
}

// Limits are the limits in force.
func (a *API) Limits() Limits { return a.lim }

// Close ends every session (each is told the server is shutting down) and
// waits for them, or for ctx.
func (a *API) Close(ctx context.Context) error {
	// Under the lock admit takes: a session is either counted in wg
	// before the shutdown, or refused after it, so no wg.Add races the
	// Wait below.
	a.mu.Lock()
	a.cancel()
	a.mu.Unlock()
	done := make(chan struct{})
	go func() { a.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Sessions is the number of open WebSocket sessions.
func (a *API) Sessions() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.total
}

// admit counts a new session from ip, or says why it may not open; the
// session counts in wg until release.
func (a *API) admit(ip string) (release func(), code, msg string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.ctx.Err() != nil {
		return nil, "shutdown", shutdownMessage
	}
	if a.total >= a.lim.MaxSessions {
		return nil, codeServerFull, "the server is full; try again in a few minutes"
	}
	if a.memory.full() {
		return nil, codeServerFull, serverFullMessage()
	}
	if a.byIP[ip] >= a.lim.SessionsPerIP {
		return nil, "too_many_sessions", "too many playground tabs are open from your address: close some and reload this one"
	}
	a.total++
	a.byIP[ip]++
	a.release.opened(a.total)
	a.wg.Add(1) // Close waits for the session
	once := sync.Once{}
	return func() {
		once.Do(func() {
			a.mu.Lock()
			a.total--
			if a.byIP[ip]--; a.byIP[ip] <= 0 {
				delete(a.byIP, ip)
			}
			a.release.closed(a.total)
			a.mu.Unlock()
			a.wg.Done()
		})
	}, "", ""
}

// clientIP is the address of the client (web's middleware has already
// put a trusted proxy's X-Forwarded-For into RemoteAddr when configured).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func newID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// schedulers lists the scheduling policies a program may choose.
func schedulers() []string { return sched.Names() }

// shutdownMessage tells a page why its connection closes with code 4004:
// the page reconnects by itself and resumes where it was.
const shutdownMessage = "the server is restarting: reconnecting to resume where you were"
