package web

import (
	"context"
	"errors"
	"net/http"
	"osplay/kernel/explore"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"osplay/api"
	"osplay/api/store"
	"osplay/kernel"
	"osplay/kernel/sched"
	"osplay/templates"
)

// page is the data every page needs.
func (s *Server) page(w http.ResponseWriter, r *http.Request, active, titleKey string) templates.Page {
	lang := language(w, r)
	q := r.URL.Query()
	q.Del("lang")
	return templates.Page{Lang: lang, Title: templates.T(lang, titleKey), Active: active, Path: r.URL.Path,
		Query: q, Assets: s.assets.version}
}

// render writes a page with a status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Vary", "Accept-Language, Cookie")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if err := c.Render(r.Context(), w); err != nil && r.Context().Err() == nil {
		s.log.Error("render", "path", r.URL.Path, "err", err)
	}
}

// cards are the examples as the pages list them, in the page's language.
func (s *Server) cards(lang string) []templates.ExampleCard {
	out := make([]templates.ExampleCard, 0, len(s.examples))
	for _, e := range s.examples {
		c := templates.ExampleCard{Name: e.Name, Title: e.Title, Source: e.Source, Summary: e.English,
			Args: strings.Join(e.Argv, " ")}
		if lang == "ko" && e.Korean != "" {
			c.Summary = e.Korean
		}
		if lang == "ko" && e.TitleKo != "" {
			c.Title = e.TitleKo
		}
		if lang == "ko" && e.SourceKo != "" {
			c.Source = e.SourceKo
		}
		if c.Summary == "" {
			c.Summary = templates.T(lang, "example.noDesc")
		}
		for _, f := range e.Files {
			c.Files = append(c.Files, f.Name)
		}
		out = append(out, c)
	}
	return out
}

func (s *Server) example(name string) (api.Example, bool) {
	for _, e := range s.examples {
		if e.Name == name {
			return e, true
		}
	}
	return api.Example{}, false
}

// home is the front page.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "home", "site.tagline")
	s.render(w, r, http.StatusOK, templates.Home(p, s.cards(p.Lang)))
}

// boot is what the playground's scripts start from.
type boot struct {
	Lang    string            `json:"lang"`
	Strings map[string]string `json:"strings"`
	// Texts is the kernel's catalogue in the page's language: the page
	// renders every cause, reason, fault and limit from it
	// (static/js/kerneltext.js).
	Texts      map[string]api.Template `json:"texts"`
	Example    *api.Example            `json:"example,omitempty"`
	Settings   api.Settings            `json:"settings"`
	Speed      int64                   `json:"speed,omitempty"`
	Socket     string                  `json:"socket"`
	Nonce      string                  `json:"nonce"` // for the editor's style sheets (CSP)
	Schedulers []string                `json:"schedulers"`
	MaxCPUs    int                     `json:"maxCPUs"`
	// A workload (jobs without code) or an OSTEP problem to run instead of
	// C files (compare.go).
	Workload string        `json:"workload,omitempty"`
	OSTEP    *api.OSTEPRef `json:"ostep,omitempty"`
	// Predict turns on the prediction mode (?predict=1, an exercise's
	// predict: true).
	Predict bool `json:"predict,omitempty"`
}

// play is the playground, opening ?example=NAME or the program in the
// address's #code= (read by the page's script).
func (s *Server) play(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "play", "play.title")
	q := r.URL.Query()
	b := boot{Lang: p.Lang, Strings: templates.Strings(p.Lang), Texts: api.TextTable(p.Lang), Socket: "/api/ws", Nonce: nonce(r), Schedulers: sched.Names(),
		MaxCPUs: kernel.MaxCPUs, Settings: settingsFrom(q)}
	b.Speed, _ = strconv.ParseInt(q.Get("speed"), 10, 64)
	b.Predict = q.Get("predict") == "1" || q.Get("predict") == "true"
	wd, done := s.openWorkload(w, r, p, &b)
	if done {
		return
	}
	selected := q.Get("example")
	if selected != "" {
		e, ok := s.example(selected)
		if !ok {
			p.Title = templates.T(p.Lang, "notfound.title")
			s.render(w, r, http.StatusNotFound, templates.NotFound(p, templates.T(p.Lang, "notfound.example"), s.cards(p.Lang)))
			return
		}
		b.Example = &e
	}
	d := templates.PlayData{Examples: s.cards(p.Lang), Selected: selected, MaxCPUs: kernel.MaxCPUs, Boot: b}
	d.Workload = wd
	d.Schedulers, d.SchedOptions = schedulerOptions(p.Lang, b.Settings.Sched)
	s.render(w, r, http.StatusOK, templates.Play(p, d))
}

// settingsFrom reads machine settings from the address, as an instructor
// fixes them in a link: ?sched=rr&quantum=2&cpus=2&seed=1&ctxswitch=1&childfirst=1&monitor=mesa,
// and &races=1 (the race detector), &schedule=3@9:4 (a schedule the
// explorer found).
// Values out of range are left out; the server checks them again at load.
func settingsFrom(q map[string][]string) api.Settings {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	num := func(k string, lo, hi int64) int64 {
		n, err := strconv.ParseInt(get(k), 10, 64)
		if err != nil || n < lo || n > hi {
			return 0
		}
		return n
	}
	st := api.Settings{Quantum: num("quantum", 1, 1_000_000), CPUs: int(num("cpus", 1, kernel.MaxCPUs)),
		Seed: num("seed", -1<<62, 1<<62), CtxSwitch: num("ctxswitch", 0, 1_000_000),
		ChildFirst:       get("childfirst") == "1" || get("childfirst") == "true",
		Multiprogramming: int(num("multiprogramming", 0, 1000)), Resident: int(num("resident", 0, 1000))}
	if v := get("monitor"); v == kernel.MonitorHoare || v == kernel.MonitorMesa {
		st.Monitor = v
	}
	st.Races = get("races") == "1" || get("races") == "true"
	if v := get("schedule"); v != "" && len(v) <= 16<<10 {
		if _, err := explore.ParseSchedule(v); err == nil {
			st.Schedule = v
		}
	}
	if v := get("sched"); v != "" && len(v) <= 200 {
		if _, _, err := sched.ParseSpec(v); err == nil {
			st.Sched = v
		}
	}
	return st
}

// notFound is the page for an unknown address.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/static/") {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	p := s.page(w, r, "", "notfound.title")
	s.render(w, r, http.StatusNotFound, templates.NotFound(p, r.URL.Path, s.cards(p.Lang)))
}

// exampleList is GET /api/examples: the lecture programs, with sources.
func (s *Server) exampleList(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.examples)
}

// exampleOne is GET /api/examples/{name}.
func (s *Server) exampleOne(w http.ResponseWriter, r *http.Request) {
	e, ok := s.example(chi.URLParam(r, "name"))
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such example"})
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// health is GET /healthz.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "sessions": s.api.Sessions()})
}

// ready is GET /readyz: 200 when the server should be sent new visitors,
// 503 with the reason's code while it warms up, shuts down, is full, or
// cannot reach its database.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	if ok, code := s.api.Ready(); !ok {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unready", "code": code})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.store.Share(ctx, "readyz"); err != nil && !errors.Is(err, store.ErrNotFound) {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unready", "code": "store"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "sessions": s.api.Sessions()})
}

// schedulerOptions lists the policies for the settings drawer, with the
// one spec names selected, and returns the spec's options (after ':').
func schedulerOptions(lang, spec string) ([]templates.Option, string) {
	policy, options, _ := strings.Cut(spec, ":")
	if policy == "" {
		policy = kernel.DefaultSched
	}
	var opts []templates.Option
	for _, name := range sched.Names() {
		label := templates.T(lang, "sched."+name)
		if label == "sched."+name {
			label = strings.ToUpper(name)
		}
		opts = append(opts, templates.Option{Value: name, Label: label, Selected: name == policy})
	}
	return opts, options
}
