package ostep

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
)

// Problem is a simulator's problem, as its options describe it, restated
// for osplay's machine: jobs made of CPU and I/O bursts, and the
// scheduling policy as an osplay spec (see package sched). Running the
// jobs under that policy on the machine gives the script's answers
// (turnaround, response and wait times) for scheduler.py and mlfq.py;
// Notes says where the machine's run may differ from the script's.
type Problem struct {
	Command string // "sched", "mlfq" or "process-run"
	Jobs    []ProblemJob
	Spec    string // the policy: "fcfs", "sjf", "rr:q=3", "mlfq:quanta=…"
	// Multiprogramming limits the processes admitted at once: 1 for
	// process-run's SWITCH_ON_END, where the CPU waits out each I/O.
	Multiprogramming int
	Solve            bool     // the script was asked for the answers (-c)
	Notes            []string // differences to expect between the machine and the script
}

// ProblemJob is one job: it arrives at Start and alternates CPU and I/O
// bursts, Bursts[0] on the CPU.
type ProblemJob struct {
	Name   string
	Start  int64
	Bursts []int64
}

// ParseProblem reads a simulator's options (command "sched", "mlfq" or
// "process-run") and states its problem. Random workloads are generated
// as the script generates them, so a seed gives the same jobs. It fails
// where the script fails, and where the machine cannot state the problem
// (a job of 2.5 seconds: the machine counts whole ticks).
func ParseProblem(command string, args []string) (*Problem, error) {
	var out bytes.Buffer
	var p *Problem
	var err error
	switch command {
	case "sched":
		p, err = schedulerProblem(args, &out)
	case "mlfq":
		p, err = mlfqProblem(args, &out)
	case "process-run":
		p, err = processRunProblem(args, &out)
	default:
		return nil, fmt.Errorf("unknown simulator %q (sched, mlfq, process-run)", command)
	}
	if err != nil {
		var exit *scriptExit
		if errors.As(err, &exit) {
			msg := exit.msg
			if msg == "" {
				msg = strings.TrimSpace(out.String())
			}
			if exit.code == 0 {
				msg = "only the help was asked for (-h)"
			}
			if i := strings.LastIndex(msg, "error: "); i >= 0 {
				msg = msg[i+len("error: "):]
			}
			return nil, fmt.Errorf("%s: %s", command, msg)
		}
		return nil, fmt.Errorf("%s: %v", command, err)
	}
	p.Command = command
	return p, nil
}

func schedulerProblem(args []string, out *bytes.Buffer) (*Problem, error) {
	o, err := parseScheduler(args, out)
	if err != nil {
		return nil, err
	}
	jobs, err := o.jobs()
	if err != nil {
		return nil, err
	}
	p := &Problem{Solve: o.solve}
	switch o.policy {
	case "FIFO":
		p.Spec = "fcfs"
	case "SJF":
		p.Spec = "sjf"
	case "RR":
		if o.quantum < 1 {
			return nil, fmt.Errorf("RR with a quantum of %d never finishes", o.quantum)
		}
		p.Spec = fmt.Sprintf("rr:q=%d", o.quantum)
	default:
		return nil, fmt.Errorf("policy %s is not available (FIFO, SJF, RR)", o.policy)
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("no jobs")
	}
	for _, j := range jobs {
		if j.length != math.Trunc(j.length) || j.length < 1 || j.length > 1<<40 {
			return nil, fmt.Errorf("job %d is %s long: the machine runs jobs of whole ticks, at least 1", j.id, j.lengthText)
		}
		p.Jobs = append(p.Jobs, ProblemJob{Name: fmt.Sprintf("job%d", j.id), Bursts: []int64{int64(j.length)}})
	}
	return p, nil
}

func mlfqProblem(args []string, out *bytes.Buffer) (*Problem, error) {
	cfg, jobs, solve, err := setupMLFQ(args, out)
	if err != nil {
		return nil, err
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("no jobs")
	}
	if cfg.ioTime < 0 {
		return nil, fmt.Errorf("an I/O of %d ticks", cfg.ioTime)
	}
	levels := len(cfg.quantum)
	quanta := make([]string, levels)
	allots := make([]string, levels)
	for i := range levels {
		q := levels - 1 - i // listed from the top
		if cfg.quantum[q] < 1 {
			return nil, fmt.Errorf("a quantum of %d at queue %d never ends", cfg.quantum[q], q)
		}
		quanta[i] = fmt.Sprint(cfg.quantum[q])
		allots[i] = fmt.Sprint(cfg.allotment[q])
	}
	spec := "mlfq:quanta=" + strings.Join(quanta, "/") + ",allots=" + strings.Join(allots, "/")
	if cfg.boost > 0 {
		spec += fmt.Sprintf(",boost=%d", cfg.boost)
	}
	if cfg.stay {
		spec += ",stay"
	}
	if cfg.ioBump {
		spec += ",iobump"
	}
	p := &Problem{Spec: spec, Solve: solve}
	for i, j := range jobs {
		if j.runTime < 1 {
			return nil, fmt.Errorf("job %d runs for %d ticks: the script stops with an error", i, j.runTime)
		}
		if j.startTime < 0 {
			return nil, fmt.Errorf("job %d starts at %d: it would never run", i, j.startTime)
		}
		// An I/O every ioFreq ticks of CPU, except after the last.
		var bursts []int64
		left := j.runTime
		for j.ioFreq > 0 && left > j.ioFreq {
			bursts = append(bursts, j.ioFreq, cfg.ioTime)
			left -= j.ioFreq
		}
		bursts = append(bursts, left)
		p.Jobs = append(p.Jobs, ProblemJob{Name: fmt.Sprintf("job%d", i), Start: j.startTime, Bursts: bursts})
	}
	if cfg.ioTime == 0 {
		p.Notes = append(p.Notes, "an I/O of 0 ticks ends at once on the machine, before jobs that arrive at the same tick")
	}
	return p, nil
}

func processRunProblem(args []string, out *bytes.Buffer) (*Problem, error) {
	sim, solve, _, err := setupProcessRun(args, out)
	if err != nil {
		return nil, err
	}
	p := &Problem{Spec: "fcfs", Solve: solve}
	if sim.switchPolicy == switchOnEnd {
		p.Multiprogramming = 1 // the CPU waits while the process does I/O
	} else {
		p.Notes = append(p.Notes, "process-run.py gives the CPU to the next ready process in pid order after the current one; the machine's FCFS to the one ready longest")
		if sim.ioDonePolicy == ioRunImmediate {
			p.Spec = "fcfs:wakefirst"
		}
	}
	// Each instruction takes a tick of CPU, "io" and "io_done" too; an I/O
	// takes io_length ticks between them.
	for pid, proc := range sim.procs {
		var bursts []int64
		cpu := int64(0)
		for _, inst := range proc.code {
			cpu++
			if inst == doIO {
				bursts = append(bursts, cpu, sim.ioLength)
				cpu = 0
			}
		}
		if cpu == 0 {
			p.Notes = append(p.Notes, fmt.Sprintf("process %d has no instructions: the machine leaves it out", pid))
			continue
		}
		bursts = append(bursts, cpu)
		p.Jobs = append(p.Jobs, ProblemJob{Name: fmt.Sprintf("proc%d", pid), Bursts: bursts})
	}
	return p, nil
}
