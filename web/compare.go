package web

import (
	"net/http"
	"strings"

	"osplay/api"
	"osplay/kernel/analysis"
	"osplay/templates"
)

// sampleWorkload opens /play?workload= with nothing after it.
const sampleWorkload = "A 0 5 io:3 2\nB 2 8\nC 4 3\n"

// maxCompared is how many policies a comparison shows.
const maxCompared = 4

// compareBoot is what the comparison page's script starts from.
type compareBoot struct {
	Lang     string            `json:"lang"`
	Strings  map[string]string `json:"strings"`
	Workload string            `json:"workload,omitempty"`
	OSTEP    *api.OSTEPRef     `json:"ostep,omitempty"`
	Specs    []string          `json:"specs"`
	Settings api.Settings      `json:"settings"`
}

// openWorkload opens a workload from the address: ?workload=TEXT, or an
// OSTEP homework problem, ?ostep=sched&args=-p+SJF+-l+5,10,15 (also mlfq
// and process-run). With two policies or more (&sched=fcfs&sched=sjf) it
// renders the comparison and reports done; with one or none it prepares
// the playground's start-up data b to run the workload live, and returns
// what the page shows of it. It returns nil when the address opens no
// workload.
func (s *Server) openWorkload(w http.ResponseWriter, r *http.Request, p templates.Page, b *boot) (*templates.WorkloadData, bool) {
	q := r.URL.Query()
	_, hasText := q["workload"]
	command := strings.TrimSpace(q.Get("ostep"))
	if !hasText && command == "" {
		return nil, false
	}
	d := &templates.WorkloadData{}
	var ref *api.OSTEPRef
	problemSched := ""
	if command != "" {
		ref = &api.OSTEPRef{Command: command, Args: strings.TrimSpace(q.Get("args"))}
		d.OSTEP = strings.TrimSpace(command + " " + ref.Args)
		// A problem that does not parse is opened anyway: the page shows why
		// when it runs it.
		if prob, err := analysis.OSTEPProblem(ref.Command, strings.Fields(ref.Args)); err == nil {
			d.Notes, problemSched = prob.Notes, prob.Sched
		}
	} else if d.Text = q.Get("workload"); strings.TrimSpace(d.Text) == "" {
		d.Text = sampleWorkload
	}
	specs := comparedSpecs(q["sched"])
	if len(specs) >= 2 {
		settings := b.Settings
		settings.Sched = ""
		cb := compareBoot{Lang: p.Lang, Strings: b.Strings, Workload: d.Text, OSTEP: ref, Specs: specs, Settings: settings}
		p.Title = templates.T(p.Lang, "cmp.title")
		s.render(w, r, http.StatusOK, templates.Compare(p, templates.CompareData{Workload: *d, Specs: specs, Boot: cb}))
		return nil, true
	}
	if b.Settings.Sched == "" && problemSched != "" {
		b.Settings.Sched = problemSched
	}
	b.Workload, b.OSTEP = d.Text, ref
	return d, false
}

// comparedSpecs are the policies of ?sched=…&sched=…, at most
// maxCompared, blanks left out. Bad ones are kept: the page says what is
// wrong with them.
func comparedSpecs(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && len(v) <= 200 && len(out) < maxCompared {
			out = append(out, v)
		}
	}
	return out
}
