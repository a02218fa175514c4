package api

import (
	"strings"

	"osplay/kernel"
)

// ProcStats is what a headless run reports of one process: its output and
// the scheduling figures of the lecture (turnaround, response, waiting).
type ProcStats struct {
	PID        int      `json:"pid"`
	PPID       int      `json:"ppid"`
	Name       string   `json:"name"`
	Argv       []string `json:"argv"`
	Stdout     string   `json:"stdout"`
	Stderr     string   `json:"stderr"`
	Exit       *Exit    `json:"exit,omitempty"` // nil if it had not ended when the run stopped
	Created    int64    `json:"created"`
	Ended      int64    `json:"ended,omitempty"`
	FirstRun   int64    `json:"firstRun"` // tick of its first dispatch, -1 if never
	CPUTicks   int64    `json:"cpuTicks"`
	Waiting    int64    `json:"waiting"`              // ticks spent ready, waiting for a CPU
	Turnaround int64    `json:"turnaround,omitempty"` // Ended - Created
	Response   int64    `json:"response"`             // FirstRun - Created, -1 if never run
}

// RunMetrics are the whole run's figures.
type RunMetrics struct {
	Ticks           int64   `json:"ticks"`
	CPUTicks        int64   `json:"cpuTicks"`
	CPUs            []CPU   `json:"cpus"`
	Utilisation     float64 `json:"utilisation"` // busy ticks / (CPUs × ticks)
	ContextSwitches int     `json:"contextSwitches"`
	Dispatches      int     `json:"dispatches"`
	Preemptions     int     `json:"preemptions"`
	Syscalls        int     `json:"syscalls"`
	Processes       int     `json:"processes"` // created, init included
	Events          int64   `json:"events"`
}

// stats gathers a run's figures from its events, as a view would. It
// follows the first maxProcs processes created; the others are counted
// only (a fork loop creates thousands).
type stats struct {
	maxProcs int
	procs    map[int]*ProcStats
	order    []int
	ready    map[int]int64 // pid → tick it became ready
	metrics  RunMetrics
	out      map[int]*[2]strings.Builder
}

func newStats(maxProcs int) *stats {
	return &stats{maxProcs: maxProcs, procs: map[int]*ProcStats{}, ready: map[int]int64{}, out: map[int]*[2]strings.Builder{}}
}

func (s *stats) add(e kernel.Event) {
	s.metrics.Events++
	switch e.Kind {
	case kernel.KindCreate:
		s.metrics.Processes++
		if len(s.order) >= s.maxProcs {
			return
		}
		s.procs[e.PID] = &ProcStats{PID: e.PID, PPID: e.Other, Name: e.Name, Argv: e.Argv, Created: e.Tick, FirstRun: -1}
		s.order = append(s.order, e.PID)
	case kernel.KindExec:
		if p := s.procs[e.PID]; p != nil {
			p.Argv = e.Argv
		}
	case kernel.KindState:
		if e.To == kernel.StateReady {
			s.ready[e.PID] = e.Tick
		} else if t, ok := s.ready[e.PID]; ok && e.From == kernel.StateReady {
			if p := s.procs[e.PID]; p != nil {
				p.Waiting += e.Tick - t
			}
			delete(s.ready, e.PID)
		}
	case kernel.KindDispatch:
		s.metrics.Dispatches++
		if p := s.procs[e.PID]; p != nil && p.FirstRun < 0 {
			p.FirstRun = e.Tick
		}
	case kernel.KindPreempt:
		s.metrics.Preemptions++
	case kernel.KindSwitch:
		s.metrics.ContextSwitches++
	case kernel.KindSyscall:
		s.metrics.Syscalls++
	case kernel.KindAdopt:
		if p := s.procs[e.PID]; p != nil {
			p.PPID = e.Other
		}
	case kernel.KindOutput:
		if s.procs[e.PID] == nil {
			return
		}
		b := s.out[e.PID]
		if b == nil {
			b = &[2]strings.Builder{}
			s.out[e.PID] = b
		}
		if e.FD == 2 {
			b[1].Write(e.Data)
		} else {
			b[0].Write(e.Data)
		}
	}
}

// finish completes the figures with the machine's final accounting.
func (s *stats) finish(m *kernel.Machine) []ProcStats {
	res := m.Result()
	s.metrics.Ticks, s.metrics.CPUTicks = res.Ticks, res.CPUTicks
	s.metrics.CPUs = cpus(m)
	if res.Ticks > 0 && len(s.metrics.CPUs) > 0 {
		var busy int64
		for _, c := range s.metrics.CPUs {
			busy += c.Busy
		}
		s.metrics.Utilisation = float64(busy) / float64(res.Ticks*int64(len(s.metrics.CPUs)))
	}
	for _, sum := range res.Procs {
		if p := s.procs[sum.PID]; p != nil {
			p.Name, p.Ended, p.CPUTicks, p.Exit = sum.Name, sum.Ended, sum.CPUTicks, exitOf(sum.Status)
			p.Turnaround = sum.Ended - p.Created
		}
	}
	for _, v := range m.Processes() {
		if p := s.procs[v.PID]; p != nil && p.Exit == nil {
			p.Name, p.CPUTicks = v.Name, v.CPUTicks
		}
	}
	out := make([]ProcStats, 0, len(s.order))
	for _, pid := range s.order {
		p := s.procs[pid]
		if p.FirstRun >= 0 {
			p.Response = p.FirstRun - p.Created
		} else {
			p.Response = -1
		}
		if b := s.out[pid]; b != nil {
			p.Stdout, p.Stderr = b[0].String(), b[1].String()
		}
		if p.Argv == nil {
			p.Argv = []string{}
		}
		out = append(out, *p)
	}
	return out
}
