package api

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// Origin is the origin (scheme://host) a request was sent to: https when
// it came over TLS or, behind a trusted proxy, when the proxy says so in
// X-Forwarded-Proto.
func Origin(r *http.Request, trustProxy bool) string {
	scheme := "http"
	if r.TLS != nil || (trustProxy && strings.EqualFold(firstValue(r.Header.Get("X-Forwarded-Proto")), "https")) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// firstValue is the first of a proxy header's comma-separated values (the
// one the proxy nearest the client wrote).
func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.TrimSpace(v)
}

// SameOrigin reports whether from, an Origin header or a Referer, names
// the site the request r was sent to: the same scheme, host and port. An
// opaque origin ("null": a sandboxed frame, a file) names no site.
func SameOrigin(from string, r *http.Request, trustProxy bool) bool {
	u, err := url.Parse(from)
	if err != nil || u.Host == "" {
		return false
	}
	self, err := url.Parse(Origin(r, trustProxy))
	if err != nil {
		return false
	}
	return strings.EqualFold(u.Scheme, self.Scheme) && strings.EqualFold(hostPort(u), hostPort(self))
}

// hostPort is u's host with its port, the scheme's default when absent,
// so that https://a and https://a:443 are one origin.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443"}[strings.ToLower(u.Scheme)]
	}
	return net.JoinHostPort(u.Hostname(), port)
}
