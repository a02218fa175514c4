package web

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"osplay/api"
	"osplay/api/store"
	"osplay/exercises"
	"osplay/kernel"
	"osplay/kernel/sched"
	"osplay/templates"
)

// Exercises live at /x/{slug} (built in) and /x/u/{id} (authored in the
// browser); "u" can never be a slug (3 letters at least), so the two
// never collide. An exercise's slug as the pages use it is the part after
// /x/: "nfork-children" or "u/k2v…".

// authoredPrefix starts the slug of an authored exercise.
const authoredPrefix = "u/"

// exerciseBySlug finds a built-in or authored exercise. A missing one is
// store.ErrNotFound.
func (s *Server) exerciseBySlug(r *http.Request, slug string) (*exercises.Exercise, error) {
	if id, ok := strings.CutPrefix(slug, authoredPrefix); ok {
		x, _, err := s.authoredExercise(r, id)
		return x, err
	}
	if x := exercises.Get(slug); x != nil {
		return x, nil
	}
	return nil, store.ErrNotFound
}

// authoredExercise reads an authored exercise from the store and parses
// it; its slug becomes "u/ID".
func (s *Server) authoredExercise(r *http.Request, id string) (*exercises.Exercise, store.Authored, error) {
	if !validID(id) {
		return nil, store.Authored{}, store.ErrNotFound
	}
	a, err := s.store.Exercise(r.Context(), id)
	if err != nil {
		return nil, a, err
	}
	x, err := exercises.Parse("u/"+id+".md", []byte(a.Source))
	if err != nil {
		return nil, a, fmt.Errorf("authored exercise %s: %w", id, err)
	}
	x.Slug = authoredPrefix + id
	return x, a, nil
}

// validID reports whether id could be a store id (of a share or an
// authored exercise): a few letters, digits, - and _.
func validID(id string) bool {
	if len(id) < 4 || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// origin is the server's address as the visitor reached it, for links
// that leave the page (shares, embeds, oEmbed).
func (s *Server) origin(r *http.Request) string { return api.Origin(r, s.cfg.TrustProxy) }

// exerciseList is GET /api/exercises: the built-in exercises.
func (s *Server) exerciseList(w http.ResponseWriter, r *http.Request) {
	list, _ := exercises.Load()
	o := s.origin(r)
	out := make([]api.ExerciseEntry, 0, len(list))
	for _, x := range list {
		e := api.ExerciseEntry{Slug: x.Slug, Kind: string(x.Kind), Topic: x.Topic, Slides: x.Slides,
			URL: o + "/x/" + x.Slug, Embed: o + "/embed/x/" + x.Slug}
		e.Title.Ko, e.Title.En = x.Title.Ko, x.Title.En
		out = append(out, e)
	}
	writeJSON(w, http.StatusOK, out)
}

// exerciseJSON is GET /api/exercises/{slug}: the student's page of an
// exercise as JSON, in ?lang=.
func (s *Server) exerciseJSON(w http.ResponseWriter, r *http.Request) {
	x, err := s.exerciseBySlug(r, exerciseSlug(r))
	if err != nil {
		s.refuseExercise(w, r, err, exercises.Lang(r.URL.Query().Get("lang")))
		return
	}
	writeJSON(w, http.StatusOK, x.Render(r.URL.Query().Get("lang")))
}

// exerciseSlug is the {slug} of a route, or "u/{id}" for an authored one.
func exerciseSlug(r *http.Request) string {
	if id := chi.URLParam(r, "id"); id != "" {
		return authoredPrefix + id
	}
	return chi.URLParam(r, "slug")
}

// exerciseCheck is POST /api/exercises/{slug}/check: the student's files
// and answers are evaluated on a fresh machine with the exercise's own
// settings, as a headless run of the API: a place among its workers, turns
// on the CPU share, a deadline.
func (s *Server) exerciseCheck(w http.ResponseWriter, r *http.Request) {
	var req api.ExerciseCheck
	lang := exercises.Lang(acceptLanguage(r.Header.Get("Accept-Language")))
	if !s.decodeBody(w, r, api.MaxCheckBody, &req, lang) {
		return
	}
	if req.Lang != "" {
		lang = exercises.Lang(req.Lang)
	}
	x, err := s.exerciseBySlug(r, exerciseSlug(r))
	if err != nil {
		s.refuseExercise(w, r, err, lang)
		return
	}
	if len(req.Files) > exercises.MaxFiles {
		refuse(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("too many files: %d (at most %d)", len(req.Files), exercises.MaxFiles))
		return
	}
	files := map[string]string{}
	for _, f := range req.Files {
		files[f.Name] = f.Text
	}
	job, no := s.api.StartJob(r.Context())
	if no != nil {
		no.Write(w, api.Refusal{Error: no.Code, Message: templates.T(lang, refusalKey(no.Code))})
		return
	}
	report := func() exercises.Report {
		defer job.Done()
		// A check that searches schedules ends with the request, and by
		// the job's deadline, if not sooner at its own limit.
		ctx, cancel := context.WithDeadline(r.Context(), job.Deadline())
		defer cancel()
		return x.EvaluateContext(ctx, job.Drive, files, req.Answers, lang)
	}()
	if !req.Reveal {
		for i := range report.Checks {
			report.Checks[i].Expected = ""
		}
	}
	writeJSON(w, http.StatusOK, report)
}

// refusalKey is the message of a refused headless run, by its code.
func refusalKey(code string) string {
	if code == "server_full" {
		return "err.server_full"
	}
	return "x.busy"
}

// decodeBody reads a JSON body of at most limit bytes into v; on failure
// it answers 413 or 400 and returns false.
func (s *Server) decodeBody(w http.ResponseWriter, r *http.Request, limit int64, v any, lang string) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			refuse(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request is larger than %d bytes", limit))
			return false
		}
		refuse(w, http.StatusBadRequest, "bad_request", "the request is not valid JSON: "+err.Error())
		return false
	}
	return true
}

// refuse answers an API request with an error.
func refuse(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, api.Refusal{Error: code, Message: msg})
}

// refuseExercise answers an API request for an exercise that could not be
// read.
func (s *Server) refuseExercise(w http.ResponseWriter, r *http.Request, err error, lang string) {
	if errors.Is(err, store.ErrNotFound) {
		refuse(w, http.StatusNotFound, "not_found", "no such exercise")
		return
	}
	s.log.Error("exercise", "path", r.URL.Path, "err", err)
	refuse(w, http.StatusInternalServerError, "broken", templates.T(lang, "x.broken"))
}

// exerciseIndex is /x: the built-in exercises by topic.
func (s *Server) exerciseIndex(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "exercises", "x.indexTitle")
	s.render(w, r, http.StatusOK, templates.ExerciseIndex(p, exerciseGroups(p.Lang)))
}

func exerciseGroups(lang string) []templates.ExerciseGroup {
	list, _ := exercises.Load()
	var groups []templates.ExerciseGroup
	for _, topic := range exercises.Topics {
		g := templates.ExerciseGroup{Key: topic.Key, Title: topic.Title.In(lang), Slides: topic.Slides}
		for _, x := range list {
			if x.Topic != topic.Key {
				continue
			}
			kind := templates.T(lang, "x.kindExercise")
			if x.Kind == exercises.KindObservation {
				kind = templates.T(lang, "x.kindObservation")
			}
			g.Items = append(g.Items, templates.ExerciseItem{Slug: x.Slug, Title: x.Title.In(lang), Kind: kind,
				Slides: strings.Join(x.Slides, ", "), URL: "/x/" + x.Slug})
		}
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// exercisePage is /x/{slug} and /x/u/{id}: the exercise above the
// playground, its starter files in the editor.
func (s *Server) exercisePage(w http.ResponseWriter, r *http.Request) {
	s.showExercise(w, r, exerciseSlug(r), false)
}

// showExercise renders an exercise's page, embedded or not.
func (s *Server) showExercise(w http.ResponseWriter, r *http.Request, slug string, embedded bool) {
	x, err := s.exerciseBySlug(r, slug)
	if err != nil {
		s.exerciseMissing(w, r, err)
		return
	}
	s.renderExercise(w, r, x, exerciseView{embedded: embedded})
}

// exerciseMissing is the page for an exercise that is not there (404) or
// cannot be read (500).
func (s *Server) exerciseMissing(w http.ResponseWriter, r *http.Request, err error) {
	p := s.page(w, r, "", "notfound.title")
	status, msg := http.StatusNotFound, templates.T(p.Lang, "x.notFound")
	if !errors.Is(err, store.ErrNotFound) {
		s.log.Error("exercise", "path", r.URL.Path, "err", err)
		status, msg = http.StatusInternalServerError, templates.T(p.Lang, "x.broken")
	}
	s.render(w, r, status, templates.NotFound(p, msg, nil))
}

// exerciseView says how an exercise's page is shown.
type exerciseView struct {
	embedded bool
	snapshot *store.Snapshot // a shared attempt: its program instead of the starter
}

// programBoot is the program the playground opens, as play.js reads
// boot.example.
type programBoot struct {
	Name  string     `json:"name"`
	Files []api.File `json:"files"`
	Main  string     `json:"main"`
	Argv  []string   `json:"argv"`
	Stdin string     `json:"stdin,omitempty"`
}

// pageBoot is the playground's start-up data with a program of its own.
type pageBoot struct {
	boot
	Example *programBoot `json:"example,omitempty"`
}

// exerciseBoot is what exercise.js starts from.
type exerciseBoot struct {
	Slug     string   `json:"slug"`
	Lang     string   `json:"lang"`
	CheckURL string   `json:"checkURL"`
	URL      string   `json:"url"`
	Embed    string   `json:"embed"`
	Title    string   `json:"title"`
	Locked   []string `json:"locked,omitempty"`
	Views    []string `json:"views,omitempty"`
	Embedded bool     `json:"embedded,omitempty"`
	Hints    int      `json:"hints"`
	// Predictions are the questions of the predict checks, which the
	// page asks when the run reaches their ticks: without answers.
	Predictions []bootPrediction `json:"predictions,omitempty"`
}

// bootPrediction is a prediction of check Check, the Index-th of it.
type bootPrediction struct {
	Check string `json:"check"`
	Index int    `json:"index"`
	exercises.PredictionView
}

// predictionsOf lists the page's predictions, by tick.
func predictionsOf(page exercises.Page) []bootPrediction {
	var out []bootPrediction
	for _, c := range page.Checks {
		for i, p := range c.Predictions {
			out = append(out, bootPrediction{Check: c.ID, Index: i, PredictionView: p})
		}
	}
	slices.SortStableFunc(out, func(a, b bootPrediction) int { return cmp.Compare(a.Tick, b.Tick) })
	return out
}

func (s *Server) renderExercise(w http.ResponseWriter, r *http.Request, x *exercises.Exercise, v exerciseView) {
	active := "exercises"
	if v.embedded {
		active = "embed"
	}
	p := s.page(w, r, active, "x.index")
	page := x.Render(p.Lang)
	p.Title = page.Title
	o := s.origin(r)
	d := templates.ExerciseData{Page: page, URL: o + "/x/" + x.Slug, EmbedURL: o + "/embed/x/" + x.Slug,
		Embedded: v.embedded, Authored: strings.HasPrefix(x.Slug, authoredPrefix)}
	p.OEmbed = o + "/oembed?format=json&url=" + url.QueryEscape(d.URL)

	// The address's settings, over the exercise's own.
	q := map[string]string{}
	for k, vs := range r.URL.Query() {
		if len(vs) > 0 {
			q[k] = vs[0]
		}
	}
	run, ignored, err := x.Run.WithOverrides(q)
	if err != nil {
		d.Notices = append(d.Notices, strings.ReplaceAll(templates.T(p.Lang, "x.badSetting"), "{err}", err.Error()))
	}
	if len(ignored) > 0 {
		d.Notices = append(d.Notices, strings.ReplaceAll(templates.T(p.Lang, "x.lockedIgnored"), "{names}", strings.Join(ignored, ", ")))
	}
	settings := api.Settings{Sched: run.Sched, Quantum: run.Quantum, CPUs: run.CPUs, Seed: run.Seed,
		CtxSwitch: run.CtxSwitch, ChildFirst: run.ChildFirst, Monitor: run.Monitor}
	prog := &programBoot{Name: x.Slug, Main: page.Main, Argv: run.Argv, Stdin: run.Stdin}
	for _, f := range page.Files {
		prog.Files = append(prog.Files, api.File{Name: f.Name, Text: f.Text})
	}
	if sn := v.snapshot; sn != nil {
		prog.Files = prog.Files[:0]
		for _, f := range sn.Files {
			prog.Files = append(prog.Files, api.File{Name: f.Name, Text: f.Text})
		}
		prog.Main, prog.Argv, prog.Stdin = sn.Main, sn.Argv, sn.Stdin
		settings = snapshotSettings(sn.Settings)
		d.Notices = append(d.Notices, templates.T(p.Lang, "x.fromShare"))
	}
	views := page.Views
	if vq := r.URL.Query().Get("view"); vq != "" {
		views = nil
		for _, name := range strings.Split(vq, ",") {
			if slices.Contains(exercises.Views, name) {
				views = append(views, name)
			}
		}
	}
	var locked []string
	for _, name := range exercises.Settings {
		if run.IsLocked(name) {
			locked = append(locked, name)
		}
	}
	d.Boot = exerciseBoot{Slug: x.Slug, Lang: p.Lang, CheckURL: "/api/exercises/" + x.Slug + "/check", URL: d.URL,
		Embed: d.EmbedURL, Title: page.Title, Locked: locked, Views: views, Embedded: v.embedded, Hints: len(page.Hints),
		Predictions: predictionsOf(page)}
	s.renderPlay(w, r, p, prog, settings, x.Predict || r.URL.Query().Get("predict") == "1", templates.ExerciseAside(p, d))
}

// renderPlay renders the playground with a program of its own and an
// aside above it.
func (s *Server) renderPlay(w http.ResponseWriter, r *http.Request, p templates.Page, prog *programBoot, st api.Settings, predict bool, aside templ.Component) {
	b := pageBoot{boot: boot{Lang: p.Lang, Strings: templates.Strings(p.Lang), Texts: api.TextTable(p.Lang), Socket: "/api/ws", Nonce: nonce(r),
		Schedulers: sched.Names(), MaxCPUs: kernel.MaxCPUs, Settings: st, Predict: predict}, Example: prog}
	d := templates.PlayData{Examples: s.cards(p.Lang), MaxCPUs: kernel.MaxCPUs, Boot: b, Aside: aside}
	d.Schedulers, d.SchedOptions = schedulerOptions(p.Lang, st.Sched)
	s.render(w, r, http.StatusOK, templates.Play(p, d))
}

// snapshotSettings are a snapshot's settings as the playground's.
func snapshotSettings(st store.Settings) api.Settings {
	return api.Settings{Sched: st.Sched, Quantum: st.Quantum, CPUs: st.CPUs, Seed: st.Seed,
		CtxSwitch: st.CtxSwitch, ChildFirst: st.ChildFirst, Monitor: st.Monitor,
		Multiprogramming: st.Multiprogramming, Resident: st.Resident, Races: st.Races, Schedule: st.Schedule}
}
