package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"osplay/kernel/analysis"
)

// CheckRequest is the body of POST /api/check: a workload (or an OSTEP
// problem) with its settings, a question about its run, and the
// student's answer.
type CheckRequest struct {
	Program
	Kind   string `json:"kind"`          // "turnaround", "response", "waiting", "completion", "avg-turnaround", …
	Job    string `json:"job,omitempty"` // the job's name (or pid); empty for averages
	Answer string `json:"answer"`        // a number: 13, 5.67, 17/3, "13 ticks"
	Lang   string `json:"lang,omitempty"`
}

// CheckResponse says whether the answer is right, and how the right
// answer is worked out.
type CheckResponse struct {
	OK          bool   `json:"ok"`
	Explanation string `json:"explanation"`
	Error       *Error `json:"error,omitempty"`
}

// maxAnswer is the length of an answer, in bytes.
const maxAnswer = 100

// ServeCheck re-runs the workload with its settings (the run is
// deterministic: it is the run the student saw) and checks the answer.
func (a *API) ServeCheck(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, code, msg string) {
		a.metrics.error(code)
		writeJSON(w, status, CheckResponse{Error: &Error{Type: "error", Code: code, Message: msg}})
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(http.StatusMethodNotAllowed, "bad_request", "use POST with a JSON question and answer")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.lim.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request too large: at most %d bytes", a.lim.MaxBody))
			return
		}
		fail(http.StatusBadRequest, "bad_request", "could not read the request")
		return
	}
	var req CheckRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fail(http.StatusBadRequest, "bad_request", "the body must be a JSON question: "+fieldError(err))
		return
	}
	job, no := a.StartJob(r.Context())
	if no != nil {
		no.Write(w, CheckResponse{Error: &Error{Type: "error", Code: no.Code, Message: no.Message}})
		return
	}
	resp, err := func() (CheckResponse, error) { defer job.Done(); return check(&req, a.lim, job) }()
	var stop *stopError
	if errors.As(err, &stop) {
		a.metrics.error(stop.code)
		writeJSON(w, http.StatusOK, CheckResponse{Error: &Error{Type: "error", Code: stop.code, Message: stop.msg}})
		return
	}
	if err != nil {
		fail(http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// check runs the workload and checks the answer against its metrics.
func check(req *CheckRequest, l Limits, job *Job) (CheckResponse, error) {
	if !req.isWorkload() {
		return CheckResponse{}, fmt.Errorf("questions are asked about a workload (or an OSTEP problem): give one")
	}
	if err := req.Program.check(l); err != nil {
		return CheckResponse{}, err
	}
	kind, err := analysis.ParseQuestionKind(req.Kind)
	if err != nil {
		return CheckResponse{}, err
	}
	if len(req.Answer) > maxAnswer || len(req.Job) > 64 {
		return CheckResponse{}, fmt.Errorf("the answer is too long (at most %d bytes)", maxAnswer)
	}
	if strings.TrimSpace(req.Answer) == "" {
		if language(req.Lang) == "ko" {
			return CheckResponse{Explanation: "답을 입력하세요."}, nil
		}
		return CheckResponse{Explanation: "Type an answer first."}, nil
	}
	wl, cfg, _, err := req.setup(l, nil)
	if err != nil {
		return CheckResponse{}, err
	}
	if err := checkSpecs([]string{cfg.Sched}); err != nil {
		return CheckResponse{}, err
	}
	o, err := runPolicy(wl, cfg, job)
	if err != nil {
		return CheckResponse{}, err
	}
	q, err := analysis.NewQuestion(o.metrics, kind, req.Job, language(req.Lang))
	if err != nil {
		return CheckResponse{}, err
	}
	ok, why := q.Check(req.Answer)
	return CheckResponse{OK: ok, Explanation: why}, nil
}
