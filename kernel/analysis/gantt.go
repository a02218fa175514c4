package analysis

import (
	"fmt"
	"strings"

	"osplay/kernel"
)

// Occupant says what a CPU does during a Gantt segment.
type Occupant int

const (
	Running   Occupant = iota // a process runs
	Switching                 // a context switch
	Idling                    // nothing to run
)

// Segment is a stretch of one CPU's time.
type Segment struct {
	Start, End int64
	What       Occupant
	PID        int // Running: the process; Switching: the one switched to
	TID        int // its thread (the pid, for a single-threaded process)
}

// Gantt builds each CPU's timeline from the event stream, as a view would:
// it needs nothing but events.
type Gantt struct {
	cpus  [][]Segment
	names map[int]string
	order []int // pids in order of first appearance
	end   int64
}

// NewGantt returns an empty chart.
func NewGantt() *Gantt { return &Gantt{names: map[int]string{}} }

// Add takes one event into account.
func (g *Gantt) Add(e kernel.Event) {
	if e.Tick > g.end && e.Tick < 1<<60 {
		g.end = e.Tick
	}
	switch e.Kind {
	case kernel.KindCreate, kernel.KindExec:
		if _, seen := g.names[e.PID]; !seen {
			g.order = append(g.order, e.PID)
		}
		g.names[e.PID] = kernel.CommName(e.Name)
	case kernel.KindSwitch:
		g.open(e.CPU, e.Tick, Switching, e.Other, e.OtherTID)
	case kernel.KindDispatch:
		g.open(e.CPU, e.Tick, Running, e.PID, e.TID)
	case kernel.KindIdle:
		g.open(e.CPU, e.Tick, Idling, 0, 0)
	}
}

// open starts a new segment on cpu, ending the previous one.
func (g *Gantt) open(cpu int, t int64, what Occupant, pid, tid int) {
	if tid == 0 {
		tid = pid
	}
	for len(g.cpus) <= cpu {
		g.cpus = append(g.cpus, nil)
	}
	segs := g.cpus[cpu]
	if n := len(segs); n > 0 {
		segs[n-1].End = t
		if segs[n-1].Start == t {
			segs = segs[:n-1] // nothing happened in it
		}
	}
	if n := len(segs); n > 0 && segs[n-1].What == what && segs[n-1].PID == pid && segs[n-1].TID == tid {
		segs[n-1].End = -1 // the same occupant goes on
		g.cpus[cpu] = segs
		return
	}
	g.cpus[cpu] = append(segs, Segment{Start: t, End: -1, What: what, PID: pid, TID: tid})
}

// Segments returns cpu's timeline up to the last event.
func (g *Gantt) Segments(cpu int) []Segment {
	if cpu >= len(g.cpus) {
		return nil
	}
	out := append([]Segment(nil), g.cpus[cpu]...)
	if n := len(out); n > 0 && out[n-1].End < 0 {
		out[n-1].End = g.end
		if out[n-1].Start == out[n-1].End {
			out = out[:n-1]
		}
	}
	return out
}

// End is the last tick the chart covers.
func (g *Gantt) End() int64 { return g.end }

const ganttWidth = 64

// String draws the chart: one row per CPU, one letter per process.
func (g *Gantt) String() string {
	var b strings.Builder
	if g.end == 0 {
		return "Gantt chart: no time has passed\n"
	}
	scale := (g.end + ganttWidth - 1) / ganttWidth
	cols := int((g.end + scale - 1) / scale)
	letter := map[int]byte{}
	i := 0
	for _, pid := range g.order {
		if pid == 1 {
			continue // init never runs: the letters go to the processes that do
		}
		letter[pid] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[i%62]
		i++
	}
	fmt.Fprintf(&b, "Gantt chart, ticks 0 to %d, one column = %d tick%s\n", g.end, scale, plural(scale))
	for cpu := range g.cpus {
		row := make([]byte, cols)
		share := make([]int64, cols) // ticks of the winning occupant per column
		for _, s := range g.Segments(cpu) {
			ch := byte('.')
			switch s.What {
			case Running:
				ch = letter[s.PID]
			case Switching:
				ch = '*'
			}
			for col := int(s.Start / scale); col < cols && int64(col)*scale < s.End; col++ {
				lo, hi := max(s.Start, int64(col)*scale), min(s.End, int64(col+1)*scale)
				if n := hi - lo; n > share[col] || (n == share[col] && ch != '.' && row[col] == '.') {
					row[col], share[col] = ch, n
				}
			}
		}
		for i := range row {
			if row[i] == 0 {
				row[i] = ' '
			}
		}
		fmt.Fprintf(&b, "cpu%d |%s|\n", cpu, row)
	}
	b.WriteString("      ")
	for _, pid := range g.order {
		if pid == 1 {
			continue
		}
		fmt.Fprintf(&b, "%c = pid %d %s   ", letter[pid], pid, g.names[pid])
	}
	b.WriteString("* = context switch   . = idle\n")
	for cpu := range g.cpus {
		segs := g.Segments(cpu)
		fmt.Fprintf(&b, "cpu%d:", cpu)
		for i, s := range segs {
			if i == 40 {
				fmt.Fprintf(&b, " … (%d more)", len(segs)-i)
				break
			}
			what := "idle"
			switch s.What {
			case Running:
				what = fmt.Sprintf("pid %d", s.PID)
			case Switching:
				what = "switch"
			}
			fmt.Fprintf(&b, " [%d,%d) %s", s.Start, s.End, what)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func plural(n int64) string {
	if n == 1 {
		return ""
	}
	return "s"
}
