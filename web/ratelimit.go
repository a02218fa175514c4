package web

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is how often one client address may ask for one kind of work: N
// requests every Per on average, Burst at once. The zero value means the
// default; N < 0 means no limit.
type Rate struct {
	N     int
	Per   time.Duration
	Burst int
}

// Rates are the per-address rates of the requests that cost the server
// work or storage. Each is generous for a class behind one address (a
// school's NAT) and stops a script looping on an endpoint.
type Rates struct {
	Runs      Rate // POST /api/run (2 a second, 20 at once)
	Checks    Rate // POST /api/check and the exercise checks (2 a second, 20 at once)
	Shares    Rate // POST /api/shares (1 a second, 10 at once)
	Authoring Rate // saving an authored exercise (10 a minute, 5 at once)
}

func (r Rate) withDefault(d Rate) Rate {
	if r.N == 0 {
		return d
	}
	if r.Per <= 0 {
		r.Per = time.Second
	}
	r.Burst = max(r.Burst, 1)
	return r
}

func (r Rates) withDefaults() Rates {
	r.Runs = r.Runs.withDefault(Rate{N: 2, Per: time.Second, Burst: 20})
	r.Checks = r.Checks.withDefault(Rate{N: 2, Per: time.Second, Burst: 20})
	r.Shares = r.Shares.withDefault(Rate{N: 1, Per: time.Second, Burst: 10})
	r.Authoring = r.Authoring.withDefault(Rate{N: 10, Per: time.Minute, Burst: 5})
	return r
}

// maxAddresses bounds the addresses a rateLimiter remembers at once.
const maxAddresses = 100_000

// rateLimiter holds one token bucket per client address. An address idle
// for longer than its bucket takes to refill is forgotten: a fresh bucket
// is the same as its full one. Memory stays bounded under a flood of
// addresses: idle ones are swept every refill period, and past
// maxAddresses an arbitrary one is dropped for each new one.
type rateLimiter struct {
	limit  rate.Limit
	burst  int
	refill time.Duration // an empty bucket's time to fill up
	max    int

	mu    sync.Mutex
	byIP  map[string]*bucket
	swept time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newRateLimiter makes the limiter of r; nil when r sets no limit.
func newRateLimiter(r Rate) *rateLimiter {
	if r.N < 0 {
		return nil
	}
	limit := rate.Limit(float64(r.N) / r.Per.Seconds())
	refill := time.Duration(float64(r.Burst) / float64(limit) * float64(time.Second))
	return &rateLimiter{limit: limit, burst: r.Burst, refill: max(refill, time.Second), max: maxAddresses,
		byIP: map[string]*bucket{}}
}

// wait is how long the address must wait before its request is served:
// 0 to serve it now, which takes a token.
func (l *rateLimiter) wait(ip string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) >= l.refill {
		l.sweep(now)
	}
	b := l.byIP[ip]
	if b == nil {
		if len(l.byIP) >= l.max {
			for k := range l.byIP { // Go picks one at random
				delete(l.byIP, k)
				break
			}
		}
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.byIP[ip] = b
	}
	b.seen = now
	res := b.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d
	}
	return 0
}

// sweep forgets the addresses idle for a whole refill period.
func (l *rateLimiter) sweep(now time.Time) {
	for ip, b := range l.byIP {
		if now.Sub(b.seen) >= l.refill {
			delete(l.byIP, ip)
		}
	}
	l.swept = now
}

// size is the number of addresses remembered.
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.byIP)
}

// rateKey is the client's address as the limits count it: the IPv4
// address, or the /64 of an IPv6 one, which one subscriber usually holds
// whole. RemoteAddr is the proxy's word when TrustProxy is on (the RealIP
// middleware has put it there).
func rateKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String()
	}
	return ip.String()
}

// limited refuses, with 429, Retry-After and the code rate_limited, the
// requests of an address past l's rate.
func (s *Server) limited(l *rateLimiter) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if l == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if d := l.wait(rateKey(r), time.Now()); d > 0 {
				w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
				s.metrics.Limit("rate_limited")
				refuseEarly(w, r, http.StatusTooManyRequests, "rate_limited")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
