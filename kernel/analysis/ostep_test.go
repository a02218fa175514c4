package analysis_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// ostepCase is an entry of the recorded OSTEP cases (see
// sched/ostep/testdata): the simulator's options and its output.
type ostepCase struct {
	Name    string   `json:"name"`
	Command string   `json:"command"`
	Args    []string `json:"args"`
	Exit    int      `json:"exit"`
	out     string
}

func ostepCases(t *testing.T) []ostepCase {
	t.Helper()
	var all []ostepCase
	for _, dir := range []string{filepath.Join(kernelDir, "sched/ostep/testdata/golden"), filepath.Join(kernelDir, "sched/ostep/testdata/extra")} {
		data, err := os.ReadFile(filepath.Join(dir, "cases.json"))
		if err != nil {
			t.Fatal(err)
		}
		var cases []ostepCase
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			out, err := os.ReadFile(filepath.Join(dir, c.Name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			c.out = string(out)
			c.Name = filepath.Base(dir) + "/" + c.Name
			all = append(all, c)
		}
	}
	return all
}

var (
	schedStats = regexp.MustCompile(`Job +(\d+) -- Response: ([\d.]+)  Turnaround ([\d.]+)  Wait ([\d.]+)`)
	mlfqStats  = regexp.MustCompile(`Job +(\d+): startTime +\d+ - response +(\d+) - turnaround +(\d+)`)
	runStats   = regexp.MustCompile(`Stats: Total Time (\d+)\nStats: CPU Busy (\d+)`)
)

// TestOSTEPProblems runs every recorded problem of scheduler.py and
// mlfq.py that has answers (-c) on the machine, converted by OSTEPProblem,
// and checks that the machine's metrics are the script's answers: each
// job's response, turnaround and wait (scheduler.py) or response and
// turnaround (mlfq.py).
func TestOSTEPProblems(t *testing.T) {
	checked := map[string]int{}
	for _, c := range ostepCases(t) {
		if c.Exit != 0 || c.Command == "process-run" {
			continue
		}
		p, err := analysis.OSTEPProblem(c.Command, c.Args)
		if err != nil {
			// Only problems the machine cannot state may fail: fractional
			// lengths, no answers asked, unknown policies, help.
			if strings.HasPrefix(c.Name, "golden/") {
				t.Errorf("%s: %v", c.Name, err)
			}
			continue
		}
		if !p.Solve {
			continue
		}
		o, err := analysis.RunWorkload(p.Workload, p.Config(kernel.Config{}))
		if err == nil {
			err = o.Err
		}
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		got := map[string]string{}
		var want []string
		switch c.Command {
		case "sched":
			for _, m := range schedStats.FindAllStringSubmatch(c.out, -1) {
				want = append(want, fmt.Sprintf("job%s %s %s %s", m[1], m[2], m[3], m[4]))
			}
			for _, pm := range o.Metrics.Procs {
				got[pm.Name] = fmt.Sprintf("%s %.2f %.2f %.2f", pm.Name, float64(pm.Response), float64(pm.Turnaround), float64(pm.Waiting))
			}
		case "mlfq":
			for _, m := range mlfqStats.FindAllStringSubmatch(c.out, -1) {
				want = append(want, fmt.Sprintf("job%s %s %s", m[1], m[2], m[3]))
			}
			for _, pm := range o.Metrics.Procs {
				got[pm.Name] = fmt.Sprintf("%s %d %d", pm.Name, pm.Response, pm.Turnaround)
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: no statistics in the recorded output", c.Name)
			continue
		}
		for _, w := range want {
			name, _, _ := strings.Cut(w, " ")
			if got[name] != w {
				t.Errorf("%s (osplay %s %s, as %s):\n  script  %s\n  machine %s", c.Name, c.Command, strings.Join(c.Args, " "), p.Sched, w, got[name])
			}
		}
		checked[c.Command]++
	}
	t.Logf("checked %d scheduler.py and %d mlfq.py problems", checked["sched"], checked["mlfq"])
	if checked["sched"] < 30 || checked["mlfq"] < 30 {
		t.Errorf("too few problems checked: %v", checked)
	}
}

// TestOSTEPProcessRun runs process-run.py's recorded problems that print
// statistics on the machine and checks the total time and the CPU's busy
// time. SWITCH_ON_END is stated exactly (one process admitted at a time,
// the CPU idle during its I/O); SWITCH_ON_IO as FCFS, which gives the
// same runs on these problems although process-run.py picks the next
// process in pid order rather than the one ready longest.
func TestOSTEPProcessRun(t *testing.T) {
	n := 0
	for _, c := range ostepCases(t) {
		if c.Command != "process-run" || c.Exit != 0 {
			continue
		}
		m := runStats.FindStringSubmatch(c.out)
		if m == nil {
			continue
		}
		p, err := analysis.OSTEPProblem(c.Command, c.Args)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		if strings.Contains(strings.Join(p.Notes, "\n"), "leaves it out") {
			continue // an empty process costs process-run.py a tick of nothing
		}
		o, err := analysis.RunWorkload(p.Workload, p.Config(kernel.Config{}))
		if err != nil {
			t.Fatal(err)
		}
		total, _ := strconv.ParseInt(m[1], 10, 64)
		busy, _ := strconv.ParseInt(m[2], 10, 64)
		if o.Metrics.Ticks != total || o.Metrics.Busy != busy {
			t.Errorf("%s (%s as %s): machine %d ticks, %d busy; script %d, %d", c.Name, strings.Join(c.Args, " "),
				p.Sched, o.Metrics.Ticks, o.Metrics.Busy, total, busy)
		}
		n++
	}
	if n < 40 {
		t.Errorf("only %d problems checked", n)
	}
}
