package web

import (
	"errors"
	"net/http"
	"net/url"
	"osplay/kernel/explore"
	"strings"

	"github.com/go-chi/chi/v5"

	"osplay/api"
	"osplay/api/store"
	"osplay/templates"
)

// Shares are immutable, content-addressed snapshots of a program with its
// settings: POST /api/shares stores one and answers its id; /s/{id}
// reopens it (on its exercise's page when it was made on one), and
// /embed/s/{id} is the same for an iframe. The older links with the
// source in the address (/play#code=…) keep working: they need no store.

// shareCreate is POST /api/shares.
func (s *Server) shareCreate(w http.ResponseWriter, r *http.Request) {
	lang := acceptLanguage(r.Header.Get("Accept-Language"))
	var req api.ShareRequest
	if !s.decodeBody(w, r, api.MaxShareBody, &req, lang) {
		return
	}
	snap := store.Snapshot{Main: req.Main, Argv: req.Argv, Stdin: req.Stdin, Exercise: req.Exercise, View: req.View,
		Settings: store.Settings{Sched: req.Settings.Sched, Quantum: req.Settings.Quantum, CPUs: req.Settings.CPUs,
			Seed: req.Settings.Seed, CtxSwitch: req.Settings.CtxSwitch, ChildFirst: req.Settings.ChildFirst, Monitor: req.Settings.Monitor,
			Multiprogramming: req.Settings.Multiprogramming, Resident: req.Settings.Resident, Races: req.Settings.Races}}
	if sc := req.Settings.Schedule; sc != "" && len(sc) <= 16<<10 {
		if _, err := explore.ParseSchedule(sc); err == nil {
			snap.Settings.Schedule = sc
		}
	}
	for _, f := range req.Files {
		snap.Files = append(snap.Files, store.File{Name: f.Name, Text: f.Text})
	}
	if snap.Exercise != "" {
		if _, err := s.exerciseBySlug(r, snap.Exercise); err != nil {
			snap.Exercise = "" // shared from a page that is gone: keep the program
		}
	}
	id, err := s.store.PutShare(r.Context(), snap)
	switch {
	case errors.Is(err, store.ErrTooLarge):
		refuse(w, http.StatusRequestEntityTooLarge, "too_large", templates.T(lang, "share.tooLarge")+" ("+err.Error()+")")
		return
	case errors.Is(err, store.ErrInvalid):
		refuse(w, http.StatusBadRequest, "invalid", strings.ReplaceAll(templates.T(lang, "share.invalid"), "{msg}", err.Error()))
		return
	case err != nil:
		s.log.Error("share", "err", err)
		refuse(w, http.StatusInternalServerError, "store", "the snapshot could not be stored; try again")
		return
	}
	o := s.origin(r)
	writeJSON(w, http.StatusCreated, api.ShareResponse{ID: id, URL: o + "/s/" + id, Embed: o + "/embed/s/" + id})
}

// shareJSON is GET /api/shares/{id}: the snapshot.
func (s *Server) shareJSON(w http.ResponseWriter, r *http.Request) {
	snap, err := s.share(r, chi.URLParam(r, "id"))
	if errors.Is(err, store.ErrNotFound) {
		refuse(w, http.StatusNotFound, "not_found", "no such share")
		return
	}
	if err != nil {
		s.log.Error("share", "err", err)
		refuse(w, http.StatusInternalServerError, "store", "the snapshot could not be read; try again")
		return
	}
	writeJSON(w, http.StatusOK, snap)
}

func (s *Server) share(r *http.Request, id string) (store.Snapshot, error) {
	if !validID(id) {
		return store.Snapshot{}, store.ErrNotFound
	}
	return s.store.Share(r.Context(), id)
}

// sharePage is /s/{id}: the shared program and settings, in the
// playground or on its exercise's page.
func (s *Server) sharePage(w http.ResponseWriter, r *http.Request) {
	s.showShare(w, r, chi.URLParam(r, "id"), false)
}

func (s *Server) showShare(w http.ResponseWriter, r *http.Request, id string, embedded bool) {
	snap, err := s.share(r, id)
	if err != nil {
		active := "play"
		if embedded {
			active = "embed"
		}
		p := s.page(w, r, active, "notfound.title")
		status, msg := http.StatusNotFound, templates.T(p.Lang, "share.notFound")
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("share", "err", err)
			status, msg = http.StatusInternalServerError, "the snapshot could not be read; try again"
		}
		s.render(w, r, status, templates.NotFound(p, msg, s.cards(p.Lang)))
		return
	}
	if snap.Exercise != "" {
		if x, err := s.exerciseBySlug(r, snap.Exercise); err == nil {
			s.renderExercise(w, r, x, exerciseView{embedded: embedded, snapshot: &snap})
			return
		}
	}
	active := "play"
	if embedded {
		active = "embed"
	}
	p := s.page(w, r, active, "share.sharedTab")
	o := s.origin(r)
	p.OEmbed = o + "/oembed?format=json&url=" + url.QueryEscape(o+"/s/"+id)
	prog := &programBoot{Name: "s/" + id, Main: snap.Main, Argv: snap.Argv, Stdin: snap.Stdin}
	for _, f := range snap.Files {
		prog.Files = append(prog.Files, api.File{Name: f.Name, Text: f.Text})
	}
	var aside = templates.EmbedExtras(p, templates.EmbedData{Boot: embedBoot{Share: id, URL: o + "/s/" + id}})
	if !embedded {
		aside = nil
	}
	s.renderPlay(w, r, p, prog, snapshotSettings(snap.Settings), r.URL.Query().Get("predict") == "1", aside)
}

// embedBoot is what embed.js starts from.
type embedBoot struct {
	Slug  string `json:"slug,omitempty"`
	Share string `json:"share,omitempty"`
	URL   string `json:"url"` // the page outside the iframe
}
