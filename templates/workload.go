package templates

import (
	"strconv"
	"strings"
)

// WorkloadData is a workload the page opens: its text, or an OSTEP
// problem's command line, with the problem's notes.
type WorkloadData struct {
	Text  string   // the workload in its text form ("" for an OSTEP problem)
	OSTEP string   // the OSTEP command line, as "sched -p SJF -l 5,10,15"
	Notes []string // what the problem's conversion says
}

// CompareData is the comparison page's data.
type CompareData struct {
	Workload WorkloadData
	Specs    []string // the policies compared, as specs
	Boot     any      // the page's start-up data for the scripts, as JSON
}

// Mode is what the playground runs: "workload" (jobs without code) or
// "program" (C files).
func (d PlayData) Mode() string {
	if d.Workload != nil {
		return "workload"
	}
	return "program"
}

// policyLabel names the i-th policy field.
func policyLabel(p Page, i int) string {
	return replaceN(p.T("cmp.policy"), i+1)
}

func replaceN(s string, n int) string {
	return strings.ReplaceAll(s, "{n}", strconv.Itoa(n))
}
