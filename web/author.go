package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-chi/chi/v5"

	"osplay/api/store"
	"osplay/exercises"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/templates"
)

// Authoring: an instructor turns a program (a share made from the
// playground) into an exercise with a form — texts, starter code and
// reference program, settings, checks, hints — at /x/u/new?from={share}.
// The exercise is stored as the exercise format's Markdown (package
// exercises validates it exactly as a built-in one), its student page is
// /x/u/{id}, and /x/u/{id}/edit?token=… edits it: the secret token is the
// only key, there are no accounts.

// maxAuthorBody bounds the authoring form: eight files twice, the texts.
const maxAuthorBody = 2 << 20

// authorSlug is the slug written in an authored exercise's source; the
// page's slug is "u/" and its id.
const authorSlug = "authored"

// authorNew is GET /x/u/new?from={share}.
func (s *Server) authorNew(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "exercises", "author.title")
	f := templates.AuthorForm{Action: "/x/u/new", Topic: "fork", Locked: false}
	if id := r.URL.Query().Get("from"); id != "" {
		snap, err := s.share(r, id)
		if err != nil {
			s.exerciseMissing(w, r, err)
			return
		}
		f.From = id
		for _, file := range snap.Files {
			f.Files = append(f.Files, templates.AuthorFile{Name: file.Name, Starter: file.Text, Solution: file.Text})
		}
		f.Main, f.Argv, f.Stdin = snap.Main, strings.Join(snap.Argv, " "), snap.Stdin
		st := snap.Settings
		f.Sched = strings.SplitN(st.Sched, ":", 2)[0]
		f.Quantum, f.CPUs, f.Seed = numField(st.Quantum), numField(int64(st.CPUs)), numField(st.Seed)
	} else {
		f.Files = []templates.AuthorFile{{Name: "main.c", Starter: defaultAuthorProgram, Solution: defaultAuthorProgram}}
		f.Main = "main.c"
	}
	s.renderAuthor(w, r, p, http.StatusOK, f)
}

const defaultAuthorProgram = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	if (fork() == 0) {
		printf("child\n");
		return 0;
	}
	wait(NULL);
	printf("parent\n");
	return 0;
}
`

func numField(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// authorCreate is POST /x/u/new: validate, store, and show the addresses.
func (s *Server) authorCreate(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "exercises", "author.title")
	f, x, ok := s.readAuthorForm(w, r, p)
	if !ok {
		return
	}
	f.Action = "/x/u/new"
	if len(f.Errors) > 0 {
		s.renderAuthor(w, r, p, http.StatusUnprocessableEntity, f)
		return
	}
	a, err := s.store.CreateExercise(r.Context(), string(x.Markdown()))
	if err != nil {
		s.authorStoreError(w, r, p, f, err)
		return
	}
	http.Redirect(w, r, "/x/u/"+a.ID+"/edit?saved=1&token="+url.QueryEscape(a.Token), http.StatusSeeOther)
}

// authorEdit is GET /x/u/{id}/edit?token=…: the form, filled in.
func (s *Server) authorEdit(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "exercises", "author.title")
	id, token := chi.URLParam(r, "id"), r.URL.Query().Get("token")
	x, _, err := s.authoredExercise(r, id)
	if err != nil {
		s.exerciseMissing(w, r, err)
		return
	}
	if err := s.store.CheckToken(r.Context(), id, token); err != nil { // opening the form changes nothing
		s.authorForbidden(w, r, p, err)
		return
	}
	f := authorFormOf(x)
	f.Action, f.Token = "/x/u/"+id+"/edit", token
	if r.URL.Query().Get("saved") != "" {
		s.savedAddresses(r, &f, id, token)
	}
	s.renderAuthor(w, r, p, http.StatusOK, f)
}

// authorUpdate is POST /x/u/{id}/edit.
func (s *Server) authorUpdate(w http.ResponseWriter, r *http.Request) {
	p := s.page(w, r, "exercises", "author.title")
	id := chi.URLParam(r, "id")
	if !validID(id) {
		s.exerciseMissing(w, r, store.ErrNotFound)
		return
	}
	f, x, ok := s.readAuthorForm(w, r, p)
	if !ok {
		return
	}
	f.Action = "/x/u/" + id + "/edit"
	if len(f.Errors) > 0 {
		s.renderAuthor(w, r, p, http.StatusUnprocessableEntity, f)
		return
	}
	if _, err := s.store.UpdateExercise(r.Context(), id, f.Token, string(x.Markdown())); err != nil {
		if errors.Is(err, store.ErrForbidden) || errors.Is(err, store.ErrNotFound) {
			s.authorForbidden(w, r, p, err)
			return
		}
		s.authorStoreError(w, r, p, f, err)
		return
	}
	http.Redirect(w, r, "/x/u/"+id+"/edit?saved=1&token="+url.QueryEscape(f.Token), http.StatusSeeOther)
}

func (s *Server) savedAddresses(r *http.Request, f *templates.AuthorForm, id, token string) {
	o := s.origin(r)
	f.Saved = true
	f.URL = o + "/x/u/" + id
	f.EditURL = o + "/x/u/" + id + "/edit?token=" + url.QueryEscape(token)
}

func (s *Server) authorForbidden(w http.ResponseWriter, r *http.Request, p templates.Page, err error) {
	if errors.Is(err, store.ErrNotFound) {
		s.exerciseMissing(w, r, err)
		return
	}
	if !errors.Is(err, store.ErrForbidden) {
		s.exerciseMissing(w, r, err)
		return
	}
	p.Title = templates.T(p.Lang, "author.forbidden")
	s.render(w, r, http.StatusForbidden, templates.NotFound(p, templates.T(p.Lang, "author.forbidden"), nil))
}

func (s *Server) authorStoreError(w http.ResponseWriter, r *http.Request, p templates.Page, f templates.AuthorForm, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, store.ErrTooLarge):
		status = http.StatusRequestEntityTooLarge
	case errors.Is(err, store.ErrInvalid):
		status = http.StatusUnprocessableEntity
	default:
		s.log.Error("author", "err", err)
	}
	f.Errors = append(f.Errors, strings.ReplaceAll(templates.T(p.Lang, "author.invalid"), "{msg}", err.Error()))
	s.renderAuthor(w, r, p, status, f)
}

func (s *Server) renderAuthor(w http.ResponseWriter, r *http.Request, p templates.Page, status int, f templates.AuthorForm) {
	for _, t := range exercises.Topics {
		f.Topics = append(f.Topics, templates.Option{Value: t.Key, Label: t.Title.In(p.Lang), Selected: t.Key == f.Topic})
	}
	for _, name := range sched.Names() {
		label := templates.T(p.Lang, "sched."+name)
		if label == "sched."+name {
			label = strings.ToUpper(name)
		}
		f.Schedulers = append(f.Schedulers, templates.Option{Value: name, Label: label, Selected: name == f.Sched || f.Sched == "" && name == "rr"})
	}
	for len(f.Checks) < 4 || f.Checks[len(f.Checks)-1].Type != "" {
		f.Checks = append(f.Checks, templates.AuthorCheck{})
	}
	// The edit token is in the address: no other site may see it. Not
	// "no-referrer", under which the browser sends the form's POST with
	// Origin: null, which the cross-site check refuses (crosssite.go).
	w.Header().Set("Referrer-Policy", "same-origin")
	s.render(w, r, status, templates.Author(p, f))
}

// readAuthorForm reads the posted form into the form's data and builds
// the exercise; f.Errors says what is wrong. ok is false when it already
// answered (the form is too large).
func (s *Server) readAuthorForm(w http.ResponseWriter, r *http.Request, p templates.Page) (f templates.AuthorForm, x *exercises.Exercise, ok bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAuthorBody)
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, fmt.Sprintf("the form is larger than %d bytes", maxAuthorBody), http.StatusRequestEntityTooLarge)
			return f, nil, false
		}
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return f, nil, false
	}
	v := r.PostForm
	f = templates.AuthorForm{From: v.Get("from"), Token: v.Get("token"),
		TitleKo: v.Get("titleKo"), TitleEn: v.Get("titleEn"), TextKo: v.Get("textKo"), TextEn: v.Get("textEn"),
		Topic: v.Get("topic"), Main: v.Get("main"), Argv: v.Get("argv"), Stdin: v.Get("stdin"),
		Sched: v.Get("sched"), Quantum: v.Get("quantum"), CPUs: v.Get("cpus"), Seed: v.Get("seed"),
		Locked: v.Get("locked") != "", HintsKo: v.Get("hintsKo"), HintsEn: v.Get("hintsEn")}
	for i := 0; i < exercises.MaxFiles; i++ {
		name := v.Get("file" + strconv.Itoa(i))
		if name == "" {
			break
		}
		f.Files = append(f.Files, templates.AuthorFile{Name: name,
			Starter: crlf(v.Get("starter" + strconv.Itoa(i))), Solution: crlf(v.Get("solution" + strconv.Itoa(i)))})
	}
	for i := 0; i < 32; i++ {
		k := strconv.Itoa(i)
		if _, ok := v["check"+k]; !ok {
			break
		}
		f.Checks = append(f.Checks, templates.AuthorCheck{Type: v.Get("check" + k), Value: crlf(v.Get("value" + k)),
			AskKo: v.Get("askKo" + k), AskEn: v.Get("askEn" + k)})
	}
	x, f.Errors = s.buildAuthored(r.Context(), &f, p.Lang)
	return f, x, true
}

func crlf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// both is a text in both languages; one left empty shows the other.
func both(ko, en string) exercises.Text {
	ko, en = strings.TrimSpace(ko), strings.TrimSpace(en)
	if ko == "" {
		ko = en
	}
	if en == "" {
		en = ko
	}
	return exercises.Text{Ko: ko, En: en}
}

// buildAuthored makes the exercise the form describes and checks it: it
// must be a valid exercise, and its reference program must pass its
// checks.
func (s *Server) buildAuthored(ctx context.Context, f *templates.AuthorForm, lang string) (*exercises.Exercise, []string) {
	var errs []string
	say := func(key string, kv ...string) {
		m := templates.T(lang, key)
		for i := 0; i+1 < len(kv); i += 2 {
			for _, p := range []string{"이", "을", "은", "과", "으로"} { // {value:은}: the particle its sound takes
				m = strings.ReplaceAll(m, "{"+kv[i]+":"+p+"}", kv[i+1]+msg.Particle(kv[i+1], p))
			}
			m = strings.ReplaceAll(m, "{"+kv[i]+"}", kv[i+1])
		}
		errs = append(errs, m)
	}
	x := &exercises.Exercise{Slug: authorSlug, Kind: exercises.KindObservation, Topic: f.Topic,
		Title: both(f.TitleKo, f.TitleEn), Body: both(f.TextKo, f.TextEn)}
	if x.Title.Ko == "" {
		say("author.needTitle")
	}
	if x.Body.Ko == "" {
		say("author.needText")
	}
	for _, file := range f.Files {
		x.Files = append(x.Files, exercises.File{Name: file.Name, Text: file.Starter})
		if file.Solution != file.Starter {
			x.Solution = append(x.Solution, exercises.File{Name: file.Name, Text: file.Solution})
		}
	}
	if len(x.Solution) > 0 {
		x.Kind = exercises.KindExercise
	}
	x.Run = exercises.Run{Main: f.Main, Argv: strings.Fields(f.Argv), Stdin: crlf(f.Stdin), Sched: f.Sched}
	x.Run.Quantum, _ = strconv.ParseInt(f.Quantum, 10, 64)
	x.Run.CPUs, _ = strconv.Atoi(f.CPUs)
	x.Run.Seed, _ = strconv.ParseInt(f.Seed, 10, 64)
	if f.Locked {
		x.Run.Locked = []string{"all"}
	}
	ko, en := strings.Split(strings.TrimSpace(crlf(f.HintsKo)), "\n"), strings.Split(strings.TrimSpace(crlf(f.HintsEn)), "\n")
	for i := 0; i < max(len(ko), len(en)); i++ {
		h := both(at(ko, i), at(en, i))
		if h.Ko != "" {
			x.Hints = append(x.Hints, h)
		}
	}
	for i, c := range f.Checks {
		if c.Type == "" {
			continue
		}
		n := strconv.Itoa(i + 1)
		value := strings.TrimSpace(c.Value)
		chk := exercises.Check{ID: "c" + n}
		number := func() *float64 {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil || v != float64(int64(v)) {
				say("author.badNumber", "n", n, "value", strconv.Quote(value))
				return nil
			}
			return &v
		}
		if value == "" && c.Type != "no-zombies" {
			say("author.needAnswer", "n", n)
			continue
		}
		switch c.Type {
		case "output-contains":
			chk.Type, chk.Match = exercises.CheckOutput, "contains"
			chk.Lines = strings.Split(strings.Trim(crlf(c.Value), "\n"), "\n")
		case "output-regexp":
			one := 1.0
			chk.Type, chk.Match, chk.Pattern, chk.Min = exercises.CheckOutput, "count", value, &one
		case "exit":
			chk.Type = exercises.CheckExit
			if v := number(); v != nil {
				code := int(*v)
				chk.Code = &code
			}
		case "processes":
			chk.Type = exercises.CheckProcesses
			chk.Equals = number()
		case "no-zombies":
			chk.Type, chk.Expect = exercises.CheckZombies, "none-left"
		case "question-number", "question-text":
			chk.Type, chk.Format, chk.Answer = exercises.CheckQuestion, strings.TrimPrefix(c.Type, "question-"), value
			chk.Ask = both(c.AskKo, c.AskEn)
			if chk.Ask.Ko == "" {
				say("author.needAsk", "n", n)
			}
		default:
			continue
		}
		x.Checks = append(x.Checks, chk)
	}
	if len(x.Checks) == 0 {
		say("author.noChecks")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	// Exactly what a stored exercise will be read as.
	parsed, err := exercises.Parse("authored.md", x.Markdown())
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			say("author.invalid", "msg", line)
		}
		return nil, errs
	}
	job, no := s.api.StartJob(ctx)
	if no != nil {
		say(refusalKey(no.Code))
		return nil, errs
	}
	evalCtx, cancel := context.WithDeadline(ctx, job.Deadline())
	rep := parsed.EvaluateContext(evalCtx, job.Drive, solutionMap(parsed), parsed.Answers(), lang)
	cancel()
	job.Done()
	for i, c := range rep.Checks {
		if !c.Passed {
			why := c.Message
			if c.Expected != "" {
				why = c.Expected // the author sees what the check expected
			}
			say("author.failsRef", "n", strings.TrimPrefix(x.Checks[i].ID, "c"), "msg", c.Title+": "+why)
		}
	}
	if rep.Error != "" && len(errs) > 0 {
		errs = append(errs, rep.Error)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return parsed, nil
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func solutionMap(x *exercises.Exercise) map[string]string {
	m := map[string]string{}
	for _, f := range x.SolutionFiles() {
		m[f.Name] = f.Text
	}
	return m
}

// written is a text's two fields as the author wrote them. The format
// needs both languages, so saving copies a text given in one language into
// the other (both); a text the same in both was written in one, shown back
// only in its own field (Korean if it has Hangul, else English), so that
// the other field stays empty, as the author left it.
func written(t exercises.Text) (ko, en string) {
	if t.Ko != t.En {
		return t.Ko, t.En
	}
	if strings.ContainsFunc(t.Ko, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) {
		return t.Ko, ""
	}
	return "", t.En
}

// authorFormOf fills the form from a stored exercise.
func authorFormOf(x *exercises.Exercise) templates.AuthorForm {
	f := templates.AuthorForm{Topic: x.Topic,
		Main: x.MainFile(), Argv: strings.Join(x.Run.Argv, " "), Stdin: x.Run.Stdin, Sched: x.Run.Sched,
		Quantum: numField(x.Run.Quantum), CPUs: numField(int64(x.Run.CPUs)), Seed: numField(x.Run.Seed),
		Locked: len(x.Run.Locked) > 0}
	f.TitleKo, f.TitleEn = written(x.Title)
	f.TextKo, f.TextEn = written(x.Body)
	solution := x.SolutionFiles()
	for i, file := range x.Files {
		f.Files = append(f.Files, templates.AuthorFile{Name: file.Name, Starter: file.Text, Solution: solution[i].Text})
	}
	var ko, en []string
	for _, h := range x.Hints {
		k, e := written(h)
		ko, en = append(ko, k), append(en, e)
	}
	f.HintsKo, f.HintsEn = strings.Join(ko, "\n"), strings.Join(en, "\n")
	for _, c := range x.Checks {
		row := templates.AuthorCheck{}
		switch {
		case c.Type == exercises.CheckOutput && c.Match == "contains":
			row.Type, row.Value = "output-contains", strings.Join(c.Lines, "\n")
		case c.Type == exercises.CheckOutput && c.Match == "count":
			row.Type, row.Value = "output-regexp", c.Pattern
		case c.Type == exercises.CheckExit && c.Code != nil:
			row.Type, row.Value = "exit", strconv.Itoa(*c.Code)
		case c.Type == exercises.CheckProcesses && c.Equals != nil:
			row.Type, row.Value = "processes", strconv.FormatFloat(*c.Equals, 'f', -1, 64)
		case c.Type == exercises.CheckZombies:
			row.Type = "no-zombies"
		case c.Type == exercises.CheckQuestion:
			row.Type, row.Value = "question-"+c.Format, c.Answer
			row.AskKo, row.AskEn = written(c.Ask)
		default:
			continue
		}
		f.Checks = append(f.Checks, row)
	}
	return f
}
