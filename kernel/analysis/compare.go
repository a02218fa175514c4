package analysis

import (
	"fmt"

	"osplay/kernel"
	"osplay/kernel/sched"
	"osplay/kernel/sched/ostep"
)

// Outcome is a finished run of a workload under one policy, what a
// comparison shows side by side: its metrics, its Gantt chart and, when
// asked for, its events.
type Outcome struct {
	Sched   string // the policy as a canonical spec ("rr:q=4")
	Metrics Metrics
	Gantt   *Gantt
	Events  []kernel.Event // only with Config.Record
	Err     error          // why the run stopped early (a limit), or nil
}

// RunWorkload runs w to the end on a machine configured by cfg (its Sched,
// Quantum, CPUs, ContextSwitch, Multiprogramming, Resident, limits; Record
// to keep the events).
func RunWorkload(w *kernel.Workload, cfg kernel.Config) (*Outcome, error) {
	spec, err := kernel.CanonicalSpec(cfg)
	if err != nil {
		return nil, err
	}
	if name, _, _ := sched.ParseSpec(spec); name == "manual" {
		return nil, fmt.Errorf("the manual scheduler waits for your choices: run it step by step")
	}
	out := &Outcome{Sched: spec, Gantt: NewGantt()}
	cpus := max(cfg.CPUs, 1)
	meter := NewMeter(cpus)
	user := cfg.OnEvent
	cfg.OnEvent = func(e kernel.Event) {
		meter.Add(e)
		out.Gantt.Add(e)
		if user != nil {
			user(e)
		}
	}
	m := kernel.New(cfg)
	if err := m.StartWorkload(w); err != nil {
		return nil, err
	}
	res := m.Run()
	out.Metrics = meter.Metrics()
	out.Events = m.Events()
	out.Err = res.Err
	return out, nil
}

// Compare runs w under each policy spec, with the rest of cfg the same.
func Compare(w *kernel.Workload, cfg kernel.Config, specs []string) ([]*Outcome, error) {
	if len(specs) == 0 {
		return nil, fmt.Errorf("no scheduler to compare")
	}
	var out []*Outcome
	for _, s := range specs {
		c := cfg
		c.Sched = s
		o, err := RunWorkload(w, c)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		out = append(out, o)
	}
	return out, nil
}

// Problem is an OSTEP homework problem stated for the machine: the
// workload and the configuration that give the simulator's answers.
type Problem struct {
	Command          string // "sched", "mlfq", "process-run"
	Args             []string
	Workload         *kernel.Workload
	Sched            string // the policy spec
	Multiprogramming int    // process-run's SWITCH_ON_END: 1
	Solve            bool   // the options asked for the answers (-c)
	Notes            []string
}

// Config is the configuration to run the problem with, on base.
func (p *Problem) Config(base kernel.Config) kernel.Config {
	base.Sched = p.Sched
	base.CPUs = 1
	base.ContextSwitch = 0
	base.Multiprogramming = p.Multiprogramming
	return base
}

// OSTEPProblem states a problem of the OSTEP homework simulators, given
// by the command (sched for scheduler.py, mlfq for mlfq.py, process-run
// for process-run.py) and its options, so that the playground can open it:
// osplay sched -p SJF -l 5,10,15 and the workload of jobs job0, job1 and
// job2 arriving at 0 under "sjf" give the same turnaround, response and
// wait times.
func OSTEPProblem(command string, args []string) (*Problem, error) {
	op, err := ostep.ParseProblem(command, args)
	if err != nil {
		return nil, err
	}
	w := &kernel.Workload{}
	for _, j := range op.Jobs {
		job := kernel.Job{Name: j.Name, Arrival: j.Start}
		for i, t := range j.Bursts {
			b := kernel.Burst{Ticks: t}
			if i%2 == 1 {
				b.IO, b.Device = true, kernel.DefaultDevice
			}
			job.Bursts = append(job.Bursts, b)
		}
		w.Jobs = append(w.Jobs, job)
	}
	if err := w.Check(); err != nil {
		return nil, fmt.Errorf("%s: %v", command, err)
	}
	return &Problem{Command: command, Args: append([]string(nil), args...), Workload: w, Sched: op.Spec,
		Multiprogramming: op.Multiprogramming, Solve: op.Solve, Notes: op.Notes}, nil
}
