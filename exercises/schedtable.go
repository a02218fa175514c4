package exercises

import (
	"strings"

	"osplay/kernel/analysis"
)

// SchedTable is the lecture's metrics table of a checked run: per process
// arrival, first run, completion, turnaround, response, waiting and CPU
// time, with the averages and the run's figures. Its JSON is the one the
// playground's metrics table reads (api's SchedMetrics).
type SchedTable struct {
	Procs           []SchedRow `json:"procs"`
	Ticks           int64      `json:"ticks"`
	CPUs            int        `json:"cpus"`
	Busy            int64      `json:"busy"`
	Utilisation     float64    `json:"utilisation"`
	Throughput      float64    `json:"throughput"`
	Completed       int        `json:"completed"`
	ContextSwitches int        `json:"contextSwitches"`
	Preemptions     int        `json:"preemptions"`
	AvgTurnaround   float64    `json:"avgTurnaround"`
	AvgResponse     float64    `json:"avgResponse"`
	AvgWaiting      float64    `json:"avgWaiting"`
	// Children are the averages over the processes the program created
	// (every one but the first), which the exercises' questions ask about.
	Children *SchedAverages `json:"children,omitempty"`
}

// SchedAverages are averages over some of a table's processes.
type SchedAverages struct {
	Count         int     `json:"count"`
	AvgTurnaround float64 `json:"avgTurnaround"`
	AvgResponse   float64 `json:"avgResponse"`
	AvgWaiting    float64 `json:"avgWaiting"`
}

// SchedRow is one process's figures; ticks not known are -1.
type SchedRow struct {
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
	Preemptions int    `json:"preemptions"`
	Switches    int    `json:"switches"`
}

// maxTableRows bounds the table of a run that forks without end.
const maxTableRows = 200

// schedules reports whether x is about scheduling: its topic, or a check
// or a question's answer measured by the scheduling metrics.
func (x *Exercise) schedules() bool {
	if x.Topic == "sched" {
		return true
	}
	for _, c := range x.Checks {
		if c.Type == CheckMetric || c.Verify != nil && c.Verify.Type == CheckMetric {
			return true
		}
	}
	return false
}

// answeredAll reports whether every question of x has an answer.
func (x *Exercise) answeredAll(answers map[string]string) bool {
	for _, c := range x.Checks {
		if c.Type == CheckQuestion && strings.TrimSpace(answers[c.ID]) == "" {
			return false
		}
	}
	return true
}

// schedTable is the table of run t, for a scheduling exercise whose
// questions are all answered: the table shows what they ask (an average
// response time, the order of completion), so never before.
func (x *Exercise) schedTable(t *trace, answers map[string]string) *SchedTable {
	if !x.schedules() || !t.ran() || t.meter == nil || !x.answeredAll(answers) {
		return nil
	}
	table := newSchedTable(t.metrics)
	if n := len(t.selected("children")); n > 0 {
		avg := func(metric string) float64 {
			v, _ := (&Check{Metric: metric, Of: "children"}).metric(t)
			return v
		}
		table.Children = &SchedAverages{Count: n, AvgTurnaround: avg("turnaround"), AvgResponse: avg("response"), AvgWaiting: avg("waiting")}
	}
	return table
}

func newSchedTable(m analysis.Metrics) *SchedTable {
	out := &SchedTable{Procs: []SchedRow{}, Ticks: m.Ticks, CPUs: m.CPUs, Busy: m.Busy, Utilisation: m.Utilisation,
		Throughput: m.Throughput, Completed: m.Completed, ContextSwitches: m.ContextSwitches, Preemptions: m.Preemptions,
		AvgTurnaround: m.AvgTurnaround, AvgResponse: m.AvgResponse, AvgWaiting: m.AvgWaiting}
	for i, p := range m.Procs {
		if i == maxTableRows {
			break
		}
		out.Procs = append(out.Procs, SchedRow{PID: p.PID, Name: p.Name, Arrival: p.Arrival, FirstRun: p.FirstRun,
			Completion: p.Completion, Turnaround: p.Turnaround, Response: p.Response, Waiting: p.Waiting, CPU: p.CPU,
			Blocked: p.Blocked, Preemptions: p.Preemptions, Switches: p.Switches})
	}
	return out
}
