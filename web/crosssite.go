package web

import (
	"mime"
	"net/http"

	"osplay/api"
)

// refuseCrossSite turns away a state-changing request (a run, a check, a
// share, an authored exercise) that another site's page sent in the
// visitor's name (cross-site request forgery). A browser names the page
// that sent a request in Origin (or, failing that, Referer): it must be a
// page of this site, an embedded one included, since /embed/ pages are
// ours inside the iframe. A request that names no page comes from a
// program (curl, the CLI), and is served only as JSON: a page of another
// site can send text/plain or a form without asking, but not JSON, which
// the browser first asks this server about (CORS preflight), and this
// server answers no CORS.
func (s *Server) refuseCrossSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		from := r.Header.Get("Origin")
		if from == "" {
			from = r.Header.Get("Referer")
		}
		if from != "" && api.SameOrigin(from, r, s.cfg.TrustProxy) || from == "" && isJSON(r) {
			next.ServeHTTP(w, r)
			return
		}
		s.log.Warn("cross-site request refused", "method", r.Method, "path", r.URL.Path, "origin", from,
			"content_type", r.Header.Get("Content-Type"))
		refuseEarly(w, r, http.StatusForbidden, "cross_origin")
	})
}

// isJSON reports whether the request's body is declared JSON.
func isJSON(r *http.Request) bool {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && t == "application/json"
}
