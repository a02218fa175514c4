package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// contentSecurityPolicy allows only the server's own scripts, styles,
// images and WebSocket; no inline script runs. The editor mounts its style
// sheets with the request's nonce.
func contentSecurityPolicy(frameAncestors, nonce string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self' 'nonce-" + nonce + "'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

type nonceKey struct{}

// nonce is the request's CSP nonce.
func nonce(r *http.Request) string {
	n, _ := r.Context().Value(nonceKey{}).(string)
	return n
}

// embeddable reports whether the page at path is meant for other sites'
// iframes: the embedding pages and the shares. Every other page (the
// playground, the exercises, authoring, home) is framed by this site only,
// so that no other page can overlay it and trick a click (clickjacking).
func embeddable(path string) bool {
	return strings.HasPrefix(path, "/embed/") || strings.HasPrefix(path, "/s/")
}

// frameOptions is the X-Frame-Options that says what frame-ancestors
// says, for browsers that know only the older header; "" where it cannot
// (a list of sites, or any site), since a stricter one would override
// the policy in those browsers.
func frameOptions(frameAncestors string) string {
	switch strings.TrimSpace(frameAncestors) {
	case "'self'":
		return "SAMEORIGIN"
	case "'none'":
		return "DENY"
	}
	return ""
}

// securityHeaders sets the Content-Security-Policy, with a fresh nonce per
// request, and its companions. frameAncestors applies to the embeddable
// pages; the others are 'self'.
func securityHeaders(frameAncestors string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var b [16]byte
			rand.Read(b[:])
			n := base64.StdEncoding.EncodeToString(b[:])
			r = r.WithContext(context.WithValue(r.Context(), nonceKey{}, n))
			ancestors := "'self'"
			if embeddable(r.URL.Path) {
				ancestors = frameAncestors
			}
			h := w.Header()
			h.Set("Content-Security-Policy", contentSecurityPolicy(ancestors, n))
			if xfo := frameOptions(ancestors); xfo != "" {
				h.Set("X-Frame-Options", xfo)
			}
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
			h.Set("Cross-Origin-Resource-Policy", "same-origin")
			next.ServeHTTP(w, r)
		})
	}
}

// logRequests logs every request with its status, size and duration.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		level := slog.LevelInfo
		if ww.Status() >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request",
			"method", r.Method, "path", r.URL.Path, "status", ww.Status(), "bytes", ww.BytesWritten(),
			"duration", time.Since(start).Round(time.Microsecond), "request_id", middleware.GetReqID(r.Context()),
			"remote", r.RemoteAddr)
	})
}

// recoverPanics turns a panic in a handler into a 500 and a log entry.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()),
					"request_id", middleware.GetReqID(r.Context()))
				http.Error(w, "internal error: the server logged it", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
