package api

// Workloads: jobs described by their bursts instead of C code, in the text
// form of kernel.Workload or stated as an OSTEP homework problem. A
// program that carries one runs as any program in a session (load), or
// headless through POST /api/run, where it may be compared under several
// policies and comes back with the lecture's metrics, each CPU's Gantt
// chart and exercise questions (never their answers: POST /api/check
// checks an answer).

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"osplay/kernel"
	"osplay/kernel/analysis"
	"osplay/kernel/sched"
)

// OSTEPRef names a problem of the OSTEP homework simulators.
type OSTEPRef struct {
	Command string `json:"command"` // "sched" (scheduler.py), "mlfq" (mlfq.py) or "process-run"
	Args    string `json:"args"`    // its options as on a command line: "-p SJF -l 5,10,15"
}

// Bounds of a workload run through the API.
const (
	maxWorkloadJobs = 200  // jobs in one workload
	maxCompare      = 4    // policies in one comparison
	maxSegments     = 5000 // Gantt segments sent per CPU
	maxOSTEPArgs    = 1000 // bytes of an OSTEP command line
)

// isWorkload reports whether the program is a workload (or an OSTEP
// problem) rather than C files.
func (p *Program) isWorkload() bool { return p.Workload != "" || p.OSTEP != nil }

// checkWorkload reports what is wrong with the shape of a workload
// program, in words for the student. The workload itself is read when it
// starts: its errors, which name the line ("workload line 2: …"), are the
// student's to fix, as a compile error is (code "start" in a session,
// "workload" from POST /api/run).
func (p *Program) checkWorkload(l Limits) error {
	switch {
	case len(p.Files) > 0:
		return fmt.Errorf("a program has either C files or a workload, not both")
	case p.Workload != "" && p.OSTEP != nil:
		return fmt.Errorf("give either a workload or an OSTEP problem, not both")
	case len(p.Workload) > l.MaxFileSize:
		return fmt.Errorf("the workload is too large: %d bytes (at most %d)", len(p.Workload), l.MaxFileSize)
	case len(p.Argv) > 0 || p.Stdin != "" || p.Main != "":
		return fmt.Errorf("a workload has no main file, arguments or standard input")
	}
	if p.OSTEP != nil {
		if len(p.OSTEP.Args) > maxOSTEPArgs {
			return fmt.Errorf("the OSTEP options are too long (at most %d bytes)", maxOSTEPArgs)
		}
		switch p.OSTEP.Command {
		case "sched", "mlfq", "process-run":
		default:
			return fmt.Errorf("unknown OSTEP simulator %q (sched, mlfq or process-run)", p.OSTEP.Command)
		}
	}
	return p.Settings.check()
}

// setup is the program's workload, the machine's configuration to run it
// with, and the notes of an OSTEP problem. An OSTEP problem fixes the
// configuration that gives the script's answers (one CPU, no switch cost);
// settings.sched, when given, replaces the problem's policy.
func (p *Program) setup(l Limits, onEvent func(kernel.Event)) (*kernel.Workload, kernel.Config, []string, error) {
	cfg := p.config(l, onEvent)
	cfg.Files = nil
	var w *kernel.Workload
	var notes []string
	if p.OSTEP != nil {
		prob, err := analysis.OSTEPProblem(p.OSTEP.Command, strings.Fields(p.OSTEP.Args))
		if err != nil {
			return nil, cfg, nil, err
		}
		cfg = prob.Config(cfg)
		if p.Settings.Sched != "" {
			cfg.Sched = p.Settings.Sched
		}
		w, notes = prob.Workload, prob.Notes
	} else {
		var err error
		if w, err = kernel.ParseWorkload(p.Workload); err != nil {
			return nil, cfg, nil, err
		}
	}
	if cfg.Sched == "" {
		cfg.Sched = kernel.DefaultSched
	}
	if len(w.Jobs) > maxWorkloadJobs {
		return nil, cfg, nil, fmt.Errorf("the workload has %d jobs (at most %d here)", len(w.Jobs), maxWorkloadJobs)
	}
	if notes == nil {
		notes = []string{}
	}
	return w, cfg, notes, nil
}

// startWorkload makes the workload's machine and starts it.
func (p *Program) startWorkload(l Limits, onEvent func(kernel.Event)) (*kernel.Machine, error) {
	w, cfg, _, err := p.setup(l, onEvent)
	if err != nil {
		return nil, err
	}
	m := kernel.New(cfg)
	if err := m.StartWorkload(w); err != nil {
		return nil, err
	}
	return m, nil
}

// WorkloadResponse answers POST /api/run for a workload: its canonical
// text, the notes of an OSTEP problem, and one run per policy.
type WorkloadResponse struct {
	OK       bool          `json:"ok"`
	Error    *Error        `json:"error,omitempty"`
	Workload string        `json:"workload"`
	Notes    []string      `json:"notes"`
	Runs     []WorkloadRun `json:"runs"`
}

// WorkloadRun is the workload run to its end under one policy.
type WorkloadRun struct {
	Sched     string           `json:"sched"`           // the policy as a canonical spec ("rr:q=4")
	Error     string           `json:"error,omitempty"` // why the run stopped early (a limit)
	Metrics   SchedMetrics     `json:"metrics"`
	Gantt     [][]GanttSegment `json:"gantt"`              // per CPU
	GanttCut  bool             `json:"ganttCut,omitempty"` // a CPU had more than maxSegments: the rest is left out
	Questions []QuestionText   `json:"questions"`
}

// GanttSegment is a stretch of one CPU's time: "run" (pid runs),
// "switch" (a context switch to pid) or "idle".
type GanttSegment struct {
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	What  string `json:"what"`
	PID   int    `json:"pid,omitempty"`
}

// QuestionText is an exercise question, without its answer.
type QuestionText struct {
	Kind string `json:"kind"`          // "turnaround", "avg-waiting", … (analysis.ParseQuestionKind)
	Job  string `json:"job,omitempty"` // the job asked about; empty for averages
	Text string `json:"text"`
}

// SchedMetrics are the scheduling metrics of a run (analysis.Metrics).
type SchedMetrics struct {
	Procs           []ProcMetrics `json:"procs"`
	Ticks           int64         `json:"ticks"`
	CPUs            int           `json:"cpus"`
	Busy            int64         `json:"busy"`
	SwitchTicks     int64         `json:"switchTicks"`
	Utilisation     float64       `json:"utilisation"` // 0 to 1
	Throughput      float64       `json:"throughput"`  // processes completed per tick
	Completed       int           `json:"completed"`
	ContextSwitches int           `json:"contextSwitches"`
	Dispatches      int           `json:"dispatches"`
	Preemptions     int           `json:"preemptions"`
	AvgTurnaround   float64       `json:"avgTurnaround"`
	AvgResponse     float64       `json:"avgResponse"`
	AvgWaiting      float64       `json:"avgWaiting"`
}

// ProcMetrics are one process's figures; ticks not known are -1.
type ProcMetrics struct {
	PID         int    `json:"pid"`
	Name        string `json:"name"`
	Arrival     int64  `json:"arrival"`
	FirstRun    int64  `json:"firstRun"`
	Completion  int64  `json:"completion"`
	Turnaround  int64  `json:"turnaround"`
	Response    int64  `json:"response"`
	Waiting     int64  `json:"waiting"`
	CPU         int64  `json:"cpu"`
	Blocked     int64  `json:"blocked"`
	Dispatches  int    `json:"dispatches"`
	Preemptions int    `json:"preemptions"`
	Switches    int    `json:"switches"`
}

func schedMetrics(m analysis.Metrics) SchedMetrics {
	out := SchedMetrics{Procs: make([]ProcMetrics, len(m.Procs)), Ticks: m.Ticks, CPUs: m.CPUs, Busy: m.Busy,
		SwitchTicks: m.SwitchTicks, Utilisation: m.Utilisation, Throughput: m.Throughput, Completed: m.Completed,
		ContextSwitches: m.ContextSwitches, Dispatches: m.Dispatches, Preemptions: m.Preemptions,
		AvgTurnaround: m.AvgTurnaround, AvgResponse: m.AvgResponse, AvgWaiting: m.AvgWaiting}
	for i, p := range m.Procs {
		out.Procs[i] = ProcMetrics{PID: p.PID, Name: p.Name, Arrival: p.Arrival, FirstRun: p.FirstRun,
			Completion: p.Completion, Turnaround: p.Turnaround, Response: p.Response, Waiting: p.Waiting,
			CPU: p.CPU, Blocked: p.Blocked, Dispatches: p.Dispatches, Preemptions: p.Preemptions, Switches: p.Switches}
	}
	return out
}

var occupants = map[analysis.Occupant]string{analysis.Running: "run", analysis.Switching: "switch", analysis.Idling: "idle"}

// ganttOf is each CPU's timeline, at most maxSegments segments per CPU.
func ganttOf(g *analysis.Gantt, cpus int) (out [][]GanttSegment, cut bool) {
	out = make([][]GanttSegment, max(cpus, 1))
	for c := range out {
		segs := g.Segments(c)
		if len(segs) > maxSegments {
			segs, cut = segs[:maxSegments], true
		}
		out[c] = make([]GanttSegment, len(segs))
		for i, s := range segs {
			out[c][i] = GanttSegment{Start: s.Start, End: s.End, What: occupants[s.What], PID: s.PID}
		}
	}
	return out, cut
}

func questionTexts(m analysis.Metrics, lang string) []QuestionText {
	out := []QuestionText{}
	for _, q := range analysis.Questions(m, lang) {
		out = append(out, QuestionText{Kind: q.Kind.String(), Job: q.Job, Text: q.Text()})
	}
	return out
}

// language is "ko" or "en".
func language(lang string) string {
	if lang == "ko" {
		return "ko"
	}
	return "en"
}

// checkSpecs checks the policies of a comparison.
func checkSpecs(specs []string) error {
	if len(specs) > maxCompare {
		return fmt.Errorf("compare at most %d policies at once", maxCompare)
	}
	for _, s := range specs {
		if len(s) > 200 {
			return fmt.Errorf("scheduler spec too long")
		}
		name, _, err := sched.ParseSpec(s)
		if err != nil {
			return fmt.Errorf("scheduler %q: %v", s, err)
		}
		if name == "manual" {
			return fmt.Errorf("the manual scheduler waits for your choices: run it in the playground, step by step")
		}
	}
	return nil
}

// runWorkload answers POST /api/run for a workload.
func (a *API) runWorkload(ctx context.Context, w http.ResponseWriter, req *RunRequest) {
	bad := func(msg string) {
		a.metrics.error("bad_request")
		writeJSON(w, http.StatusBadRequest, WorkloadResponse{Error: &Error{Type: "error", Code: "bad_request", Message: msg},
			Notes: []string{}, Runs: []WorkloadRun{}})
	}
	if !req.isWorkload() {
		bad("compare works with a workload (or an OSTEP problem), not with C files")
		return
	}
	if req.Events {
		bad("a workload's run comes back as metrics and Gantt charts, without events")
		return
	}
	if err := checkSpecs(req.Compare); err != nil {
		bad(err.Error())
		return
	}
	if err := req.Program.check(a.lim); err != nil {
		bad(err.Error())
		return
	}
	job, no := a.StartJob(ctx)
	if no != nil {
		no.Write(w, WorkloadResponse{Error: &Error{Type: "error", Code: no.Code, Message: no.Message},
			Notes: []string{}, Runs: []WorkloadRun{}})
		return
	}
	resp, err := func() (WorkloadResponse, error) {
		defer job.Done()
		return runWorkload(&req.Program, req.Compare, language(req.Lang), a.lim, job)
	}()
	if err != nil {
		a.metrics.run("api", "compile")
		code := "workload"
		var stop *stopError
		if errors.As(err, &stop) {
			code = stop.code
		}
		writeJSON(w, http.StatusOK, WorkloadResponse{Error: &Error{Type: "error", Code: code, Message: err.Error()},
			Notes: []string{}, Runs: []WorkloadRun{}})
		return
	}
	a.metrics.run("api", "ok")
	writeJSON(w, http.StatusOK, resp)
}

// runWorkload runs the workload under each policy of specs (the settings'
// policy if none) and gathers what the comparison shows.
func runWorkload(p *Program, specs []string, lang string, l Limits, job *Job) (WorkloadResponse, error) {
	wl, cfg, notes, err := p.setup(l, nil)
	if err != nil {
		return WorkloadResponse{}, err
	}
	if len(specs) == 0 {
		specs = []string{cfg.Sched}
		if err := checkSpecs(specs); err != nil {
			return WorkloadResponse{}, err
		}
	}
	resp := WorkloadResponse{OK: true, Workload: wl.String(), Notes: notes, Runs: []WorkloadRun{}}
	for _, spec := range specs {
		c := cfg
		c.Sched = spec
		o, err := runPolicy(wl, c, job)
		if err != nil {
			return WorkloadResponse{}, fmt.Errorf("%s: %w", spec, err)
		}
		run := WorkloadRun{Sched: o.sched, Metrics: schedMetrics(o.metrics), Questions: questionTexts(o.metrics, lang)}
		run.Gantt, run.GanttCut = ganttOf(o.gantt, o.metrics.CPUs)
		if o.err != nil {
			run.Error = o.err.Error()
		}
		resp.Runs = append(resp.Runs, run)
	}
	return resp, nil
}

// stopError is a run the server stopped at one of its limits: the code
// (deadline, memory_limit) and the message.
type stopError struct{ code, msg string }

func (e *stopError) Error() string { return e.msg }

// policyRun is a workload run to its end under one policy.
type policyRun struct {
	sched   string // the policy as a canonical spec
	metrics analysis.Metrics
	gantt   *analysis.Gantt
	err     error // why the run stopped early (a limit of the kernel's)
}

// runPolicy runs the workload under cfg's policy on the job's machine
// time, as analysis.RunWorkload does but interrupted at the job's deadline
// (or its memory limit), which is an error: no figures come back then.
func runPolicy(wl *kernel.Workload, cfg kernel.Config, job *Job) (*policyRun, error) {
	out := &policyRun{gantt: analysis.NewGantt()}
	meter := analysis.NewMeter(max(cfg.CPUs, 1))
	cfg.OnEvent = func(e kernel.Event) {
		meter.Add(e)
		out.gantt.Add(e)
	}
	m := kernel.New(cfg)
	if err := m.StartWorkload(wl); err != nil {
		return nil, err
	}
	switch job.Drive(m) {
	case codeDeadline:
		return nil, &stopError{codeDeadline, fmt.Sprintf("the runs took more than %s of server time: try a shorter workload", job.lim.RunTimeout)}
	case codeMemoryLimit:
		return nil, &stopError{codeMemoryLimit, memoryLimitMessage(job.lim.MaxSessionMemory)}
	}
	out.sched, out.metrics, out.err = m.Sched(), meter.Metrics(), m.Err()
	return out, nil
}
