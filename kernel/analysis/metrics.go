package analysis

import (
	"fmt"
	"strings"

	"osplay/kernel"
)

// The scheduling metrics of the lecture, for each process and for the run,
// computed from the event stream alone, as a view computes them:
//
//	turnaround = completion − arrival
//	response   = first run − arrival
//	waiting    = ticks spent in the ready queue
//
// Arrival is the tick the process was created (a workload job's arrival).
// Time in the job queue (state new) and swapped out counts in turnaround
// and response but not in waiting, which is time ready for a CPU. A
// context switch saves one process's state and loads another's: it is a
// dispatch of another process than the one the CPU ran last. The first
// process a CPU runs is no switch (there is nothing to save), and the
// kernel charges Config.ContextSwitch for exactly the switches counted
// here, so SwitchTicks = ContextSwitches × the cost. Throughput is
// processes completed per tick; utilisation the share of the CPUs' time
// spent running processes. Averages are over the completed processes.
//
// A process's figures add up those of its threads: its CPU time is theirs
// together, its waiting time the ticks each of them spent ready; a
// context switch is from one thread to another (of the same process or
// not), as the kernel charges it.

// ProcMetrics are one process's figures. Ticks not yet known are -1.
type ProcMetrics struct {
	PID         int
	Name        string
	Arrival     int64
	FirstRun    int64
	Completion  int64
	Turnaround  int64
	Response    int64
	Waiting     int64 // ticks ready
	CPU         int64 // ticks running
	Blocked     int64 // ticks waiting for an event (I/O, a child, a timer)
	Dispatches  int
	Preemptions int
	Switches    int // context switches to it
}

// Metrics are a run's figures.
type Metrics struct {
	Procs           []ProcMetrics // in order of creation; init is left out
	Ticks           int64         // the time the run covers
	CPUs            int
	Busy            int64 // ticks the CPUs spent running processes, all CPUs together
	SwitchTicks     int64 // ticks spent in context switches
	Utilisation     float64
	Throughput      float64 // processes completed per tick
	Completed       int
	ContextSwitches int
	Dispatches      int
	Preemptions     int
	AvgTurnaround   float64
	AvgResponse     float64
	AvgWaiting      float64
}

// Meter computes Metrics from events, one at a time.
type Meter struct {
	cpus    int
	procs   []*ProcMetrics
	byPID   map[int]*ProcMetrics
	since   map[int]int64        // tid → tick it entered its current state
	state   map[int]kernel.State // tid → its state
	threads map[int][]int        // pid → the tids of its threads seen so far
	lastTID []int                // per CPU: the thread it last dispatched
	end     int64
	m       Metrics
}

// NewMeter returns a meter for a machine with cpus CPUs.
func NewMeter(cpus int) *Meter {
	return &Meter{cpus: max(cpus, 1), byPID: map[int]*ProcMetrics{}, since: map[int]int64{},
		state: map[int]kernel.State{}, threads: map[int][]int{}, lastTID: make([]int, max(cpus, 1))}
}

// Add takes one event into account.
func (mt *Meter) Add(e kernel.Event) {
	tid := e.TID
	if tid == 0 {
		tid = e.PID // an event made without a thread: its process's main one
	}
	if e.Tick > mt.end && e.Tick < 1<<60 {
		mt.end = e.Tick
	}
	switch e.Kind {
	case kernel.KindCreate:
		if e.PID == 1 {
			return
		}
		p := &ProcMetrics{PID: e.PID, Name: e.Name, Arrival: e.Tick, FirstRun: -1, Completion: -1, Turnaround: -1, Response: -1}
		mt.procs = append(mt.procs, p)
		mt.byPID[e.PID] = p
		mt.since[tid] = e.Tick
		mt.state[tid] = kernel.StateNew
		mt.threads[e.PID] = []int{tid}
	case kernel.KindThreadCreate:
		mt.since[tid] = e.Tick
		mt.state[tid] = kernel.StateNew
		mt.threads[e.PID] = append(mt.threads[e.PID], tid)
	case kernel.KindExec:
		if p := mt.byPID[e.PID]; p != nil {
			p.Name = kernel.CommName(e.Name)
		}
	case kernel.KindState:
		p := mt.byPID[e.PID]
		if p == nil {
			return
		}
		d := e.Tick - mt.since[tid]
		switch e.From {
		case kernel.StateReady:
			p.Waiting += d
		case kernel.StateRunning:
			p.CPU += d
			mt.m.Busy += d
		case kernel.StateWaiting, kernel.StateSuspendedWaiting:
			p.Blocked += d
		}
		mt.since[tid] = e.Tick
		mt.state[tid] = e.To
	case kernel.KindExit:
		if p := mt.byPID[e.PID]; p != nil {
			p.Completion = e.Tick
			p.Turnaround = e.Tick - p.Arrival
		}
	case kernel.KindDispatch:
		mt.m.Dispatches++
		if p := mt.byPID[e.PID]; p != nil {
			p.Dispatches++
			if p.FirstRun < 0 {
				p.FirstRun = e.Tick
				p.Response = e.Tick - p.Arrival
			}
		}
		if e.CPU >= 0 && e.CPU < len(mt.lastTID) {
			if last := mt.lastTID[e.CPU]; last != 0 && last != tid {
				mt.m.ContextSwitches++
				if p := mt.byPID[e.PID]; p != nil {
					p.Switches++
				}
			}
			mt.lastTID[e.CPU] = tid
		}
	case kernel.KindPreempt:
		mt.m.Preemptions++
		if p := mt.byPID[e.PID]; p != nil {
			p.Preemptions++
		}
	case kernel.KindSwitch:
		mt.m.SwitchTicks += e.Ticks
	}
}

// Metrics returns the figures so far. Processes still running are
// counted up to the last event.
func (mt *Meter) Metrics() Metrics {
	m := mt.m
	m.CPUs = mt.cpus
	m.Ticks = mt.end
	m.Procs = make([]ProcMetrics, len(mt.procs))
	var turnaround, response, waiting int64
	for i, p := range mt.procs {
		v := *p
		if p.Completion < 0 {
			for _, tid := range mt.threads[p.PID] {
				d := mt.end - mt.since[tid]
				switch mt.state[tid] {
				case kernel.StateReady:
					v.Waiting += d
				case kernel.StateRunning:
					v.CPU += d
					m.Busy += d
				case kernel.StateWaiting, kernel.StateSuspendedWaiting:
					v.Blocked += d
				}
			}
		} else {
			m.Completed++
			turnaround += v.Turnaround
			response += max(v.Response, 0)
			waiting += v.Waiting
		}
		m.Procs[i] = v
	}
	if m.Completed > 0 {
		n := float64(m.Completed)
		m.AvgTurnaround = float64(turnaround) / n
		m.AvgResponse = float64(response) / n
		m.AvgWaiting = float64(waiting) / n
	}
	if m.Ticks > 0 {
		m.Utilisation = float64(m.Busy) / float64(m.Ticks*int64(m.CPUs))
		m.Throughput = float64(m.Completed) / float64(m.Ticks)
	}
	return m
}

// MetricsOf computes the metrics of a recorded run.
func MetricsOf(events []kernel.Event, cpus int) Metrics {
	mt := NewMeter(cpus)
	for _, e := range events {
		mt.Add(e)
	}
	return mt.Metrics()
}

// Proc returns the figures of the process named name (the first such), or
// of pid if name is a number, and whether there is one.
func (m Metrics) Proc(name string) (ProcMetrics, bool) {
	for _, p := range m.Procs {
		if p.Name == name || fmt.Sprint(p.PID) == name {
			return p, true
		}
	}
	return ProcMetrics{}, false
}

// String draws the metrics as a table.
func (m Metrics) String() string {
	var b strings.Builder
	tick := func(t int64) string {
		if t < 0 {
			return "-"
		}
		return fmt.Sprint(t)
	}
	fmt.Fprintf(&b, "%5s %-15s %7s %7s %10s %10s %8s %7s %5s %8s\n",
		"pid", "name", "arrival", "first", "completion", "turnaround", "response", "waiting", "cpu", "switches")
	for _, p := range m.Procs {
		fmt.Fprintf(&b, "%5d %-15s %7d %7s %10s %10s %8s %7d %5d %8d\n",
			p.PID, p.Name, p.Arrival, tick(p.FirstRun), tick(p.Completion), tick(p.Turnaround),
			tick(p.Response), p.Waiting, p.CPU, p.Switches)
	}
	fmt.Fprintf(&b, "average over %d completed: turnaround %.2f, response %.2f, waiting %.2f\n",
		m.Completed, m.AvgTurnaround, m.AvgResponse, m.AvgWaiting)
	fmt.Fprintf(&b, "%d ticks on %d CPU%s: utilisation %.1f%%, throughput %.4f per tick, %d context switches, %d preemptions\n",
		m.Ticks, m.CPUs, plural(int64(m.CPUs)), 100*m.Utilisation, m.Throughput, m.ContextSwitches, m.Preemptions)
	return b.String()
}
