package web

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"osplay/api/store"
)

// Embedding: /embed/x/{slug}, /embed/x/u/{id} and /embed/s/{id} are the
// exercise and share pages without the site's header and footer, for an
// iframe in a course site. They tell the embedding page what happens with
// postMessage (static/js/embed.js):
//
//	{type: "osplay:ready", slug | share, url}      the page is ready
//	{type: "osplay:run", status, tick}             a run started or ended
//	{type: "osplay:checks", slug, passed, score, total, checks: [{id, title, passed, message}]}
//
// The embedding page may send {type: "osplay:check"} to press Check.
// Who may embed these pages and the shares (/s/) is the Content-Security-
// Policy's frame-ancestors (Config.FrameAncestors); every other page may be
// framed only by this site (middleware.go).
// GET /oembed answers oEmbed (rich type) for the pages' addresses.

func (s *Server) embedExercise(w http.ResponseWriter, r *http.Request) {
	s.showExercise(w, r, exerciseSlug(r), true)
}

func (s *Server) embedShare(w http.ResponseWriter, r *http.Request) {
	s.showShare(w, r, chi.URLParam(r, "id"), true)
}

// oEmbed sizes of the iframe, in CSS pixels.
const (
	embedWidth  = 1000
	embedHeight = 800
)

// oembedResponse is an oEmbed answer of type rich.
type oembedResponse struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// oembed is GET /oembed?url=…&format=json[&maxwidth=…&maxheight=…].
func (s *Server) oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		refuse(w, http.StatusNotImplemented, "format", "only format=json is served")
		return
	}
	u, err := url.Parse(q.Get("url"))
	if err != nil || q.Get("url") == "" {
		refuse(w, http.StatusBadRequest, "bad_url", "url= must be the address of an exercise or a shared program")
		return
	}
	if u.Host != "" && u.Host != r.Host {
		refuse(w, http.StatusNotFound, "not_found", "the address is not on this server")
		return
	}
	path := strings.TrimPrefix(u.Path, "/embed")
	lang := u.Query().Get("lang")
	var title, embedPath string
	switch {
	case strings.HasPrefix(path, "/x/"):
		slug := strings.TrimPrefix(path, "/x/")
		x, err := s.exerciseBySlug(r, slug)
		if err != nil {
			s.oembedMissing(w, r, err)
			return
		}
		if lang == "" {
			lang = acceptLanguage(r.Header.Get("Accept-Language"))
		}
		title, embedPath = x.Title.In(lang), "/embed/x/"+x.Slug
	case strings.HasPrefix(path, "/s/"):
		id := strings.TrimPrefix(path, "/s/")
		if _, err := s.share(r, id); err != nil {
			s.oembedMissing(w, r, err)
			return
		}
		title, embedPath = "osplay: "+id, "/embed/s/"+id
	default:
		refuse(w, http.StatusNotFound, "not_found", "only exercises (/x/…) and shared programs (/s/…) can be embedded")
		return
	}
	width, height := embedWidth, embedHeight
	if n, err := strconv.Atoi(q.Get("maxwidth")); err == nil && n > 0 && n < width {
		width = n
	}
	if n, err := strconv.Atoi(q.Get("maxheight")); err == nil && n > 0 && n < height {
		height = n
	}
	src := s.origin(r) + embedPath
	if u.RawQuery != "" {
		src += "?" + u.RawQuery
	}
	writeJSON(w, http.StatusOK, oembedResponse{Version: "1.0", Type: "rich", Title: title, ProviderName: "osplay",
		ProviderURL: s.origin(r) + "/", HTML: iframeHTML(src, title, width, height), Width: width, Height: height})
}

func (s *Server) oembedMissing(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		refuse(w, http.StatusNotFound, "not_found", "no such exercise or shared program")
		return
	}
	s.log.Error("oembed", "err", err)
	refuse(w, http.StatusInternalServerError, "store", "the page could not be read; try again")
}

// iframeHTML is the snippet that embeds src.
func iframeHTML(src, title string, width, height int) string {
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" style="border:1px solid #d0d7de;border-radius:8px;max-width:100%%" loading="lazy" allow="clipboard-write"></iframe>`,
		html.EscapeString(src), html.EscapeString(title), width, height)
}
