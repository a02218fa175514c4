package web

import (
	"net/http"

	"osplay/api"
	"osplay/templates"
)

// refuseEarly answers a request the middleware turns away before its
// handler (another site's request, too many requests) with the error
// body its endpoint's clients read: POST /api/run and /api/check answer
// {"error": {"type", "code", "message"}}, whose code the page words itself
// (templates' "err."+code); the other endpoints answer {"error": code,
// "message"}, whose message the page shows, in the visitor's language.
func refuseEarly(w http.ResponseWriter, r *http.Request, status int, code string) {
	msg := templates.T(acceptLanguage(r.Header.Get("Accept-Language")), "err."+code)
	switch r.URL.Path {
	case "/api/run", "/api/check":
		writeJSON(w, status, api.RunResponse{Error: &api.Error{Type: "error", Code: code, Message: msg}})
	case "/api/explore":
		writeJSON(w, status, api.Error{Type: "error", Code: code, Message: msg})
	default:
		refuse(w, status, code, msg)
	}
}
