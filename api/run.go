package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// RunRequest is the body of POST /api/run: a program, and whether to
// return its events too.
type RunRequest struct {
	Program
	Events bool `json:"events,omitempty"`
	// A workload only: the policies to compare (the settings' policy if
	// none), and the language of the questions ("en", "ko").
	Compare []string `json:"compare,omitempty"`
	Lang    string   `json:"lang,omitempty"`
}

// RunResponse is the answer of POST /api/run.
type RunResponse struct {
	OK     bool   `json:"ok"` // the program ran (whatever its exit status)
	Error  *Error `json:"error,omitempty"`
	Stdout string `json:"stdout"` // the console's descriptor 1, all processes
	Stderr string `json:"stderr"`
	Exit   *Exit  `json:"exit,omitempty"` // the first process's
	Halt   string `json:"halt,omitempty"` // why the machine stopped early (limit, deadlock, input)
	// HaltCode is the code of a halt the server decided: deadline,
	// memory_limit, input, choose. A halt of the kernel's (the tick limit,
	// a deadlock) has none.
	HaltCode string `json:"haltCode,omitempty"`
	// HaltText is a halt of the kernel's as a text of its catalogue.
	HaltText *Text `json:"haltText,omitempty"`
	// Waits: at a deadlock (haltCode "deadlock"), every blocked thread's
	// wait, by tid (since 1.3).
	Waits     []WaitEdge    `json:"waits,omitempty"`
	Processes []ProcStats   `json:"processes"`
	Metrics   *RunMetrics   `json:"metrics,omitempty"`
	Sched     *SchedMetrics `json:"sched,omitempty"` // the lecture's scheduling metrics (analysis.Meter)
	Events    []Event       `json:"events,omitempty"`
	// With "events": true, at most MaxRunEvents events come back, the
	// first ones; EventsTruncated then says the rest were left out, and
	// EventsTotal how many the run emitted.
	EventsTruncated bool  `json:"eventsTruncated,omitempty"`
	EventsTotal     int64 `json:"eventsTotal,omitempty"`
	// Processes (and sched.procs) list the first MaxRunProcesses
	// processes created; ProcessesTruncated says others were left out
	// (metrics.processes counts them all).
	ProcessesTruncated bool `json:"processesTruncated,omitempty"`
}

// ServeRun runs a program headless, to the end, and answers with JSON.
func (a *API) ServeRun(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, RunResponse{Error: &Error{Type: "error", Code: "bad_request", Message: "use POST with a JSON program"}})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.lim.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.metrics.error("too_large")
			writeJSON(w, http.StatusRequestEntityTooLarge, RunResponse{Error: &Error{Type: "error", Code: "too_large",
				Message: fmt.Sprintf("request too large: at most %d bytes", a.lim.MaxBody)}})
			return
		}
		writeJSON(w, http.StatusBadRequest, RunResponse{Error: &Error{Type: "error", Code: "bad_request", Message: "could not read the request"}})
		return
	}
	var req RunRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		a.metrics.error("bad_request")
		writeJSON(w, http.StatusBadRequest, RunResponse{Error: &Error{Type: "error", Code: "bad_request",
			Message: "the body must be a JSON program: " + fieldError(err)}})
		return
	}
	if req.isWorkload() || len(req.Compare) > 0 {
		a.runWorkload(r.Context(), w, &req)
		return
	}
	if err := req.Program.check(a.lim); err != nil {
		a.metrics.error("bad_request")
		writeJSON(w, http.StatusBadRequest, RunResponse{Error: &Error{Type: "error", Code: "bad_request", Message: err.Error()}})
		return
	}
	job, no := a.StartJob(r.Context())
	if no != nil {
		no.Write(w, RunResponse{Error: &Error{Type: "error", Code: no.Code, Message: no.Message}, Processes: []ProcStats{}})
		return
	}
	// The job is done (its worker free, its memory out of the server's
	// count) before the answer goes: a slow reader holds neither.
	resp := func() RunResponse { defer job.Done(); return run(&req, a.lim, a.metrics, job) }()
	writeJSON(w, http.StatusOK, resp)
}

// Warm compiles the C library and a small program, so that the first
// visitor does not wait for it.
func Warm(log *slog.Logger) {
	start := time.Now()
	lim := Limits{}.WithDefaults()
	lim.RunTimeout = time.Minute
	r := run(&RunRequest{Program: Program{Files: []File{{Name: "warm.c",
		Text: "#include <stdio.h>\nint main(void) { printf(\"ok\\n\"); return 0; }\n"}}}}, lim, nil, newJob(lim, nil, nil, nil))
	if !r.OK || r.Stdout != "ok\n" {
		log.Error("warm-up run failed", "response", fmt.Sprintf("%+v", r))
		return
	}
	warmed.Store(true)
	log.Info("C library compiled", "duration", time.Since(start).Round(time.Millisecond))
}

// run executes a program to its end, or to a limit or the job's deadline.
func run(req *RunRequest, lim Limits, metrics *Metrics, job *Job) RunResponse {
	st := newStats(lim.MaxRunProcesses)
	var events []Event
	var stdout, stderr strings.Builder
	n := int64(0)
	meter := analysis.NewMeter(req.Settings.CPUs)
	m, diags, err := req.Program.start(lim, func(e kernel.Event) {
		st.add(e)
		meter.Add(e)
		if e.Kind == kernel.KindOOM {
			metrics.Limit("oom_kill")
		}
		if req.Events && len(events) < lim.MaxRunEvents {
			events = append(events, wireEvent(n, e))
		}
		n++
		if e.Kind == kernel.KindOutput {
			if e.FD == 2 {
				stderr.Write(e.Data)
			} else {
				stdout.Write(e.Data)
			}
		}
	})
	if err != nil {
		code, outcome := "start", "error"
		if len(diags) > 0 {
			code, outcome = "compile", "compile"
		}
		metrics.run("api", outcome)
		return RunResponse{Error: &Error{Type: "error", Code: code, Message: err.Error(), Errors: diags}, Processes: []ProcStats{}}
	}
	metrics.run("api", "ok")
	code, halt := job.Drive(m), ""
	var waits []WaitEdge
	switch {
	case code == codeDeadline:
		halt = fmt.Sprintf("stopped after %s of server time at tick %d", lim.RunTimeout, m.Now())
	case code == codeMemoryLimit:
		halt = memoryLimitMessage(lim.MaxSessionMemory)
	case m.WaitingForInput():
		code, halt = codeInput, "the program waits for input: give its standard input in stdin"
	case !m.Done() && len(m.Asking()) > 0:
		code, halt = codeChoose, "the manual scheduler waits for a choice: run the program in the playground to choose"
	case m.Stalled():
		// Every thread waits and nothing can wake one: no signal comes to
		// a headless run, so it ends as the command line's would.
		code, halt, waits = codeDeadlock, "deadlock: every thread is waiting and nothing can wake them", waitEdges(m, m.WaitsNow())
	}
	var haltText *Text
	if err := m.Err(); err != nil {
		code, halt, haltText, waits = limitCode(err), err.Error(), errorText(err), deadlockWaits(err)
		metrics.Limit(code)
	}
	if code == codeDeadline || code == codeMemoryLimit {
		metrics.error(code)
	}
	resp := RunResponse{OK: true, Stdout: text([]byte(stdout.String())), Stderr: text([]byte(stderr.String())),
		Halt: halt, HaltCode: code, HaltText: haltText, Waits: waits, Processes: st.finish(m), Events: events}
	resp.ProcessesTruncated = st.metrics.Processes > len(resp.Processes)
	if req.Events && n > int64(len(events)) {
		resp.EventsTruncated, resp.EventsTotal = true, n
		metrics.error(codeEventsLimit)
	} else if req.Events {
		resp.EventsTotal = n
	}
	for i := range resp.Processes {
		p := &resp.Processes[i]
		p.Stdout, p.Stderr = text([]byte(p.Stdout)), text([]byte(p.Stderr))
	}
	if r := m.Result(); r.Exited || r.Signaled {
		resp.Exit = exitOf(r.Status)
	}
	resp.Metrics = &st.metrics
	sm := schedMetrics(meter.Metrics())
	if len(sm.Procs) > lim.MaxRunProcesses {
		sm.Procs, resp.ProcessesTruncated = sm.Procs[:lim.MaxRunProcesses], true
	}
	resp.Sched = &sm
	return resp
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
