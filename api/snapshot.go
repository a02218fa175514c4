package api

import (
	"fmt"

	"osplay/kernel"
)

// procs lists every process not yet reaped, with its current source line.
func procs(list []kernel.ProcBrief) []Proc {
	out := make([]Proc, 0, len(list))
	for _, b := range list {
		out = append(out, Proc{PID: b.PID, PPID: b.PPID, Name: b.Name, State: b.State.String(),
			WaitOn: b.WaitOn, CPU: b.CPU, File: b.File, Line: b.Line, Func: b.Func,
			CPUTicks: b.CPUTicks})
	}
	return out
}

// pcb is the whole PCB of pid, or nil when it is gone.
func pcb(m *kernel.Machine, pid int) *PCB {
	v, ok := m.Process(pid)
	if !ok {
		return nil
	}
	p := &PCB{PID: v.PID, PPID: v.PPID, PGID: v.PGID, Name: v.Name, Argv: v.Argv,
		State: v.State.String(), Cause: v.Cause, WaitOn: v.WaitOn, CPU: v.CPU, Nice: v.Nice,
		CPUTicks: v.CPUTicks, Created: v.Created, Ended: v.Ended, Status: v.Status,
		Children: v.Children, Resident: v.Resident,
		Regs: Registers{PC: v.Regs.PC, Func: v.Regs.Func, File: v.Regs.File, Line: v.Regs.Line,
			SP: v.Regs.SP, FP: v.Regs.FP, Depth: v.Regs.Depth},
		Files: []OpenFD{}, Segments: []Segment{},
		Signals: Signals{Pending: signalNames(v.Signals.Pending), Blocked: signalNames(v.Signals.Blocked),
			Handled: signalNames(v.Signals.Handled), Ignored: signalNames(v.Signals.Ignored)}}
	if p.Children == nil {
		p.Children = []int{}
	}
	for _, f := range v.Files {
		p.Files = append(p.Files, OpenFD{FD: f.FD, Ino: f.Ino, Flags: f.Flags, Offset: f.Offset, Refs: f.Refs})
	}
	for _, s := range v.Segments {
		p.Segments = append(p.Segments, Segment{Name: s.Name, Start: s.Start, End: s.End, Prot: s.Prot})
	}
	return p
}

// signalNames names signals for the wire: SIGUSR1, SIGRTMIN+3.
func signalNames(sigs []int) []string {
	out := make([]string, len(sigs))
	for i, s := range sigs {
		out[i] = kernel.SignalName(s)
	}
	return out
}

// cpus reports the processors.
func cpus(m *kernel.Machine) []CPU {
	views := m.CPUs()
	out := make([]CPU, len(views))
	for i, c := range views {
		out[i] = CPU{ID: c.ID, PID: c.PID, Switching: c.Switching, Busy: c.Busy, Switch: c.Switch, Idle: c.IdleFor}
	}
	return out
}

// readyQueues lists each CPU's ready queue.
func readyQueues(m *kernel.Machine, n int) [][]int {
	out := make([][]int, n)
	for i := range out {
		out[i] = m.ReadyQueue(i)
		if out[i] == nil {
			out[i] = []int{}
		}
	}
	return out
}

// exitOf decodes a wait status as the lecture's slide 3.30 does: the low
// byte is the signal, the next byte the exit code.
func exitOf(status int) *Exit {
	e := &Exit{Status: status}
	if sig := status & 0x7f; sig != 0 {
		e.Signal = kernel.SignalName(sig)
		e.Core = status&0x80 != 0
		e.Describe = "killed by " + e.Signal
		if e.Core {
			e.Describe += " (core dumped)"
		}
		return e
	}
	code := status >> 8 & 0xff
	e.Code = &code
	e.Describe = fmt.Sprintf("exit code %d", code)
	return e
}

// devices lists the device queues.
func devices(m *kernel.Machine) []Device {
	out := []Device{}
	for _, d := range m.Devices() {
		q := d.Queue
		if q == nil {
			q = []int{}
		}
		out = append(out, Device{Name: d.Name, Serial: d.Serial, Queue: q})
	}
	return out
}

// asking lists the CPUs waiting for the user's choice.
func asking(m *kernel.Machine) []Ask {
	var out []Ask
	for _, a := range m.Asking() {
		out = append(out, Ask{CPU: a.CPU, Ready: a.Ready})
	}
	return out
}

func orEmpty(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
