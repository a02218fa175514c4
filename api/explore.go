package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"osplay/kernel"
	"osplay/kernel/explore"
)

// ExploreRequest is the body of POST /api/explore: a program (files, not a
// workload) and how to search its schedules.
type ExploreRequest struct {
	Program
	Strategy    string `json:"strategy,omitempty"`    // pct (default), exhaustive, random
	Runs        int    `json:"runs,omitempty"`        // schedules to try, at most Limits.MaxExploreRuns
	Depth       *int   `json:"depth,omitempty"`       // pct: change points per run, 0 to 10 (2)
	Preemptions *int   `json:"preemptions,omitempty"` // exhaustive: preemptions per schedule, 0 to 3 (2)
	Seed        int64  `json:"seed,omitempty"`        // the first run's seed
}

// ExploreProgress is a line of POST /api/explore's answer: how far the
// search has come ("type":"progress"), and at the end ("type":"result")
// what it found.
type ExploreProgress struct {
	Type        string  `json:"type"` // progress, result
	Strategy    string  `json:"strategy"`
	Runs        int     `json:"runs"`
	ElapsedMS   int64   `json:"elapsedMs"`
	PerSecond   float64 `json:"perSecond"`
	Depth       int     `json:"depth,omitempty"`
	Preemptions int     `json:"preemptions,omitempty"`
	Bound       float64 `json:"bound"`
	Threads     int     `json:"threads"`
	Steps       int     `json:"steps"`
	Exhausted   bool    `json:"exhausted,omitempty"`
	// The result only.
	Expected       *ExploreExpected `json:"expected,omitempty"`
	Counterexample *Counterexample  `json:"counterexample,omitempty"`
	// Stopped: the search ended before its bound, because the client went
	// away or at HaltCode (deadline, memory_limit).
	Stopped  bool   `json:"stopped,omitempty"`
	HaltCode string `json:"haltCode,omitempty"`
}

// ExploreExpected is what every run had to do.
type ExploreExpected struct {
	Stdout string `json:"stdout"`
	Exit   int    `json:"exit"`
}

// Counterexample is a failing schedule: the run's settings.schedule.
type Counterexample struct {
	Schedule      string     `json:"schedule"` // as settings.schedule takes it: "3@9:4"
	Preemptions   int        `json:"preemptions"`
	Switches      int        `json:"switches"`
	FoundSwitches int        `json:"foundSwitches"` // before shortening
	Run           int        `json:"run"`           // the run that found it, from 1
	Seed          int64      `json:"seed,omitempty"`
	Why           *Text      `json:"why"`
	Waits         []WaitEdge `json:"waits,omitempty"` // a deadlock's cycle
	Stdout        string     `json:"stdout"`
	Stderr        string     `json:"stderr"`
	Events        int        `json:"events"`
	Stream        string     `json:"stream"` // the hash of its event stream (sha256 of the trace, 16 digits)
}

// errExploreStop ends a search at a limit of the server's.
type errExploreStop struct{ code string }

func (e errExploreStop) Error() string { return e.code }

// ServeExplore searches a program's schedules for one that fails and
// answers with lines of JSON (application/x-ndjson): progress now and
// then, and the result last; or one error.
func (a *API) ServeExplore(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, code, message string, diags []CompileError) {
		a.metrics.error(code)
		writeJSON(w, status, Error{Type: "error", Code: code, Message: message, Errors: diags})
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(http.StatusMethodNotAllowed, "bad_request", "use POST with a JSON program", nil)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.lim.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request too large: at most %d bytes", a.lim.MaxBody), nil)
			return
		}
		fail(http.StatusBadRequest, "bad_request", "could not read the request", nil)
		return
	}
	var req ExploreRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fail(http.StatusBadRequest, "bad_request", "the body must be a JSON program: "+fieldError(err), nil)
		return
	}
	opt, err := req.options(a.lim)
	if err == nil && req.isWorkload() {
		err = errors.New("explore takes a C program, not a workload")
	}
	if err == nil {
		err = req.Program.check(a.lim)
	}
	if err != nil {
		fail(http.StatusBadRequest, "bad_request", err.Error(), nil)
		return
	}
	job, no := a.StartJob(r.Context())
	if no != nil {
		no.Write(w, Error{Type: "error", Code: no.Code, Message: no.Message})
		return
	}
	defer job.Done()
	cfg := req.Program.config(a.lim, nil)
	cfg.Stdin = nil
	ctx := r.Context()
	// The job's CPU seat and memory account are one machine's at a time:
	// the search may still be finishing a run when it starts shortening a
	// failure, so the runs take turns here.
	var turn sync.Mutex
	target := explore.Target{Config: cfg, Argv: req.argv(), Stdin: req.Stdin, Drive: func(m *kernel.Machine) error {
		turn.Lock()
		defer turn.Unlock()
		if code := job.drive(ctx, m); code != "" {
			return errExploreStop{code}
		}
		return nil
	}}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	flusher, _ := w.(http.Flusher)
	send := func(v any) {
		enc.Encode(v)
		if flusher != nil {
			flusher.Flush()
		}
	}
	opt.Progress = func(p explore.Progress) { send(progressOf("progress", p)) }
	opt.ProgressEvery = 250 * time.Millisecond
	a.metrics.run("explore", "ok")
	rep, err := explore.Explore(ctx, target, opt)
	res := progressOf("result", rep.Progress)
	res.Stopped = rep.Stopped
	var stop errExploreStop
	switch {
	case errors.As(err, &stop):
		res.Stopped = rep.Counterexample == nil
		if stop.code != codeStopped {
			res.HaltCode = stop.code
			a.metrics.error(stop.code)
		}
	case err != nil:
		code := "start"
		diags := compileErrors(err.Error())
		if len(diags) > 0 {
			code = "compile"
		}
		send(Error{Type: "error", Code: code, Message: err.Error(), Errors: diags})
		return
	}
	res.Expected = &ExploreExpected{Stdout: text([]byte(rep.Expected.Stdout)), Exit: rep.Expected.ExitCode}
	if cx := rep.Counterexample; cx != nil {
		res.Counterexample = &Counterexample{Schedule: cx.Schedule.String(), Preemptions: cx.Schedule.Preemptions(),
			Switches: len(cx.Schedule.Switches), FoundSwitches: len(cx.Found.Switches), Run: cx.Run, Seed: cx.Found.Seed,
			Why: wireText(cx.Failure.Why), Waits: waitEdges(nil, cx.Failure.Deadlock),
			Stdout: text(cx.Outcome.Stdout), Stderr: text(cx.Outcome.Stderr), Events: cx.Outcome.Events, Stream: cx.Outcome.Stream}
	}
	send(res)
}

// codeStopped: the client went away (or pressed Stop) during a run.
const codeStopped = "stopped"

// options are the request's search options within the server's limits.
func (req *ExploreRequest) options(lim Limits) (explore.Options, error) {
	opt := explore.Options{Strategy: req.Strategy, Runs: req.Runs, Seed: req.Seed, Workers: 1}
	if req.Runs < 0 || req.Runs > lim.MaxExploreRuns {
		return opt, fmt.Errorf("runs %d: choose 1 to %d", req.Runs, lim.MaxExploreRuns)
	}
	if opt.Runs == 0 {
		opt.Runs = lim.MaxExploreRuns
		if req.Strategy != explore.Exhaustive {
			opt.Runs = min(explore.DefaultRuns, lim.MaxExploreRuns)
		}
	}
	if req.Depth != nil {
		opt.Depth = *req.Depth
		if opt.Depth == 0 {
			opt.Depth = -1
		}
	}
	if req.Preemptions != nil {
		if *req.Preemptions < 0 || *req.Preemptions > 3 {
			return opt, fmt.Errorf("preemptions %d: choose 0 to 3", *req.Preemptions)
		}
		opt.Preemptions = *req.Preemptions
		if opt.Preemptions == 0 {
			opt.Preemptions = -1
		}
	}
	if req.Settings.Schedule != "" {
		return opt, errors.New("explore the program without a schedule")
	}
	if req.Depth != nil && *req.Depth < 0 {
		return opt, fmt.Errorf("depth %d: choose 0 to %d", *req.Depth, explore.MaxDepth)
	}
	return opt, explore.CheckOptions(opt)
}

func progressOf(typ string, p explore.Progress) ExploreProgress {
	return ExploreProgress{Type: typ, Strategy: p.Strategy, Runs: p.Runs, ElapsedMS: p.Elapsed.Milliseconds(),
		PerSecond: p.PerSecond, Depth: p.Depth, Preemptions: p.Preemptions, Bound: p.Bound,
		Threads: p.Threads, Steps: p.Steps, Exhausted: p.Exhausted}
}

// drive runs one machine of the job, as Drive, and stops it too when ctx
// ends (the client went away): codeStopped.
func (j *Job) drive(ctx context.Context, m *kernel.Machine) string {
	if ctx.Err() != nil {
		return codeStopped
	}
	stop := context.AfterFunc(ctx, m.Interrupt)
	defer stop()
	return j.driveUntil(m, ctx.Done())
}
