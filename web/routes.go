package web

import (
	"net"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes is the server's map of addresses.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	if s.cfg.TrustProxy {
		r.Use(proxiedAddr)
	}
	r.Use(s.logRequests)
	r.Use(s.recoverPanics)
	r.Use(securityHeaders(s.cfg.FrameAncestors))
	// HEAD wherever GET: link checkers and monitors ask with HEAD.
	r.Use(middleware.GetHead)
	r.Use(s.refuseCrossSite)

	// The WebSocket is long-lived: no timeout, no compression.
	r.Get("/api/ws", s.api.ServeWS)

	r.Group(func(r chi.Router) {
		r.Use(middleware.Timeout(s.cfg.RequestTimeout))
		r.Use(middleware.Compress(5, "text/html", "text/css", "text/javascript", "application/javascript",
			"application/json", "image/svg+xml", "text/plain"))
		r.Get("/", s.home)
		r.Get("/play", s.play)
		r.Get("/static/*", s.assets.ServeHTTP)
		r.Get("/healthz", s.health)
		r.Get("/readyz", s.ready)
		r.Handle("/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
		r.With(s.limited(s.runs)).Post("/api/run", s.api.ServeRun)
		r.With(s.limited(s.runs)).Post("/api/explore", s.api.ServeExplore)
		r.With(s.limited(s.checks)).Post("/api/check", s.api.ServeCheck)
		r.Get("/api/texts", s.api.ServeTexts)
		r.Get("/api/examples", s.exampleList)
		r.Get("/api/examples/{name}", s.exampleOne)
		s.exerciseRoutes(r)
		r.NotFound(s.notFound)
		r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		})
	})
	return r
}

// proxiedAddr, behind a trusted proxy, takes the client's address from the
// last X-Forwarded-For entry, the one the proxy itself appended (the ones
// before it are the client's to write), or else from X-Real-IP.
func proxiedAddr(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := ""
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			ip = strings.TrimSpace(parts[len(parts)-1])
		} else {
			ip = strings.TrimSpace(r.Header.Get("X-Real-IP"))
		}
		if net.ParseIP(ip) != nil {
			r.RemoteAddr = net.JoinHostPort(ip, "0")
		}
		next.ServeHTTP(w, r)
	})
}
